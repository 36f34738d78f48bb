package dev.parapet.monitoring.metrics;

import static dev.parapet.api.metrics.Metric.ALPHA;
import static dev.parapet.api.metrics.Metric.ANNUAL_RETURN;
import static dev.parapet.api.metrics.Metric.ANNUAL_VOLATILITY;
import static dev.parapet.api.metrics.Metric.BETA;
import static dev.parapet.api.metrics.Metric.CALMAR_RATIO;
import static dev.parapet.api.metrics.Metric.CURRENT_DRAWDOWN;
import static dev.parapet.api.metrics.Metric.EXPECTED_SHORTFALL_975;
import static dev.parapet.api.metrics.Metric.INFORMATION_RATIO;
import static dev.parapet.api.metrics.Metric.MAX_DRAWDOWN;
import static dev.parapet.api.metrics.Metric.OMEGA_RATIO;
import static dev.parapet.api.metrics.Metric.SHARPE_RATIO;
import static dev.parapet.api.metrics.Metric.SORTINO_RATIO;
import static dev.parapet.api.metrics.Metric.TAIL_RATIO;
import static dev.parapet.api.metrics.Metric.TOTAL_RETURN;
import static dev.parapet.api.metrics.Metric.TRACKING_ERROR;
import static dev.parapet.api.metrics.Metric.VALUE_AT_RISK_99;
import static dev.parapet.api.metrics.Metric.WIN_RATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.api.InvalidValueException;
import dev.parapet.api.metrics.Metric;
import dev.parapet.api.metrics.MetricUnavailableException;
import dev.parapet.api.metrics.MetricsCalculator;
import dev.parapet.api.metrics.MetricsConfig;
import dev.parapet.api.metrics.MetricsSnapshot;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link MetricsCalculator} meets, run against each implementation. Expected values are
 * empyrical's published regression values (quantopian/empyrical {@code empyrical/tests/test_stats.py},
 * version 0.5.5, asserted there to 8 decimals) or hand calculations written out here.
 */
abstract class MetricsCalculatorContractTest {

  /** empyrical's {@code weekly_returns} and {@code monthly_returns}: 0, 1, 10, -4, 2, 3, 2, 1, -10 percent. */
  static final double[] MIXED = pct(0, 1, 10, -4, 2, 3, 2, 1, -10);
  /** empyrical's {@code mixed_returns[1:]}: the same without the leading (NaN) period. */
  static final double[] MIXED_TAIL = pct(1, 10, -4, 2, 3, 2, 1, -10);
  /** empyrical's {@code positive_returns}. */
  static final double[] POSITIVE = pct(1, 2, 1, 1, 1, 1, 1, 1, 1);
  /** empyrical's {@code negative_returns}. */
  static final double[] NEGATIVE = pct(0, -6, -7, -1, -9, -2, -6, -8, -5);
  /** empyrical's {@code negative_returns[1:]}. */
  static final double[] NEGATIVE_TAIL = pct(-6, -7, -1, -9, -2, -6, -8, -5);

  abstract MetricsCalculator create(MetricsConfig config);

