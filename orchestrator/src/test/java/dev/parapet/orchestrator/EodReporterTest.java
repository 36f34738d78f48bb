package dev.parapet.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.api.book.PositionBook;
import dev.parapet.api.calendar.MarketCalendar;
import dev.parapet.api.calendar.MarketCalendars;
import dev.parapet.api.execution.OrderRouter;
import dev.parapet.api.fixtures.TestInstruments;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.BarInterval;
import dev.parapet.api.model.ChildOrder;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Quote;
import dev.parapet.api.model.Side;
import dev.parapet.api.model.Urgency;
import dev.parapet.api.report.History;
import dev.parapet.api.report.RiskSection;
import dev.parapet.api.time.SimulatedClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-of-day record the controls assemble, read back from the written {@code report.json} and
 * checked against figures worked out by hand from the day's prices and fills (arithmetic next to each
 * expectation). Each test runs a simulated day on a {@link SimulatedClock} against an embedded history
 * seeded with 300 sessions of daily bars of five instruments, with a router that fills every child
 * order at once at the instrument's current price.
 */
class EodReporterTest {

  private static final MarketCalendar XNYS = MarketCalendars.XNYS;
  private static final ZoneId NY = XNYS.zone();
  /** A Wednesday, mid-month: neither the first session of the month nor of the year. */
  private static final LocalDate DAY = LocalDate.of(2024, 3, 13);
  private static final String ACCOUNT = "fund-a";
  private static final double START_CASH = 10_000_000;
  private static final double FEE_PER_SHARE = 0.005;
  private static final int SESSIONS = 300;
  private static final int SCENARIO_SESSIONS = 280;
  private static final List<Instrument> UNIVERSE = List.of(TestInstruments.AAPL, TestInstruments.MSFT,
      TestInstruments.JPM, TestInstruments.XOM, TestInstruments.GOOGL);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private static Instant ny(LocalTime time) {
    return ZonedDateTime.of(DAY, time, NY).toInstant();
  }

  // ----------------------------------------------------------------------------------------------
  // a simulated day

  /** The controls, a simulated clock, a router that fills at once, and the intraday price schedule. */
  private final class Sim implements AutoCloseable {
    final SimulatedClock clock;
    final PositionBook book = PositionBook.create();
    final TradingControls controls;
    final List<Fill> fills = new CopyOnWriteArrayList<>();
    final Map<String, double[]> dailyCloses = new LinkedHashMap<>();
    final AtomicLong fillIds = new AtomicLong();
    /** The price of an instrument during the minute starting at an instant. */
    final BiFunction<String, Instant, Double> price;

    Sim(LocalTime start, BiFunction<String, Instant, Double> price) {
      this(start, price, b -> b);
    }

    Sim(LocalTime start, BiFunction<String, Instant, Double> price, UnaryOperator<TradingControlsBuilder> custom) {
      this.clock = SimulatedClock.at(ny(start));
      this.price = price;
      book.deposit(ACCOUNT, START_CASH);
      OrderRouter router = new OrderRouter() {
        @Override
        public void send(ChildOrder child) {
          double p = price.apply(child.instrument().id(), clock.instant());
          Fill fill = new Fill("F-" + fillIds.incrementAndGet(), child.parentOrderId(), child.childOrderId(),
              child.account(), child.instrument(), child.side(), child.quantity(), p,
              FEE_PER_SHARE * child.quantity(), clock.instant());
          fills.add(fill);
          controls.onFill(fill);
        }

        @Override
        public void cancel(String childOrderId) {
          // every child fills when sent: nothing is ever working
        }
      };
      this.controls = custom.apply(TradingControls.builder().clock(clock).dataDirectory(dir).router(router).book(book)
          .scenarioSessions(SCENARIO_SESSIONS)).build();
      seedHistory();
    }

