package dev.parapet.execution.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.api.InvalidValueException;
import org.junit.jupiter.api.Test;

class ImpactModelsTest {

  @Test
  void square_root_law_hand_case() {
    // Y = 1, sigma = 2%/day, Q/V = 1e5 / 1e7 = 1%: 1 * 0.02 * sqrt(0.01) = 0.002 = 20 bps
    MarketConditions m = MarketConditions.of(50, 0.02, 1e7);
    SquareRootImpactModel model = SquareRootImpactModel.of(1.0);
    assertThat(model.impact(1e5, m)).isCloseTo(0.002, within(1e-15));
    assertThat(model.impactBps(1e5, m)).isCloseTo(20.0, within(1e-10));
    // cost = X S0 impact = 1e5 * 50 * 0.002 = 10,000
    TradeSchedule schedule = TradeSchedule.linear(1e5, 1, 10);
    assertThat(model.expectedCost(schedule, m)).isCloseTo(10_000, within(1e-8));
    // Y = 0.5 and a quadrupled order: 0.5 * 0.02 * sqrt(0.04) = 0.002 as well
    assertThat(SquareRootImpactModel.of(0.5).impact(4e5, m)).isCloseTo(0.002, within(1e-15));
  }

  @Test
  void almgren_thum_hauptmann_li_hand_case_with_paper_coefficients() {
    // sigma 2%, V = 1e6, Theta = 1e8 (Theta/V = 100, 100^(1/4) = 3.16227766), X = 1e5 (X/V = 0.1), T = 0.5 day
    // I = 0.314 * 0.02 * 0.1 * 3.16227766 = 0.00198591037
    // X/(VT) = 0.2, 0.2^(3/5) = exp(0.6 ln 0.2) = 0.38073079; K = 0.142 * 0.02 * 0.38073079 = 0.00108127544
    // J = I/2 + K = 0.00099295519 + 0.00108127544 = 0.00207423062 (20.74 bps)
    MarketConditions m = MarketConditions.of(40, 0.02, 1e6).withSharesOutstanding(1e8);
    AlmgrenThumImpactModel model = AlmgrenThumImpactModel.paperCoefficients();
    assertThat(model.permanentImpact(1e5, m)).isCloseTo(0.00198591037, within(5e-12));
    assertThat(model.temporaryImpact(1e5, 0.5, m)).isCloseTo(0.00108127544, within(5e-12));
    assertThat(model.realizedCost(1e5, 0.5, m)).isCloseTo(0.00207423062, within(5e-12));
    // a constant-rate schedule over T costs J X S0 = 0.00207423062 * 1e5 * 40 = 8,296.92249
    assertThat(model.expectedCost(TradeSchedule.linear(1e5, 0.5, 8), m)).isCloseTo(8_296.92249, within(1e-4));
  }

  @Test
  void almgren_thum_temporary_cost_follows_the_three_fifths_power_of_the_rate() {
    MarketConditions m = MarketConditions.of(40, 0.02, 1e6).withSharesOutstanding(1e8);
    AlmgrenThumImpactModel model = AlmgrenThumImpactModel.of(0, 0.142);
    // doubling the rate multiplies K by 2^(3/5) = 1.5157166
    double k1 = model.temporaryImpact(1e5, 1.0, m);
    double k2 = model.temporaryImpact(1e5, 0.5, m);
    assertThat(k2 / k1).isCloseTo(1.5157166, within(1e-7));
  }

  @Test
  void almgren_thum_needs_shares_outstanding() {
    MarketConditions m = MarketConditions.of(40, 0.02, 1e6);
    assertThatThrownBy(() -> AlmgrenThumImpactModel.paperCoefficients().permanentImpact(1e5, m))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("sharesOutstanding");
  }

