package dev.parapet.execution.tca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.api.InvalidValueException;
import dev.parapet.api.model.Side;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * A hand-worked example of Perold's implementation shortfall and its decomposition.
 *
 * <pre>
 * Buy X = 10,000, decision price Pd = 50.00, start 10:00, end 11:00.
 * Market tape (bid / ask / price / volume since previous row):
 *   09:59  50.05 / 50.15  50.10       0   mid 50.10  -> arrival P0 = 50.10
 *   10:15  50.10 / 50.20  50.15  20,000   mid 50.15
 *   10:30  50.25 / 50.35  50.30  30,000   mid 50.30
 *   10:45  50.35 / 50.45  50.40  25,000   mid 50.40
 *   11:00  50.55 / 50.65  50.60  25,000   mid 50.60  -> end PN = 50.60
 * Fills: 10:15 3,000 @ 50.20 (fee 6), 10:30 4,000 @ 50.35 (fee 8); E = 7,000, unfilled 3,000.
 *
 * delay       = E (P0 - Pd)              = 7,000 * 0.10                      =   700
 * timing      = sum q (m - P0)           = 3,000 * 0.05 + 4,000 * 0.20       =   950
 * impact      = sum q (p - m)            = 3,000 * 0.05 + 4,000 * 0.05       =   350
 * opportunity = (X - E)(PN - Pd)         = 3,000 * 0.60                      = 1,800
 * fees                                                                       =    14
 * IS          = 3,814;  check: sum q (p - Pd) + opportunity + fees = 600 + 1,400 + 1,800 + 14 = 3,814
 * paper notional = 10,000 * 50 = 500,000:  IS = 76.28 bps, delay 14, timing 19, impact 7, opportunity 36, fees 0.28 bps
 *
 * average price = (3,000 * 50.20 + 4,000 * 50.35) / 7,000 = 352,000 / 7,000 = 50.2857142857
 * VWAP (10:00, 11:00] = (50.15*20k + 50.30*30k + 50.40*25k + 50.60*25k) / 100k = 5,037,000 / 100,000 = 50.37
 *   slippage = (50.2857142857 - 50.37) / 50.37 = -16.73332 bps (better than VWAP), 7,000 * -0.0842857143 = -590.00
 * TWAP of the mid over [10:00, 11:00], 15 minutes each: (50.10 + 50.15 + 50.30 + 50.40) / 4 = 50.2375
 *   slippage = (50.2857142857 - 50.2375) / 50.2375 = 9.59727 bps, 7,000 * 0.0482142857 = 337.50
 * participation = 7,000 / 100,000 = 7%
 * </pre>
 */
class TransactionCostAnalysisTest {

  private static final Instant T0959 = Instant.parse("2024-03-04T09:59:00Z");
  private static final Instant T1000 = Instant.parse("2024-03-04T10:00:00Z");
  private static final Instant T1015 = Instant.parse("2024-03-04T10:15:00Z");
  private static final Instant T1030 = Instant.parse("2024-03-04T10:30:00Z");
  private static final Instant T1045 = Instant.parse("2024-03-04T10:45:00Z");
  private static final Instant T1100 = Instant.parse("2024-03-04T11:00:00Z");

  private static MarketTape tape() {
    return MarketTape.builder()
        .add(T0959, 50.05, 50.15, 50.10, 0)
        .add(T1015, 50.10, 50.20, 50.15, 20_000)
        .add(T1030, 50.25, 50.35, 50.30, 30_000)
        .add(T1045, 50.35, 50.45, 50.40, 25_000)
        .add(T1100, 50.55, 50.65, 50.60, 25_000)
        .build();
  }

  private static ParentExecution buy() {
    return new ParentExecution("P1", Side.BUY, 10_000, OptionalDouble.of(50.00), T1000, T1100, 1.0,
        List.of(new ExecutionFill(T1015, 3_000, 50.20, 6), new ExecutionFill(T1030, 4_000, 50.35, 8)));
  }

