package dev.parapet.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.api.book.ExposureBasis;
import dev.parapet.api.book.PositionBook;
import dev.parapet.api.calendar.MarketCalendar;
import dev.parapet.api.calendar.MarketCalendars;
import dev.parapet.api.data.ImputationPolicy;
import dev.parapet.api.data.ReturnMatrix;
import dev.parapet.api.execution.ParentOrderView;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.BarInterval;
import dev.parapet.api.model.ChildOrder;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderEvent;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Quote;
import dev.parapet.api.model.Side;
import dev.parapet.api.time.SimulatedClock;
import dev.parapet.compliance.journal.AuditJournal;
import dev.parapet.compliance.journal.AuditRecords;
import dev.parapet.compliance.journal.JournalRecord;
import dev.parapet.risk.gate.RiskGate;
import dev.parapet.simulator.SimulatedMarket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many threads submit orders at once against tight limits while a venue thread acknowledges and fills
 * some child orders and a driver thread moves the clock and ticks the controls. Afterwards no limit is
 * exceeded by filled plus reserved (worst-case) exposure, and every submission has exactly one journalled
 * decision.
 */
class ConcurrentSubmitStressTest {

  private static final long SEED = Long.getLong("parapet.stress.seed", 7_340_117L);
  private static final MarketCalendar XNYS = MarketCalendars.XNYS;
  private static final LocalDate DAY = LocalDate.of(2026, 4, 14);
  private static final int THREADS = 8;
  private static final int ORDERS_PER_THREAD = 150;
  private static final int TRADED_INSTRUMENTS = 6;
  private static final List<String> ACCOUNTS = List.of("ACC-1", "ACC-2");
  private static final double DEPOSIT = 5_000_000;

  /** Position limit per instrument on the worst-case position, at the mark. */
  private static final double MAX_POSITION_NOTIONAL = 300_000;
  /** Worst-case gross exposure limit per account. */
  private static final double MAX_GROSS = 1_200_000;
  /** Absolute ES@97.5% limit per account (the 5%-of-NAV default, 250,000, is looser). */
  private static final double ES_LIMIT = 25_000;
  /** The limits compare with a relative tolerance of 1e-9 (compliance Limits.RELATIVE_TOLERANCE). */
  private static final double TOLERANCE = 1e-9;

  private static final String POLICY = """
      {"name": "stress", "version": "1", "rules": [
        {"type": "position-limit", "params": {"maxNotional": 300000}},
        {"type": "exposure-limit", "params": {"maxGross": 1200000}},
        {"type": "max-order-notional", "params": {"maxNotional": 150000}}
      ]}
      """;

