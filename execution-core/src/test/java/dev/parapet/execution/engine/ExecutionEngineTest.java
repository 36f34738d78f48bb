package dev.parapet.execution.engine;

import static dev.parapet.execution.engine.EngineFixtures.T0;
import static dev.parapet.execution.engine.EngineFixtures.event;
import static dev.parapet.execution.engine.EngineFixtures.fill;
import static dev.parapet.execution.engine.EngineFixtures.market;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.api.InvalidValueException;
import dev.parapet.api.alert.Alert;
import dev.parapet.api.alert.AlertCategory;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.execution.Aggression;
import dev.parapet.api.execution.ParentOrderState;
import dev.parapet.api.execution.ParentOrderView;
import dev.parapet.api.fixtures.TestInstruments;
import dev.parapet.api.model.ChildOrder;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderEvent;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.OrderType;
import dev.parapet.api.model.Side;
import dev.parapet.api.time.SimulatedClock;
import dev.parapet.execution.algo.ExecutionAlgos;
import dev.parapet.execution.engine.EngineFixtures.RecordingRouter;
import dev.parapet.execution.engine.EngineFixtures.RecordingSink;
import dev.parapet.execution.engine.EngineFixtures.ScriptedAlgo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExecutionEngineTest {

  private SimulatedClock clock;
  private RecordingRouter router;
  private RecordingSink sink;
  private ExecutionEngine engine;

  @BeforeEach
  void setUp() {
    clock = SimulatedClock.at(T0);
    router = new RecordingRouter();
    sink = new RecordingSink();
    engine = builder().build();
    engine.onMarketState(market("AAPL", T0, 99.99, 100.01, 1_000_000));
  }

  private ExecutionEngine.Builder builder() {
    return ExecutionEngine.builder(router, clock).alertSink(sink).sliceSizeJitter(0).recheckJitter(0);
  }

  private static OrderRequest buy(String id, long qty) {
    return TestInstruments.market(id, "ACC", TestInstruments.AAPL, Side.BUY, qty);
  }

  private ParentOrderView submit(OrderRequest order, ScriptedAlgo algo) {
    return engine.submit(order, algo, T0.plus(Duration.ofHours(1)));
  }

  private Instant advance(Duration d) {
    Instant now = clock.advance(d);
    engine.onTimer(now);
    return now;
  }

  // ---------------------------------------------------------------------------------------------------

  @Test
  void immediate_sends_one_market_child_for_the_whole_order() {
    ParentOrderView v = engine.submit(buy("P1", 1_000), ExecutionAlgos.immediate(), T0.plusSeconds(600));
    assertThat(v.state()).isEqualTo(ParentOrderState.WORKING);
    assertThat(v.algoName()).isEqualTo("IMMEDIATE");
    assertThat(v.arrivalPrice()).isCloseTo(100.0, within(1e-12));
    assertThat(v.marketVolumeAtStart()).isEqualTo(1_000_000);
    assertThat(v.openQuantity()).isEqualTo(1_000);
    assertThat(v.unreleasedQuantity()).isZero();
    assertThat(router.sent).hasSize(1);
    ChildOrder c = router.last();
    assertThat(c.quantity()).isEqualTo(1_000);
    assertThat(c.orderType()).isEqualTo(OrderType.MARKET);
    assertThat(c.parentOrderId()).isEqualTo("P1");
    assertThat(c.side()).isEqualTo(Side.BUY);
  }

  @Test
  void partial_fills_then_the_last_fill_complete_the_parent() {
    engine.submit(buy("P1", 1_000), ExecutionAlgos.immediate(), T0.plusSeconds(600));
    ChildOrder c = router.last();
    engine.onOrderEvent(event(c, OrderEvent.Type.ACKNOWLEDGED, T0));
    assertThat(engine.onFill(fill(c, 400, 100.02, T0))).isTrue();
    ParentOrderView v = engine.getParent("P1");
    assertThat(v.state()).isEqualTo(ParentOrderState.PARTIALLY_FILLED);
    assertThat(v.filledQuantity()).isEqualTo(400);
    assertThat(v.openQuantity()).isEqualTo(600);
    engine.onFill(fill(c, 600, 100.07, T0));
    v = engine.getParent("P1");
    assertThat(v.state()).isEqualTo(ParentOrderState.FILLED);
    assertThat(v.openQuantity()).isZero();
    // (400 * 100.02 + 600 * 100.07) / 1000 = 100.05
    assertThat(v.averageFillPrice().getAsDouble()).isCloseTo(100.05, within(1e-9));
    assertThat(engine.fills("P1")).hasSize(2);
    assertThat(engine.activeParents()).isEmpty();
  }

  @Test
  void reject_raises_an_alert_and_the_quantity_is_resent_after_the_backoff() {
    ScriptedAlgo algo = new ScriptedAlgo(1_000);
    submit(buy("P1", 1_000), algo);
    ChildOrder c = router.last();
    engine.onOrderEvent(event(c, OrderEvent.Type.REJECTED, T0));
    ParentOrderView v = engine.getParent("P1");
    assertThat(v.rejectCount()).isEqualTo(1);
    assertThat(v.openQuantity()).isZero();
    assertThat(sink.alerts).singleElement().satisfies(a -> {
      assertThat(a.name()).isEqualTo("ChildOrderRejected");
      assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(a.category()).isEqualTo(AlertCategory.EXECUTION);
      assertThat(a.labels()).containsEntry(Alert.ACCOUNT, "ACC").containsEntry(Alert.INSTRUMENT, "AAPL")
          .containsEntry("parentOrderId", "P1");
      assertThat(a.annotations()).containsEntry("childOrderId", c.childOrderId());
    });
    advance(Duration.ofMillis(500));
    assertThat(router.sent).hasSize(1); // still backing off
    advance(Duration.ofMillis(500));
    assertThat(router.sent).hasSize(2);
    assertThat(router.last().quantity()).isEqualTo(1_000);
  }

  @Test
  void consecutive_rejects_stop_the_parent() {
    engine = builder().maxConsecutiveRejects(3).build();
    engine.onMarketState(market("AAPL", T0, 99.99, 100.01, 1_000_000));
    submit(buy("P1", 1_000), new ScriptedAlgo(1_000));
    for (int i = 0; i < 3; i++) {
      engine.onOrderEvent(event(router.last(), OrderEvent.Type.REJECTED, clock.instant()));
      advance(Duration.ofSeconds(1));
    }
    ParentOrderView v = engine.getParent("P1");
    assertThat(v.state()).isEqualTo(ParentOrderState.CANCELLED);
    assertThat(v.statusReason()).contains("3 consecutive rejects");
    assertThat(router.sent).hasSize(3);
    assertThat(sink.count("ChildOrderRejected")).isEqualTo(3);
    assertThat(sink.count("ParentOrderStopped")).isEqualTo(1);
  }

  @Test
  void a_router_that_throws_is_treated_as_a_reject() {
    router.failSends = new IllegalStateException("broker down");
    ParentOrderView v = submit(buy("P1", 1_000), new ScriptedAlgo(1_000));
    assertThat(router.sent).hasSize(1);
    v = engine.getParent("P1");
    assertThat(v.rejectCount()).isEqualTo(1);
    assertThat(v.openQuantity()).isZero();
    assertThat(sink.alerts).singleElement().satisfies(a -> assertThat(a.annotations().get(Alert.SUMMARY)).contains("broker down"));
  }

  @Test
  void host_cancel_cancels_children_and_late_fills_are_still_counted() {
    engine = builder().lateFillGrace(Duration.ofSeconds(2)).build();
    engine.onMarketState(market("AAPL", T0, 99.99, 100.01, 1_000_000));
    submit(buy("P1", 1_000), new ScriptedAlgo(1_000));
    ChildOrder c = router.last();
    engine.onOrderEvent(event(c, OrderEvent.Type.ACKNOWLEDGED, T0));
    assertThat(engine.cancel("P1", "host changed its mind")).isTrue();
    assertThat(router.cancels).containsExactly(c.childOrderId());
    ParentOrderView v = engine.getParent("P1");
    assertThat(v.state()).isEqualTo(ParentOrderState.CANCELLED);
    assertThat(v.statusReason()).isEqualTo("host changed its mind");
    // a fill that crossed the cancel request
    engine.onFill(fill(c, 300, 100.01, T0));
    v = engine.getParent("P1");
    assertThat(v.filledQuantity()).isEqualTo(300);
    assertThat(v.openQuantity()).isEqualTo(700);
    assertThat(v.state()).isEqualTo(ParentOrderState.CANCELLED);
    // cancel confirmed; a fill crossing the confirmation, inside the grace period, still counts
    engine.onOrderEvent(event(c, OrderEvent.Type.CANCELLED, T0));
    advance(Duration.ofSeconds(1));
    engine.onFill(fill(c, 200, 100.01, clock.instant()));
    v = engine.getParent("P1");
    assertThat(v.filledQuantity()).isEqualTo(500);
    assertThat(v.openQuantity()).isEqualTo(500);
    // after the grace the remainder is released; no new child is ever sent for a cancelled parent
    advance(Duration.ofSeconds(1));
    v = engine.getParent("P1");
    assertThat(v.openQuantity()).isZero();
    assertThat(router.sent).hasSize(1);
    assertThat(engine.cancel("P1", "again")).isFalse();
  }

  @Test
  void late_fills_that_complete_a_cancelled_parent_make_it_filled() {
    submit(buy("P1", 1_000), new ScriptedAlgo(1_000));
    ChildOrder c = router.last();
    engine.cancel("P1", "stop");
    engine.onFill(fill(c, 1_000, 100.01, T0));
    ParentOrderView v = engine.getParent("P1");
    assertThat(v.state()).isEqualTo(ParentOrderState.FILLED);
    assertThat(v.statusReason()).isEmpty();
  }

  @Test
  void an_overfill_is_not_counted_and_raises_a_critical_alert() {
    engine.submit(buy("P1", 1_000), ExecutionAlgos.immediate(), T0.plusSeconds(600));
    ChildOrder c = router.last();
    engine.onFill(fill(c, 1_000, 100.01, T0));
    assertThat(engine.onFill(fill(c, 100, 100.01, T0))).isTrue();
    ParentOrderView v = engine.getParent("P1");
    assertThat(v.filledQuantity()).isEqualTo(1_000);
    assertThat(v.state()).isEqualTo(ParentOrderState.FILLED);
    assertThat(sink.alerts).singleElement().satisfies(a -> {
      assertThat(a.name()).isEqualTo("ExecutionOverfill");
      assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
    });
    assertThat(engine.fills("P1")).hasSize(1);
  }

  @Test
  void a_fill_larger_than_its_child_counts_only_what_the_parent_has_room_for() {
    ScriptedAlgo algo = new ScriptedAlgo(600);
    submit(buy("P1", 1_000), algo);
    ChildOrder c = router.last();
    assertThat(c.quantity()).isEqualTo(600);
    // the venue reports 900 on a 600 child: 300 extra; the parent has 400 unreleased, so all 900 count
    engine.onFill(fill(c, 900, 100.01, T0));
    ParentOrderView v = engine.getParent("P1");
    assertThat(v.filledQuantity()).isEqualTo(900);
    assertThat(v.openQuantity()).isZero();
    assertThat(sink.alerts).isEmpty();
    // another 200: only 100 fit
    engine.onFill(fill(c, 200, 100.01, T0));
    v = engine.getParent("P1");
    assertThat(v.filledQuantity()).isEqualTo(1_000);
    assertThat(sink.count("ExecutionOverfill")).isEqualTo(1);
    assertThat(engine.fills("P1").get(1).quantity()).isEqualTo(100);
  }

  @Test
  void duplicate_fills_are_ignored_and_foreign_fills_are_not_ours() {
    engine.submit(buy("P1", 1_000), ExecutionAlgos.immediate(), T0.plusSeconds(600));
    ChildOrder c = router.last();
    var f = fill(c, 100, 100.01, T0);
    engine.onFill(f);
    assertThat(engine.onFill(f)).isTrue();
    assertThat(engine.getParent("P1").filledQuantity()).isEqualTo(100);
    ChildOrder foreign = new ChildOrder("X.1", "X", "ACC", TestInstruments.AAPL, Side.BUY, 10, OrderType.MARKET,
        java.util.OptionalDouble.empty(), dev.parapet.api.model.TimeInForce.DAY, T0);
    assertThat(engine.onFill(fill(foreign, 10, 100, T0))).isFalse();
    assertThat(engine.onOrderEvent(event(foreign, OrderEvent.Type.ACKNOWLEDGED, T0))).isFalse();
  }

  @Test
  void an_unacknowledged_child_times_out_is_cancelled_and_alerts() {
    submit(buy("P1", 1_000), new ScriptedAlgo(1_000));
    ChildOrder c = router.last();
    advance(Duration.ofSeconds(9));
    assertThat(router.cancels).isEmpty();
    advance(Duration.ofSeconds(1));
    assertThat(router.cancels).containsExactly(c.childOrderId());
    assertThat(sink.count("ChildOrderAckTimeout")).isEqualTo(1);
    assertThat(sink.alerts.get(0).severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void an_unconfirmed_cancel_alerts_and_its_quantity_is_never_released() {
    ScriptedAlgo algo = new ScriptedAlgo(1_000);
    submit(buy("P1", 1_000), algo);
    ChildOrder c = router.last();
    engine.onOrderEvent(event(c, OrderEvent.Type.ACKNOWLEDGED, T0));
    engine.cancel("P1", "stop");
    advance(Duration.ofSeconds(10));
    assertThat(sink.count("ChildOrderCancelTimeout")).isEqualTo(1);
    assertThat(router.cancels).hasSize(2); // the cancel is retried once
    advance(Duration.ofMinutes(5));
    assertThat(sink.count("ChildOrderCancelTimeout")).isEqualTo(1);
    assertThat(engine.getParent("P1").openQuantity()).isEqualTo(1_000);
  }

  @Test
  void a_working_child_stays_counted_and_blocks_new_children_until_it_is_dead() {
    ScriptedAlgo algo = new ScriptedAlgo(1_000);
    submit(buy("P1", 1_000), algo);
    ChildOrder c = router.last();
    engine.onOrderEvent(event(c, OrderEvent.Type.ACKNOWLEDGED, T0));
    for (int i = 0; i < 6; i++) {
      advance(Duration.ofSeconds(10));
    }
    assertThat(router.sent).hasSize(1);
    // the venue expires it (e.g. end of day): after the grace the algorithm may send it again
    engine.onOrderEvent(event(c, OrderEvent.Type.EXPIRED, clock.instant()));
    advance(Duration.ofSeconds(1));
    advance(Duration.ofMillis(1));
    assertThat(router.sent).hasSize(2);
    assertThat(router.last().quantity()).isEqualTo(1_000);
  }

  @Test
  void the_parent_expires_at_its_end_time_and_cancels_its_children() {
    submit(buy("P1", 1_000), new ScriptedAlgo(400));
    ChildOrder c = router.last();
    engine.onOrderEvent(event(c, OrderEvent.Type.ACKNOWLEDGED, T0));
    engine.onFill(fill(c, 100, 100, T0));
    clock.set(T0.plus(Duration.ofHours(1)));
    engine.onTimer(clock.instant());
    ParentOrderView v = engine.getParent("P1");
    assertThat(v.state()).isEqualTo(ParentOrderState.EXPIRED);
    assertThat(v.statusReason()).contains("900 unfilled");
    assertThat(router.cancels).containsExactly(c.childOrderId());
    assertThat(sink.count("ParentOrderExpired")).isEqualTo(1);
  }

  @Test
  void children_respect_lot_tick_minimum_size_and_the_limit() {
    Instrument lots = Instrument.builder().id("LOT").symbol("LOT").sector("Industrials").issuer("Lot Inc.")
        .lotSize(100).tickSize(0.05).build();
    engine = builder().minChildQuantity(450).build();
    engine.onMarketState(market("LOT", T0, 100.05, 100.15, 0));
    OrderRequest order = OrderRequest.builder().clientOrderId("L1").account("ACC").instrument(lots).side(Side.BUY)
        .quantity(2_000).limit(100.10).build();
    ScriptedAlgo algo = new ScriptedAlgo(300);
    engine.submit(order, algo, T0.plus(Duration.ofHours(1)));
    assertThat(router.sent).isEmpty(); // 300 < minimum 500 (450 rounded up to the lot)
    algo.target = 520;
    advance(Duration.ofSeconds(10));
    ChildOrder c = router.last();
    assertThat(c.quantity()).isEqualTo(500);
    // aggressive buy: far touch 100.15 capped by the limit 100.10
    assertThat(c.orderType()).isEqualTo(OrderType.LIMIT);
    assertThat(c.limitPrice().getAsDouble()).isCloseTo(100.10, within(1e-9));
    // passive: the bid
    algo.target = 1_500;
    algo.aggression = Aggression.PASSIVE;
    advance(Duration.ofSeconds(10));
    assertThat(router.last().quantity()).isEqualTo(1_000);
    assertThat(router.last().limitPrice().getAsDouble()).isCloseTo(100.05, within(1e-9));
    // the last piece may be below the minimum: 2,000 - 1,500 = 500 here, then nothing more
    algo.target = 2_000;
    advance(Duration.ofSeconds(10));
    assertThat(router.last().quantity()).isEqualTo(500);
    for (ChildOrder child : router.sent) {
      assertThat(child.quantity() % 100).isZero();
      assertThat(child.limitPrice().getAsDouble()).isLessThanOrEqualTo(100.10 + 1e-9);
    }
  }

  @Test
  void a_sell_is_priced_at_the_ask_when_passive_and_never_below_its_limit() {
    engine.onMarketState(market("AAPL", T0, 99.50, 99.60, 0));
    OrderRequest sell = OrderRequest.builder().clientOrderId("S1").account("ACC").instrument(TestInstruments.AAPL)
        .side(Side.SELL).quantity(1_000).limit(99.55).build();
    ScriptedAlgo algo = new ScriptedAlgo(500);
    algo.aggression = Aggression.PASSIVE;
    engine.submit(sell, algo, T0.plus(Duration.ofHours(1)));
    assertThat(router.last().limitPrice().getAsDouble()).isCloseTo(99.60, within(1e-9));
    algo.target = 1_000;
    algo.aggression = Aggression.AGGRESSIVE;
    advance(Duration.ofSeconds(10));
    // aggressive sell at the bid 99.50 is below the limit: 99.55
    assertThat(router.last().limitPrice().getAsDouble()).isCloseTo(99.55, within(1e-9));
  }

  @Test
  void resting_passive_children_are_repriced_when_the_touch_moves() {
    ScriptedAlgo algo = new ScriptedAlgo(500);
    algo.aggression = Aggression.PASSIVE;
    submit(buy("P1", 1_000), algo);
    ChildOrder first = router.last();
    assertThat(first.limitPrice().getAsDouble()).isCloseTo(99.99, within(1e-9));
    engine.onOrderEvent(event(first, OrderEvent.Type.ACKNOWLEDGED, T0));
    engine.onMarketState(market("AAPL", T0, 100.04, 100.06, 1_000_000));
    advance(Duration.ofSeconds(10));
    assertThat(router.cancels).containsExactly(first.childOrderId());
    engine.onOrderEvent(event(first, OrderEvent.Type.CANCELLED, clock.instant()));
    advance(Duration.ofSeconds(1));
    assertThat(router.last().limitPrice().getAsDouble()).isCloseTo(100.04, within(1e-9));
    assertThat(router.last().quantity()).isEqualTo(500);
  }

  @Test
  void a_failing_algorithm_stops_its_parent() {
    ScriptedAlgo algo = new ScriptedAlgo(100);
    submit(buy("P1", 1_000), algo);
    algo.failure = new ArithmeticException("boom");
    advance(Duration.ofSeconds(10));
    ParentOrderView v = engine.getParent("P1");
    assertThat(v.state()).isEqualTo(ParentOrderState.CANCELLED);
    assertThat(v.statusReason()).contains("boom");
    assertThat(sink.count("ParentOrderStopped")).isEqualTo(1);
  }

  @Test
  void a_router_that_fills_synchronously_inside_send_is_handled() {
    List<ChildOrder> sent = new ArrayList<>();
    ExecutionEngine[] holder = new ExecutionEngine[1];
    dev.parapet.api.execution.OrderRouter synchronous = new dev.parapet.api.execution.OrderRouter() {
      @Override
      public void send(ChildOrder child) {
        sent.add(child);
        holder[0].onOrderEvent(event(child, OrderEvent.Type.ACKNOWLEDGED, T0));
        holder[0].onFill(fill(child, child.quantity(), 100.01, T0));
      }

      @Override
      public void cancel(String childOrderId) {
      }
    };
    holder[0] = ExecutionEngine.builder(synchronous, clock).build();
    holder[0].onMarketState(market("AAPL", T0, 99.99, 100.01, 0));
    ParentOrderView v = holder[0].submit(buy("P1", 1_000), ExecutionAlgos.immediate(), T0.plusSeconds(60));
    assertThat(v.state()).isIn(ParentOrderState.WORKING, ParentOrderState.FILLED);
    assertThat(holder[0].getParent("P1").state()).isEqualTo(ParentOrderState.FILLED);
    assertThat(sent).hasSize(1);
  }

  @Test
  void slice_sizes_and_times_are_random_within_bounds_and_reproducible_by_seed() {
    List<Long> a = sliceSizes(7);
    List<Long> b = sliceSizes(7);
    List<Long> c = sliceSizes(8);
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
    assertThat(a).allSatisfy(q -> assertThat(q).isBetween(80L, 100L));
  }

  private List<Long> sliceSizes(long seed) {
    RecordingRouter r = new RecordingRouter();
    SimulatedClock clk = SimulatedClock.at(T0);
    ExecutionEngine e = ExecutionEngine.builder(r, clk).seed(seed).sliceSizeJitter(0.2).build();
    e.onMarketState(market("AAPL", T0, 99.99, 100.01, 0));
    ScriptedAlgo algo = new ScriptedAlgo(100);
    e.submit(buy("P1", 100_000), algo, T0.plus(Duration.ofHours(1)));
    List<Long> sizes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ChildOrder child = r.last();
      e.onFill(fill(child, child.quantity(), 100.01, clk.instant()));
      sizes.add(child.quantity());
      algo.target = e.getParent("P1").filledQuantity() + 100;
      // decisions come 8 to 12 seconds apart: 11 s is not always enough, 12 s always is
      e.onTimer(clk.advance(Duration.ofSeconds(12)));
    }
    return sizes;
  }

  @Test
  void submission_needs_market_data_and_a_new_id() {
    OrderRequest other = TestInstruments.market("M1", "ACC", TestInstruments.MSFT, Side.BUY, 100);
    assertThatThrownBy(() -> engine.submit(other)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("market state");
    engine.submit(buy("P1", 100));
    assertThatThrownBy(() -> engine.submit(buy("P1", 100))).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("clientOrderId");
    assertThatThrownBy(() -> engine.getParent("nope")).isInstanceOf(UnknownParentOrderException.class);
    assertThat(engine.findParent("nope")).isEmpty();
  }

  @Test
  void default_submission_uses_the_selector_and_the_horizon_policy() {
    engine = builder().algoSelector(AlgoSelector.always(ExecutionAlgos::twap))
        .horizonPolicy(HorizonPolicy.fixed(Duration.ofMinutes(20))).build();
    engine.onMarketState(market("AAPL", T0, 99.99, 100.01, 0));
    ParentOrderView v = engine.submit(buy("P1", 1_000));
    assertThat(v.algoName()).isEqualTo("TWAP");
    assertThat(v.endTime()).isEqualTo(T0.plus(Duration.ofMinutes(20)));
    // near the close the horizon is cut at the close
    Instant late = EngineFixtures.CLOSE.minus(Duration.ofMinutes(5));
    HorizonPolicy policy = HorizonPolicy.defaults();
    assertThat(policy.endTime(buy("P2", 1), market("AAPL", late, 99.99, 100.01, 0), late))
        .isEqualTo(EngineFixtures.CLOSE);
  }

  @Test
  void completed_parents_beyond_the_retention_are_forgotten() {
    engine = builder().maxRetainedCompleted(2).build();
    engine.onMarketState(market("AAPL", T0, 99.99, 100.01, 0));
    for (int i = 1; i <= 3; i++) {
      engine.submit(buy("P" + i, 100), ExecutionAlgos.immediate(), T0.plusSeconds(60));
      engine.onFill(fill(router.last(), 100, 100.01, T0));
    }
    assertThat(engine.parents()).extracting(ParentOrderView::clientOrderId).containsExactly("P2", "P3");
  }
}
