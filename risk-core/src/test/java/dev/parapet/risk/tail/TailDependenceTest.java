package dev.parapet.risk.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.api.InvalidValueException;
import dev.parapet.risk.InsufficientHistoryException;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Tail dependence estimates against copulas whose coefficients are known in closed form (Joe 1997,
 * Multivariate Models and Dependence Concepts; McNeil, Frey and Embrechts 2015, Section 7.2.4):
 * Clayton {@code lambda_L = 2^(-1/theta)}, {@code lambda_U = 0}; Gumbel {@code lambda_U = 2 - 2^(1/theta)},
 * {@code lambda_L = 0}; Student-t {@code lambda_L = lambda_U = 2 t_(nu+1)(-sqrt((nu+1)(1-rho)/(1+rho)))}.
 * Samples of 200,000 pairs; at q = 1% each tail holds 2,000 points, a sampling error of about 0.01.
 */
class TailDependenceTest {

  private static final int N = 200_000;

  @Test
  void clayton_lower_tail_converges_to_two_to_the_minus_one_over_theta() {
    long seed = 101L;
    System.out.println("seed=" + seed);
    double[][] uv = clayton(seed, 2.0);
    TailDependenceEstimate e = TailDependence.estimate(uv[0], uv[1], 0.01);
    // theta = 2: lambda_L = 2^(-1/2) = 0.7071067811865476, lambda_U = 0
    assertThat(e.lower()).isCloseTo(0.7071067811865476, within(0.04));
    assertThat(e.upper()).isLessThan(0.08);
    assertThat(e.tailCount()).isEqualTo(2_000);
    // the upper estimate falls towards 0 as the quantile shrinks
    assertThat(TailDependence.upper(uv[0], uv[1], 0.01)).isLessThan(TailDependence.upper(uv[0], uv[1], 0.05));
  }

  @Test
  void gumbel_upper_tail_converges_to_two_minus_two_to_the_one_over_theta() {
    long seed = 102L;
    System.out.println("seed=" + seed);
    double[][] uv = gumbel(seed, 2.0);
    TailDependenceEstimate e = TailDependence.estimate(uv[0], uv[1], 0.01);
    // theta = 2: lambda_U = 2 - sqrt(2) = 0.5857864376269049, lambda_L = 0
    assertThat(e.upper()).isCloseTo(0.5857864376269049, within(0.04));
    assertThat(e.lower()).isLessThan(0.25);
    assertThat(TailDependence.lower(uv[0], uv[1], 0.005)).isLessThan(TailDependence.lower(uv[0], uv[1], 0.05));
  }

  @Test
  void student_t_copula_tails_converge_to_the_closed_form() {
    long seed = 103L;
    System.out.println("seed=" + seed);
    double[][] xy = studentT(seed, 2, 0.5);
    TailDependenceEstimate e = TailDependence.estimate(xy[0], xy[1], 0.01);
    // nu = 2, rho = 0.5: lambda = 2 t_3(-sqrt(3 * 0.5 / 1.5)) = 2 t_3(-1) = 0.3910022189557705 (scipy.stats.t)
    assertThat(e.lower()).isCloseTo(0.3910022189557705, within(0.04));
    assertThat(e.upper()).isCloseTo(0.3910022189557705, within(0.04));
  }

  @Test
  void independent_series_have_tail_dependence_near_the_quantile() {
    long seed = 104L;
    System.out.println("seed=" + seed);
    Random rnd = new Random(seed);
    double[] x = new double[N];
    double[] y = new double[N];
    for (int i = 0; i < N; i++) {
      x[i] = rnd.nextGaussian();
      y[i] = rnd.nextGaussian();
    }
    // independence: C(q, q) / q = q
    TailDependenceEstimate e = TailDependence.estimate(x, y, 0.05);
    assertThat(e.lower()).isCloseTo(0.05, within(0.015));
    assertThat(e.upper()).isCloseTo(0.05, within(0.015));
  }

