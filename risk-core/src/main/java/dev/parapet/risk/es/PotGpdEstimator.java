package dev.parapet.risk.es;

import dev.parapet.api.Checks;
import dev.parapet.risk.EstimationException;
import dev.parapet.risk.InsufficientHistoryException;
import dev.parapet.risk.internal.TailMath;
import java.util.Arrays;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Peaks-over-threshold VaR and ES with a generalised Pareto tail (see {@link RiskEstimators#evt(double, int)}).
 * <p>
 * The threshold is the empirical loss quantile at {@code thresholdQuantile}: with
 * {@code N_u = floor(n (1 - thresholdQuantile))} the exceedances are the {@code N_u} largest losses and
 * {@code u} is the next one, {@code L(N_u + 1)} in decreasing order. The GPD is fitted to the excesses
 * {@code L(i) - u} by maximum likelihood over {@code (xi, ln beta)} with the Nelder–Mead simplex, started
 * from the method-of-moments estimates {@code xi0 = (1 - m^2/s^2) / 2}, {@code beta0 = m (m^2/s^2 + 1) / 2}
 * (Hosking and Wallis 1987, Technometrics 29(3), Section 3) and restarted from its own optimum until the
 * likelihood stops improving.
 */
final class PotGpdEstimator extends AbstractEstimator {

  private final double thresholdQuantile;
  private final int minimumExceedances;

  PotGpdEstimator(double thresholdQuantile, int minimumExceedances) {
    super(EsMethod.EVT, minimumObservations(thresholdQuantile, minimumExceedances));
    this.thresholdQuantile = thresholdQuantile;
    this.minimumExceedances = minimumExceedances;
  }

  private static int minimumObservations(double thresholdQuantile, int minimumExceedances) {
    Checks.openUnitInterval(thresholdQuantile, "thresholdQuantile");
    Checks.positive(minimumExceedances, "minimumExceedances");
    int n = (int) Math.ceil(minimumExceedances / (1 - thresholdQuantile) - 1e-9);
    while (exceedances(n, thresholdQuantile) < minimumExceedances) {
      n++;
    }
    return n;
  }

  private static int exceedances(int n, double thresholdQuantile) {
    return TailMath.fullTailCount(TailMath.tailSize(n, thresholdQuantile), n);
  }

  @Override
  RiskEstimate compute(double[] pnl, double confidence) {
    Checks.check(confidence > thresholdQuantile, "confidence", confidence,
        "above the EVT threshold quantile " + thresholdQuantile);
    GpdFit fit = fit(pnl);
    return new RiskEstimate(EsMethod.EVT, confidence, pnl.length, fit.valueAtRisk(confidence),
        fit.expectedShortfall(confidence));
  }

  GpdFit fit(double[] pnl) {
    validate(pnl, RiskEstimator.DEFAULT_CONFIDENCE, EsMethod.EVT.label(), minimumObservations());
    int n = pnl.length;
    double[] losses = new double[n];
    for (int i = 0; i < n; i++) {
      losses[i] = -pnl[i];
    }
    int nu = exceedances(n, thresholdQuantile);
    if (nu < minimumExceedances) {
      throw new InsufficientHistoryException("evt tail fit (exceedances)", minimumExceedances, nu);
    }
    double u = TailMath.nthLargest(losses, n, nu);
    double[] y = new double[nu];
    for (int i = 0; i < nu; i++) {
      y[i] = losses[i] - u;
    }
    Arrays.sort(y);
    return fitExcesses(y, u, n);
  }

  /** Fits the GPD to excesses {@code y} (sorted ascending) over threshold {@code u} among {@code n} observations. */
  static GpdFit fitExcesses(double[] y, double u, int n) {
    int k = y.length;
    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= k;
    double var = 0;
    for (double v : y) {
      var += (v - mean) * (v - mean);
    }
    var /= Math.max(k - 1, 1);
    if (!(mean > 0)) {
      throw new EstimationException(
          "evt tail fit needs losses above the threshold " + u + "; every exceedance equals it");
    }
    double ratio = var > 0 ? mean * mean / var : 1;
    double xi0 = Math.max(-0.45, Math.min(0.9, 0.5 * (1 - ratio)));
    double beta0 = Math.max(0.5 * mean * (ratio + 1), 1e-12 * mean);
    MultivariateFunction nll = p -> -logLikelihood(y, p[0], Math.exp(p[1]));
    SimplexOptimizer optimizer = new SimplexOptimizer(1e-13, 1e-15);
    double[] start = {xi0, Math.log(beta0)};
    double best = nll.value(start);
    if (!Double.isFinite(best)) {
      // a negative moment estimate of xi may put the largest excess outside the support; any xi >= 0 is inside
      start[0] = 0.1;
      best = nll.value(start);
    }
    for (int round = 0; round < 20; round++) {
      PointValuePair p = optimizer.optimize(new MaxEval(20_000), new ObjectiveFunction(nll), GoalType.MINIMIZE,
          new InitialGuess(start), new NelderMeadSimplex(new double[] {0.05, 0.05}));
      boolean improved = p.getValue() < best - 1e-12 * Math.abs(best);
      if (p.getValue() <= best) {
        start = p.getPoint();
        best = p.getValue();
      }
      if (!improved && round > 0) {
        break;
      }
    }
    return new GpdFit(u, start[0], Math.exp(start[1]), k, n, -best);
  }

  /** The GPD log-likelihood of excesses {@code y}; {@code -infinity} outside the support. */
  static double logLikelihood(double[] y, double xi, double beta) {
    int k = y.length;
    if (!(beta > 0) || !Double.isFinite(beta)) {
      return Double.NEGATIVE_INFINITY;
    }
    if (Math.abs(xi) < 1e-12) {
      double s = 0;
      for (double v : y) {
        s += v;
      }
      return -k * Math.log(beta) - s / beta;
    }
    double s = 0;
    for (double v : y) {
      double t = xi * v / beta;
      if (t <= -1) {
        return Double.NEGATIVE_INFINITY;
      }
      s += Math.log1p(t);
    }
    return -k * Math.log(beta) - (1 + 1 / xi) * s;
  }

  double thresholdQuantile() {
    return thresholdQuantile;
  }

  @Override
  public String toString() {
    return "evt(thresholdQuantile=" + thresholdQuantile + ", minimumExceedances=" + minimumExceedances + ")";
  }
}
