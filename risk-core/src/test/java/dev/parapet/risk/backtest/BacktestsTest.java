package dev.parapet.risk.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.api.InvalidValueException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BacktestsTest {

  @Test
  void kupiec_matches_the_likelihood_ratio_by_hand() {
    // n = 250, x = 8, p = 0.01:
    // LR = -2 [242 ln 0.99 + 8 ln 0.01] + 2 [242 ln(242/250) + 8 ln(8/250)] = 7.7335507244945205
    // p-value = P(chi2_1 > LR) = 0.0054204051941277994 (scipy.stats.chi2.sf)
    double lr = -2 * (242 * Math.log(0.99) + 8 * Math.log(0.01)) + 2 * (242 * Math.log(242.0 / 250) + 8 * Math.log(8.0 / 250));
    LikelihoodRatioTest t = Backtests.kupiecPof(8, 250, 0.99);
    assertThat(lr).isCloseTo(7.7335507244945205, within(1e-12));
    assertThat(t.statistic()).isCloseTo(lr, within(1e-10));
    assertThat(t.pValue()).isCloseTo(0.0054204051941277994, within(1e-9));
    assertThat(t.rejects(0.05)).isTrue();
  }

  @Test
  void kupiec_with_no_exceptions_uses_zero_log_zero() {
    // x = 0: LR = -2 * 250 ln 0.99 = 5.025167926750726, p-value 0.02498150305344973 (scipy)
    LikelihoodRatioTest t = Backtests.kupiecPof(0, 250, 0.99);
    assertThat(t.statistic()).isCloseTo(5.025167926750726, within(1e-10));
    assertThat(t.pValue()).isCloseTo(0.02498150305344973, within(1e-9));
  }

  @Test
  void kupiec_is_zero_when_the_exception_rate_is_exact() {
    LikelihoodRatioTest t = Backtests.kupiecPof(5, 200, 0.975);
    assertThat(t.statistic()).isCloseTo(0.0, within(1e-12));
    assertThat(t.pValue()).isEqualTo(1.0);
  }

  @Test
  void christoffersen_is_zero_when_transition_probabilities_are_equal() {
    // 0 0 1 1 0 0 0 1 0 0: n00 = 4, n01 = 2, n10 = 2, n11 = 1 -> pi01 = 1/3 = pi11 = pi -> LR = 0
    boolean[] h = hits("0011000100");
    LikelihoodRatioTest t = Backtests.christoffersenIndependence(h);
    assertThat(t.statistic()).isCloseTo(0.0, within(1e-12));
    assertThat(t.pValue()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void christoffersen_detects_clustering_by_hand() {
    // 0 0 0 1 1 1 0 0 0 0: n00 = 5, n01 = 1, n10 = 1, n11 = 2; pi01 = 1/6, pi11 = 2/3, pi = 1/3
    // LR = -2 [6 ln(2/3) + 3 ln(1/3)] + 2 [5 ln(5/6) + ln(1/6) + ln(1/3) + 2 ln(2/3)] = 2.231435513142097
    // p-value 0.13522815768706561 (scipy.stats.chi2.sf)
    LikelihoodRatioTest t = Backtests.christoffersenIndependence(hits("0001110000"));
    assertThat(t.statistic()).isCloseTo(2.231435513142097, within(1e-10));
    assertThat(t.pValue()).isCloseTo(0.13522815768706561, within(1e-9));
  }

  @Test
  void christoffersen_without_exceptions_is_zero() {
    LikelihoodRatioTest t = Backtests.christoffersenIndependence(new boolean[10]);
    assertThat(t.statistic()).isZero();
  }

  @Test
  void traffic_light_matches_the_basel_table_for_250_days_at_99_percent() {
    // BCBS (1996) Table 2 cumulative probabilities: 0: 8.11%, 1: 28.58%, 2: 54.32%, 3: 75.81%, 4: 89.22%,
    // 5: 95.88%, 6: 98.63%, 7: 99.60%, 8: 99.89%, 9: 99.97%, 10: 99.99%
    double[] cumulative = {8.11, 28.58, 54.32, 75.81, 89.22, 95.88, 98.63, 99.60, 99.89, 99.97, 99.99};
    double[] plus = {0, 0, 0, 0, 0, 0.40, 0.50, 0.65, 0.75, 0.85, 1.00};
    for (int x = 0; x <= 10; x++) {
      TrafficLight light = Backtests.trafficLight(x, 250, 0.99);
      assertThat(light.cumulativeProbability() * 100).as("x=%d", x).isCloseTo(cumulative[x], within(0.005));
      assertThat(light.plusFactor()).hasValue(plus[x]);
      TrafficLightZone expected = x <= 4 ? TrafficLightZone.GREEN : x <= 9 ? TrafficLightZone.YELLOW : TrafficLightZone.RED;
      assertThat(light.zone()).as("x=%d", x).isEqualTo(expected);
    }
    assertThat(Backtests.trafficLight(30, 250, 0.99).zone()).isEqualTo(TrafficLightZone.RED);
    assertThat(Backtests.trafficLight(30, 250, 0.99).plusFactor()).hasValue(1.0);
  }

  @Test
  void traffic_light_elsewhere_uses_the_binomial_zones_without_a_plus_factor() {
    // 250 days at 97.5% (scipy.stats.binom.cdf): P(X <= 10) = 0.9484613889375134 (green),
    // P(X <= 11) = 0.9752973072254829 (yellow)
    assertThat(Backtests.trafficLight(10, 250, 0.975).zone()).isEqualTo(TrafficLightZone.GREEN);
    assertThat(Backtests.trafficLight(10, 250, 0.975).cumulativeProbability()).isCloseTo(0.9484613889375134, within(1e-9));
    assertThat(Backtests.trafficLight(11, 250, 0.975).zone()).isEqualTo(TrafficLightZone.YELLOW);
    assertThat(Backtests.trafficLight(11, 250, 0.975).plusFactor()).isEmpty();
  }

  @Test
  void z2_matches_hand_calculation() {
    // T = 4, p = 0.025, ES = 2, VaR = 1.5; losses 3, 0, 1, -1 -> one exception (3):
    // Z2 = 1 - 3 / (4 * 0.025 * 2) = 1 - 15 = -14
    Z2Test z = Backtests.acerbiSzekelyZ2(new double[] {-3, 0, -1, 1}, new double[] {1.5, 1.5, 1.5, 1.5},
        new double[] {2, 2, 2, 2}, 0.975, 2_000, 1L);
    assertThat(z.statistic()).isCloseTo(-14.0, within(1e-12));
    assertThat(z.pValue()).isLessThan(0.05);
  }

  @Test
  void z2_does_not_reject_correct_forecasts_and_rejects_underestimated_risk() {
    long seed = 91L;
    System.out.println("seed=" + seed);
    Random rnd = new Random(seed);
    int n = 1_000;
    double[] pnl = new double[n];
    double[] var = new double[n];
    double[] es = new double[n];
    double[] understated = new double[n];
    for (int t = 0; t < n; t++) {
      double sigma = 0.5 + rnd.nextDouble();
      pnl[t] = sigma * rnd.nextGaussian();
      // normal closed forms at 97.5%: VaR = 1.959963984540054 sigma, ES = 2.3378027922014133 sigma
      var[t] = 1.959963984540054 * sigma;
      es[t] = 2.3378027922014133 * sigma;
      understated[t] = pnl[t] * 1.5;
    }
    Z2Test right = Backtests.acerbiSzekelyZ2(pnl, var, es, 0.975);
    assertThat(right.statistic()).isBetween(Z2Test.CRITICAL_VALUE_5_PERCENT, 0.7);
    assertThat(right.rejects(0.01)).isFalse();
    Z2Test wrong = Backtests.acerbiSzekelyZ2(understated, var, es, 0.975);
    assertThat(wrong.statistic()).isLessThan(Z2Test.CRITICAL_VALUE_5_PERCENT);
    assertThat(wrong.rejects(0.01)).isTrue();
  }

  @Test
  void report_runs_every_test_and_counts_exceptions() {
    double[] pnl = {-3, 0, -1, 1, -2.5};
    double[] var = {2, 2, 2, 2, 2};
    double[] es = {2.5, 2.5, 2.5, 2.5, 2.5};
    BacktestReport r = Backtests.run(pnl, var, es, 0.975);
    assertThat(r.exceptions()).isEqualTo(2);
    assertThat(r.exceptionRate()).isEqualTo(0.4);
    assertThat(r.conditionalCoverage().statistic())
        .isCloseTo(r.kupiec().statistic() + r.independence().statistic(), within(1e-12));
    assertThat(r.conditionalCoverage().degreesOfFreedom()).isEqualTo(2);
    assertThat(r.trafficLight().exceptions()).isEqualTo(2);
  }

  @Test
  void rejects_misaligned_or_invalid_series() {
    assertThatThrownBy(() -> Backtests.run(new double[3], new double[2], new double[3], 0.975))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("var.length");
    assertThatThrownBy(() -> Backtests.run(new double[] {1}, new double[] {2}, new double[] {1}, 0.975))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("es[0]").hasMessageContaining(">= var[0]");
    assertThatThrownBy(() -> Backtests.run(new double[] {Double.NaN}, new double[] {2}, new double[] {3}, 0.975))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("pnl[0]");
    assertThatThrownBy(() -> Backtests.kupiecPof(11, 10, 0.99)).isInstanceOf(InvalidValueException.class);
  }

  private static boolean[] hits(String s) {
    boolean[] h = new boolean[s.length()];
    for (int i = 0; i < s.length(); i++) {
      h[i] = s.charAt(i) == '1';
    }
    return h;
  }
}