    /** 300 sessions of daily bars before DAY, closes from a seeded random walk per instrument. */
    private void seedHistory() {
      List<LocalDate> sessions = new ArrayList<>();
      LocalDate d = DAY;
      for (int i = 0; i < SESSIONS; i++) {
        d = XNYS.previousTradingDay(d);
        sessions.add(0, d);
      }
      List<Bar> bars = new ArrayList<>();
      long seed = 20_240_313L;
      System.out.println("EodReporterTest history seed " + seed);
      for (int k = 0; k < UNIVERSE.size(); k++) {
        String id = UNIVERSE.get(k).id();
        SplittableRandom rnd = new SplittableRandom(seed + k);
        double[] closes = new double[SESSIONS];
        double close = 100;
        for (int i = 0; i < SESSIONS; i++) {
          double open = close;
          close = Math.round(open * (1 + 0.02 * (rnd.nextDouble() + rnd.nextDouble() + rnd.nextDouble() - 1.5))
              * 100) / 100.0;
          closes[i] = close;
          bars.add(Bar.daily(id, sessions.get(i), open, Math.max(open, close) + 0.5, Math.min(open, close) - 0.5, close,
              1_000_000));
        }
        dailyCloses.put(id, closes);
      }
      controls.history().putInstruments(dailyCloses.keySet());
      controls.history().putBars(bars);
    }

    /**
     * Moves the clock to {@code end} in steps; at each step the last minute's bar and a quote of every
     * instrument in session, then a tick.
     */
    void runUntil(LocalTime end, Duration step) {
      Instant stop = ny(end);
      while (clock.instant().isBefore(stop)) {
        Instant next = clock.instant().plus(step);
        clock.set(next.isAfter(stop) ? stop : next);
        marketData();
        controls.tick();
      }
    }

    /** Jumps the clock to {@code time} and ticks once, without market data. */
    void jumpTo(LocalTime time) {
      clock.set(ny(time));
      controls.tick();
    }

    void marketData() {
      Instant t = clock.instant();
      Instant open = ny(LocalTime.of(9, 30));
      Instant close = ny(LocalTime.of(16, 0));
      for (Instrument i : UNIVERSE) {
        if (t.isAfter(open) && !t.isAfter(close)) {
          Instant barStart = t.minus(Duration.ofMinutes(1));
          double p = price.apply(i.id(), barStart);
          controls.onBar(new Bar(i.id(), BarInterval.ONE_MINUTE, barStart, p, p, p, p, 10_000, OptionalDouble.of(p)));
        }
        if (!t.isBefore(open) && t.isBefore(close)) {
          double p = price.apply(i.id(), t);
          controls.onQuote(new Quote(i.id(), p, p, 5_000, 5_000, t));
        }
      }
    }

    GateDecision submit(String id, String strategy, Instrument instrument, Side side, long quantity,
        Urgency urgency) {
      return submit(ACCOUNT, id, strategy, instrument, side, quantity, urgency);
    }

    GateDecision submit(String account, String id, String strategy, Instrument instrument, Side side, long quantity,
        Urgency urgency) {
      return controls.submit(OrderRequest.builder().clientOrderId(id).account(account).strategy(strategy)
          .instrument(instrument).side(side).quantity(quantity).market().urgency(urgency).build());
    }

    JsonNode report() throws Exception {
      Path file = controls.reportsDirectory().resolve(DAY.toString()).resolve("report.json");
      assertThat(file).exists();
      return JSON.readTree(Files.readAllBytes(file));
    }

    @Override
    public void close() {
      controls.close();
    }
  }

  // ----------------------------------------------------------------------------------------------

  /** AAPL 100 until 11:00, 105 until 15:00, 104 after; MSFT 200 until 15:00, 198 after; others flat. */
  private static double tradingDayPrice(String id, Instant t) {
    LocalTime time = t.atZone(NY).toLocalTime();
    switch (id) {
      case "AAPL":
        return time.isBefore(LocalTime.of(11, 0)) ? 100 : time.isBefore(LocalTime.of(15, 0)) ? 105 : 104;
      case "MSFT":
        return time.isBefore(LocalTime.of(15, 0)) ? 200 : 198;
      case "JPM":
        return 50;
      case "XOM":
        return 80;
      default:
        return 150;
    }
  }

