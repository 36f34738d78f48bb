package dev.parapet.risk.es;

import dev.parapet.api.Checks;
import dev.parapet.risk.internal.TailMath;

/**
 * Filtered historical simulation with EWMA volatility (see {@link RiskEstimators#filteredHistorical(double)}).
 * <p>
 * Zero-mean EWMA variance {@code s2(t+1) = lambda s2(t) + (1 - lambda) r(t)^2} (J.P. Morgan/Reuters 1996,
 * RiskMetrics Technical Document, Section 5.2.1), seeded with the mean square of the whole series,
 * {@code s2(1) = (1/n) sum r(t)^2}. Each observation is devolatilised, {@code z(t) = r(t) / s(t)}, and
 * rescaled to today's forecast {@code s(n+1)}; VaR and ES are then historical (Acerbi–Tasche) on
 * {@code z(t) s(n+1)} (Hull and White 1998, "Incorporating volatility updating into the historical
 * simulation method for value-at-risk", J. Risk 1(1); Barone-Adesi, Giannopoulos and Vosper 1999,
 * J. Futures Markets 19(5)). An observation whose forecast variance is 0 contributes a scenario of 0.
 */
final class FilteredHistoricalEstimator extends AbstractEstimator {

  private final double lambda;

  FilteredHistoricalEstimator(double lambda) {
    super(EsMethod.FILTERED_HISTORICAL, 2);
    this.lambda = Checks.openUnitInterval(lambda, "lambda");
  }

  double lambda() {
    return lambda;
  }

  @Override
  RiskEstimate compute(double[] pnl, double confidence) {
    int n = pnl.length;
    double s2 = 0;
    for (double r : pnl) {
      s2 += r * r;
    }
    s2 /= n;
    double[] losses = new double[n];
    double[] vol = new double[n];
    for (int t = 0; t < n; t++) {
      vol[t] = Math.sqrt(s2);
      s2 = lambda * s2 + (1 - lambda) * pnl[t] * pnl[t];
    }
    double today = Math.sqrt(s2);
    for (int t = 0; t < n; t++) {
      losses[t] = vol[t] > 0 ? -pnl[t] / vol[t] * today : 0;
    }
    double[] out = new double[2];
    TailMath.historical(losses, n, confidence, out);
    return new RiskEstimate(EsMethod.FILTERED_HISTORICAL, confidence, n, out[0], out[1]);
  }

  @Override
  public String toString() {
    return "fhs(lambda=" + lambda + ")";
  }
}