  @Test
  void comonotone_series_have_coefficient_one_and_countermonotone_zero() {
    double[] x = new double[100];
    double[] y = new double[100];
    double[] z = new double[100];
    for (int i = 0; i < 100; i++) {
      x[i] = Math.sin(i * 1.7);
      y[i] = Math.exp(x[i]);
      z[i] = -x[i];
    }
    assertThat(TailDependence.estimate(x, y, 0.1).lower()).isEqualTo(1.0);
    assertThat(TailDependence.estimate(x, y, 0.1).upper()).isEqualTo(1.0);
    assertThat(TailDependence.estimate(x, z, 0.1).lower()).isEqualTo(0.0);
  }

  @Test
  void small_sample_by_hand() {
    // x: days 0..9; lowest two of x are days 3 (-5) and 7 (-4); lowest two of y are days 3 (-9) and 1 (-8)
    // -> one common day of k = floor(0.2 * 10) = 2: lower = 1/2
    // highest two of x: days 0 (9) and 5 (8); of y: days 0 (7) and 9 (6) -> upper = 1/2
    double[] x = {9, 1, 2, -5, 0, 8, 3, -4, 4, 5};
    double[] y = {7, -8, 1, -9, 2, 0, 3, 4, 5, 6};
    TailDependenceEstimate e = TailDependence.estimate(x, y, 0.2);
    assertThat(e.lower()).isEqualTo(0.5);
    assertThat(e.upper()).isEqualTo(0.5);
    assertThat(e.tailCount()).isEqualTo(2);
  }

  @Test
  void ties_at_the_boundary_are_not_counted_as_co_movement() {
    // both series are 0 on the same 50 of 100 days and distinct elsewhere, so each lower tail of 25 days is
    // drawn from the 50 tied zeros. Breaking ties by day in both series would give an overlap of 25/25 = 1;
    // an independent order per series gives about 12.5/25.
    double[] x = new double[100];
    double[] y = new double[100];
    for (int i = 0; i < 100; i++) {
      x[i] = i < 50 ? 0 : 1 + i;
      y[i] = i < 50 ? 0 : 1 + i;
    }
    double lower = TailDependence.estimate(x, y, 0.25).lower();
    assertThat(lower).isBetween(0.2, 0.8);
  }

  @Test
  void matrix_is_symmetric_with_unit_diagonal_and_matches_pairs() {
    long seed = 105L;
    System.out.println("seed=" + seed);
    double[][] uv = clayton(seed, 3.0);
    Random rnd = new Random(seed);
    double[] w = new double[N];
    for (int i = 0; i < N; i++) {
      w[i] = rnd.nextGaussian();
    }
    double[][] rows = {uv[0], uv[1], w};
    TailDependenceMatrix m = TailDependence.matrix(List.of("A", "B", "C"), rows, 0.02);
    assertThat(m.lower(0, 0)).isEqualTo(1.0);
    assertThat(m.lower(0, 1)).isEqualTo(m.lower(1, 0));
    assertThat(m.lower("A", "B")).isCloseTo(TailDependence.lower(uv[0], uv[1], 0.02), within(0.02));
    assertThat(m.upper("A", "C")).isCloseTo(0.02, within(0.015));
  }