  @Test
  void trading_day_report_matches_hand_computed_figures() throws Exception {
    try (Sim sim = new Sim(LocalTime.of(8, 30), EodReporterTest::tradingDayPrice)) {
      sim.controls.start();
      sim.runUntil(LocalTime.of(9, 30), Duration.ofMinutes(30));
      sim.runUntil(LocalTime.of(10, 0), Duration.ofMinutes(10));
      assertThat(sim.submit("B-AAPL", "momentum", TestInstruments.AAPL, Side.BUY, 1_000, Urgency.HIGH)).satisfies(EodReporterTest::approved);
      assertThat(sim.submit("B-MSFT", "meanrev", TestInstruments.MSFT, Side.BUY, 500, Urgency.HIGH)).satisfies(EodReporterTest::approved);
      // a buy limit 20% above the mark of 50 breaks the 5% price collar of the default policy
      GateDecision collar = sim.controls.submit(OrderRequest.builder().clientOrderId("B-JPM").account(ACCOUNT)
          .strategy("meanrev").instrument(TestInstruments.JPM).side(Side.BUY).quantity(100).limit(60.0).build());
      assertThat(collar.approved()).isFalse();
      sim.runUntil(LocalTime.of(10, 45), Duration.ofMinutes(1)); // the buys are worked over 30 minutes
      sim.runUntil(LocalTime.of(12, 0), Duration.ofMinutes(15));
      assertThat(sim.submit("S-AAPL", "momentum", TestInstruments.AAPL, Side.SELL, 400, Urgency.HIGH)).satisfies(EodReporterTest::approved);
      sim.runUntil(LocalTime.of(12, 45), Duration.ofMinutes(1));
      sim.runUntil(LocalTime.of(16, 0), Duration.ofMinutes(15));
      sim.runUntil(LocalTime.of(16, 16), Duration.ofMinutes(16)); // the report is due at 16:15

      assertThat(sim.controls.execution().parents()).extracting(p -> p.state().name())
          .containsOnly("FILLED");
      JsonNode r = sim.report();
      JsonNode record = r.path("record");
      JsonNode pnl = r.path("derived").path("pnl");

      // P&L by hand (fees 0.005 a share, in realized P&L):
      // AAPL bought 1000 at 100 (fee 5), sold 400 at 105 (fee 2): realized 400 * 5 - 5 - 2 = 1993;
      //   600 left marked at 104: unrealized 600 * 4 = 2400; total 4393
      // MSFT bought 500 at 200 (fee 2.5), marked at 198: realized -2.5, unrealized -1000; total -1002.5
      assertThat(pnl.path("realized").asDouble()).isCloseTo(1_993 - 2.5, within(1e-6));
      assertThat(pnl.path("unrealized").asDouble()).isCloseTo(2_400 - 1_000, within(1e-6));
      assertThat(pnl.path("total").asDouble()).isCloseTo(3_390.5, within(1e-6));
      // NAV: cash 10M - 100000 - 5 - 100000 - 2.5 + 42000 - 2 = 9841990.5; positions 62400 + 99000
      assertThat(record.path("pnl").path("nav").asDouble()).isCloseTo(10_003_390.5, within(1e-6));
      assertThat(record.path("pnl").path("navPreviousClose").asDouble()).isCloseTo(START_CASH, within(1e-9));
      assertThat(pnl.path("returns").path("day").asDouble()).isCloseTo(3_390.5 / START_CASH, within(1e-12));
      assertThat(pnl.path("returns").path("mtd").isNull()).isTrue();
      assertThat(names(pnl.path("byStrategy"), "name")).containsExactly("meanrev", "momentum");
      assertThat(pnl.path("byStrategy").get(0).path("total").asDouble()).isCloseTo(-1_002.5, within(1e-6));
      assertThat(pnl.path("byStrategy").get(1).path("total").asDouble()).isCloseTo(4_393, within(1e-6));
      JsonNode lines = record.path("pnl").path("lines");
      assertThat(lines).hasSize(2);
      assertThat(lines.get(0).path("instrumentId").asText()).isEqualTo("AAPL");
      assertThat(lines.get(0).path("quantity").asLong()).isEqualTo(600);
      assertThat(lines.get(0).path("markStatus").asText()).isEqualTo("OBSERVED");
      assertThat(lines.get(0).path("markPrice").asDouble()).isEqualTo(104);

      // exposures: long 600 * 104 + 500 * 198 = 161400, nothing short
      JsonNode risk = r.path("derived").path("risk");
      assertThat(risk.path("exposures").path("gross").asDouble()).isCloseTo(161_400, within(1e-6));
      assertThat(risk.path("exposures").path("net").asDouble()).isCloseTo(161_400, within(1e-6));
      assertThat(risk.path("exposures").path("leverage").asDouble()).isCloseTo(161_400 / 10_003_390.5, within(1e-12));

      // ES@97.5% by hand: historical over the last 280 daily returns of the seeded closes, P&L per day
      // 62400 r_AAPL + 99000 r_MSFT; 280 * 2.5% = 7 scenarios in the tail, ES their mean loss
      JsonNode tail = record.path("risk").path("tailRisk");
      assertThat(tail.path("scenarios").asInt()).isEqualTo(SCENARIO_SESSIONS);
      assertThat(tail.path("method").asText()).isEqualTo("historical");
      double[] losses = new double[SCENARIO_SESSIONS];
      double[] aapl = sim.dailyCloses.get("AAPL");
      double[] msft = sim.dailyCloses.get("MSFT");
      for (int s = 0; s < SCENARIO_SESSIONS; s++) {
        int t = SESSIONS - SCENARIO_SESSIONS + s;
        losses[s] = -(62_400 * (aapl[t] / aapl[t - 1] - 1) + 99_000 * (msft[t] / msft[t - 1] - 1));
      }
      Arrays.sort(losses);
      double es = 0;
      for (int k = 1; k <= 7; k++) {
        es += losses[SCENARIO_SESSIONS - k];
      }
      es /= 7;
      assertThat(tail.path("expectedShortfall").asDouble()).isCloseTo(es, within(1e-6));
      // VaR is the 8th largest loss: 7 scenarios lie beyond it (Acerbi and Tasche 2002, VaR = -x_(floor(n a) + 1))
      assertThat(tail.path("valueAtRisk").asDouble()).isCloseTo(losses[SCENARIO_SESSIONS - 8], within(1e-6));
      // the limit is 5% of NAV; Euler components add up to ES
      assertThat(tail.path("esLimit").asDouble()).isCloseTo(0.05 * 10_003_390.5, within(1e-6));
      assertThat(risk.path("componentEs").path("sumOfComponents").asDouble()).isCloseTo(es, within(1e-6));
      assertThat(record.path("risk").path("crowding").path("hhi").asDouble())
          // weights 62400 and 99000 of 161400
          .isCloseTo(Math.pow(62_400 / 161_400.0, 2) + Math.pow(99_000 / 161_400.0, 2), within(1e-9));

      // execution: fills at the arrival mid with a flat market, so the only cost is the fees
      JsonNode orders = r.path("derived").path("execution").path("orders");
      assertThat(names(orders, "orderId")).containsExactly("B-AAPL", "B-MSFT", "S-AAPL");
      JsonNode buy = orders.get(0);
      assertThat(buy.path("shortfall").path("total").asDouble()).isCloseTo(5, within(1e-9));
      assertThat(buy.path("shortfallBps").asDouble()).isCloseTo(5 / 100_000.0 * 1e4, within(1e-9)); // 0.5 bps
      assertThat(buy.path("slippageVsVwapBps").asDouble()).isCloseTo(0, within(1e-9));
      assertThat(buy.path("slippageVsTwapBps").asDouble()).isCloseTo(0, within(1e-9));
      assertThat(buy.path("participation").asDouble()).isPositive();
      assertThat(orders.get(2).path("shortfall").path("total").asDouble()).isCloseTo(2, within(1e-9));
      assertThat(r.path("derived").path("execution").path("aggregates").path("shortfall").path("fees").asDouble())
          .isCloseTo(5 + 2.5 + 2, within(1e-9));

      // compliance: 3 approved, the collar breach rejected
      JsonNode c = r.path("derived").path("compliance");
      assertThat(c.path("decisions").asLong()).isEqualTo(4);
      assertThat(record.path("compliance").path("approvals").asLong()).isEqualTo(3);
      assertThat(record.path("compliance").path("rejections").asLong()).isEqualTo(1);
      JsonNode byRule = record.path("compliance").path("byRule");
      assertThat(names(byRule, "ruleId")).contains("compliance/price-collar");
      assertThat(record.path("compliance").path("killSwitchEngagedAtClose").asBoolean()).isFalse();
      // the policy loaded at build time, today
      assertThat(record.path("compliance").path("policyChanges")).hasSize(1);

      // the rejection raised one HIGH compliance alert
      JsonNode counts = record.path("alerts").path("counts");
      assertThat(countOf(counts, "HIGH", "COMPLIANCE")).isEqualTo(1);
      // no maintenance ran: absent with a reason
      assertThat(record.path("alerts").path("dataQuality").isNull()).isTrue();
      assertThat(gapAreas(record)).contains("dataQuality", "risk");

      // the 17 metrics from the monitor, and the series behind the charts
      assertThat(r.path("derived").path("metrics").path("standard")).hasSize(17);
      assertThat(record.path("history").path("equityCurve").size()).isGreaterThan(100);
      JsonNode curve = record.path("history").path("equityCurve");
      assertThat(curve.get(curve.size() - 1).path("value").asDouble()).isCloseTo(10_003_390.5, within(1e-6));
      assertThat(record.path("history").path("expectedShortfall").size()).isGreaterThan(50);
      assertThat(Files.exists(sim.controls.reportsDirectory().resolve(DAY.toString()).resolve("report.html"))).isTrue();
    }
  }

