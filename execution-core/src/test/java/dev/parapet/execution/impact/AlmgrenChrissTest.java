package dev.parapet.execution.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.api.InvalidValueException;
import org.junit.jupiter.api.Test;

/**
 * Checks the optimal trajectory against Almgren and Chriss (2000), "Optimal Execution of Portfolio
 * Transactions", J. Risk 3(2). The parameters are the paper's worked example (section 3.4): X = 10^6
 * shares, S0 = 50, T = 5 days, N = 5, sigma = 0.95 $/share/sqrt(day) (30% annual), epsilon = 1/16 (half a
 * 1/8 spread), eta = 2.5e-6 (one spread per 1% of a 5M-share daily volume), gamma = 2.5e-7 (one spread per
 * 10% of the daily volume), lambda = 1e-6.
 */
class AlmgrenChrissTest {

  private static final double X = 1e6;
  private static final double T = 5;
  private static final int N = 5;
  private static final double SIGMA = 0.95;
  private static final LinearImpactModel PAPER = LinearImpactModel.of(2.5e-7, 2.5e-6, 0.0625);

  @Test
  void kappa_matches_the_discrete_time_formula_worked_by_hand() {
    // tau = 1, eta~ = 2.5e-6 - 0.5 * 2.5e-7 * 1 = 2.375e-6
    // cosh(kappa) - 1 = lambda sigma^2 / (2 eta~) = 1e-6 * 0.9025 / 4.75e-6 = 0.19
    // kappa = acosh(1.19) = ln(1.19 + sqrt(1.19^2 - 1)) = ln(1.19 + 0.6450581) = ln(1.8350581) = 0.6070762
    AlmgrenChrissSolution s = AlmgrenChriss.optimal(X, T, N, SIGMA, PAPER, 1e-6);
    assertThat(s.etaTilde()).isCloseTo(2.375e-6, within(1e-15));
    assertThat(s.kappa()).isCloseTo(0.6070762, within(1e-7));
  }

  @Test
  void trajectory_is_sinh_kappa_t_minus_t_over_sinh_kappa_t() {
    AlmgrenChrissSolution s = AlmgrenChriss.optimal(X, T, N, SIGMA, PAPER, 1e-6);
    double kappa = Math.log(1.19 + Math.sqrt(1.19 * 1.19 - 1)); // hand-derived above, tau = 1
    double[] x = s.schedule().holdings();
    assertThat(x).hasSize(N + 1);
    for (int j = 0; j <= N; j++) {
      double expected = X * Math.sinh(kappa * (T - j)) / Math.sinh(kappa * T);
      assertThat(x[j]).as("x_%d", j).isCloseTo(expected, within(1e-6));
    }
    // rounded values of the same formula: 541,955.6 / 289,854.2 / 147,897.5 / 62,141.8
    assertThat(x[1]).isCloseTo(541_955.6, within(0.1));
    assertThat(x[4]).isCloseTo(62_141.8, within(0.1));
  }

  @Test
  void expected_cost_and_variance_match_the_papers_closed_forms() {
    AlmgrenChrissSolution s = AlmgrenChriss.optimal(X, T, N, SIGMA, PAPER, 1e-6);
    double k = Math.log(1.19 + Math.sqrt(1.19 * 1.19 - 1));
    double tau = 1;
    double etaTilde = 2.375e-6;
    // section 2.2: E = 1/2 gamma X^2 + eps X + eta~ X^2 tanh(k tau/2)(tau sinh 2kT + 2T sinh k tau)/(2 tau^2 sinh^2 kT)
    double e = 0.5 * 2.5e-7 * X * X + 0.0625 * X + etaTilde * X * X * Math.tanh(0.5 * k * tau)
        * (tau * Math.sinh(2 * k * T) + 2 * T * Math.sinh(k * tau)) / (2 * tau * tau * Math.pow(Math.sinh(k * T), 2));
    // V = 1/2 sigma^2 X^2 (tau sinh kT cosh k(T - tau) - T sinh k tau) / (sinh^2 kT sinh k tau)
    double v = 0.5 * SIGMA * SIGMA * X * X
        * (tau * Math.sinh(k * T) * Math.cosh(k * (T - tau)) - T * Math.sinh(k * tau))
        / (Math.pow(Math.sinh(k * T), 2) * Math.sinh(k * tau));
    assertThat(s.expectedCost()).isCloseTo(e, within(1e-6 * e));
    assertThat(s.variance()).isCloseTo(v, within(1e-9 * v));
    // and the closed forms agree with the definitions summed over the trajectory (section 1.5):
    // E = 1/2 gamma X^2 + eps sum|n| + eta~/tau sum n^2 = 911,226.99 ; V = sigma^2 tau sum x_k^2 = 3.6412857e11
    assertThat(s.expectedCost()).isCloseTo(911_226.99, within(0.01));
    assertThat(s.variance()).isCloseTo(3.6412857e11, within(1e5));
  }

  @Test
  void closed_forms_equal_the_sums_over_the_trajectory_for_many_parameters() {
    double[] lambdas = {1e-8, 1e-7, 3e-7, 1e-6, 1e-5};
    int[] ns = {1, 2, 5, 13, 50};
    for (double lambda : lambdas) {
      for (int n : ns) {
        AlmgrenChrissSolution s = AlmgrenChriss.optimal(X, T, n, SIGMA, PAPER, lambda);
        double[] x = s.schedule().holdings();
        double tau = T / n;
        double etaTilde = 2.5e-6 - 0.5 * 2.5e-7 * tau;
        double abs = 0;
        double sq = 0;
        double sx = 0;
        for (int k = 1; k <= n; k++) {
          double trade = x[k - 1] - x[k];
          abs += Math.abs(trade);
          sq += trade * trade;
          sx += x[k] * x[k];
        }
        double e = 0.5 * 2.5e-7 * X * X + 0.0625 * abs + etaTilde / tau * sq;
        double v = SIGMA * SIGMA * tau * sx;
        assertThat(s.expectedCost()).as("E lambda %s N %s", lambda, n).isCloseTo(e, within(1e-8 * e));
        assertThat(s.variance()).as("V lambda %s N %s", lambda, n).isCloseTo(v, within(1e-7 * v + 1e-6));
      }
    }
  }

