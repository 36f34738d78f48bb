package dev.parapet.risk.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CornishFisherEstimatorTest {

  private static final double Z975 = 1.959963984540054; // Phi^-1(0.975), scipy.stats.norm
  private static final double PHI_Z975 = 0.05844506980503538; // phi(Z975) = 2.3378027922014133 * 0.025

  @Test
  void var_is_the_cornish_fisher_quantile_of_the_sample_moments() {
    long seed = 41L;
    System.out.println("seed=" + seed);
    double[] x = Samples.studentT(new Random(seed), 3_000, 6, 0.0, 0.01);
    double[] m = lossMoments(x);
    double s = m[2];
    double k = m[3];
    double z = Z975;
    double zcf = z + (z * z - 1) * s / 6 + (z * z * z - 3 * z) * k / 24 - (2 * z * z * z - 5 * z) * s * s / 36;
    RiskEstimate e = RiskEstimators.cornishFisher().estimate(x, 0.975);
    assertThat(e.var()).isCloseTo(m[0] + m[1] * zcf, within(1e-9));
  }

  @Test
  void es_equals_the_tail_integral_of_the_cornish_fisher_quantile() {
    long seed = 42L;
    System.out.println("seed=" + seed);
    double[] x = Samples.studentT(new Random(seed), 3_000, 5, 0.0002, 0.01);
    double[] m = lossMoments(x);
    double s = m[2];
    double k = m[3];
    // ES = mu + sd * (1/0.025) * integral_z^inf g(t) phi(t) dt with g the Cornish-Fisher map, integrated here by
    // composite Simpson on [z, 12] with 200,000 intervals (phi(12) ~ 1e-32: the rest is negligible)
    int intervals = 200_000;
    double a = Z975;
    double h = (12 - a) / intervals;
    double integral = 0;
    for (int i = 0; i <= intervals; i++) {
      double t = a + i * h;
      double g = t + (t * t - 1) * s / 6 + (t * t * t - 3 * t) * k / 24 - (2 * t * t * t - 5 * t) * s * s / 36;
      double f = g * Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
      integral += (i == 0 || i == intervals ? 1 : i % 2 == 1 ? 4 : 2) * f;
    }
    integral *= h / 3;
    RiskEstimate e = RiskEstimators.cornishFisher().estimate(x, 0.975);
    assertThat(e.es()).isCloseTo(m[0] + m[1] * integral / 0.025, within(1e-9));
  }

  @Test
  void symmetric_sample_keeps_only_the_kurtosis_correction() {
    // a symmetric sample has skewness 0 exactly; with S = 0 the ES correction is 1 + (z^2 - 1) K / 24
    double[] x = {-3, -1, -1, 0, 0, 1, 1, 3};
    double[] m = lossMoments(x);
    assertThat(m[2]).isCloseTo(0.0, within(1e-15));
    double k = m[3];
    double expected = m[0] + m[1] * PHI_Z975 / 0.025 * (1 + (Z975 * Z975 - 1) * k / 24);
    assertThat(RiskEstimators.cornishFisher().estimate(x, 0.975).es()).isCloseTo(expected, within(1e-9));
  }

  /** Loss mean, sample sd (n - 1), moment skewness g1 and excess kurtosis g2, written out. */
  private static double[] lossMoments(double[] x) {
    int n = x.length;
    double mean = 0;
    for (double v : x) {
      mean += -v;
    }
    mean /= n;
    double m2 = 0;
    double m3 = 0;
    double m4 = 0;
    for (double v : x) {
      double d = -v - mean;
      m2 += d * d;
      m3 += d * d * d;
      m4 += d * d * d * d;
    }
    double sd = Math.sqrt(m2 / (n - 1));
    m2 /= n;
    m3 /= n;
    m4 /= n;
    return new double[] {mean, sd, m3 / Math.pow(m2, 1.5), m4 / (m2 * m2) - 3};
  }
}
