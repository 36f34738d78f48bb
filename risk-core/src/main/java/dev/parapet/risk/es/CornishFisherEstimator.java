package dev.parapet.risk.es;

import dev.parapet.risk.internal.Moments;

/**
 * Cornish–Fisher VaR and ES (see {@link RiskEstimators#cornishFisher()}).
 * <p>
 * With {@code z = Phi^-1(alpha)}, skewness {@code S} and excess kurtosis {@code K} of the loss, the
 * Cornish–Fisher quantile is {@code z_cf = z + (z^2 - 1) S / 6 + (z^3 - 3z) K / 24 - (2z^3 - 5z) S^2 / 36}
 * (Cornish and Fisher 1938; Favre and Galeano 2002, "Mean-modified value-at-risk optimization with hedge
 * funds", J. Alternative Investments 5(2), eq. 3). ES is the mean of that quantile function over the tail,
 * {@code (1 / (1 - alpha)) * integral_alpha^1 z_cf(u) du}; with the truncated normal moments
 * {@code int_z^inf t^k phi(t) dt} = {@code 1 - alpha}, {@code phi(z)}, {@code z phi(z) + 1 - alpha},
 * {@code (z^2 + 2) phi(z)} for k = 0..3 it is exactly
 * {@code phi(z) / (1 - alpha) * [1 + z S / 6 + (z^2 - 1) K / 24 - (2 z^2 - 1) S^2 / 36]}, the
 * modified ES of Boudt, Peterson and Croux (2008, "Estimation and decomposition of downside risk for
 * portfolios with non-normal returns", J. Risk 11(2)) without their second-order truncation.
 */
final class CornishFisherEstimator extends AbstractEstimator {

  CornishFisherEstimator() {
    super(EsMethod.CORNISH_FISHER, 4);
  }

  @Override
  RiskEstimate compute(double[] pnl, double confidence) {
    Moments m = Moments.of(pnl, true);
    double s = m.skewness();
    double k = m.excessKurtosis();
    double z = Distributions.normalQuantile(confidence);
    double z2 = z * z;
    double zcf = z + (z2 - 1) * s / 6 + (z2 * z - 3 * z) * k / 24 - (2 * z2 * z - 5 * z) * s * s / 36;
    double escf = Distributions.normalDensity(z) / (1 - confidence)
        * (1 + z * s / 6 + (z2 - 1) * k / 24 - (2 * z2 - 1) * s * s / 36);
    double sd = m.standardDeviation();
    return new RiskEstimate(EsMethod.CORNISH_FISHER, confidence, pnl.length, m.mean() + sd * zcf,
        m.mean() + sd * escf);
  }
}