  @Test
  void concurrent_submitters_never_jointly_pass_a_limit_and_each_order_has_one_decision(@TempDir Path dir)
      throws Exception {
    System.out.println("ConcurrentSubmitStressTest seed " + SEED + " (-Dparapet.stress.seed=... to repeat)");
    SimulatedMarket market = SimulatedMarket.builder().seed(SEED).instruments(20).start(DAY).calendar(XNYS).build();
    SimulatedClock clock = market.clock(); // 09:30 on DAY; the market is never stepped, so marks stay put
    List<Instrument> instruments = market.instruments();
    Map<String, Double> mids = new HashMap<>();
    List<Quote> quotes = market.quotes();
    for (Quote q : quotes) {
      mids.put(q.instrumentId(), q.mid());
    }

    FakeVenue venue = new FakeVenue(clock, mids);
    TradingControls controls = TradingControls.builder().clock(clock).dataDirectory(dir).router(venue)
        .policyJson(POLICY).esLimit(ES_LIMIT).killSwitchOnRejections(1_000_000, Duration.ofSeconds(1))
        .seed(SEED).build();
    venue.controls = controls;

    List<Submission> submissions = new ArrayList<>();
    try {
      controls.history().putInstruments(instruments.stream().map(Instrument::id).toList());
      controls.history().putBars(market.dailyHistory(300));
      for (String a : ACCOUNTS) {
        controls.book().deposit(a, DEPOSIT);
      }
      controls.start();
      for (Quote q : market.quotes()) {
        controls.onQuote(q);
      }
      venue.start();

      AtomicBoolean stop = new AtomicBoolean();
      Thread driver = new Thread(() -> {
        // the clock moves a second at a time and the controls tick: engine timers, tasks, alerts
        // (up to two hours of it, well inside the session)
        java.time.Instant last = clock.instant().plus(Duration.ofHours(2));
        while (!stop.get()) {
          if (clock.instant().isBefore(last)) {
            clock.advance(Duration.ofSeconds(1));
            if (clock.instant().getEpochSecond() % 60 == 0) {
              // each minute: the same prices (marks and NAV stay put) and some volume for the algorithms
              java.time.Instant now = clock.instant();
              for (Quote q : quotes) {
                controls.onQuote(new Quote(q.instrumentId(), q.bid(), q.ask(), q.bidSize(), q.askSize(), now));
                double mid = q.mid();
                controls.onBar(new Bar(q.instrumentId(), BarInterval.ONE_MINUTE, now.minus(Duration.ofMinutes(1)),
                    mid, mid, mid, mid, 50_000, java.util.OptionalDouble.empty()));
              }
            }
          }
          controls.tick();
          try {
            Thread.sleep(1);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "stress-driver");
      driver.start();

      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      CyclicBarrier go = new CyclicBarrier(THREADS);
      List<Future<List<Submission>>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          Random rnd = new Random(SEED * 31 + thread);
          List<Submission> mine = new ArrayList<>();
          go.await();
          for (int i = 0; i < ORDERS_PER_THREAD; i++) {
            Instrument instrument = instruments.get(rnd.nextInt(TRADED_INSTRUMENTS));
            double notional = 20_000 + rnd.nextDouble() * 110_000;
            long quantity = Math.max(1, Math.round(notional / mids.get(instrument.id())));
            Side side = rnd.nextInt(3) == 0 ? Side.SELL : Side.BUY;
            OrderRequest order = OrderRequest.builder().clientOrderId("T" + thread + "-" + i)
                .account(ACCOUNTS.get(rnd.nextInt(ACCOUNTS.size()))).strategy("stress").instrument(instrument)
                .side(side).quantity(quantity).build();
            mine.add(new Submission(order, controls.submit(order)));
          }
          return mine;
        }));
      }
      for (Future<List<Submission>> f : results) {
        submissions.addAll(f.get(120, TimeUnit.SECONDS));
      }
      pool.shutdown();
      stop.set(true);
      driver.join(30_000);
      venue.drain();
      controls.tick();

      // ---- no limit exceeded by filled plus reserved exposure ----
      PositionBook book = controls.book();
      synchronized (book.lock()) {
        for (String account : ACCOUNTS) {
          for (Instrument instrument : instruments) {
            long q = book.quantity(account, instrument.id());
            long worst = Math.max(Math.abs(q + book.pendingBuyQuantity(account, instrument.id())),
                Math.abs(q - book.pendingSellQuantity(account, instrument.id())));
            double notional = worst * book.markPrice(instrument.id()) * instrument.multiplier();
            if (worst > 0) {
              assertThat(notional).as("worst-case position of %s in %s", account, instrument.id())
                  .isLessThanOrEqualTo(MAX_POSITION_NOTIONAL * (1 + TOLERANCE));
            }
          }
          assertThat(book.grossExposure(account, ExposureBasis.WORST_CASE)).as("worst-case gross of %s", account)
              .isLessThanOrEqualTo(MAX_GROSS * (1 + TOLERANCE));
          double es = worstCaseEs(controls, book, account, instruments, scenarioCount(submissions));
          System.out.printf("%s: worst-case gross %.0f, ES %.0f, filled gross %.0f%n", account,
              book.grossExposure(account, ExposureBasis.WORST_CASE), es,
              book.grossExposure(account, ExposureBasis.FILLED));
          assertThat(es).as("ES@97.5%% of the worst-case book of %s", account)
              .isLessThanOrEqualTo(ES_LIMIT * (1 + TOLERANCE));
        }
        // reservations match what the engine still has to fill
        for (ParentOrderView p : controls.execution().activeParents()) {
          assertThat(book.reservedQuantity(p.clientOrderId())).as("reservation of %s", p.clientOrderId())
              .isEqualTo(p.order().quantity() - p.filledQuantity());
        }
      }
    } finally {
      venue.stop();
      controls.close();
    }