  @Test
  void lambda_zero_is_the_straight_line_with_the_papers_minimum_impact_cost() {
    AlmgrenChrissSolution s = AlmgrenChriss.optimal(X, T, N, SIGMA, PAPER, 0);
    assertThat(s.kappa()).isZero();
    double[] x = s.schedule().holdings();
    for (int k = 0; k <= N; k++) {
      assertThat(x[k]).isCloseTo(X * (N - k) / N, within(1e-6));
    }
    // section 2.1: E = 1/2 gamma X^2 + eps X + eta~ X^2 / T = 125,000 + 62,500 + 2.375e-6 * 1e12 / 5 = 662,500
    assertThat(s.expectedCost()).isCloseTo(662_500, within(1e-6));
    // V = 1/3 sigma^2 X^2 T (1 - 1/N)(1 - 1/2N) = 1/3 * 0.9025 * 1e12 * 5 * 0.8 * 0.9 = 1.083e12
    assertThat(s.variance()).isCloseTo(1.083e12, within(1.0));
  }

  @Test
  void small_lambda_tends_to_the_straight_line() {
    AlmgrenChrissSolution s = AlmgrenChriss.optimal(X, T, N, SIGMA, PAPER, 1e-12);
    double[] x = s.schedule().holdings();
    for (int k = 0; k <= N; k++) {
      assertThat(x[k]).isCloseTo(X * (N - k) / N, within(1.0));
    }
    assertThat(s.expectedCost()).isCloseTo(662_500, within(1.0));
    assertThat(s.variance()).isCloseTo(1.083e12, within(1e7));
  }

  @Test
  void optimal_trajectory_minimises_the_objective_against_perturbations() {
    double lambda = 1e-6;
    AlmgrenChrissSolution s = AlmgrenChriss.optimal(X, T, N, SIGMA, PAPER, lambda);
    double best = objective(s.schedule().holdings(), lambda);
    assertThat(best).isCloseTo(s.objective(), within(1e-6 * best));
    for (int k = 1; k < N; k++) {
      for (double delta : new double[] {-5_000, -500, 500, 5_000}) {
        double[] x = s.schedule().holdings();
        x[k] += delta;
        assertThat(objective(x, lambda)).as("perturb x_%d by %s", k, delta).isGreaterThan(best);
      }
    }
  }

  private static double objective(double[] x, double lambda) {
    TradeSchedule schedule = TradeSchedule.ofHoldings(1.0, x);
    return PAPER.expectedCost(schedule) + lambda * SIGMA * SIGMA * schedule.holdingsSquaredTime();
  }

  @Test
  void very_high_risk_aversion_trades_almost_everything_in_the_first_interval_without_overflow() {
    AlmgrenChrissSolution s = AlmgrenChriss.optimal(X, T, 500, SIGMA, PAPER, 10.0);
    assertThat(s.kappa() * T).isGreaterThan(300);
    double[] x = s.schedule().holdings();
    // for kappa T >> 1, sinh(kappa (T - tau)) / sinh(kappa T) -> exp(-kappa tau): about 1/363 here
    assertThat(x[1] / X).isCloseTo(Math.exp(-s.kappa() * 0.01), within(1e-12)).isLessThan(0.01);
    assertThat(s.expectedCost()).isFinite();
    assertThat(s.variance()).isFinite().isGreaterThanOrEqualTo(0);
  }

  @Test
  void rejects_interval_where_permanent_impact_dominates() {
    // eta~ = 1e-6 - 0.5 * 1e-5 * 1 < 0
    assertThatThrownBy(() -> AlmgrenChriss.optimal(X, T, N, SIGMA, LinearImpactModel.of(1e-5, 1e-6, 0), 1e-6))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("eta - gamma*tau/2");
  }

  @Test
  void rejects_invalid_inputs() {
    assertThatThrownBy(() -> AlmgrenChriss.optimal(0, T, N, SIGMA, PAPER, 1e-6))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("shares");
    assertThatThrownBy(() -> AlmgrenChriss.optimal(X, Double.NaN, N, SIGMA, PAPER, 1e-6))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("horizonDays");
    assertThatThrownBy(() -> AlmgrenChriss.optimal(X, T, 0, SIGMA, PAPER, 1e-6))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("intervals");
    assertThatThrownBy(() -> AlmgrenChriss.optimal(X, T, N, SIGMA, PAPER, -1))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("lambda");
  }

  @Test
  void single_interval_sells_everything_at_once() {
    AlmgrenChrissSolution s = AlmgrenChriss.optimal(X, 1, 1, SIGMA, PAPER, 1e-6);
    assertThat(s.schedule().holdings()).containsExactly(X, 0.0);
    // E = 1/2 gamma X^2 + eps X + eta~ X^2 / tau, eta~ = 2.375e-6: 125,000 + 62,500 + 2,375,000
    assertThat(s.expectedCost()).isCloseTo(2_562_500, within(1e-3));
    assertThat(s.variance()).isZero();
  }
}