  static double[] pct(double... values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] / 100;
    }
    return out;
  }

  MetricsCalculator fed(MetricsConfig config, double[] returns) {
    MetricsCalculator c = create(config);
    c.addAll(returns);
    return c;
  }

  static void assertClose(double actual, double expected) {
    assertClose(actual, expected, 1e-12);
  }

  static void assertClose(double actual, double expected, double relative) {
    assertThat(Math.abs(actual - expected))
        .as("actual %s, expected %s", actual, expected)
        .isLessThanOrEqualTo(relative * Math.max(1.0, Math.abs(expected)));
  }

  // ----------------------------------------------------------------------------------------------
  // empyrical's published values

  @Test
  void weekly_series_matches_empyrical_published_values() {
    MetricsCalculator c = fed(MetricsConfig.of(52), MIXED);
    // test_annual_ret, test_annual_volatility, test_calmar, test_sortino (weekly_returns, WEEKLY)
    assertClose(c.get(ANNUAL_RETURN), 0.24690830513998208);
    assertClose(c.get(ANNUAL_VOLATILITY), 0.38851569394870583);
    assertClose(c.get(CALMAR_RATIO), 2.4690830513998208);
    assertClose(c.get(SORTINO_RATIO), 1.1158901056866439);
    // test_max_drawdown (mixed_returns): -0.1
    assertClose(c.get(MAX_DRAWDOWN), -0.1);
  }

  @Test
  void monthly_series_matches_empyrical_published_values() {
    MetricsCalculator c = fed(MetricsConfig.of(12), MIXED);
    assertClose(c.get(ANNUAL_RETURN), 0.052242061386048144);
    assertClose(c.get(ANNUAL_VOLATILITY), 0.18663690238892558);
    assertClose(c.get(CALMAR_RATIO), 0.52242061386048144);
    assertClose(c.get(SORTINO_RATIO), 0.53605626741889756);
  }

  @Test
  void daily_sharpe_matches_empyrical_published_values() {
    // test_sharpe_ratio: mixed_returns (NaN dropped), positive_returns, negative_returns with risk_free 0
    assertClose(fed(MetricsConfig.daily(), MIXED_TAIL).get(SHARPE_RATIO), 1.7238613961706866);
    assertClose(fed(MetricsConfig.daily(), POSITIVE).get(SHARPE_RATIO), 52.915026221291804);
    assertClose(fed(MetricsConfig.daily(), NEGATIVE).get(SHARPE_RATIO), -24.406808633910085);
  }

  @Test
  void negative_series_matches_empyrical_sortino_and_drawdown() {
    MetricsCalculator c = fed(MetricsConfig.daily(), NEGATIVE);
    // test_sortino (negative_returns, 0.0, DAILY)
    assertClose(c.get(SORTINO_RATIO), -13.532743075043401);
    // test_max_drawdown: negative returns fall from the start, so the drawdown is the total return
    assertClose(c.get(MAX_DRAWDOWN), -0.36590730349873601);
    assertClose(c.get(MAX_DRAWDOWN), c.get(TOTAL_RETURN));
    assertClose(c.get(CURRENT_DRAWDOWN), -0.36590730349873601);
  }

  @Test
  void omega_matches_empyrical_published_values() {
    // test_omega: positive_returns with risk_free 0.011 -> 1.125 and 0.02 -> 0.0; negative_returns, 0.01 -> 0.0
    assertClose(fed(MetricsConfig.daily().withRiskFreeRate(0.011), POSITIVE).get(OMEGA_RATIO), 1.125);
    assertClose(fed(MetricsConfig.daily().withRiskFreeRate(0.02), POSITIVE).get(OMEGA_RATIO), 0.0);
    assertClose(fed(MetricsConfig.daily().withRiskFreeRate(0.01), NEGATIVE).get(OMEGA_RATIO), 0.0);
    // positive_returns with risk_free 0.01: no return below the threshold, empyrical NaN -> absent here
    MetricsCalculator none = fed(MetricsConfig.daily().withRiskFreeRate(0.01), POSITIVE);
    assertThat(none.isPresent(OMEGA_RATIO)).isFalse();
    assertThatThrownBy(() -> none.get(OMEGA_RATIO)).isInstanceOf(MetricUnavailableException.class)
        .hasMessageContaining("omegaRatio is absent: no return is below the threshold");
  }

  @Test
  void alpha_and_beta_match_empyrical_published_values() {
    // test_alpha_beta / test_down_alpha_beta: mixed_returns[1:] against negative_returns[1:], daily
    MetricsCalculator c = create(MetricsConfig.daily().withBenchmark());
    c.addAll(MIXED_TAIL, NEGATIVE_TAIL);
    assertClose(c.get(ALPHA), -0.9997853834885004);
    assertClose(c.get(BETA), -0.71296296296296313);
  }

  @Test
  void alpha_and_beta_against_itself_are_zero_and_one() {
    // test_alpha_beta: (mixed_returns, mixed_returns) -> (0, 1); (mixed_returns, -mixed_returns) -> (0, -1)
    MetricsCalculator same = create(MetricsConfig.daily().withBenchmark());
    same.addAll(MIXED_TAIL, MIXED_TAIL);
    assertClose(same.get(ALPHA), 0.0);
    assertClose(same.get(BETA), 1.0);
    MetricsCalculator inverse = create(MetricsConfig.daily().withBenchmark());
    double[] negated = new double[MIXED_TAIL.length];
    for (int i = 0; i < negated.length; i++) {
      negated[i] = -MIXED_TAIL[i];
    }
    inverse.addAll(MIXED_TAIL, negated);
    assertClose(inverse.get(BETA), -1.0);
    // alpha: mean(r - beta * b) = mean(r + (-r)) ... = mean(r - (-1)(-r)) = 0
    assertClose(inverse.get(ALPHA), 0.0);
    // tracking error and information ratio of a series against itself: TE = 0, IR absent (empyrical NaN)
    assertClose(same.get(TRACKING_ERROR), 0.0);
    assertThat(same.isPresent(INFORMATION_RATIO)).isFalse();
  }

  @Test
  void information_ratio_is_empyrical_excess_sharpe_annualised() {
    // test_excess_sharpe: (mixed_returns, flat_line_1) -> -0.06515583641446039 per period; flat_line_1 is 1%
    MetricsCalculator c = create(MetricsConfig.daily().withBenchmark());
    double[] flat = new double[MIXED_TAIL.length];
    java.util.Arrays.fill(flat, 0.01);
    c.addAll(MIXED_TAIL, flat);
    assertClose(c.get(INFORMATION_RATIO), -0.06515583641446039 * Math.sqrt(252));
    // tracking error by hand: active = 0, 9, -5, 1, 2, 1, 0, -11 percent; mean -0.375%;
    // squared deviations (in %^2) sum to 0.140625+87.890625+21.390625+1.890625+5.640625+1.890625+0.140625+112.890625
    // = 231.875; sample variance 231.875/7 %^2
    double te = Math.sqrt(231.875 / 7) / 100 * Math.sqrt(252);
    assertClose(c.get(TRACKING_ERROR), te);
    // a constant benchmark has no variance: beta and alpha are absent (empyrical: NaN for flat_line_1)
    assertThat(c.isPresent(BETA)).isFalse();
    assertThat(c.isPresent(ALPHA)).isFalse();
    assertThatThrownBy(() -> c.get(ALPHA)).hasMessageContaining("beta is absent");
  }

  // ----------------------------------------------------------------------------------------------
  // hand calculations

  @Test
  void weekly_series_hand_calculations() {
    MetricsCalculator c = fed(MetricsConfig.of(52), MIXED);
    // W = 1.01 * 1.10 * 0.96 * 1.02 * 1.03 * 1.02 * 1.01 * 0.90 (empyrical test_cum_returns_final: 0.03893)
    double w = 1.01 * 1.10 * 0.96 * 1.02 * 1.03 * 1.02 * 1.01 * 0.90;
    assertClose(c.get(TOTAL_RETURN), w - 1);
    assertThat(c.get(TOTAL_RETURN)).isCloseTo(0.03893, org.assertj.core.data.Offset.offset(5e-6));
    // the last return falls 10% from the peak reached the period before
    assertClose(c.get(CURRENT_DRAWDOWN), -0.1);
    // 6 of 9 periods are positive (the 0% period is not a win)
    assertClose(c.get(WIN_RATE), 6.0 / 9);
    // Omega at 0: gains 1+10+2+3+2+1 = 19%, losses 4+10 = 14%
    assertClose(c.get(OMEGA_RATIO), 19.0 / 14);
    // sorted: -10 -4 0 1 1 2 2 3 10 (%); VaR99 index 8*0.01 = 0.08: -10 + 0.08*6 = -9.52% -> loss 0.0952
    assertClose(c.get(VALUE_AT_RISK_99), 0.0952);
    // ES97.5: int(8*0.025) + 1 = 1 smallest return -> loss 0.10
    assertClose(c.get(EXPECTED_SHORTFALL_975), 0.10);
    // p95 index 7.6: 3 + 0.6*7 = 7.2%; p5 index 0.4: -10 + 0.4*6 = -7.6%; ratio 7.2/7.6
    // (empyrical test_tail_ratio publishes 0.9473684210526313 for this series)
    assertClose(c.get(TAIL_RATIO), 7.2 / 7.6);
    assertClose(c.get(TAIL_RATIO), 0.9473684210526313);
  }

  @Test
  void current_drawdown_differs_from_maximum_after_a_partial_recovery() {
    double[] series = java.util.Arrays.copyOf(MIXED, MIXED.length + 1);
    series[MIXED.length] = 0.05;
    MetricsCalculator c = fed(MetricsConfig.of(52), series);
    assertClose(c.get(MAX_DRAWDOWN), -0.1);
    assertClose(c.get(CURRENT_DRAWDOWN), 0.9 * 1.05 - 1);
  }

  @Test
  void var_and_es_on_a_long_ladder() {
    // 201 returns -1.00%, -0.99%, ..., +1.00% in shuffled order; sorted x_i = (i - 100)/10000
    double[] r = new double[201];
    for (int i = 0; i < r.length; i++) {
      r[(i * 73) % 201] = (i - 100) / 10000.0;
    }
    MetricsCalculator c = fed(MetricsConfig.daily(), r);
    // VaR99: index 200*0.01 = 2 -> x_2 = -0.0098
    assertClose(c.get(VALUE_AT_RISK_99), 0.0098);
    // ES97.5: int(200*0.025) + 1 = 6 smallest: -(0.0100+0.0099+...+0.0095)/6 = -0.00975
    assertClose(c.get(EXPECTED_SHORTFALL_975), 0.00975);
    // p5 index 10 -> -0.0090, p95 index 190 -> +0.0090
    assertClose(c.get(TAIL_RATIO), 1.0);
    assertClose(c.get(WIN_RATE), 100.0 / 201);
  }

  @Test
  void beta_and_alpha_match_ordinary_least_squares_by_hand() {
    // b = 1, -2, 3, 0, -1 %; r = 0.5% + 1.5 b + noise; the OLS slope and intercept are computed here by the
    // textbook formulas beta = S_br / S_bb, intercept = mean r - beta * mean b (Greene, Econometric Analysis,
    // 3.2), with mean b = 0.2% and S_bb = 0.64+4.84+7.84+0.04+1.44 = 14.8 (%^2)
    double[] b = pct(1, -2, 3, 0, -1);
    double[] noise = pct(0.1, 0.1, 0.1, -0.2, -0.1);
    double[] r = new double[5];
    for (int i = 0; i < 5; i++) {
      r[i] = 0.005 + 1.5 * b[i] + noise[i];
    }
    double sbb = 0;
    double sbr = 0;
    double mb = 0.002;
    for (int i = 0; i < 5; i++) {
      sbb += (b[i] - mb) * (b[i] - mb);
      sbr += (b[i] - mb) * r[i];
    }
    double beta = sbr / sbb;
    double mr = (r[0] + r[1] + r[2] + r[3] + r[4]) / 5;
    double alpha = Math.pow(1 + mr - beta * mb, 252) - 1;
    MetricsCalculator c = create(MetricsConfig.daily().withBenchmark());
    c.addAll(r, b);
    assertClose(sbb, 14.8e-4);
    assertClose(c.get(BETA), beta);
    assertClose(c.get(ALPHA), alpha, 1e-11);
  }

  @Test
  void risk_free_rate_shifts_sharpe_and_sortino_thresholds() {
    double rf = 0.001;
    MetricsCalculator c = fed(MetricsConfig.daily().withRiskFreeRate(rf), MIXED_TAIL);
    // mean 5/8 %, sample sd from sum of squared deviations: by hand in %^2:
    // deviations 0.375, 9.375, -4.625, 1.375, 2.375, 1.375, 0.375, -10.625 -> squares sum 231.875
    double mean = 0.00625;
    double sd = Math.sqrt(231.875 / 7) / 100;
    assertClose(c.get(SHARPE_RATIO), (mean - rf) / sd * Math.sqrt(252));
    // downside below 0.1%: -4.1% and -10.1% -> squares 16.81 + 102.01 = 118.82 (%^2) over n = 8
    double dd = Math.sqrt(118.82 / 8) / 100;
    assertClose(c.get(SORTINO_RATIO), (mean - rf) * 252 / (dd * Math.sqrt(252)));
  }

  // ----------------------------------------------------------------------------------------------
  // degenerate inputs

  @Test
  void empty_series_reports_every_metric_absent() {
    MetricsCalculator c = create(MetricsConfig.daily().withBenchmark());
    MetricsSnapshot s = c.snapshot();
    assertThat(s.count()).isZero();
    for (Metric m : Metric.values()) {
      assertThat(s.isPresent(m)).as(m.id()).isFalse();
      assertThat(s.find(m)).isEmpty();
      assertThat(s.findAbsenceReason(m)).hasValueSatisfying(r -> assertThat(r).startsWith("needs at least"));
    }
    assertThat(s.presentValues()).isEmpty();
    assertThatThrownBy(() -> c.get(TOTAL_RETURN)).isInstanceOf(MetricUnavailableException.class)
        .hasMessage("totalReturn is absent: needs at least 1 return, have 0");
    assertThat(c.getOrDefault(SHARPE_RATIO, -7)).isEqualTo(-7);
  }

  @Test
  void one_return_gives_level_metrics_but_no_dispersion() {
    MetricsCalculator c = fed(MetricsConfig.daily(), new double[] {0.01});
    // empyrical test_cagr: one 1% daily return -> 1.01^252 - 1 = 11.274002099240244
    assertClose(c.get(ANNUAL_RETURN), 11.274002099240244);
    assertClose(c.get(TOTAL_RETURN), 0.01);
    assertClose(c.get(MAX_DRAWDOWN), 0.0);
    assertThat(c.isPresent(ANNUAL_VOLATILITY)).isFalse();
    assertThat(c.isPresent(SHARPE_RATIO)).isFalse();
    assertThatThrownBy(() -> c.get(ANNUAL_VOLATILITY)).hasMessage(
        "annualVolatility is absent: needs at least 2 returns, have 1");
    // tail ratio of one value: |x| / |x| = 1 (empyrical test_tail_ratio: one_return -> 1.0)
    assertClose(c.get(TAIL_RATIO), 1.0);
    assertClose(c.get(VALUE_AT_RISK_99), -0.01);
  }

  @Test
  void zero_volatility_gives_zero_volatility_and_absent_ratios() {
    double[] flat = new double[1000];
    java.util.Arrays.fill(flat, 0.01);
    MetricsCalculator c = fed(MetricsConfig.daily(), flat);
    // empyrical test_annual_volatility: flat_line_1_tz -> 0.0
    assertThat(c.get(ANNUAL_VOLATILITY)).isEqualTo(0.0);
    // empyrical returns inf for Sharpe and Sortino here; Parapet reports them absent, with the reason
    assertThat(c.isPresent(SHARPE_RATIO)).isFalse();
    assertThatThrownBy(() -> c.get(SHARPE_RATIO)).hasMessageContaining("standard deviation of returns is 0");
    assertThat(c.isPresent(SORTINO_RATIO)).isFalse();
    assertThat(c.isPresent(CALMAR_RATIO)).isFalse();
    assertThatThrownBy(() -> c.get(CALMAR_RATIO)).hasMessageContaining("maximum drawdown is 0");
    assertThat(c.isPresent(OMEGA_RATIO)).isFalse();
    assertClose(c.get(WIN_RATE), 1.0);
    assertClose(c.get(TAIL_RATIO), 1.0);
    // flat_line_1_tz CAGR (empyrical test_cagr): 11.274002099240256
    assertClose(c.get(ANNUAL_RETURN), 11.274002099240256, 1e-11);
  }

  @Test
  void zero_returns_give_absent_tail_ratio() {
    MetricsCalculator c = fed(MetricsConfig.daily(), new double[] {0, 0, 0, 0});
    assertThat(c.isPresent(TAIL_RATIO)).isFalse();
    assertThatThrownBy(() -> c.get(TAIL_RATIO)).hasMessageContaining("5th percentile of returns is 0");
    assertThat(c.get(TOTAL_RETURN)).isEqualTo(0.0);
    assertThat(c.get(WIN_RATE)).isEqualTo(0.0);
  }

  @Test
  void nan_return_is_rejected_at_the_boundary_and_leaves_state_unchanged() {
    MetricsCalculator c = fed(MetricsConfig.daily(), new double[] {0.01, 0.02});
    MetricsSnapshot before = c.snapshot();
    assertThatThrownBy(() -> c.add(Double.NaN)).isInstanceOf(InvalidValueException.class)
        .hasMessage("periodReturn must be a finite number > -1, was NaN (return #3)");
    assertThatThrownBy(() -> c.add(Double.POSITIVE_INFINITY)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> c.add(-1.0)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("was -1.0");
    assertThat(c.count()).isEqualTo(2);
    assertThat(c.snapshot()).isEqualTo(before);
  }

  @Test
  void nan_benchmark_return_is_rejected() {
    MetricsCalculator c = create(MetricsConfig.daily().withBenchmark());
    assertThatThrownBy(() -> c.add(0.01, Double.NaN)).isInstanceOf(InvalidValueException.class)
        .hasMessage("benchmarkReturn must be a finite number > -1, was NaN (return #1)");
    assertThat(c.count()).isZero();
  }

  @Test
  void benchmark_metrics_are_absent_without_a_benchmark() {
    MetricsCalculator c = fed(MetricsConfig.daily(), MIXED_TAIL);
    for (Metric m : new Metric[] {BETA, ALPHA, INFORMATION_RATIO, TRACKING_ERROR}) {
      assertThat(c.isPresent(m)).isFalse();
      assertThat(c.snapshot().findAbsenceReason(m)).contains("no benchmark series was given");
    }
    assertThat(c.snapshot().presentValues()).hasSize(13);
  }

  @Test
  void mixing_up_the_benchmark_mode_is_a_clear_error() {
    MetricsCalculator plain = create(MetricsConfig.daily());
    assertThatThrownBy(() -> plain.add(0.01, 0.02)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("without a benchmark");
    MetricsCalculator withBenchmark = create(MetricsConfig.daily().withBenchmark());
    assertThatThrownBy(() -> withBenchmark.add(0.01)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("expects a benchmark return");
    assertThatThrownBy(() -> withBenchmark.addAll(new double[2], new double[3]))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void reset_forgets_every_return() {
    MetricsCalculator c = fed(MetricsConfig.of(52), NEGATIVE);
    c.reset();
    assertThat(c.count()).isZero();
    assertThat(c.isPresent(TOTAL_RETURN)).isFalse();
    c.addAll(MIXED);
    assertClose(c.get(ANNUAL_RETURN), 0.24690830513998208);
    assertClose(c.get(MAX_DRAWDOWN), -0.1);
    assertClose(c.get(VALUE_AT_RISK_99), 0.0952);
  }

  @Test
  void snapshot_holds_all_seventeen_metrics_by_name() {
    MetricsCalculator c = create(MetricsConfig.daily().withBenchmark());
    c.addAll(MIXED_TAIL, NEGATIVE_TAIL);
    MetricsSnapshot s = c.snapshot();
    assertThat(s.count()).isEqualTo(8);
    assertThat(s.presentValues().keySet()).containsExactly("totalReturn", "annualReturn", "annualVolatility",
        "sharpeRatio", "sortinoRatio", "calmarRatio", "omegaRatio", "maxDrawdown", "currentDrawdown",
        "valueAtRisk99", "expectedShortfall975", "beta", "alpha", "informationRatio", "trackingError",
        "tailRatio", "winRate");
    for (Metric m : Metric.values()) {
      assertThat(s.get(m)).as(m.id()).isEqualTo(c.get(m));
    }
  }
}