  @Test
  void no_trade_day_with_a_stale_position_reports_no_orders_and_the_night_quality_run() throws Exception {
    try (Sim sim = new Sim(LocalTime.of(1, 50), (id, t) -> 50.0)) {
      // 100 JPM bought at 48 on an earlier day and no price today: the mark of the fill is carried
      sim.book.applyFill(new Fill("F-0", "OLD-1", "OLD-1", ACCOUNT, TestInstruments.JPM, Side.BUY, 100, 48, 0,
          ny(LocalTime.of(0, 0)).minus(Duration.ofDays(1))));
      sim.controls.start();
      sim.jumpTo(LocalTime.of(2, 1)); // data maintenance at 02:00
      sim.jumpTo(LocalTime.of(9, 0)); // session start
      sim.jumpTo(LocalTime.of(12, 0)); // metrics and risk, no market data at all
      sim.jumpTo(LocalTime.of(16, 16)); // end-of-day report

      JsonNode r = sim.report();
      JsonNode record = r.path("record");
      JsonNode d = r.path("derived");
      assertThat(d.path("execution").path("aggregates").path("parentOrders").asInt()).isZero();
      assertThat(record.path("execution").path("orders")).isEmpty();
      assertThat(d.path("compliance").path("decisions").asLong()).isZero();
      // NAV: 10M - 4800 + 100 * 48 = 10M, unchanged: day P&L 0
      assertThat(record.path("pnl").path("nav").asDouble()).isCloseTo(START_CASH, within(1e-6));
      assertThat(d.path("pnl").path("total").asDouble()).isCloseTo(0, within(1e-9));
      assertThat(d.path("pnl").path("returns").path("day").asDouble()).isCloseTo(0, within(1e-12));
      JsonNode line = record.path("pnl").path("lines").get(0);
      assertThat(line.path("instrumentId").asText()).isEqualTo("JPM");
      assertThat(line.path("markStatus").asText()).isEqualTo("STALE");
      assertThat(line.path("strategy").asText()).isEqualTo(ACCOUNT); // no order ever named one
      assertThat(gapSubjects(record, "marketData")).containsExactly("JPM");
      // ES of 4800 of JPM: 280 * 2.5% = 7 worst daily returns of the seeded closes
      double[] jpm = sim.dailyCloses.get("JPM");
      double[] losses = new double[SCENARIO_SESSIONS];
      for (int s = 0; s < SCENARIO_SESSIONS; s++) {
        int t = SESSIONS - SCENARIO_SESSIONS + s;
        losses[s] = -4_800 * (jpm[t] / jpm[t - 1] - 1);
      }
      Arrays.sort(losses);
      double es = (losses[279] + losses[278] + losses[277] + losses[276] + losses[275] + losses[274] + losses[273]) / 7;
      assertThat(record.path("risk").path("tailRisk").path("expectedShortfall").asDouble()).isCloseTo(es,
          within(1e-6));
      // the night's data-quality run: five instruments checked
      JsonNode q = record.path("alerts").path("dataQuality");
      assertThat(q.isObject()).isTrue();
      assertThat(q.path("instrumentsChecked").asLong()).isEqualTo(5);
      assertThat(Files.exists(sim.controls.reportsDirectory().resolve(DAY.toString()).resolve("report.html"))).isTrue();
    }
  }