  @Test
  void decomposes_implementation_shortfall_as_worked_by_hand() {
    TcaResult r = TransactionCostAnalysis.analyze(buy(), tape());
    assertThat(r.arrivalPrice()).isCloseTo(50.10, within(1e-12));
    assertThat(r.endPrice()).isCloseTo(50.60, within(1e-12));
    assertThat(r.filledQuantity()).isEqualTo(7_000);
    assertThat(r.delayCost()).isCloseTo(700, within(1e-8));
    assertThat(r.timingCost()).isCloseTo(950, within(1e-8));
    assertThat(r.impactCost()).isCloseTo(350, within(1e-8));
    assertThat(r.opportunityCost()).isCloseTo(1_800, within(1e-8));
    assertThat(r.fees()).isCloseTo(14, within(1e-12));
    assertThat(r.implementationShortfall()).isCloseTo(3_814, within(1e-8));
    assertThat(r.tradingCost()).isCloseTo(1_300, within(1e-8));
    assertThat(r.paperNotional()).isEqualTo(500_000);
    assertThat(r.implementationShortfallBps()).isCloseTo(76.28, within(1e-9));
    assertThat(r.delayCostBps()).isCloseTo(14, within(1e-9));
    assertThat(r.timingCostBps()).isCloseTo(19, within(1e-9));
    assertThat(r.impactCostBps()).isCloseTo(7, within(1e-9));
    assertThat(r.opportunityCostBps()).isCloseTo(36, within(1e-9));
    assertThat(r.feesBps()).isCloseTo(0.28, within(1e-12));
  }

  @Test
  void benchmarks_and_participation_as_worked_by_hand() {
    TcaResult r = TransactionCostAnalysis.analyze(buy(), tape());
    assertThat(r.averagePrice().getAsDouble()).isCloseTo(50.2857142857, within(1e-9));
    assertThat(r.vwap().getAsDouble()).isCloseTo(50.37, within(1e-12));
    assertThat(r.vwapSlippageBps().getAsDouble()).isCloseTo(-16.73332, within(1e-5));
    assertThat(r.vwapSlippage().getAsDouble()).isCloseTo(-590.00, within(1e-7));
    assertThat(r.twap()).isCloseTo(50.2375, within(1e-12));
    assertThat(r.twapSlippageBps().getAsDouble()).isCloseTo(9.59727, within(1e-5));
    assertThat(r.twapSlippage().getAsDouble()).isCloseTo(337.50, within(1e-7));
    assertThat(r.marketVolume()).isEqualTo(100_000);
    assertThat(r.participation().getAsDouble()).isCloseTo(0.07, within(1e-15));
    assertThat(r.fillRate()).isCloseTo(0.7, within(1e-15));
  }

  @Test
  void a_sell_that_gets_the_same_prices_has_the_opposite_costs() {
    // mirror: selling into the same rising prices is a gain, so every component flips sign (fees do not)
    ParentExecution sell = new ParentExecution("S1", Side.SELL, 10_000, OptionalDouble.of(50.00), T1000, T1100, 1.0,
        buy().fills());
    TcaResult r = TransactionCostAnalysis.analyze(sell, tape());
    assertThat(r.delayCost()).isCloseTo(-700, within(1e-8));
    assertThat(r.timingCost()).isCloseTo(-950, within(1e-8));
    assertThat(r.impactCost()).isCloseTo(-350, within(1e-8));
    assertThat(r.opportunityCost()).isCloseTo(-1_800, within(1e-8));
    assertThat(r.implementationShortfall()).isCloseTo(-3_814 + 2 * 14, within(1e-8));
    assertThat(r.vwapSlippageBps().getAsDouble()).isCloseTo(16.73332, within(1e-5));
  }

  @Test
  void without_decision_price_delay_is_zero_and_arrival_is_the_benchmark() {
    // Pd = P0 = 50.10: IS = sum q (p - 50.10) + 3,000 (50.60 - 50.10) + 14 = 300 + 1,000 + 1,500 + 14 = 2,814
    ParentExecution e = ParentExecution.of("P2", Side.BUY, 10_000, T1000, T1100, buy().fills());
    TcaResult r = TransactionCostAnalysis.analyze(e, tape());
    assertThat(r.delayCost()).isZero();
    assertThat(r.decisionPrice()).isCloseTo(50.10, within(1e-12));
    assertThat(r.implementationShortfall()).isCloseTo(2_814, within(1e-8));
    // paper notional 10,000 * 50.10 = 501,000: 2,814 / 501,000 = 56.16766 bps
    assertThat(r.implementationShortfallBps()).isCloseTo(56.16766, within(1e-5));
  }

