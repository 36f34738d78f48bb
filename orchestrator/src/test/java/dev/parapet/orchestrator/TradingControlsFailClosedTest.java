package dev.parapet.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.calendar.MarketCalendars;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.Reason;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.gate.TradeGate;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.ChildOrder;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Quote;
import dev.parapet.api.model.Side;
import dev.parapet.compliance.journal.AuditJournal;
import dev.parapet.compliance.journal.AuditRecords;
import dev.parapet.compliance.journal.JournalRecord;
import dev.parapet.simulator.MarketDataListener;
import dev.parapet.simulator.SimulatedMarket;
import dev.parapet.simulator.venue.VenueListener;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facade fails closed: a host gate that throws, an instrument without return scenarios, too short a
 * history and an engaged kill switch all reject, and nothing rejected reaches the router; every decision
 * and the kill switch's changes are journalled.
 */
class TradingControlsFailClosedTest {

  private static final long SEED = 4242L;
  private static final LocalDate DAY = LocalDate.of(2026, 4, 14);
  private static final String ACCOUNT = "FUND-A";

  /** A started set of controls on a simulated market at 09:30, its instruments quoted. */
  private static final class Fixture implements AutoCloseable {
    final SimulatedMarket market;
    final RecordingRouter router = new RecordingRouter();
    final TradingControls controls;
    int next;

    Fixture(Path dir, int historySessions, int instrumentsWithHistory, Consumer<TradingControlsBuilder> custom) {
      this(dir, historySessions, instrumentsWithHistory, custom, bar -> bar);
    }

    Fixture(Path dir, int historySessions, int instrumentsWithHistory, Consumer<TradingControlsBuilder> custom,
        UnaryOperator<Bar> editHistory) {
      System.out.println("TradingControlsFailClosedTest seed " + SEED);
      market = SimulatedMarket.builder().seed(SEED).instruments(5).start(DAY).calendar(MarketCalendars.XNYS).build();
      TradingControlsBuilder b = TradingControls.builder().clock(market.clock()).dataDirectory(dir).router(router)
          .seed(SEED);
      custom.accept(b);
      controls = b.build();
      List<String> withHistory = market.instruments().subList(0, instrumentsWithHistory).stream()
          .map(Instrument::id).toList();
      controls.history().putInstruments(withHistory);
      List<Bar> bars = market.dailyHistory(historySessions).stream()
          .filter(bar -> withHistory.contains(bar.instrumentId())).map(editHistory).toList();
      controls.history().putBars(bars);
      controls.book().deposit(ACCOUNT, 10_000_000);
      controls.start();
      router.delegate = market.venue();
      market.venue().addListener(VenueListener.of(controls::onFill, controls::onOrderEvent));
      market.addListener(new MarketDataListener() {
        @Override
        public void onQuote(Quote quote) {
          controls.onQuote(quote);
        }

        @Override
        public void onBar(Bar bar) {
          controls.onBar(bar);
        }
      });
      for (Quote q : market.quotes()) {
        controls.onQuote(q);
      }
    }

    /** Steps the market and ticks the controls, minute by minute. */
    void run(int minutes) {
      for (int i = 0; i < minutes; i++) {
        market.step();
        controls.tick();
      }
    }

    /** Submits a market buy of about $50,000 in the market's {@code index}-th instrument. */
    GateDecision buy(int index) {
      Instrument instrument = market.instruments().get(index);
      long quantity = Math.round(50_000 / market.getQuote(instrument.id()).mid());
      OrderRequest order = OrderRequest.builder().clientOrderId("ORD-" + next++).account(ACCOUNT)
          .instrument(instrument).side(Side.BUY).quantity(quantity).build();
      return controls.submit(order);
    }

    List<JsonNode> journal(String type) throws Exception {
      ObjectMapper json = new ObjectMapper();
      List<JsonNode> out = new ArrayList<>();
      try (Stream<JournalRecord> records = AuditJournal.read(controls.journalDirectory())) {
        for (JournalRecord r : (Iterable<JournalRecord>) records::iterator) {
          if (r.type().equals(type)) {
            out.add(json.readTree(r.payload()));
          }
        }
      }
      return out;
    }