  @Test
  void kill_switch_day_reports_the_engagement_the_cancelled_parent_and_the_blocked_order() throws Exception {
    try (Sim sim = new Sim(LocalTime.of(8, 30), (id, t) -> 100.0)) {
      sim.controls.start();
      sim.runUntil(LocalTime.of(9, 30), Duration.ofMinutes(30));
      sim.runUntil(LocalTime.of(10, 0), Duration.ofMinutes(10));
      assertThat(sim.submit("B-1", "momentum", TestInstruments.AAPL, Side.BUY, 9_000, Urgency.LOW))
          .satisfies(EodReporterTest::approved);
      sim.runUntil(LocalTime.of(10, 5), Duration.ofMinutes(1));
      assertThat(sim.controls.engageKillSwitch("ops", "runaway strategy")).isTrue();
      sim.runUntil(LocalTime.of(10, 6), Duration.ofMinutes(1));
      assertThat(sim.submit("B-2", "momentum", TestInstruments.MSFT, Side.BUY, 100, Urgency.HIGH).approved()).isFalse();
      sim.jumpTo(LocalTime.of(16, 16));

      JsonNode r = sim.report();
      JsonNode record = r.path("record");
      JsonNode events = record.path("compliance").path("killSwitchEvents");
      assertThat(events).hasSize(1);
      assertThat(events.get(0).path("action").asText()).isEqualTo("ENGAGED");
      assertThat(events.get(0).path("trigger").asText()).isEqualTo("MANUAL");
      assertThat(events.get(0).path("actor").asText()).isEqualTo("ops");
      assertThat(record.path("compliance").path("killSwitchEngagedAtClose").asBoolean()).isTrue();
      assertThat(record.path("compliance").path("approvals").asLong()).isEqualTo(1);
      assertThat(record.path("compliance").path("rejections").asLong()).isEqualTo(1);
      assertThat(r.path("derived").path("headline").path("attention").get(0).asText())
          .isEqualTo("Kill switch engaged at 10:05 (MANUAL, ops)");
      JsonNode order = record.path("execution").path("orders").get(0);
      assertThat(order.path("orderId").asText()).isEqualTo("B-1");
      assertThat(order.path("status").asText()).isEqualTo("CANCELLED");
      long filled = order.path("filledQuantity").asLong();
      assertThat(filled).isBetween(1L, 8_999L);
      // flat market at 100 and fills at 100: the cost is the fees; the unfilled rest cost nothing
      assertThat(order.path("shortfall").path("fees").asDouble()).isCloseTo(FEE_PER_SHARE * filled, within(1e-9));
      assertThat(order.path("shortfall").path("opportunityCost").asDouble()).isCloseTo(0, within(1e-9));
      // the day's P&L is the fees: every share bought at the closing mark of 100
      assertThat(r.path("derived").path("pnl").path("total").asDouble()).isCloseTo(-FEE_PER_SHARE * filled,
          within(1e-9));
    }
  }