  @Test
  void analysis_flags_pairs_above_threshold_and_compares_with_portfolio_and_benchmark() {
    long seed = 106L;
    System.out.println("seed=" + seed);
    double[][] uv = clayton(seed, 4.0);
    Random rnd = new Random(seed);
    int n = uv[0].length;
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      c[i] = rnd.nextGaussian();
    }
    double[][] rows = {uv[0], uv[1], c};
    TailDependenceReport r = TailDependence.analyze(List.of("A", "B", "C"), rows, new double[] {1, 1, 0}, uv[0],
        0.02, 0.5);
    // Clayton theta = 4: lambda_L = 2^(-1/4) = 0.8409 -> only (A, B) is flagged
    assertThat(r.flaggedPairs()).hasSize(1);
    assertThat(r.flaggedPairs().get(0).first()).isEqualTo("A");
    assertThat(r.flaggedPairs().get(0).second()).isEqualTo("B");
    assertThat(r.flaggedPairs().get(0).lower()).isCloseTo(0.8409, within(0.05));
    // A against itself as benchmark: 1
    assertThat(r.versusBenchmark().get("A").lower()).isEqualTo(1.0);
    // C carries no weight and is independent of the portfolio
    assertThat(r.versusPortfolio().get("C").lower()).isLessThan(0.1);
    assertThat(r.versusPortfolio().get("A").lower()).isGreaterThan(0.7);
  }

  @Test
  void rejects_bad_input() {
    assertThatThrownBy(() -> TailDependence.estimate(new double[10], new double[9], 0.1))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("y.length");
    assertThatThrownBy(() -> TailDependence.estimate(new double[10], new double[10], 0.6))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("quantile");
    assertThatThrownBy(() -> TailDependence.estimate(new double[10], new double[10], 0.05))
        .isInstanceOf(InsufficientHistoryException.class).hasMessageContaining("got 10");
    assertThatThrownBy(() -> TailDependence.estimate(new double[] {1, Double.NaN}, new double[2], 0.5))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("x[1]");
  }

  /** Clayton by the Marshall–Olkin algorithm: V ~ Gamma(1/theta), U_i = (1 + E_i / V)^(-1/theta). */
  static double[][] clayton(long seed, double theta) {
    GammaDistribution gamma = new GammaDistribution(new Well19937c(seed), 1 / theta, 1);
    Random rnd = new Random(seed ^ 0x5DEECE66DL);
    double[][] uv = new double[2][N];
    for (int i = 0; i < N; i++) {
      double v = gamma.sample();
      uv[0][i] = Math.pow(1 + exponential(rnd) / v, -1 / theta);
      uv[1][i] = Math.pow(1 + exponential(rnd) / v, -1 / theta);
    }
    return uv;
  }

  /**
   * Gumbel by the Marshall–Olkin algorithm with a positive stable frailty of index a = 1/theta drawn by
   * Kanter's representation S = sin(a T) / sin(T)^(1/a) * (sin((1 - a) T) / W)^((1 - a) / a), T uniform on
   * (0, pi), W ~ Exp(1), whose Laplace transform is exp(-t^a); U_i = exp(-(E_i / S)^a).
   */
  static double[][] gumbel(long seed, double theta) {
    Random rnd = new Random(seed);
    double a = 1 / theta;
    double[][] uv = new double[2][N];
    for (int i = 0; i < N; i++) {
      double t = Math.PI * (1 - rnd.nextDouble());
      double w = exponential(rnd);
      double s = Math.sin(a * t) / Math.pow(Math.sin(t), 1 / a) * Math.pow(Math.sin((1 - a) * t) / w, (1 - a) / a);
      uv[0][i] = Math.exp(-Math.pow(exponential(rnd) / s, a));
      uv[1][i] = Math.exp(-Math.pow(exponential(rnd) / s, a));
    }
    return uv;
  }

  /** A bivariate t with integer nu and correlation rho: Z / sqrt(W / nu), W ~ chi2_nu (ranks equal the copula's). */
  static double[][] studentT(long seed, int nu, double rho) {
    Random rnd = new Random(seed);
    double[][] xy = new double[2][N];
    for (int i = 0; i < N; i++) {
      double z1 = rnd.nextGaussian();
      double z2 = rho * z1 + Math.sqrt(1 - rho * rho) * rnd.nextGaussian();
      double chi2 = 0;
      for (int k = 0; k < nu; k++) {
        double g = rnd.nextGaussian();
        chi2 += g * g;
      }
      double scale = Math.sqrt(chi2 / nu);
      xy[0][i] = z1 / scale;
      xy[1][i] = z2 / scale;
    }
    return xy;
  }

  private static double exponential(Random rnd) {
    return -Math.log(1 - rnd.nextDouble());
  }
}