    // ---- the test was not vacuous: limits bound, orders were worked and filled ----
    int total = THREADS * ORDERS_PER_THREAD;
    assertThat(submissions).hasSize(total);
    Set<ReasonCode> codes = new HashSet<>();
    long approved = 0;
    for (Submission s : submissions) {
      if (s.decision().approved()) {
        approved++;
      } else {
        s.decision().blockingReasons().forEach(r -> codes.add(r.code()));
      }
    }
    System.out.println("approved " + approved + " of " + total + "; rejection codes " + codes + "; child orders "
        + venue.children.size() + ", fills " + venue.fills.get());
    assertThat(approved).isPositive();
    assertThat(codes).contains(ReasonCode.POSITION_LIMIT, ReasonCode.ES_LIMIT);
    assertThat(codes).doesNotContain(ReasonCode.INTERNAL_ERROR, ReasonCode.DUPLICATE_ORDER);
    assertThat(venue.fills.get()).isPositive();

    // ---- every order exactly one decision, journalled as returned ----
    Map<String, Boolean> returned = new HashMap<>();
    for (Submission s : submissions) {
      assertThat(returned.put(s.order().clientOrderId(), s.decision().approved())).as("unique ids").isNull();
    }
    Map<String, Integer> count = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<JournalRecord> records = AuditJournal.read(controls.journalDirectory())) {
      for (JournalRecord r : (Iterable<JournalRecord>) records::iterator) {
        if (r.type().equals(AuditRecords.DECISION)) {
          JsonNode p = json.readTree(r.payload());
          String id = p.get("clientOrderId").asText();
          count.merge(id, 1, Integer::sum);
          assertThat(p.get("approved").asBoolean()).as("journalled decision of %s", id).isEqualTo(returned.get(id));
        }
      }
    }
    assertThat(count.keySet()).isEqualTo(returned.keySet());
    assertThat(count.values()).allMatch(n -> n == 1);

    // ---- nothing rejected reached the router ----
    for (ChildOrder c : venue.children) {
      assertThat(returned.get(c.parentOrderId())).as("parent of %s approved", c.childOrderId()).isTrue();
    }
  }

  @Test
  void one_client_order_id_submitted_by_many_threads_at_once_is_approved_once(@TempDir Path dir) throws Exception {
    System.out.println("ConcurrentSubmitStressTest seed " + SEED);
    SimulatedMarket market = SimulatedMarket.builder().seed(SEED).instruments(5).start(DAY).calendar(XNYS).build();
    SimulatedClock clock = market.clock();
    RecordingRouter router = new RecordingRouter();
    int rounds = 20;
    List<GateDecision> decisions = new ArrayList<>();
    TradingControls controls = TradingControls.builder().clock(clock).dataDirectory(dir).router(router)
        .policyJson(POLICY).killSwitchOnRejections(1_000_000, Duration.ofSeconds(1)).seed(SEED).build();
    try {
      controls.history().putInstruments(market.instruments().stream().map(Instrument::id).toList());
      controls.history().putBars(market.dailyHistory(300));
      controls.book().deposit("ACC-1", DEPOSIT);
      controls.start();
      for (Quote q : market.quotes()) {
        controls.onQuote(q);
      }
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        for (int round = 0; round < rounds; round++) {
          Instrument instrument = market.instruments().get(round % market.instruments().size());
          OrderRequest order = OrderRequest.builder().clientOrderId("DUP-" + round).account("ACC-1")
              .instrument(instrument).side(Side.BUY).quantity(100).build();
          CountDownLatch start = new CountDownLatch(1);
          List<Future<GateDecision>> futures = new ArrayList<>();
          for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
              start.await();
              return controls.submit(order);
            }));
          }
          start.countDown();
          int approvals = 0;
          for (Future<GateDecision> f : futures) {
            GateDecision d;
            try {
              d = f.get(20, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
              printThreads(); // a hang: show where every thread waits
              throw e;
            }
            decisions.add(d);
            if (d.approved()) {
              approvals++;
            } else {
              assertThat(d.blockingReasons()).extracting(r -> r.code()).containsExactly(ReasonCode.DUPLICATE_ORDER);
            }
          }
          assertThat(approvals).as("approvals of %s", order.clientOrderId()).isEqualTo(1);
          assertThat(controls.book().reservedQuantity(order.clientOrderId())).isEqualTo(100);
        }
      } finally {
        pool.shutdown();
      }
    } finally {
      controls.close();
    }
    // every submission, duplicates included, has its own journalled decision
    long journalled;
    try (Stream<JournalRecord> records = AuditJournal.read(controls.journalDirectory())) {
      journalled = records.filter(r -> r.type().equals(AuditRecords.DECISION)).count();
    }
    assertThat(journalled).isEqualTo((long) rounds * THREADS);
    assertThat(decisions).hasSize(rounds * THREADS);
    assertThat(router.sent()).extracting(ChildOrder::parentOrderId).allMatch(id -> id.startsWith("DUP-"));
  }

  // ----------------------------------------------------------------------------------------------

  private static void printThreads() {
    Thread.getAllStackTraces().forEach((thread, stack) -> {
      System.out.println("thread " + thread.getName() + " " + thread.getState());
      for (StackTraceElement e : stack) {
        System.out.println("    " + e);
      }
    });
  }

  private record Submission(OrderRequest order, GateDecision decision) {
  }

  /** The scenario count the risk gate reported (the same in every decision that has it). */
  private static int scenarioCount(List<Submission> submissions) {
    Set<Double> counts = new HashSet<>();
    for (Submission s : submissions) {
      s.decision().findFigure(RiskGate.FIGURE_SCENARIOS).ifPresent(counts::add);
    }
    assertThat(counts).hasSize(1);
    return counts.iterator().next().intValue();
  }

  /**
   * ES@97.5% of an account's worst-case book, computed here from the same return scenarios the controls
   * load (the history store's return matrix over the 500 sessions before today), independently of the
   * risk gate. Each instrument is held at the end of {@code [q - pendingSell, q + pendingBuy]} farther from
   * flat (the high end on a tie), valued at its mark. Historical ES with the Acerbi–Tasche tail: with
   * {@code n} scenarios the tail holds {@code w = n (1 - 0.975)} of them, the {@code floor(w)} largest
   * losses with weight 1 and the next with weight {@code w - floor(w)} (Acerbi and Tasche 2002, J. Banking
   * &amp; Finance 26(7), Proposition 4.1).
   */
  private static double worstCaseEs(TradingControls controls, PositionBook book, String account,
      List<Instrument> instruments, int gateScenarios) {
    // the controls use the sessions of the last ~500 days; the history holds only 300, so a wider
    // window gives the same returns: every one the history has
    LocalDate today = controls.clock().instant().atZone(XNYS.zone()).toLocalDate();
    LocalDate to = XNYS.previousTradingDay(today);
    LocalDate from = to;
    for (int i = 0; i < 600; i++) {
      from = XNYS.previousTradingDay(from);
    }
    List<String> ids = instruments.stream().map(Instrument::id).toList();
    ReturnMatrix m = controls.history().returnMatrix(ids, from, to, ImputationPolicy.FORWARD_FILL);
    int n = m.scenarioCount();
    assertThat(n).as("scenarios here and in the risk gate").isEqualTo(gateScenarios);
    double[] pnl = new double[n];
    for (Instrument instrument : instruments) {
      String id = instrument.id();
      long q = book.quantity(account, id);
      long high = q + book.pendingBuyQuantity(account, id);
      long low = q - book.pendingSellQuantity(account, id);
      if (high == 0 && low == 0) {
        continue;
      }
      // the position can end anywhere in [low, high]; in each scenario take the worse end, which bounds
      // the P&L of every way the open orders can fill (ES is monotone, so this bounds ES too)
      double unit = book.markPrice(id) * instrument.multiplier();
      double[] r = m.returnsOf(m.indexOf(id));
      for (int s = 0; s < n; s++) {
        pnl[s] += Math.min(low * unit * r[s], high * unit * r[s]);
      }
    }
    double[] losses = new double[n];
    for (int s = 0; s < n; s++) {
      losses[s] = -pnl[s];
    }
    Arrays.sort(losses); // ascending: the largest losses at the end
    double w = n * (1 - 0.975);
    int whole = (int) Math.floor(w);
    double sum = 0;
    for (int k = 0; k < whole; k++) {
      sum += losses[n - 1 - k];
    }
    sum += (w - whole) * losses[n - 1 - whole];
    return sum / w;
  }

  /**
   * A venue on its own thread: it acknowledges every child, fills about half of them in full at the mark
   * (no fees, so NAV and worst-case exposure do not move), and confirms cancels of unfilled children.
   */
  private static final class FakeVenue implements dev.parapet.api.execution.OrderRouter {
    final SimulatedClock clock;
    final Map<String, Double> mids;
    final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    final List<ChildOrder> children = java.util.Collections.synchronizedList(new ArrayList<>());
    final Set<String> done = ConcurrentHashMap.newKeySet();
    final AtomicLong fills = new AtomicLong();
    final AtomicLong pending = new AtomicLong();
    volatile TradingControls controls;
    private Thread thread;

    FakeVenue(SimulatedClock clock, Map<String, Double> mids) {
      this.clock = clock;
      this.mids = mids;
    }

    @Override
    public void send(ChildOrder child) {
      children.add(child);
      pending.incrementAndGet();
      inbox.add(child);
    }

    @Override
    public void cancel(String childOrderId) {
      pending.incrementAndGet();
      inbox.add(childOrderId);
    }

    void start() {
      thread = new Thread(() -> {
        try {
          while (true) {
            Object m = inbox.take();
            try {
              handle(m);
            } finally {
              pending.decrementAndGet();
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "stress-venue");
      thread.setDaemon(true);
      thread.start();
    }

    private void handle(Object m) {
      if (m instanceof ChildOrder c) {
        controls.onOrderEvent(new OrderEvent(c.childOrderId(), OrderEvent.Type.ACKNOWLEDGED, "", clock.instant()));
        if ((c.childOrderId().hashCode() & 1) == 0) {
          done.add(c.childOrderId());
          controls.onFill(new Fill("F-" + c.childOrderId(), c.parentOrderId(), c.childOrderId(), c.account(),
              c.instrument(), c.side(), c.quantity(), mids.get(c.instrument().id()), 0, clock.instant()));
          fills.incrementAndGet();
        }
      } else if (m instanceof String id && done.add(id)) {
        controls.onOrderEvent(new OrderEvent(id, OrderEvent.Type.CANCELLED, "cancelled", clock.instant()));
      }
    }

    void drain() throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (pending.get() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
    }

    void stop() {
      if (thread != null) {
        thread.interrupt();
      }
    }
  }
}
