package dev.parapet.risk.es;

import dev.parapet.risk.internal.Moments;

/** Parametric normal VaR and ES (see {@link RiskEstimators#normal()}). */
final class NormalEstimator extends AbstractEstimator {

  NormalEstimator() {
    super(EsMethod.NORMAL, 2);
  }

  @Override
  RiskEstimate compute(double[] pnl, double confidence) {
    Moments m = Moments.of(pnl, true);
    double z = Distributions.normalQuantile(confidence);
    double var = m.mean() + m.standardDeviation() * z;
    double es = m.mean() + m.standardDeviation() * Distributions.normalDensity(z) / (1 - confidence);
    return new RiskEstimate(EsMethod.NORMAL, confidence, pnl.length, var, es);
  }
}
