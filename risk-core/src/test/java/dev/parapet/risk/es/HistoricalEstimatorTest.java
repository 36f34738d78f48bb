package dev.parapet.risk.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HistoricalEstimatorTest {

  // P&L of ten days; as losses sorted from the largest: 8, 5, 3, 2, 1, 0, -1, -2, -3, -4
  private static final double[] TEN_DAYS = {-5, 3, -1, 2, -8, 4, -2, 0, 1, -3};

  @Test
  void es_matches_hand_calculation_with_a_fractional_tail_scenario() {
    // alpha = 0.75: w = 10 * 0.25 = 2.5 -> two full scenarios (8, 5) and half of the third (3)
    // ES = (8 + 5 + 0.5 * 3) / 2.5 = 14.5 / 2.5 = 5.8; VaR = third largest loss = 3
    RiskEstimate e = RiskEstimators.historical().estimate(TEN_DAYS, 0.75);
    assertThat(e.es()).isCloseTo(5.8, within(1e-12));
    assertThat(e.var()).isCloseTo(3.0, within(1e-12));
  }

  @Test
  void es_matches_hand_calculation_with_a_whole_tail() {
    // alpha = 0.8: w = 10 * 0.2 = 2 (1.9999999999999996 in binary, snapped) -> ES = (8 + 5) / 2 = 6.5, VaR = 3
    RiskEstimate e = RiskEstimators.historical().estimate(TEN_DAYS, 0.8);
    assertThat(e.es()).isCloseTo(6.5, within(1e-12));
    assertThat(e.var()).isCloseTo(3.0, within(1e-12));
  }

  @Test
  void tail_smaller_than_one_scenario_gives_the_worst_loss() {
    // alpha = 0.975: w = 0.25 -> no full scenario, the worst loss with weight 0.25: ES = 0.25 * 8 / 0.25 = 8
    RiskEstimate e = RiskEstimators.historical().estimate(TEN_DAYS, 0.975);
    assertThat(e.es()).isCloseTo(8.0, within(1e-12));
    assertThat(e.var()).isCloseTo(8.0, within(1e-12));
  }

  @Test
  void forty_scenarios_at_97_5_percent_have_a_tail_of_exactly_one() {
    // w = 40 * 0.025 = 1: ES = the worst loss (40), VaR = the second worst (39)
    double[] x = new double[40];
    for (int i = 0; i < 40; i++) {
      x[i] = -(i + 1);
    }
    RiskEstimate e = RiskEstimators.historical().estimate(x, 0.975);
    assertThat(e.es()).isCloseTo(40.0, within(1e-12));
    assertThat(e.var()).isCloseTo(39.0, within(1e-12));
  }

  @Test
  void ties_at_the_var_do_not_change_the_tail_mean() {
    // losses 5, 4, 4, 4, 0 at alpha = 0.5: w = 2.5 -> (5 + 4 + 0.5 * 4) / 2.5 = 4.4; VaR = 4
    RiskEstimate e = RiskEstimators.historical().estimate(new double[] {-4, 0, -5, -4, -4}, 0.5);
    assertThat(e.es()).isCloseTo(4.4, within(1e-12));
    assertThat(e.var()).isCloseTo(4.0, within(1e-12));
  }

  @Test
  void single_observation_is_its_own_tail() {
    RiskEstimate e = RiskEstimators.historical().estimate(new double[] {-2.5}, 0.975);
    assertThat(e.es()).isEqualTo(2.5);
    assertThat(e.var()).isEqualTo(2.5);
  }

  @Test
  void all_gains_give_negative_risk_figures() {
    RiskEstimate e = RiskEstimators.historical().estimate(new double[] {1, 2, 3, 4}, 0.5);
    // losses -1, -2, -3, -4; w = 2 -> ES = (-1 - 2) / 2 = -1.5, VaR = -3
    assertThat(e.es()).isCloseTo(-1.5, within(1e-12));
    assertThat(e.var()).isCloseTo(-3.0, within(1e-12));
  }

  @Test
  void converges_to_the_normal_closed_form_on_a_large_sample() {
    long seed = 11L;
    System.out.println("seed=" + seed);
    Random rnd = new Random(seed);
    double[] x = new double[400_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = rnd.nextGaussian();
    }
    RiskEstimate e = RiskEstimators.historical().estimate(x, 0.975);
    // standard normal: VaR = Phi^-1(0.975) = 1.959963984540054, ES = phi(VaR) / 0.025 = 2.3378027922014133;
    // the standard error of ES from 10,000 tail points is about 0.004
    assertThat(e.var()).isCloseTo(1.959963984540054, within(0.015));
    assertThat(e.es()).isCloseTo(2.3378027922014133, within(0.02));
  }

  @Test
  void converges_to_the_student_t_closed_form_on_a_large_sample() {
    long seed = 12L;
    System.out.println("seed=" + seed);
    double[] x = Samples.studentT(new Random(seed), 400_000, 4, 0, 1);
    RiskEstimate e = RiskEstimators.historical().estimate(x, 0.975);
    // t with 4 degrees of freedom: q = 2.7764451051977934, ES = f(q) / 0.025 * (4 + q^2) / 3 = 3.99355702271285
    // (McNeil, Frey and Embrechts 2015, Example 2.15; values from scipy.stats.t)
    assertThat(e.var()).isCloseTo(2.7764451051977934, within(0.03));
    assertThat(e.es()).isCloseTo(3.99355702271285, within(0.06));
  }
}
