package dev.parapet.risk.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NormalEstimatorTest {

  // Closed forms for the standard normal (values from scipy.stats.norm):
  // z(0.975) = 1.959963984540054, phi(z)/0.025 = 2.3378027922014133
  // z(0.99)  = 2.3263478740408408, phi(z)/0.01 = 2.665214220345806
  private static final double Z975 = 1.959963984540054;
  private static final double ES975 = 2.3378027922014133;
  private static final double Z99 = 2.3263478740408408;
  private static final double ES99 = 2.665214220345806;

  @Test
  void es_matches_the_normal_closed_form_with_sample_moments() {
    long seed = 21L;
    System.out.println("seed=" + seed);
    double[] x = Samples.normal(new Random(seed), 500, 0.0004, 0.012);
    // loss L = -x: mean and sample standard deviation (n - 1) written out
    double mean = 0;
    for (double v : x) {
      mean -= v;
    }
    mean /= x.length;
    double ss = 0;
    for (double v : x) {
      ss += (-v - mean) * (-v - mean);
    }
    double sd = Math.sqrt(ss / (x.length - 1));

    RiskEstimate e975 = RiskEstimators.normal().estimate(x, 0.975);
    assertThat(e975.var()).isCloseTo(mean + sd * Z975, within(1e-9));
    assertThat(e975.es()).isCloseTo(mean + sd * ES975, within(1e-9));
    RiskEstimate e99 = RiskEstimators.normal().estimate(x, 0.99);
    assertThat(e99.var()).isCloseTo(mean + sd * Z99, within(1e-9));
    assertThat(e99.es()).isCloseTo(mean + sd * ES99, within(1e-9));
  }

  @Test
  void two_points_give_the_closed_form_by_hand() {
    // P&L {1, -1}: loss mean 0, sd sqrt(2 / 1) = 1.4142135623730951 -> ES = 1.4142135623730951 * 2.3378027922014133
    RiskEstimate e = RiskEstimators.normal().estimate(new double[] {1, -1}, 0.975);
    assertThat(e.es()).isCloseTo(Math.sqrt(2) * ES975, within(1e-9));
    assertThat(e.var()).isCloseTo(Math.sqrt(2) * Z975, within(1e-9));
  }

  @Test
  void constant_series_has_its_loss_as_var_and_es() {
    RiskEstimate e = RiskEstimators.normal().estimate(new double[] {-3, -3, -3}, 0.975);
    assertThat(e.var()).isEqualTo(3.0);
    assertThat(e.es()).isEqualTo(3.0);
  }
}
