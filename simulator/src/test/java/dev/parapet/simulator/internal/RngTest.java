package dev.parapet.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RngTest {

  private static final int N = 200_000;

  @Test
  void same_seed_gives_same_sequence_and_streams_differ() {
    Rng a = Rng.of(42);
    Rng b = Rng.of(42);
    for (int i = 0; i < 1000; i++) {
      assertThat(a.nextLong()).isEqualTo(b.nextLong());
    }
    assertThat(Rng.stream(42, 1).nextLong()).isNotEqualTo(Rng.stream(42, 2).nextLong());
    assertThat(Rng.stream(42, 1).nextLong()).isEqualTo(Rng.stream(42, 1).nextLong());
  }

  @Test
  void splitmix64_matches_reference_output() {
    // Reference: Vigna's splitmix64.c with x = 0: the first outputs are 0xE220A8397B1DCDAF and
    // 0x6E789E6AA1B965F4 (state += 0x9E3779B97F4A7C15 before mixing).
    Rng rng = Rng.of(0);
    assertThat(rng.nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
    assertThat(rng.nextLong()).isEqualTo(0x6E789E6AA1B965F4L);
  }

  @Test
  void uniforms_lie_in_unit_interval_with_mean_one_half() {
    Rng rng = Rng.of(7);
    double sum = 0;
    for (int i = 0; i < N; i++) {
      double u = rng.nextDouble();
      assertThat(u).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
      double v = rng.nextOpenDouble();
      assertThat(v).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
      sum += u;
    }
    // uniform mean 1/2, standard error sqrt(1/12 / N) = 0.00065
    assertThat(sum / N).isCloseTo(0.5, within(0.003));
  }

  @Test
  void gaussians_have_unit_variance_and_normal_kurtosis() {
    Rng rng = Rng.of(11);
    double[] m = moments(rng);
    // standard normal: mean 0, variance 1, kurtosis 3; standard errors at N = 200k: 0.0022, 0.0032, 0.011
    assertThat(m[0]).isCloseTo(0.0, within(0.01));
    assertThat(m[1]).isCloseTo(1.0, within(0.015));
    assertThat(m[2]).isCloseTo(3.0, within(0.05));
  }

  @Test
  void gamma_and_chi_square_have_closed_form_mean_and_variance() {
    // Gamma(k, 1): mean k, variance k. Chi-square(nu): mean nu, variance 2 nu.
    Rng rng = Rng.of(13);
    for (double shape : new double[] {0.5, 2.5}) {
      double sum = 0;
      double sumSq = 0;
      for (int i = 0; i < N; i++) {
        double g = rng.nextGamma(shape);
        assertThat(g).isGreaterThan(0.0);
        sum += g;
        sumSq += g * g;
      }
      double mean = sum / N;
      assertThat(mean).as("gamma mean, shape " + shape).isCloseTo(shape, within(0.02 * shape + 0.005));
      assertThat(sumSq / N - mean * mean).as("gamma variance, shape " + shape).isCloseTo(shape, within(0.05 * shape));
    }
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < N; i++) {
      double c = rng.nextChiSquared(5);
      sum += c;
      sumSq += c * c;
    }
    double mean = sum / N;
    assertThat(mean).isCloseTo(5.0, within(0.05));
    assertThat(sumSq / N - mean * mean).isCloseTo(10.0, within(0.3));
  }

  private static double[] moments(Rng rng) {
    double[] x = new double[N];
    double sum = 0;
    for (int i = 0; i < N; i++) {
      x[i] = rng.nextGaussian();
      sum += x[i];
    }
    double mean = sum / N;
    double m2 = 0;
    double m4 = 0;
    for (double v : x) {
      double d = v - mean;
      m2 += d * d;
      m4 += d * d * d * d;
    }
    m2 /= N;
    m4 /= N;
    return new double[] {mean, m2, m4 / (m2 * m2)};
  }
}