  @Test
  void two_accounts_make_one_firm_report() throws Exception {
    // AAPL 100 until 15:00 then 101; everything else flat
    BiFunction<String, Instant, Double> price = (id, t) -> id.equals("AAPL")
        ? (t.atZone(NY).toLocalTime().isBefore(LocalTime.of(15, 0)) ? 100.0 : 101.0) : 50.0;
    try (Sim sim = new Sim(LocalTime.of(8, 30), price, b -> b.drawdownBudget(ACCOUNT, 0.10, 2.0))) {
      sim.book.deposit("fund-b", 5_000_000);
      sim.controls.start();
      sim.runUntil(LocalTime.of(9, 30), Duration.ofMinutes(30));
      sim.runUntil(LocalTime.of(10, 0), Duration.ofMinutes(10));
      assertThat(sim.submit(ACCOUNT, "A-1", "momentum", TestInstruments.AAPL, Side.BUY, 1_000, Urgency.HIGH))
          .satisfies(EodReporterTest::approved);
      assertThat(sim.submit("fund-b", "B-1", "momentum", TestInstruments.AAPL, Side.BUY, 500, Urgency.HIGH))
          .satisfies(EodReporterTest::approved);
      sim.runUntil(LocalTime.of(10, 40), Duration.ofMinutes(1));
      sim.runUntil(LocalTime.of(16, 0), Duration.ofMinutes(30));
      sim.runUntil(LocalTime.of(16, 16), Duration.ofMinutes(16));

      JsonNode r = sim.report();
      JsonNode record = r.path("record");
      assertThat(record.path("portfolio").asText()).isEqualTo("Firm (2 accounts)");
      // both accounts' AAPL under one line: 1500 shares bought at 100, marked at 101, fees 7.5
      JsonNode lines = record.path("pnl").path("lines");
      assertThat(lines).hasSize(1);
      assertThat(lines.get(0).path("strategy").asText()).isEqualTo("momentum");
      assertThat(lines.get(0).path("quantity").asLong()).isEqualTo(1_500);
      assertThat(r.path("derived").path("pnl").path("total").asDouble()).isCloseTo(1_500 - 7.5, within(1e-9));
      assertThat(record.path("pnl").path("nav").asDouble()).isCloseTo(15_000_000 + 1_492.5, within(1e-6));
      assertThat(record.path("pnl").path("navPreviousClose").asDouble()).isCloseTo(15_000_000, within(1e-6));
      // the ES limit is the sum of the accounts' 5% of NAV: 0.05 * (10000995 + 5000497.5)
      assertThat(record.path("risk").path("tailRisk").path("esLimit").asDouble())
          .isCloseTo(0.05 * 15_001_492.5, within(1e-6));
      // the drawdown budget is one account's: absent for the firm, said why
      assertThat(record.path("risk").path("drawdown").isNull()).isTrue();
      assertThat(gapSubjects(record, "risk")).contains("drawdown");
      // metrics are the largest account's, noted as such
      assertThat(record.path("metrics").path("values").get(0).path("note").asText())
          .contains("account fund-a, the largest of 2");
      assertThat(record.path("history").path("equityCurve").size()).isGreaterThan(10);
      JsonNode curve = record.path("history").path("equityCurve");
      assertThat(curve.get(curve.size() - 1).path("value").asDouble()).isCloseTo(15_001_492.5, within(1e-6));
    }
  }

