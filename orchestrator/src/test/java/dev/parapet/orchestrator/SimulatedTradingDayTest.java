package dev.parapet.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.api.calendar.MarketCalendar;
import dev.parapet.api.calendar.MarketCalendars;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.Reason;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.ChildOrder;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Quote;
import dev.parapet.api.model.Side;
import dev.parapet.api.time.SimulatedClock;
import dev.parapet.compliance.journal.AuditJournal;
import dev.parapet.compliance.journal.AuditRecords;
import dev.parapet.compliance.journal.JournalRecord;
import dev.parapet.orchestrator.task.TaskHealth;
import dev.parapet.risk.gate.RiskGate;
import dev.parapet.simulator.MarketDataListener;
import dev.parapet.simulator.SimulatedMarket;
import dev.parapet.simulator.venue.VenueListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole simulated trading day with every capability wired: a seeded {@link SimulatedMarket} (its venue as
 * the router, its quotes and bars as the market data), the embedded history seeded with 300 sessions, a
 * funded account and a strategy that trades through the day, some orders deliberately breaking limits. The
 * controls are driven minute by minute from 08:00 to 02:00 the next trading day.
 */
class SimulatedTradingDayTest {

  private static final long SEED = 20260414L;
  private static final MarketCalendar XNYS = MarketCalendars.XNYS;
  /** A regular XNYS session: Tuesday 14 April 2026, 09:30 to 16:00 EDT (Good Friday was 3 April). */
  private static final LocalDate DAY = LocalDate.of(2026, 4, 14);
  private static final LocalDate NEXT_DAY = LocalDate.of(2026, 4, 15);
  private static final String ACCOUNT = "FUND-A";
  private static final double DEPOSIT = 10_000_000;

  private static Instant ny(LocalDate date, int hour, int minute) {
    return ZonedDateTime.of(date, LocalTime.of(hour, minute), XNYS.zone()).toInstant();
  }

  /** What the strategy sent: the order, what it expected, and the decision it got back. */
  private record Sent(OrderRequest order, ReasonCode expectedRejection, GateDecision decision) {
  }