  @Test
  void linear_model_cost_of_a_two_interval_schedule_by_hand() {
    // X = 1000 over two 1-day intervals, trades 600 then 400; gamma 1e-4, eta 1e-3, eps 0.01
    // paper's raw form: gamma sum x_k n_k + eps sum |n| + eta/tau sum n^2
    //   = 1e-4 (400*600 + 0*400) + 0.01 * 1000 + 1e-3 (600^2 + 400^2) = 24 + 10 + 520 = 554
    LinearImpactModel model = LinearImpactModel.of(1e-4, 1e-3, 0.01);
    TradeSchedule schedule = TradeSchedule.ofTrades(1.0, new double[] {600, 400});
    assertThat(schedule.holdings()).containsExactly(1000, 400, 0);
    assertThat(model.expectedCost(schedule)).isCloseTo(554, within(1e-9));
  }

  @Test
  void pre_trade_estimate_in_currency_and_bps() {
    // same schedule; sigma = 2% of 50 = 1 $/sqrt(day): V = 1^2 * 1 * (400^2 + 0^2) = 160,000, sd 400
    // notional = 1000 * 50 = 50,000: E = 554 = 110.8 bps, sd = 400 = 80 bps
    LinearImpactModel model = LinearImpactModel.of(1e-4, 1e-3, 0.01);
    TradeSchedule schedule = TradeSchedule.ofTrades(1.0, new double[] {600, 400});
    CostEstimate e = model.estimate(schedule, MarketConditions.of(50, 0.02, 1e6));
    assertThat(e.notional()).isEqualTo(50_000);
    assertThat(e.expectedCost()).isCloseTo(554, within(1e-9));
    assertThat(e.standardDeviation()).isCloseTo(400, within(1e-9));
    assertThat(e.variance()).isCloseTo(160_000, within(1e-6));
    assertThat(e.expectedCostBps()).isCloseTo(110.8, within(1e-9));
    assertThat(e.standardDeviationBps()).isCloseTo(80, within(1e-9));
  }

  @Test
  void estimate_of_any_model_adds_the_same_timing_risk() {
    // straight line of 1e5 over 1 day in 4 intervals: tau sum x_k^2 = 0.25 (75k^2 + 50k^2 + 25k^2) = 2.1875e9
    // sigma = 0.02 * 50 = 1 => sd = sqrt(2.1875e9) = 46,770.7173
    TradeSchedule schedule = TradeSchedule.linear(1e5, 1, 4);
    MarketConditions m = MarketConditions.of(50, 0.02, 1e7).withSharesOutstanding(1e9);
    for (ImpactModel model : new ImpactModel[] {SquareRootImpactModel.of(1), AlmgrenThumImpactModel.paperCoefficients(),
        LinearImpactModel.ruleOfThumb(0.05, 1e7)}) {
      assertThat(model.estimate(schedule, m).standardDeviation()).as(model.name())
          .isCloseTo(46_770.7173, within(1e-3));
    }
  }

  @Test
  void rule_of_thumb_reproduces_the_papers_coefficients() {
    // section 3.4: spread 1/8, V = 5M: eps = 1/16, eta = 0.125 / 50,000 = 2.5e-6, gamma = 0.125 / 500,000 = 2.5e-7
    LinearImpactModel m = LinearImpactModel.ruleOfThumb(0.125, 5e6);
    assertThat(m.epsilon()).isEqualTo(0.0625);
    assertThat(m.eta()).isCloseTo(2.5e-6, within(1e-18));
    assertThat(m.gamma()).isCloseTo(2.5e-7, within(1e-19));
  }

  @Test
  void schedule_validation() {
    assertThatThrownBy(() -> TradeSchedule.ofHoldings(1, new double[] {100, 50}))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("holdings[N]");
    assertThatThrownBy(() -> TradeSchedule.ofHoldings(1, new double[] {100, Double.NaN, 0}))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("holdings[1]");
    assertThatThrownBy(() -> TradeSchedule.ofHoldings(0, new double[] {100, 0}))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("intervalDays");
    assertThatThrownBy(() -> MarketConditions.of(50, -0.01, 1e6))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("dailyVolatility");
  }
}