  @Test
  void unfilled_order_is_all_opportunity_cost() {
    ParentExecution e = new ParentExecution("P3", Side.BUY, 1_000, OptionalDouble.of(50.00), T1000, T1100, 1.0,
        List.of());
    TcaResult r = TransactionCostAnalysis.analyze(e, tape());
    // 1,000 * (50.60 - 50.00) = 600
    assertThat(r.implementationShortfall()).isCloseTo(600, within(1e-9));
    assertThat(r.averagePrice()).isEmpty();
    assertThat(r.vwapSlippageBps()).isEmpty();
    assertThat(r.twapSlippageBps()).isEmpty();
    assertThat(r.participation().getAsDouble()).isZero();
  }

  @Test
  void aggregates_notional_weighted_as_worked_by_hand() {
    // P1 (IS 3,814 on 500,000) and P3 (IS 600 on 1,000 * 50 = 50,000):
    // sum 4,414 on 550,000 = 80.254545 bps; mean of 76.28 and 120 bps = 98.14 bps
    TcaResult p1 = TransactionCostAnalysis.analyze(buy(), tape());
    TcaResult p3 = TransactionCostAnalysis.analyze(new ParentExecution("P3", Side.BUY, 1_000, OptionalDouble.of(50.00),
        T1000, T1100, 1.0, List.of()), tape());
    TcaSummary s = TransactionCostAnalysis.aggregate(List.of(p1, p3));
    assertThat(s.orders()).isEqualTo(2);
    assertThat(s.implementationShortfall()).isCloseTo(4_414, within(1e-8));
    assertThat(s.implementationShortfallBps()).isCloseTo(80.254545, within(1e-6));
    assertThat(s.meanImplementationShortfallBps()).isCloseTo(98.14, within(1e-9));
    assertThat(s.opportunityCost()).isCloseTo(2_400, within(1e-8));
    // only P1 has fills: -590 on 7,000 * 50.37 = 352,590 -> -16.73332 bps
    assertThat(s.vwapSlippage()).isCloseTo(-590, within(1e-7));
    assertThat(s.vwapSlippageBps().getAsDouble()).isCloseTo(-16.73332, within(1e-5));
    assertThat(s.participation().getAsDouble()).isCloseTo(7_000 / 200_000.0, within(1e-15));
  }

  @Test
  void twap_and_vwap_of_partial_intervals() {
    MarketTape t = tape();
    // [10:07:30, 10:22:30]: mid 50.10 for 7.5 min then 50.15 for 7.5 min = 50.125
    assertThat(t.twap(Instant.parse("2024-03-04T10:07:30Z"), Instant.parse("2024-03-04T10:22:30Z")))
        .isCloseTo(50.125, within(1e-12));
    // (10:15, 10:30]: only the 10:30 row
    assertThat(t.vwap(T1015, T1030)).isCloseTo(50.30, within(1e-12));
    assertThat(t.vwap(T1100, T1100.plusSeconds(60))).isNaN();
    assertThat(t.twap(T1030, T1030)).isCloseTo(50.30, within(1e-12));
  }

  @Test
  void rejects_inconsistent_inputs() {
    assertThatThrownBy(() -> new ParentExecution("X", Side.BUY, 1_000, OptionalDouble.empty(), T1000, T1100, 1.0,
        List.of(new ExecutionFill(T1015, 1_001, 50, 0))))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("sum of fill quantities");
    assertThatThrownBy(() -> new ParentExecution("X", Side.BUY, 1_000, OptionalDouble.empty(), T1000, T1100, 1.0,
        List.of(new ExecutionFill(T0959, 10, 50, 0))))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("fill timestamp");
    assertThatThrownBy(() -> MarketTape.builder().add(T1000, 50, 50.1, 50, 1).add(T0959, 50, 50.1, 50, 1).build())
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("timestamp");
    assertThatThrownBy(() -> MarketTape.builder().add(T1000, 50.2, 50.1, 50, 1))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("ask");
    MarketTape late = MarketTape.builder().add(T1015, 50, 50.1, 50, 1).build();
    assertThatThrownBy(() -> TransactionCostAnalysis.analyze(buy(), late))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("first market observation");
    assertThatThrownBy(() -> TransactionCostAnalysis.aggregate(List.of()))
        .isInstanceOf(InvalidValueException.class);
  }
}
