package dev.parapet.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.OrderEvent;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Quote;
import dev.parapet.api.time.SimulatedClock;
import dev.parapet.compliance.journal.AuditJournal;
import dev.parapet.compliance.journal.AuditRecords;
import dev.parapet.compliance.journal.JournalRecord;
import dev.parapet.compliance.journal.JournalVerification;
import dev.parapet.orchestrator.task.Schedule;
import dev.parapet.orchestrator.task.TaskHealth;
import dev.parapet.orchestrator.task.TaskSpec;
import dev.parapet.simulator.DisconnectMode;
import dev.parapet.simulator.FaultInjector;
import dev.parapet.simulator.venue.VenueConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak: the demo at full speed for {@code parapet.soak.hours} simulated session hours (nights and,
 * over a weekend, the weekend in between) with faults injected all along: venue reject bursts and
 * disconnects (held and dropped traffic), missing bars (bursts and random drops), a scheduled task that
 * always throws, and a slow webhook receiving every alert notification. It checks that nothing escapes as an
 * unhandled exception, that every order submitted was decided exactly once in the audit journal with the
 * decision the caller was given, that the journal verifies end to end, and that the heap after the run stays
 * within a bound of the heap after the first simulated hour.
 * <p>
 * CI runs the reduced form (7 session hours: a whole session, its night with the end-of-day report and the
 * 02:00 maintenance, and the next morning's first half hour). The full form is
 * {@code mvn -B -pl examples -am verify -Dtest=SoakTest -Dsurefire.failIfNoSpecifiedTests=false -Dparapet.soak.hours=24}
 * (24 session hours: Thursday to Tuesday with the weekend); its result is in the README.
 */
class SoakTest {

  private static final long MB = 1024 * 1024;
  /** Thursday: 24 session hours run into the next week, across a weekend. */
  private static final LocalDate START = LocalDate.of(2024, 1, 4);

  @TempDir
  Path work;

  private HttpServer webhook;
  private final AtomicLong webhookCalls = new AtomicLong();
  private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
  private Thread.UncaughtExceptionHandler previousHandler;

  @BeforeEach
  void startSlowWebhook() throws IOException {
    // a receiver that takes two seconds (wall clock) to answer every notification
    webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    webhook.createContext("/hook", ex -> {
      webhookCalls.incrementAndGet();
      ex.getRequestBody().readAllBytes();
      try {
        Thread.sleep(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    webhook.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "slow-webhook");
      t.setDaemon(true);
      return t;
    }));
    webhook.start();
    previousHandler = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
  }

  @AfterEach
  void stopWebhook() {
    webhook.stop(0);
    Thread.setDefaultUncaughtExceptionHandler(previousHandler);
  }

  /** Records every decision the caller was given, and the heap after the first simulated hour. */
  private static final class RecordingHost implements SimulationHost {
    final SimulationHost delegate;
    final Map<String, Boolean> decisions = new ConcurrentHashMap<>();
    final List<String> submitted = new CopyOnWriteArrayList<>();
    final AtomicLong submitErrors = new AtomicLong();
    final AtomicLong repeatedDecisions = new AtomicLong();
    final InstantSource clock;
    Instant firstTick;
    volatile long heapAfterFirstHour = -1;

    RecordingHost(SimulationHost delegate, InstantSource clock) {
      this.delegate = delegate;
      this.clock = clock;
    }

    @Override
    public GateDecision submit(OrderRequest order) {
      submitted.add(order.clientOrderId());
      try {
        GateDecision d = delegate.submit(order);
        if (decisions.put(order.clientOrderId(), d.approved()) != null) {
          repeatedDecisions.incrementAndGet();
        }
        return d;
      } catch (RuntimeException e) {
        submitErrors.incrementAndGet();
        throw e;
      }
    }

    @Override
    public void onQuote(Quote quote) {
      delegate.onQuote(quote);
    }

    @Override
    public void onBar(Bar bar) {
      delegate.onBar(bar);
    }

    @Override
    public void onFill(Fill fill) {
      delegate.onFill(fill);
    }

    @Override
    public void onOrderEvent(OrderEvent event) {
      delegate.onOrderEvent(event);
    }

    @Override
    public void tick() {
      delegate.tick();
      Instant t = clock.instant();
      if (firstTick == null) {
        firstTick = t;
      }
      if (heapAfterFirstHour < 0 && !t.isBefore(firstTick.plus(Duration.ofHours(1)))) {
        heapAfterFirstHour = usedHeapAfterGc();
      }
    }

    @Override
    public Optional<Instant> nextDueTime() {
      return delegate.nextDueTime();
    }
  }

  static long usedHeapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  @Test
  void runs_with_faults_without_losing_or_repeating_a_decision_or_leaking_memory() throws Exception {
    int hours = Integer.getInteger("parapet.soak.hours", 7);
    long seed = Long.getLong("parapet.soak.seed", 20_240_104L);
    System.out.println("soak: " + hours + " session hours, seed " + seed);
    AtomicLong flakyRuns = new AtomicLong();
    RecordingHost[] recorder = new RecordingHost[1];
    StringWriter output = new StringWriter();
    DemoOptions options = DemoOptions.defaults().withDays(1000).withSpeed(Double.POSITIVE_INFINITY).withSeed(seed)
        .withPort(0).withDataDirectory(work.resolve("data")).withExitWhenDone(true);
    options = new DemoOptions(options.days(), options.speed(), options.seed(), options.host(), options.port(),
        options.dataDirectory(), options.policy(), options.instruments(), START, true);
    // the market's clock, made here so that the recorder can read it: midnight before the first session
    SimulatedClock clock = SimulatedClock.at(START.atStartOfDay(ZoneId.of("America/New_York")).toInstant());
    long wallStart = System.nanoTime();
    Demo demo = Demo.builder(options)
        .out(new PrintWriter(output, true))
        .sessionMinuteLimit(hours * 60L)
        .market(m -> m.clock(clock).venue(VenueConfig.builder().rejectProbability(0.01).build()))
        .controls(c -> c
            .webhook(URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook"))
            .task(TaskSpec.builder("soak-flaky", Schedule.every(Duration.ofMinutes(30)), ctx -> {
              flakyRuns.incrementAndGet();
              throw new IllegalStateException("the flaky task fails, as planned (run at " + ctx.scheduledTime() + ")");
            }).group("soak").timeout(Duration.ofSeconds(5)).build()))
        .host(h -> recorder[0] = new RecordingHost(h, clock))
        .onReady(d -> scheduleFaults(d.market().faults(), d.market().session().open().toInstant(), hours))
        .start();

    boolean done = demo.awaitSimulation(Duration.ofMinutes(Math.max(10, hours * 2L)));
    assertThat(done).as("the simulation finished").isTrue();
    long heapEnd = usedHeapAfterGc();
    SimulationDriver driver = demo.driver();
    RecordingHost host = recorder[0];
    List<TaskHealth> tasks = demo.controls().taskHealth();
    long venueRejects = demo.market().venue().statistics().rejected();
    Path journal = demo.controls().journalDirectory();
    List<LocalDate> reports = demo.controls().reports().dates();
    JsonNode status = new ObjectMapper().readTree(Files.readString(demo.controls().statusFile()));
    demo.close();
    double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
    long flakyFailures = tasks.stream().filter(t -> t.name().equals("soak-flaky")).mapToLong(TaskHealth::failures)
        .sum();

    // memory: the heap after the run within 1.5x + 32 MB of the heap after the first hour
    long bound = (long) (1.5 * host.heapAfterFirstHour) + 32 * MB;
    String result = String.format(java.util.Locale.ROOT,
        "soak %d session hours (%d sessions closed, %d session minutes), seed %d: %.1f s wall; %d orders "
            + "(%d approved, %d rejected), %d fills, %d venue rejects, %d flaky-task failures, %d webhook calls; "
            + "heap after first hour %d MB, after the run %d MB (bound %d MB); journal %d records",
        hours, driver.sessionsDone(), driver.sessionMinutes(), seed, wallSeconds, driver.submitted(),
        driver.approved(), driver.rejected(), driver.fills(), venueRejects, flakyFailures, webhookCalls.get(),
        host.heapAfterFirstHour / MB, heapEnd / MB, bound / MB, AuditJournal.verify(journal).records());
    System.out.println(result);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "soak-result.txt"), result + "\n", StandardCharsets.UTF_8);

    // no unhandled exception anywhere
    assertThat(uncaught).as("uncaught exceptions").isEmpty();
    assertThat(driver.errors()).as("errors that reached the driver: %s", driver.lastError()).isZero();
    assertThat(host.submitErrors.get()).isZero();
    assertThat(host.repeatedDecisions.get()).isZero();
    assertThat(driver.sessionMinutes()).isEqualTo(hours * 60L);

    // every order decided exactly once, durably, with the decision the caller was given
    Map<String, Integer> journalled = new HashMap<>();
    Map<String, Boolean> journalApproved = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<JournalRecord> records = AuditJournal.read(journal)) {
      for (JournalRecord r : (Iterable<JournalRecord>) records::iterator) {
        if (r.type().equals(AuditRecords.DECISION)) {
          JsonNode p = json.readTree(r.payload());
          String id = p.get("clientOrderId").asText();
          journalled.merge(id, 1, Integer::sum);
          journalApproved.put(id, p.get("approved").asBoolean());
        }
      }
    }
    assertThat(host.submitted).doesNotHaveDuplicates().hasSize((int) driver.submitted());
    assertThat(journalled.keySet()).containsExactlyInAnyOrderElementsOf(host.submitted);
    assertThat(journalled.values()).allMatch(n -> n == 1);
    assertThat(journalApproved).isEqualTo(host.decisions);
    JournalVerification verification = AuditJournal.verify(journal);
    assertThat(verification.intact()).as("journal verifies: %s", verification).isTrue();
    assertThat(verification.records()).isGreaterThanOrEqualTo(journalled.size());

    // the faults happened and were survived
    assertThat(driver.rejected()).as("some orders were rejected").isPositive();
    assertThat(driver.approved()).as("most orders were approved").isGreaterThan(driver.rejected());
    assertThat(venueRejects).as("venue rejects").isPositive();
    TaskHealth flaky = tasks.stream().filter(t -> t.name().equals("soak-flaky")).findFirst().orElseThrow();
    assertThat(flaky.failures()).isEqualTo(flakyRuns.get()).isPositive();
    assertThat(tasks.stream().filter(t -> t.name().equals("eod-report")).findFirst().orElseThrow().failures())
        .isZero();
    assertThat(reports).as("an end-of-day report for every closed session").hasSize((int) driver.sessionsDone())
        .isNotEmpty();
    assertThat(webhookCalls.get()).as("the slow webhook was called").isPositive();
    assertThat(status.path("schemaVersion").asInt()).isEqualTo(1);

    assertThat(host.heapAfterFirstHour).isPositive();
    assertThat(heapEnd).as(result).isLessThanOrEqualTo(bound);
  }

  /** Faults every session hour from the first open: reject bursts, held and dropped traffic, missing bars. */
  private static void scheduleFaults(FaultInjector faults, Instant open, int hours) {
    faults.missingBarProbability(0.002);
    // the schedule repeats every calendar day for as many days as the soak can span
    for (int day = 0; day < hours / 6 + 6; day++) {
      Instant d = open.plus(Duration.ofDays(day));
      faults.rejectBurst(d.plus(Duration.ofMinutes(45)), Duration.ofMinutes(5));
      faults.disconnect(d.plus(Duration.ofMinutes(100)), Duration.ofMinutes(3), DisconnectMode.HOLD);
      faults.missingBars(d.plus(Duration.ofMinutes(130)), Duration.ofMinutes(10));
      faults.disconnect(d.plus(Duration.ofMinutes(200)), Duration.ofMinutes(2), DisconnectMode.DROP);
      faults.rejectBurst(d.plus(Duration.ofMinutes(300)), Duration.ofMinutes(3));
      faults.missingBars("TEC001", d.plus(Duration.ofMinutes(330)), Duration.ofMinutes(30));
    }
  }
}
