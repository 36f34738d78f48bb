package dev.parapet.risk.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.api.InvalidValueException;
import dev.parapet.api.book.PositionBook;
import dev.parapet.api.fixtures.TestInstruments;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.Reason;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Side;
import dev.parapet.api.time.SimulatedClock;
import dev.parapet.risk.drawdown.DrawdownController;
import dev.parapet.risk.es.RiskEstimators;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RiskGateTest {

  private static final Instant T0 = Instant.parse("2024-03-04T14:30:00Z");
  private static final Instrument A = Instrument.usEquity("A", "Tech", "A Inc");
  private static final Instrument B = Instrument.usEquity("B", "Energy", "B Inc");

  private final SimulatedClock clock = SimulatedClock.at(T0);

  // ----------------------------------------------------------------------------------------------
  // a small exact example: returns are binary fractions so every figure is exact

  /**
   * A: -0.125, -0.0625, 0.03125, 0.5 and B: 0.25, -0.25, 0, 0 over four scenarios, confidence 0.5 (tail of
   * w = 2 scenarios), minimum 4 scenarios.
   */
  private RiskGate.Builder exact() {
    Map<String, double[]> scenarios = new HashMap<>();
    scenarios.put("A", new double[] {-0.125, -0.0625, 0.03125, 0.5});
    scenarios.put("B", new double[] {0.25, -0.25, 0, 0});
    return RiskGate.builder().scenarios(ScenarioProviders.fixed(scenarios)).clock(clock).confidence(0.5)
        .minimumScenarios(4);
  }

  private static PositionBook cashBook(double cash) {
    PositionBook book = PositionBook.create();
    book.deposit("ACC", cash);
    return book;
  }

  @Test
  void records_figures_of_a_hand_calculated_order() {
    PositionBook book = cashBook(10_000);
    book.mark("A", 8.0);
    // buy 100 A at 8: A held in [0, 800] until it fills; per scenario the worse end: r < 0 -> 800 r = -100,
    // -50; r > 0 -> 0 r = 0, 0 -> losses 100, 50, 0, 0; ES(w = 2) = (100 + 50) / 2 = 75;
    // VaR = third largest loss = 0 (-25 once filled: 800 x 0.03125 = 25 gained in scenario 3)
    GateDecision d = exact().esLimit(1_000).build().check(order("o1", A, Side.BUY, 100), book);
    assertThat(d.approved()).isTrue();
    assertThat(d.findFigure(RiskGate.FIGURE_ES_CURRENT)).hasValue(0.0);
    assertThat(d.findFigure(RiskGate.FIGURE_ES_PRO_FORMA)).hasValue(75.0);
    assertThat(d.findFigure(RiskGate.FIGURE_ES_INCREMENTAL)).hasValue(75.0);
    assertThat(d.findFigure(RiskGate.FIGURE_VAR_PRO_FORMA)).hasValue(0.0);
    assertThat(d.findFigure(RiskGate.FIGURE_ES_LIMIT)).hasValue(1_000.0);
    assertThat(d.findFigure(RiskGate.FIGURE_NAV)).hasValue(10_000.0);
    assertThat(d.findFigure(RiskGate.FIGURE_SCENARIOS)).hasValue(4.0);
  }

  @Test
  void order_exactly_at_the_absolute_limit_passes_and_just_above_is_rejected() {
    PositionBook book = cashBook(10_000);
    book.mark("A", 8.0);
    assertThat(exact().esLimit(75).build().check(order("o1", A, Side.BUY, 100), book).approved()).isTrue();
    GateDecision d = exact().esLimit(74.99).build().check(order("o2", A, Side.BUY, 100), book);
    assertThat(d.approved()).isFalse();
    Reason r = d.blockingReasons().get(0);
    assertThat(r.code()).isEqualTo(ReasonCode.ES_LIMIT);
    assertThat(r.source()).isEqualTo("risk/es-limit");
    assertThat(r.limit()).isEqualTo(74.99);
    assertThat(r.value()).isEqualTo(75.0);
    assertThat(r.message()).contains("pro-forma ES 75.00").contains("limit 74.99").contains("o2");
  }

  @Test
  void share_of_nav_limit_applies_with_the_account_nav() {
    PositionBook book = cashBook(10_000);
    book.mark("A", 8.0);
    // 0.75% of 10,000 = 75 -> at the limit; 0.7% = 70 -> rejected
    assertThat(exact().esLimitShareOfNav(0.0075).build().check(order("o1", A, Side.BUY, 100), book).approved()).isTrue();
    GateDecision d = exact().esLimitShareOfNav(0.007).esLimit(1_000).build().check(order("o2", A, Side.BUY, 100), book);
    assertThat(d.approved()).isFalse();
    assertThat(d.findFigure(RiskGate.FIGURE_ES_LIMIT).getAsDouble()).isCloseTo(70.0, within(1e-9));
  }

  @Test
  void order_checked_after_an_approved_and_reserved_one_sees_its_exposure() {
    PositionBook book = cashBook(10_000);
    book.mark("A", 8.0);
    // each order alone: ES 75 <= 100; both: exposure 1,600 -> ES 150 > 100
    RiskGate gate = exact().esLimit(100).build();
    OrderRequest first = order("o1", A, Side.BUY, 100);
    OrderRequest second = order("o2", A, Side.BUY, 100);
    synchronized (book.lock()) {
      GateDecision d1 = gate.check(first, book);
      assertThat(d1.approved()).isTrue();
      book.reserve(first, 8.0);
    }
    GateDecision d2 = gate.check(second, book);
    assertThat(d2.approved()).isFalse();
    assertThat(d2.findFigure(RiskGate.FIGURE_ES_CURRENT)).hasValue(75.0);
    assertThat(d2.findFigure(RiskGate.FIGURE_ES_PRO_FORMA)).hasValue(150.0);
    assertThat(d2.blockingReasons()).extracting(Reason::code).containsExactly(ReasonCode.ES_LIMIT);
    // once the first is released the second passes again
    book.release("o1");
    assertThat(gate.check(second, book).approved()).isTrue();
  }

  @Test
  void pending_sell_does_not_reduce_risk_until_filled() {
    PositionBook book = cashBook(10_000);
    book.applyFill(fill("f1", "o0", A, Side.BUY, 100, 8.0));
    RiskGate gate = exact().esLimit(1_000).build();
    OrderRequest sell = order("s1", A, Side.SELL, 100);
    GateDecision d = gate.check(sell, book);
    // A is held in [0, 100] x 8 = [0, 800]; per scenario the worse end: r = -0.125, -0.0625 -> high end
    // -100, -50; r = 0.03125, 0.5 -> low end 0, 0. Losses 100, 50, 0, 0: ES(w = 2) = 75 as without the sale,
    // because the tail holds only scenarios in which A falls (VaR moves from -25 to 0)
    assertThat(d.findFigure(RiskGate.FIGURE_ES_PRO_FORMA)).hasValue(75.0);
    assertThat(d.findFigure(RiskGate.FIGURE_ES_INCREMENTAL)).hasValue(0.0);
    assertThat(d.findFigure(RiskGate.FIGURE_VAR_PRO_FORMA)).hasValue(0.0);
    book.reserve(sell, 8.0);
    // a buy on top of the pending sale still counts from 100
    GateDecision buy = gate.check(order("b1", A, Side.BUY, 100), book);
    assertThat(buy.findFigure(RiskGate.FIGURE_ES_PRO_FORMA)).hasValue(150.0);
  }

  @Test
  void over_the_limit_an_order_adding_nothing_to_the_bound_passes_with_a_warning_and_a_pending_hedge_does_not() {
    PositionBook book = cashBook(10_000);
    book.applyFill(fill("f1", "o0", A, Side.BUY, 100, 8.0));
    book.mark("B", 4.0);
    RiskGate gate = exact().esLimit(50).build();
    // A alone (800): P&L -100, -50, 25, 400 -> ES 75 > 50: over the limit.
    // Selling 50 A: A in [400, 800]; worse end per scenario: -100, -50, 12.5, 200 -> losses 100, 50, -12.5,
    // -200 -> ES 75, incremental 0: not blocked, warned
    GateDecision reduce = gate.check(order("r1", A, Side.SELL, 50), book);
    assertThat(reduce.findFigure(RiskGate.FIGURE_ES_PRO_FORMA)).hasValue(75.0);
    assertThat(reduce.findFigure(RiskGate.FIGURE_ES_INCREMENTAL)).hasValue(0.0);
    assertThat(reduce.approved()).isTrue();
    assertThat(reduce.reasons()).extracting(Reason::code).containsExactly(ReasonCode.ES_LIMIT);
    assertThat(reduce.reasons().get(0).blocking()).isFalse();
    // Buying 100 B (B: 0.25, -0.25, 0, 0) as a hedge: filled, P&L 0, -150, 25, 400 -> ES 75; unfilled, 75.
    // But the bound takes the worse end per scenario, B in [0, 400]: min(0, 400 r) = 0, -100, 0, 0 -> total
    // -100, -150, 25, 400 -> losses 100, 150 -> ES 125, incremental 50: a pending hedge does not count as one
    GateDecision hedge = gate.check(order("h1", B, Side.BUY, 100), book);
    assertThat(hedge.findFigure(RiskGate.FIGURE_ES_PRO_FORMA)).hasValue(125.0);
    assertThat(hedge.findFigure(RiskGate.FIGURE_ES_INCREMENTAL)).hasValue(50.0);
    assertThat(hedge.approved()).isFalse();
    // Shorting 100 B: B in [-400, 0]: min(-400 r, 0) = -100, 0, 0, 0 -> total -200, -50, 25, 400 -> losses
    // 200, 50 -> ES 125: blocked
    GateDecision worse = gate.check(order("h2", B, Side.SELL_SHORT, 100), book);
    assertThat(worse.findFigure(RiskGate.FIGURE_ES_PRO_FORMA)).hasValue(125.0);
    assertThat(worse.approved()).isFalse();
  }

  // ----------------------------------------------------------------------------------------------
  // open orders: a bound over every way they can fill

  /**
   * A and B are perfect hedges over four scenarios, confidence 0.5 (tail of w = 2 scenarios):
   * A: 0.25, -0.25, 0.125, -0.125 and B = -A. Long 100 A and 100 B at 8 (800 each) is flat in every scenario.
   */
  private RiskGate hedgedGate(double limit) {
    Map<String, double[]> scenarios = new HashMap<>();
    scenarios.put("A", new double[] {0.25, -0.25, 0.125, -0.125});
    scenarios.put("B", new double[] {-0.25, 0.25, -0.125, 0.125});
    return RiskGate.builder().scenarios(ScenarioProviders.fixed(scenarios)).clock(clock).confidence(0.5)
        .minimumScenarios(4).esLimit(limit).build();
  }

  private static PositionBook hedgedBook() {
    PositionBook book = cashBook(10_000);
    book.applyFill(fill("f1", "o0", A, Side.BUY, 100, 8.0));
    book.applyFill(fill("f2", "o00", B, Side.BUY, 100, 8.0));
    return book;
  }

  @Test
  void sale_that_can_flip_a_hedge_is_valued_at_the_worse_end_per_scenario() {
    PositionBook book = hedgedBook();
    RiskGate gate = hedgedGate(200);
    assertThat(gate.expectedShortfall("ACC", book)).isEqualTo(0.0);
    // Selling 150 A leaves A anywhere in [-50, 100], i.e. [-400, 800] at 8. B's P&L: -200, 200, -100, 100.
    // Far-end rule (the old one): 100 is farther from flat, book unchanged, P&L 0 everywhere, ES 0: approved.
    // Per-scenario bound, A's P&L min(-400 r, 800 r):
    //   r = 0.25: min(-100, 200) = -100;  r = -0.25: min(100, -200) = -200;
    //   r = 0.125: min(-50, 100) = -50;   r = -0.125: min(50, -100) = -100
    // total with B: -300, 0, -150, 0 -> losses 300, 0, 150, 0 -> ES(w = 2) = (300 + 150) / 2 = 225 > 200.
    GateDecision d = gate.check(order("s1", A, Side.SELL_SHORT, 150), book);
    assertThat(d.findFigure(RiskGate.FIGURE_ES_CURRENT)).hasValue(0.0);
    assertThat(d.findFigure(RiskGate.FIGURE_ES_PRO_FORMA)).hasValue(225.0);
    assertThat(d.findFigure(RiskGate.FIGURE_ES_INCREMENTAL)).hasValue(225.0);
    assertThat(d.approved()).isFalse();
    assertThat(d.blockingReasons()).extracting(Reason::code).containsExactly(ReasonCode.ES_LIMIT);
    // and the fill the far-end rule ignored is real: A = -50 filled, P&L -400 A + 800 B = -1200 A
    //   = -300, 300, -150, 150 -> losses 300, -300, 150, -150 -> ES = (300 + 150) / 2 = 225 (exact: no orders open)
    PositionBook filled = hedgedBook();
    filled.applyFill(fill("f3", "s1", A, Side.SELL_SHORT, 150, 8.0));
    assertThat(gate.expectedShortfall("ACC", filled)).isEqualTo(225.0);
  }

  @Test
  void reducing_sale_against_a_long_raises_es_now_in_a_hedged_book() {
    PositionBook book = hedgedBook();
    RiskGate gate = hedgedGate(200);
    // Selling 50 A: A in [50, 100] x 8 = [400, 800]; A's P&L min(400 r, 800 r) = 100, -200, 50, -100;
    // with B (-200, 200, -100, 100): -100, 0, -50, 0 -> losses 100, 0, 50, 0 -> ES = (100 + 50) / 2 = 75.
    // Far-end rule: 0. After the fill A = 50: -400 A = -100, 100, -50, 50 -> ES 75, so the bound is attained.
    OrderRequest sell = order("s1", A, Side.SELL, 50);
    GateDecision d = gate.check(sell, book);
    assertThat(d.approved()).isTrue();
    assertThat(d.findFigure(RiskGate.FIGURE_ES_PRO_FORMA)).hasValue(75.0);
    assertThat(d.findFigure(RiskGate.FIGURE_ES_INCREMENTAL)).hasValue(75.0);
    book.reserve(sell, 8.0);
    assertThat(gate.expectedShortfall("ACC", book)).isEqualTo(75.0);
    // a second sale of 100 that could, with the first, flip A to -50 is the 225 case above: rejected
    GateDecision second = gate.check(order("s2", A, Side.SELL_SHORT, 100), book);
    assertThat(second.findFigure(RiskGate.FIGURE_ES_CURRENT)).hasValue(75.0);
    assertThat(second.findFigure(RiskGate.FIGURE_ES_PRO_FORMA)).hasValue(225.0);
    assertThat(second.approved()).isFalse();
    // the fill shrinks the range to [50, 50]: the figure stays 75, now exact
    book.applyFill(fill("f3", "s1", A, Side.SELL, 50, 8.0));
    assertThat(gate.check(order("p1", B, Side.BUY, 1), book).findFigure(RiskGate.FIGURE_ES_CURRENT))
        .hasValue(75.0);
  }

  @Test
  void far_end_understates_even_one_instrument_with_skewed_returns() {
    PositionBook book = cashBook(10_000);
    book.applyFill(fill("f1", "o0", A, Side.BUY, 100, 8.0));
    RiskGate gate = exact().esLimit(1_000).build();
    // A: -0.125, -0.0625, 0.03125, 0.5. Selling 150 leaves A in [-50, 100] x 8 = [-400, 800].
    // Far end 800: losses 100, 50, -25, -400 -> ES 75. Other end -400: P&L 50, 25, -12.5, -200 -> ES
    // (200 + 12.5) / 2 = 106.25, so the far end is not even the worse end. Per scenario min(-400 r, 800 r):
    // -100, -50, -12.5, -200 -> losses 100, 50, 12.5, 200 -> ES = (200 + 100) / 2 = 150 >= 106.25.
    GateDecision d = gate.check(order("s1", A, Side.SELL_SHORT, 150), book);
    assertThat(d.findFigure(RiskGate.FIGURE_ES_CURRENT)).hasValue(75.0);
    assertThat(d.findFigure(RiskGate.FIGURE_ES_PRO_FORMA)).hasValue(150.0);
    assertThat(d.findFigure(RiskGate.FIGURE_ES_INCREMENTAL)).hasValue(75.0);
  }

  // ----------------------------------------------------------------------------------------------
  // fail-closed

  @Test
  void order_for_an_instrument_without_history_is_rejected() {
    PositionBook book = cashBook(10_000);
    GateDecision d = exact().esLimit(100).build().check(order("o1", TestInstruments.JPM, Side.BUY, 1), book);
    assertThat(d.approved()).isFalse();
    assertThat(d.blockingReasons().get(0).code()).isEqualTo(ReasonCode.INSUFFICIENT_HISTORY);
    assertThat(d.blockingReasons().get(0).message()).contains("no return scenarios for instrument JPM").contains("o1");
  }

  @Test
  void held_instrument_without_history_blocks_every_order_of_the_account() {
    PositionBook book = cashBook(10_000);
    book.applyFill(fill("f1", "o0", TestInstruments.XOM, Side.BUY, 10, 100.0));
    book.mark("A", 8.0);
    GateDecision d = exact().esLimit(100).build().check(order("o1", A, Side.BUY, 1), book);
    assertThat(d.approved()).isFalse();
    assertThat(d.blockingReasons().get(0).code()).isEqualTo(ReasonCode.INSUFFICIENT_HISTORY);
    assertThat(d.blockingReasons().get(0).message()).contains("held instrument XOM");
  }

  @Test
  void too_few_scenarios_are_insufficient_history() {
    PositionBook book = cashBook(10_000);
    book.mark("A", 8.0);
    GateDecision d = exact().minimumScenarios(250).build().check(order("o1", A, Side.BUY, 1), book);
    assertThat(d.approved()).isFalse();
    Reason r = d.blockingReasons().get(0);
    assertThat(r.code()).isEqualTo(ReasonCode.INSUFFICIENT_HISTORY);
    assertThat(r.message()).contains("only 4 return scenarios").contains("at least 250");
    assertThat(r.limit()).isEqualTo(250);
    assertThat(r.value()).isEqualTo(4);
  }

  @Test
  void empty_provider_rejects_until_fed() {
    UpdatableScenarioProvider provider = ScenarioProviders.updatable();
    RiskGate gate = RiskGate.builder().scenarios(provider).clock(clock).confidence(0.5).minimumScenarios(4)
        .esLimit(1_000).build();
    PositionBook book = cashBook(10_000);
    book.mark("A", 8.0);
    assertThat(gate.check(order("o1", A, Side.BUY, 100), book).blockingReasons().get(0).code())
        .isEqualTo(ReasonCode.INSUFFICIENT_HISTORY);
    provider.replaceAll(Map.of("A", new double[] {-0.125, -0.0625, 0.03125, 0.5}));
    GateDecision d = gate.check(order("o2", A, Side.BUY, 100), book);
    assertThat(d.approved()).isTrue();
    assertThat(d.findFigure(RiskGate.FIGURE_ES_PRO_FORMA)).hasValue(75.0);
    // new scenarios (all losses doubled) rebuild the cache
    provider.replaceAll(Map.of("A", new double[] {-0.25, -0.125, 0.03125, 0.5}));
    assertThat(gate.check(order("o3", A, Side.BUY, 100), book).findFigure(RiskGate.FIGURE_ES_PRO_FORMA)).hasValue(150.0);
  }

  @Test
  void market_order_without_a_mark_is_rejected_and_limit_order_uses_its_price() {
    PositionBook book = cashBook(10_000);
    RiskGate gate = exact().esLimit(1_000).build();
    GateDecision market = gate.check(order("o1", A, Side.BUY, 100), book);
    assertThat(market.blockingReasons().get(0).code()).isEqualTo(ReasonCode.NO_REFERENCE_PRICE);
    assertThat(market.blockingReasons().get(0).message()).contains("no mark price for A");
    GateDecision limit = gate.check(TestInstruments.limit("o2", "ACC", A, Side.BUY, 100, 8.0), book);
    assertThat(limit.approved()).isTrue();
    assertThat(limit.findFigure(RiskGate.FIGURE_ES_PRO_FORMA)).hasValue(75.0);
  }

  @Test
  void provider_exception_becomes_an_internal_error_naming_the_cause() {
    ScenarioProvider broken = new ScenarioProvider() {
      @Override
      public long version() {
        return 1;
      }

      @Override
      public int scenarioCount() {
        return 300;
      }

      @Override
      public Optional<double[]> findReturns(String instrumentId) {
        throw new IllegalStateException("history store unreachable");
      }
    };
    PositionBook book = cashBook(10_000);
    book.mark("A", 8.0);
    GateDecision d = RiskGate.builder().scenarios(broken).clock(clock).esLimit(100).build()
        .check(order("o1", A, Side.BUY, 1), book);
    assertThat(d.approved()).isFalse();
    assertThat(d.blockingReasons().get(0).code()).isEqualTo(ReasonCode.INTERNAL_ERROR);
    assertThat(d.blockingReasons().get(0).message()).contains("history store unreachable").contains("o1");
  }

  @Test
  void nan_scenario_from_a_provider_is_an_internal_error() {
    ScenarioProvider nan = new ScenarioProvider() {
      @Override
      public long version() {
        return 1;
      }

      @Override
      public int scenarioCount() {
        return 4;
      }

      @Override
      public Optional<double[]> findReturns(String instrumentId) {
        return Optional.of(new double[] {0.1, Double.NaN, 0.2, 0.3});
      }
    };
    PositionBook book = cashBook(10_000);
    book.mark("A", 8.0);
    GateDecision d = RiskGate.builder().scenarios(nan).clock(clock).minimumScenarios(4).esLimit(100).build()
        .check(order("o1", A, Side.BUY, 1), book);
    assertThat(d.approved()).isFalse();
    assertThat(d.blockingReasons().get(0).code()).isEqualTo(ReasonCode.INTERNAL_ERROR);
    assertThat(d.blockingReasons().get(0).message()).contains("scenario 1 of instrument A is NaN");
  }

  // ----------------------------------------------------------------------------------------------
  // drawdown

  @Test
  void drawdown_tier_blocks_risk_increasing_orders_and_allows_reducing_ones() {
    PositionBook book = cashBook(10_000);
    book.applyFill(fill("f1", "o0", A, Side.BUY, 100, 8.0));
    DrawdownController drawdown = DrawdownController.builder().account("ACC").budget(0.10)
        .normalMaxGrossLeverage(2.0).clock(clock).build();
    RiskGate gate = exact().esLimit(1_000).drawdown(drawdown).build();
    drawdown.update(100_000);
    assertThat(gate.check(order("b1", A, Side.BUY, 10), book).approved()).isTrue();
    drawdown.update(95_000); // 5% of a 10% budget: tier 1
    GateDecision buy = gate.check(order("b2", A, Side.BUY, 10), book);
    assertThat(buy.approved()).isFalse();
    assertThat(buy.blockingReasons().get(0).code()).isEqualTo(ReasonCode.DRAWDOWN_BLOCK);
    assertThat(buy.blockingReasons().get(0).message()).contains("tier 1").contains("from 100 to 110");
    assertThat(buy.findFigure(RiskGate.FIGURE_DRAWDOWN_TIER)).hasValue(1.0);
    assertThat(buy.findFigure(RiskGate.FIGURE_MAX_GROSS_LEVERAGE)).hasValue(1.5);
    assertThat(buy.findFigure(RiskGate.FIGURE_DRAWDOWN).getAsDouble()).isCloseTo(0.05, within(1e-12));
    assertThat(gate.check(order("s1", A, Side.SELL, 50), book).approved()).isTrue();
    // a short sale beyond flat increases the worst-case position (from 100 to -150): blocked
    assertThat(gate.check(order("s2", A, Side.SELL_SHORT, 250), book).approved()).isFalse();
    // an order in another account is unaffected
    book.deposit("OTHER", 10_000);
    assertThat(gate.check(TestInstruments.market("x1", "OTHER", A, Side.BUY, 10), book).approved()).isTrue();
  }

  // ----------------------------------------------------------------------------------------------
  // agreement with full recomputation on a realistic book, through marks, fills and releases

  @Test
  void pro_forma_and_incremental_es_equal_full_recomputations_as_the_book_changes() {
    long seed = 141L;
    System.out.println("seed=" + seed);
    Random rnd = new Random(seed);
    List<Instrument> universe = TestInstruments.universe(30);
    Map<String, double[]> scenarios = new HashMap<>();
    double[] market = new double[300];
    for (int s = 0; s < 300; s++) {
      market[s] = 0.01 * rnd.nextGaussian();
    }
    for (Instrument i : universe) {
      double[] r = new double[300];
      for (int s = 0; s < 300; s++) {
        r[s] = market[s] * (0.5 + rnd.nextDouble()) + 0.015 * rnd.nextGaussian();
      }
      scenarios.put(i.id(), r);
    }
    PositionBook book = cashBook(5_000_000);
    for (Instrument i : universe) {
      book.mark(i.id(), 20 + rnd.nextInt(200));
    }
    // a mark tolerance of 0 re-walks on every mark move, so the cache must agree exactly with a recomputation
    RiskGate gate = RiskGate.builder().scenarios(ScenarioProviders.fixed(scenarios)).clock(clock).esLimit(1e12)
        .markTolerance(0).build();
    for (int step = 0; step < 200; step++) {
      Instrument inst = universe.get(rnd.nextInt(universe.size()));
      Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL_SHORT;
      OrderRequest o = order("o" + step, inst, side, 1 + rnd.nextInt(500));
      GateDecision d = gate.check(o, book);
      double[] expected = referenceEs(book, scenarios, o);
      assertThat(d.findFigure(RiskGate.FIGURE_ES_CURRENT).getAsDouble()).as("step %d", step)
          .isCloseTo(expected[0], within(1e-6 * Math.max(1, expected[0])));
      assertThat(d.findFigure(RiskGate.FIGURE_ES_PRO_FORMA).getAsDouble()).as("step %d", step)
          .isCloseTo(expected[1], within(1e-6 * Math.max(1, expected[1])));
      assertThat(d.findFigure(RiskGate.FIGURE_ES_INCREMENTAL).getAsDouble()).as("step %d", step)
          .isCloseTo(expected[1] - expected[0], within(1e-6 * Math.max(1, expected[1])));
      // change the book in the ways a day does
      switch (rnd.nextInt(5)) {
        case 0:
          book.reserve(o, book.markPrice(inst.id()));
          break;
        case 1:
          book.reserve(o, book.markPrice(inst.id()));
          book.applyFill(fill("f" + step, o.clientOrderId(), inst, side, o.quantity(), book.markPrice(inst.id())));
          break;
        case 2:
          book.mark(inst.id(), book.markPrice(inst.id()) * (1 + 0.05 * rnd.nextGaussian()));
          break;
        case 3:
          clock.advance(Duration.ofSeconds(2));
          break;
        default:
          book.release("o" + (step - 1));
          break;
      }
    }
  }

  /**
   * ES before and after an order, by the historical estimator on a P&L vector built here from scratch: each
   * position held anywhere in {@code [q - pendingSell, q + pendingBuy]} contributes, in each scenario, the
   * smaller of the P&L of the two ends (a direct minimum, not the gate's split into positive and negative
   * returns).
   */
  private static double[] referenceEs(PositionBook book, Map<String, double[]> scenarios, OrderRequest o) {
    int s = 300;
    double[] before = new double[s];
    double[] after = new double[s];
    boolean orderSeen = false;
    for (var p : book.positions("ACC")) {
      long high = p.quantity() + p.pendingBuyQuantity();
      long low = p.quantity() - p.pendingSellQuantity();
      long highAfter = high;
      long lowAfter = low;
      if (p.instrument().id().equals(o.instrument().id())) {
        orderSeen = true;
        highAfter += o.side().isBuy() ? o.quantity() : 0;
        lowAfter -= o.side().isBuy() ? 0 : o.quantity();
      }
      double[] r = scenarios.get(p.instrument().id());
      double mark = p.markPrice();
      for (int j = 0; j < s; j++) {
        before[j] += Math.min(low * mark * r[j], high * mark * r[j]);
        after[j] += Math.min(lowAfter * mark * r[j], highAfter * mark * r[j]);
      }
    }
    if (!orderSeen) {
      double[] r = scenarios.get(o.instrument().id());
      for (int j = 0; j < s; j++) {
        // from flat the range is [0, order] or [-order, 0]: the worse end is 0 or the order
        after[j] += Math.min(0, o.signedQuantity() * book.markPrice(o.instrument().id()) * r[j]);
      }
    }
    return new double[] {RiskEstimators.historical().estimate(before, 0.975).es(),
        RiskEstimators.historical().estimate(after, 0.975).es()};
  }

  @Test
  void small_mark_moves_are_picked_up_at_the_refresh_interval_and_large_ones_at_once() {
    PositionBook book = cashBook(10_000);
    book.applyFill(fill("f1", "o0", A, Side.BUY, 100, 8.0));
    book.mark("B", 4.0);
    RiskGate gate = exact().esLimit(1_000).build(); // tolerance 0.1% of gross, refresh every second
    assertThat(gate.check(order("o1", B, Side.BUY, 1), book).findFigure(RiskGate.FIGURE_ES_CURRENT)).hasValue(75.0);
    // A +0.05%: gross 800 -> 800.4, within tolerance: the cached ES stands
    book.mark("A", 8.004);
    assertThat(gate.check(order("o2", B, Side.BUY, 1), book).findFigure(RiskGate.FIGURE_ES_CURRENT)).hasValue(75.0);
    // one second later the walk re-marks A: ES = 75 * 8.004 / 8 = 75.0375
    clock.advance(Duration.ofSeconds(1));
    assertThat(gate.check(order("o3", B, Side.BUY, 1), book).findFigure(RiskGate.FIGURE_ES_CURRENT).getAsDouble())
        .isCloseTo(75.0375, within(1e-9));
    // A +10%: beyond tolerance, re-marked at once: ES = 75 * 8.8 / 8 = 82.5
    book.mark("A", 8.8);
    assertThat(gate.check(order("o4", B, Side.BUY, 1), book).findFigure(RiskGate.FIGURE_ES_CURRENT).getAsDouble())
        .isCloseTo(82.5, within(1e-9));
    // an order in A itself always values A at its current mark
    book.mark("A", 8.8088);
    assertThat(gate.check(order("o5", A, Side.BUY, 100), book).findFigure(RiskGate.FIGURE_ES_PRO_FORMA).getAsDouble())
        .isCloseTo(75 * 2 * 8.8088 / 8, within(1e-9));
  }

  @Test
  void expected_shortfall_for_monitoring_matches_the_cached_figure() {
    PositionBook book = cashBook(10_000);
    book.applyFill(fill("f1", "o0", A, Side.BUY, 100, 8.0));
    book.mark("B", 4.0);
    RiskGate gate = exact().esLimit(1_000).build();
    assertThat(gate.expectedShortfall("ACC", book)).isEqualTo(75.0);
    assertThat(gate.check(order("o1", B, Side.BUY, 1), book).findFigure(RiskGate.FIGURE_ES_CURRENT)).hasValue(75.0);
    assertThat(gate.confidence()).isEqualTo(0.5);
    assertThat(gate.name()).isEqualTo("risk");
  }

  @Test
  void builder_rejects_invalid_settings() {
    assertThatThrownBy(() -> RiskGate.builder().clock(clock).build()).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("scenarios");
    assertThatThrownBy(() -> exact().esLimit(0).build()).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("esLimit");
    assertThatThrownBy(() -> exact().confidence(1).build()).isInstanceOf(InvalidValueException.class);
    DrawdownController d = DrawdownController.builder().account("ACC").budget(0.1).normalMaxGrossLeverage(1)
        .clock(clock).build();
    assertThatThrownBy(() -> exact().drawdown(d).drawdown(d).build()).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("one controller per account");
  }

  static OrderRequest order(String id, Instrument instrument, Side side, long quantity) {
    return TestInstruments.market(id, "ACC", instrument, side, quantity);
  }

  static Fill fill(String fillId, String orderId, Instrument instrument, Side side, long quantity, double price) {
    return new Fill(fillId, orderId, orderId, "ACC", instrument, side, quantity, price, 0, T0);
  }
}