  // ----------------------------------------------------------------------------------------------
  // helpers

  @Test
  void backtest_traffic_light_follows_the_binomial_zones_at_97_5_percent() {
    // 250 days, VaR 100 and ES 150 every day; a loss of 200 is an exception, a gain of 10 is not.
    // Binomial(250, 0.025): P(X <= 3) = 0.127 (GREEN), P(X <= 11) = 0.975 (YELLOW),
    // P(X <= 20) = 0.999998 (RED); zones at 0.95 and 0.9999 (BCBS 1996, Table 2)
    assertThat(EodReporter.backtestOf(days(3), 0.975).orElseThrow().light()).isEqualTo(RiskSection.TrafficLight.GREEN);
    assertThat(EodReporter.backtestOf(days(11), 0.975).orElseThrow().light())
        .isEqualTo(RiskSection.TrafficLight.YELLOW);
    RiskSection.Backtest red = EodReporter.backtestOf(days(20), 0.975).orElseThrow();
    assertThat(red.light()).isEqualTo(RiskSection.TrafficLight.RED);
    assertThat(red.exceptions()).isEqualTo(20);
    assertThat(red.observations()).isEqualTo(250);
    // Z2 = 1 - sum over exceptions of loss / ES / (T (1 - alpha)) = 1 - 20 * 200 / 150 / 6.25
    assertThat(red.z2Statistic().getAsDouble()).isCloseTo(1 - 20 * 200 / 150.0 / 6.25, within(1e-9));
    assertThat(EodReporter.backtestOf(List.of(), 0.975)).isEmpty();
  }

  private static void approved(GateDecision d) {
    assertThat(d.approved()).as("decision %s", d).isTrue();
  }

  private static List<double[]> days(int exceptions) {
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      out.add(new double[] {i < exceptions ? -200 : 10, 100, 150});
    }
    return out;
  }

  @Test
  void history_points_keep_strictly_increasing_times() {
    Instant t = Instant.parse("2024-03-13T14:00:00Z");
    List<History.Point> in = List.of(new History.Point(t, 1), new History.Point(t, 2),
        new History.Point(t.minusSeconds(60), 3), new History.Point(t.plusSeconds(60), 4));
    assertThat(EodReporter.increasing(in)).extracting(History.Point::value).containsExactly(2.0, 4.0);
  }

  private static List<String> names(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }

  private static long countOf(JsonNode counts, String severity, String category) {
    long n = 0;
    for (JsonNode c : counts) {
      if (c.path("severity").asText().equals(severity) && c.path("category").asText().equals(category)) {
        n += c.path("count").asLong();
      }
    }
    return n;
  }

  private static List<String> gapAreas(JsonNode record) {
    List<String> out = new ArrayList<>();
    record.path("dataGaps").forEach(g -> out.add(g.path("area").asText()));
    return out;
  }

  private static List<String> gapSubjects(JsonNode record, String area) {
    List<String> out = new ArrayList<>();
    record.path("dataGaps").forEach(g -> {
      if (g.path("area").asText().equals(area)) {
        out.add(g.path("subject").asText());
      }
    });
    return out;
  }
}