    void stop() {
      controls.close();
    }

    @Override
    public void close() {
      stop();
    }
  }

  private static List<ReasonCode> codes(GateDecision d) {
    return d.blockingReasons().stream().map(Reason::code).toList();
  }

  @Test
  void a_host_gate_that_throws_rejects_with_internal_error_and_nothing_is_routed(@TempDir Path dir) throws Exception {
    TradeGate throwing = new TradeGate() {
      @Override
      public String name() {
        return "host-gate";
      }

      @Override
      public void check(OrderRequest order, PortfolioView portfolio, GateDecision.Builder decision) {
        if (order.clientOrderId().equals("ORD-1")) {
          throw new AssertionError("an Error, not an exception");
        }
        throw new IllegalStateException("host gate broke");
      }
    };
    try (Fixture f = new Fixture(dir, 300, 5, b -> b.gate(throwing))) {
      GateDecision first = f.buy(0);
      GateDecision second = f.buy(1);
      for (GateDecision d : List.of(first, second)) {
        assertThat(d.approved()).isFalse();
        assertThat(codes(d)).containsExactly(ReasonCode.INTERNAL_ERROR);
        assertThat(d.blockingReasons().get(0).source()).isEqualTo("host-gate");
        // compliance and risk ran before it and found nothing wrong
        assertThat(d.findFigure("risk.es.proForma")).isPresent();
      }
      assertThat(first.blockingReasons().get(0).message()).contains("host gate broke");
      assertThat(second.blockingReasons().get(0).message()).contains("an Error, not an exception");
      f.run(5);
      assertThat(f.router.sent()).isEmpty();
      assertThat(f.controls.execution().parents()).isEmpty();
      assertThat(f.controls.book().openOrderCount(ACCOUNT)).isZero();
      f.stop(); // closes the journal, so that it can be read in full
      assertThat(f.journal(AuditRecords.DECISION)).extracting(n -> n.get("approved").asBoolean())
          .containsExactly(false, false);
    }
  }

  @Test
  void an_instrument_without_return_scenarios_is_rejected_for_insufficient_history(@TempDir Path dir) {
    try (Fixture f = new Fixture(dir, 300, 4, b -> { })) {
      GateDecision withHistory = f.buy(0);
      GateDecision without = f.buy(4);
      assertThat(withHistory.approved()).as("reasons %s", withHistory.reasons()).isTrue();
      assertThat(without.approved()).isFalse();
      assertThat(codes(without)).containsExactly(ReasonCode.INSUFFICIENT_HISTORY);
      assertThat(without.blockingReasons().get(0).message()).contains(f.market.instruments().get(4).id());
      f.run(5);
      assertThat(f.router.sent()).extracting(ChildOrder::parentOrderId).containsOnly(withHistory.clientOrderId());
    }
  }

  @Test
  void an_approved_order_the_engine_cannot_work_is_withdrawn_and_reported_rejected(@TempDir Path dir)
      throws Exception {
    // the fifth instrument has prices (so return scenarios) but no traded volume in its history, so no
    // average daily volume: the risk gate and compliance approve, the execution engine cannot work it
    String dry = SimulatedMarket.builder().seed(SEED).instruments(5).build().instruments().get(4).id();
    UnaryOperator<Bar> noVolume = bar -> !bar.instrumentId().equals(dry) ? bar
        : new Bar(bar.instrumentId(), bar.interval(), bar.start(), bar.open(), bar.high(), bar.low(), bar.close(), 0,
            java.util.OptionalDouble.empty());
    try (Fixture f = new Fixture(dir, 300, 5, b -> { }, noVolume)) {
      GateDecision d = f.buy(4);
      assertThat(d.approved()).isFalse();
      assertThat(codes(d)).containsExactly(ReasonCode.INTERNAL_ERROR);
      assertThat(d.blockingReasons().get(0).message()).contains("could not work it");
      assertThat(f.controls.book().reservedQuantity(d.clientOrderId())).isZero();
      assertThat(f.controls.book().openOrderCount(ACCOUNT)).isZero();
      assertThat(f.controls.status().compliance().rejected()).isEqualTo(1);
      assertThat(f.controls.alerts().alerts()).extracting(a -> a.alert().name()).contains("OrderNotWorked");
      f.run(3);
      assertThat(f.router.sent()).isEmpty();
      f.stop(); // closes the journal, so that it can be read in full
      // the journal tells the whole story: the chain approved, then the order was withdrawn
      assertThat(f.journal(AuditRecords.DECISION)).extracting(n -> n.get("approved").asBoolean()).containsExactly(true);
      assertThat(f.journal("order-withdrawn")).extracting(n -> n.get("clientOrderId").asText())
          .containsExactly(d.clientOrderId());
    }
  }

