package dev.parapet.risk.es;

import dev.parapet.risk.internal.TailMath;

/** Historical simulation with the Acerbi–Tasche tail convention (see {@link RiskEstimators#historical()}). */
final class HistoricalEstimator extends AbstractEstimator {

  HistoricalEstimator() {
    super(EsMethod.HISTORICAL, 1);
  }

  @Override
  RiskEstimate compute(double[] pnl, double confidence) {
    return historical(EsMethod.HISTORICAL, pnl, 1.0, confidence);
  }

  /** Historical VaR and ES of {@code scale * pnl}. */
  static RiskEstimate historical(EsMethod method, double[] pnl, double scale, double confidence) {
    int n = pnl.length;
    double[] losses = new double[n];
    for (int i = 0; i < n; i++) {
      losses[i] = -scale * pnl[i];
    }
    double[] out = new double[2];
    TailMath.historical(losses, n, confidence, out);
    return new RiskEstimate(method, confidence, n, out[0], out[1]);
  }
}