  @Test
  void a_simulated_day_decides_journals_routes_and_schedules_as_specified(@TempDir Path dir) throws Exception {
    System.out.println("SimulatedTradingDayTest seed " + SEED);
    long wallStart = System.nanoTime();
    SimulatedClock clock = SimulatedClock.at(ny(DAY, 8, 0));
    // The market moves its clock to the first open when it is built, so the controls run the early
    // morning on the clock alone and the market is built at 09:30. A twin with the same seed gives the
    // same history before that session (dailyHistory is a pure function of the seed and arguments).
    SimulatedMarket twin = SimulatedMarket.builder().seed(SEED).instruments(20).start(DAY).calendar(XNYS).build();
    List<Bar> history = twin.dailyHistory(300);
    List<Instrument> instruments = twin.instruments();

    RecordingRouter router = new RecordingRouter();
    TradingControls controls = TradingControls.builder().clock(clock).dataDirectory(dir).router(router)
        .drawdownBudget(ACCOUNT, 0.20, 3.0).seed(SEED).build();
    List<Sent> sent = new ArrayList<>();
    String statusJson;
    Instant end = ny(NEXT_DAY, 2, 0);
    try {
      controls.history().putInstruments(instruments.stream().map(Instrument::id).toList());
      controls.history().putBars(history);
      controls.book().deposit(ACCOUNT, DEPOSIT);
      controls.start();

      // before the open: the clock alone, minute by minute
      while (clock.instant().isBefore(ny(DAY, 9, 29))) {
        clock.advance(Duration.ofMinutes(1));
        controls.tick();
      }
      SimulatedMarket market = SimulatedMarket.builder().seed(SEED).instruments(20).start(DAY).calendar(XNYS)
          .clock(clock).build();
      assertThat(clock.instant()).isEqualTo(ny(DAY, 9, 30));
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

      // the session: tick, trade, step
      int minute = 0;
      while (market.isOpen()) {
        controls.tick();
        trade(controls, market, instruments, minute, sent);
        market.step();
        minute++;
      }
      controls.tick();
      assertThat(clock.instant()).isEqualTo(ny(DAY, 16, 0));

      // after the close, to 02:00 the next trading day
      while (clock.instant().isBefore(end)) {
        clock.advance(Duration.ofMinutes(1));
        controls.tick();
      }
      statusJson = Files.readString(controls.statusFile());
      // DAY orders expired at the close: no parent is working and no reservation is left
      assertThat(controls.execution().activeParents()).isEmpty();
      assertThat(controls.book().openOrderCount(ACCOUNT)).isZero();
      assertThat(controls.book().positions(ACCOUNT)).anySatisfy(p -> assertThat(p.quantity()).isPositive());
      checkTasks(controls);
      // the 02:00 status ran beside the 02:00 maintenance; a fresh snapshot has the maintenance's summary
      assertThat(controls.status().dataQuality().lastRun()).isNotNull();
      checkEndOfDay(controls);
    } finally {
      controls.close();
    }

    // ---- decisions: one per order, journalled, with the pro-forma ES ----
    assertThat(sent).hasSizeGreaterThan(30);
    Map<String, List<JsonNode>> journalled = decisionsByOrder(controls.journalDirectory());
    assertThat(journalled.keySet()).containsExactlyInAnyOrderElementsOf(
        sent.stream().map(s -> s.order().clientOrderId()).toList());
    for (Sent s : sent) {
      List<JsonNode> records = journalled.get(s.order().clientOrderId());
      assertThat(records).as("decisions of %s", s.order().clientOrderId()).hasSize(1);
      JsonNode record = records.get(0);
      assertThat(record.get("approved").asBoolean()).isEqualTo(s.decision().approved());
      // every instrument has 250+ scenarios and a mark, so the risk gate computed ES@97.5% for every order
      JsonNode es = record.get("figures").get(RiskGate.FIGURE_ES_PRO_FORMA);
      assertThat(es).as("ES of %s", s.order().clientOrderId()).isNotNull();
      assertThat(es.isNumber()).as("ES of %s is a number: %s", s.order().clientOrderId(), es).isTrue();
      assertThat(es.asDouble()).isGreaterThanOrEqualTo(0.0);
      assertThat(s.decision().findFigure(RiskGate.FIGURE_ES_PRO_FORMA)).isPresent();
      if (s.expectedRejection() != null) {
        assertThat(s.decision().approved()).as("%s breaks a limit", s.order().clientOrderId()).isFalse();
        assertThat(s.decision().blockingReasons()).extracting(Reason::code).as("reasons of %s",
            s.order().clientOrderId()).contains(s.expectedRejection());
      }
    }
    long approved = sent.stream().filter(s -> s.decision().approved()).count();
    assertThat(approved).as("approved orders").isGreaterThan(10);

    // ---- nothing rejected reached the router ----
    Set<String> approvedIds = sent.stream().filter(s -> s.decision().approved())
        .map(s -> s.order().clientOrderId()).collect(Collectors.toSet());
    List<ChildOrder> children = router.sent();
    assertThat(children).as("child orders routed").isNotEmpty();
    assertThat(children).allSatisfy(c -> assertThat(approvedIds).contains(c.parentOrderId()));

    // ---- status.json parses and is current ----
    JsonNode status = new ObjectMapper().readTree(statusJson);
    assertThat(status.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(Instant.parse(status.get("generatedAt").asText())).isEqualTo(end);
    assertThat(status.get("market").get("open").asBoolean()).isFalse();
    assertThat(status.get("compliance").get("approved").asLong()).isEqualTo(approved);
    assertThat(status.get("compliance").get("rejected").asLong()).isEqualTo(sent.size() - approved);
    // every approved parent finished during the day (filled, or expired at the close)
    assertThat(status.get("execution").get("completedToday").asLong()).isEqualTo(approved);
    assertThat(status.get("execution").get("working").size()).isZero();
    JsonNode metrics = status.get("metrics").get(ACCOUNT);
    assertThat(Instant.parse(metrics.get("asOf").asText())).isEqualTo(ny(DAY, 15, 59));
    assertThat(metrics.get("values").size()).isEqualTo(17);
    JsonNode risk = status.get("risk").get(ACCOUNT);
    assertThat(risk.get("expectedShortfall").isNumber()).as("ES in status: %s", risk).isTrue();
    assertThat(risk.get("expectedShortfall").asDouble()).isPositive();
    assertThat(risk.get("crowding").get("level").asText()).isIn("LOW", "MEDIUM", "HIGH");

    long wallSeconds = Duration.ofNanos(System.nanoTime() - wallStart).toSeconds();
    System.out.println("SimulatedTradingDayTest: " + sent.size() + " orders, " + approved + " approved, "
        + children.size() + " child orders, " + wallSeconds + " s wall");
  }

  /**
   * The strategy: every ten minutes (at minute 5 of each ten) a buy of about $150,000 in the next
   * instrument; every thirty minutes (at minute 15) instead an order that breaks a limit of the default
   * policy (see default-policy.json), cycling through four kinds.
   */
  private static void trade(TradingControls controls, SimulatedMarket market, List<Instrument> instruments, int minute,
      List<Sent> sent) {
    if (minute % 10 != 5) {
      return;
    }
    int n = sent.size();
    Instrument instrument = instruments.get(n % instruments.size());
    double mid = market.getQuote(instrument.id()).mid();
    OrderRequest.Builder b = OrderRequest.builder().clientOrderId("ORD-" + n).account(ACCOUNT).strategy("demo")
        .instrument(instrument);
    ReasonCode expected = null;
    if (minute % 30 == 15) {
      switch ((minute / 30) % 4) {
        case 0 -> {
          // a limit 10% through the mid: the collar allows 5%
          b.side(Side.BUY).quantity(100).limit(Math.round(mid * 1.10 * 100) / 100.0);
          expected = ReasonCode.PRICE_COLLAR;
        }
        case 1 -> {
          // $6,000,000 of one name: the fat-finger limit is $5,000,000
          b.side(Side.BUY).quantity((long) Math.ceil(6_000_000 / mid));
          expected = ReasonCode.MAX_ORDER_NOTIONAL;
        }
        case 2 -> {
          // a short sale with no locate (Reg SHO)
          b.side(Side.SELL_SHORT).quantity(100);
          expected = ReasonCode.NO_LOCATE;
        }
        default -> {
          // $1,200,000 of one issuer is 12% of a $10,000,000 NAV: the limit is 10%
          b.side(Side.BUY).quantity((long) Math.ceil(1_200_000 / mid));
          expected = ReasonCode.ISSUER_CONCENTRATION;
        }
      }
    } else {
      b.side(Side.BUY).quantity(Math.max(1, Math.round(150_000 / mid)));
    }
    OrderRequest order = b.build();
    sent.add(new Sent(order, expected, controls.submit(order)));
  }

  private static void checkTasks(TradingControls controls) {
    Map<String, TaskHealth> health = new LinkedHashMap<>();
    for (TaskHealth h : controls.taskHealth()) {
      health.put(h.name(), h);
    }
    // 09:30 to 16:00 is 390 one-minute slots, the last at 15:59; none before the open or after the close
    TaskHealth metrics = health.get("metrics");
    assertThat(metrics.runs()).isEqualTo(390);
    assertThat(metrics.failures()).isZero();
    assertThat(metrics.lastStart()).contains(ny(DAY, 15, 59));
    assertThat(health.get("compliance-sweep").runs()).isEqualTo(390);
    assertThat(health.get("compliance-sweep").failures()).isZero();
    // every five minutes in session: 390 / 5 = 78 slots, the last at 15:55
    TaskHealth crowding = health.get("crowding");
    assertThat(crowding.runs()).isEqualTo(78);
    assertThat(crowding.failures()).isZero();
    assertThat(crowding.lastStart()).contains(ny(DAY, 15, 55));
    // the status task runs every minute at any hour: 08:01 to 02:00 is 18 hours = 1080 runs
    assertThat(health.get("status").runs()).isEqualTo(1080);
    assertThat(health.get("status").failures()).isZero();
    assertThat(health.get("history-flush").failures()).isZero();
    // session start at 09:00, data maintenance at 02:00 on the next trading day, once each
    assertThat(health.get("session-start").runs()).isEqualTo(1);
    assertThat(health.get("session-start").lastStart()).contains(ny(DAY, 9, 0));
    TaskHealth maintenance = health.get("data-maintenance");
    assertThat(maintenance.runs()).isEqualTo(1);
    assertThat(maintenance.failures()).isZero();
    assertThat(maintenance.lastStart()).contains(ny(NEXT_DAY, 2, 0));
  }

  private static void checkEndOfDay(TradingControls controls) {
    TaskHealth eod = controls.taskHealth().stream().filter(h -> h.name().equals("eod-report")).findFirst()
        .orElseThrow();
    Optional<String> error = eod.lastError();
    assertThat(eod.runs()).as("eod-report runs").isEqualTo(1);
    assertThat(eod.failures()).as("eod-report failures: %s", error).isZero();
    assertThat(eod.lastStart()).contains(ny(DAY, 16, 15));
    assertThat(controls.reports().dates()).containsExactly(DAY);
    assertThat(controls.reportsDirectory().resolve(DAY.toString())).isDirectory();
  }

  private static Map<String, List<JsonNode>> decisionsByOrder(Path journal) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Map<String, List<JsonNode>> out = new HashMap<>();
    try (Stream<JournalRecord> records = AuditJournal.read(journal)) {
      for (JournalRecord r : (Iterable<JournalRecord>) records::iterator) {
        if (r.type().equals(AuditRecords.DECISION)) {
          JsonNode payload = json.readTree(r.payload());
          out.computeIfAbsent(payload.get("clientOrderId").asText(), k -> new ArrayList<>()).add(payload);
        }
      }
    }
    return out;
  }
}