  @Test
  void too_short_a_history_rejects_every_order_for_insufficient_history(@TempDir Path dir) {
    // 100 sessions give 99 daily returns; the risk gate needs 250 by default
    try (Fixture f = new Fixture(dir, 100, 5, b -> { })) {
      for (int i = 0; i < 5; i++) {
        GateDecision d = f.buy(i);
        assertThat(d.approved()).isFalse();
        assertThat(codes(d)).containsExactly(ReasonCode.INSUFFICIENT_HISTORY);
      }
      f.run(5);
      assertThat(f.router.sent()).isEmpty();
    }
  }

  @Test
  void the_kill_switch_rejects_until_reset_and_both_changes_are_journalled(@TempDir Path dir) throws Exception {
    try (Fixture f = new Fixture(dir, 300, 5, b -> { })) {
      GateDecision before = f.buy(0);
      assertThat(before.approved()).as("reasons %s", before.reasons()).isTrue();
      f.run(5);
      int routedBefore = f.router.sent().size();
      assertThat(routedBefore).as("children of the first order").isPositive();

      assertThat(f.controls.engageKillSwitch("ops-1", "test drill")).isTrue();
      assertThat(f.controls.isKillSwitchEngaged()).isTrue();
      assertThat(f.controls.engageKillSwitch("ops-1", "again")).isFalse();
      // the working order was cancelled with the switch, and its reservation released
      assertThat(f.controls.execution().activeParents()).isEmpty();
      assertThat(f.controls.book().reservedQuantity(before.clientOrderId())).isZero();
      assertThat(f.controls.book().openOrderCount(ACCOUNT)).isZero();
      assertThat(f.controls.status().execution().completedToday()).isEqualTo(1);
      List<GateDecision> during = new ArrayList<>();
      for (int i = 1; i < 5; i++) {
        during.add(f.buy(i));
      }
      f.run(5);
      assertThat(during).allSatisfy(d -> {
        assertThat(d.approved()).isFalse();
        assertThat(codes(d)).contains(ReasonCode.KILL_SWITCH_ENGAGED);
      });
      assertThat(f.router.sent()).hasSize(routedBefore);
      assertThat(f.controls.status().compliance().killSwitchEngaged()).isTrue();

      assertThat(f.controls.resetKillSwitch("ops-2", "drill over")).isTrue();
      assertThat(f.controls.isKillSwitchEngaged()).isFalse();
      GateDecision after = f.buy(1);
      assertThat(after.approved()).as("reasons %s", after.reasons()).isTrue();
      f.run(5);
      assertThat(f.router.sent()).extracting(ChildOrder::parentOrderId)
          .containsOnly(before.clientOrderId(), after.clientOrderId())
          .contains(after.clientOrderId());

      f.stop(); // closes the journal, so that it can be read in full
      List<JsonNode> switches = f.journal(AuditRecords.KILL_SWITCH);
      assertThat(switches).extracting(n -> n.get("action").asText()).containsExactly("ENGAGED", "RESET");
      assertThat(switches.get(0).get("by").asText()).isEqualTo("ops-1");
      assertThat(switches.get(1).get("by").asText()).isEqualTo("ops-2");
      assertThat(f.journal(AuditRecords.DECISION)).extracting(n -> n.get("approved").asBoolean())
          .containsExactly(true, false, false, false, false, true);
    }
  }
}
