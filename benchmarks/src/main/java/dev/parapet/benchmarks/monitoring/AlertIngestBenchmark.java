package dev.parapet.benchmarks.monitoring;

import dev.parapet.api.alert.Alert;
import dev.parapet.api.alert.AlertCategory;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.time.SimulatedClock;
import dev.parapet.monitoring.alert.AlertSystem;
import dev.parapet.monitoring.alert.InhibitRule;
import dev.parapet.monitoring.alert.Matcher;
import dev.parapet.monitoring.alert.Route;
import dev.parapet.monitoring.alert.receiver.AlertStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Alert ingest on one thread for a steady set of 10,000 distinct fingerprints (100 accounts x 100
 * instruments, four categories), through a four-route tree with {@code continue}, group_by account and
 * category, one inhibition rule, delivering to an in-memory {@link AlertStream}.
 * <ul>
 *   <li>{@code publish}: dedup + grouping with the routing decision cached per fingerprint (valid while the
 *       severity and the route conditions are unchanged).</li>
 *   <li>{@code publishRerouted}: each fingerprint alternates between two severities, which forces the route
 *       tree to be walked and the group memberships re-checked on every publish (worst case).</li>
 *   <li>{@code publishAndTick}: {@code publish} plus, every 1,000 alerts, one simulated second and a
 *       {@code tick()} that flushes due groups to the in-memory stream.</li>
 *   <li>{@code naive}: the baseline {@link NaiveAlertManager}.</li>
 * </ul>
 * Target: &gt;= 1,000,000 alerts/s on one thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AlertIngestBenchmark {

  private static final int DISTINCT = 10_000;
  private static final AlertCategory[] CATEGORIES = {AlertCategory.RISK, AlertCategory.EXECUTION,
      AlertCategory.COMPLIANCE, AlertCategory.DATA};

  private Alert[] alerts;
  private Alert[] alternate;
  private int next;
  private int sinceTick;
  private boolean flip;
  private SimulatedClock clock;
  private AlertSystem system;
  private AlertStream stream;
  private NaiveAlertManager naive;

  @Setup(Level.Trial)
  public void setUp() {
    Instant start = Instant.parse("2025-03-03T15:00:00Z");
    alerts = new Alert[DISTINCT];
    alternate = new Alert[DISTINCT];
    for (int i = 0; i < DISTINCT; i++) {
      AlertCategory category = CATEGORIES[i % CATEGORIES.length];
      String name = category == AlertCategory.EXECUTION ? "OrderRejected" : category.name() + "Breach";
      alerts[i] = Alert.builder(name, i % 50 == 0 ? Severity.CRITICAL : Severity.HIGH, category)
          .label(Alert.ACCOUNT, "ACC" + (i % 100)).label(Alert.INSTRUMENT, "SYM" + (i / 100))
          .summary("benchmark alert " + i).startsAt(start).build();
      alternate[i] = Alert.builder(name, Severity.MEDIUM, category)
          .label(Alert.ACCOUNT, "ACC" + (i % 100)).label(Alert.INSTRUMENT, "SYM" + (i / 100))
          .summary("benchmark alert " + i).startsAt(start).build();
    }
    clock = SimulatedClock.at(start);
    stream = AlertStream.create(1024);
    system = AlertSystem.builder(clock).receiver("log", stream).receiver("pager", stream)
        .receiver("risk", stream).receiver("execution", stream).expectedAlerts(DISTINCT)
        .route(Route.to("log").groupBy("account", "category").groupWait(Duration.ofSeconds(30))
            .groupInterval(Duration.ofMinutes(5)).repeatInterval(Duration.ofHours(4))
            .child(Route.to("pager").match(Matcher.severity(Severity.CRITICAL)).continueMatching(true))
            .child(Route.to("risk").matchEqual("category", "RISK"))
            .child(Route.to("execution").match(Matcher.regex("alertname", "Order.*"))))
        .inhibit(InhibitRule.of(List.of(Matcher.alertName("KillSwitchEngaged")),
            List.of(Matcher.alertName("OrderRejected")), List.of("account")))
        .build();
    for (Alert a : alerts) {
      system.publish(a);
    }
    clock.advance(Duration.ofSeconds(31));
    system.tick();

    List<Predicate<Alert>> routes = List.of(a -> a.severity() == Severity.CRITICAL,
        a -> "RISK".equals(a.labels().get("category")), a -> a.name().startsWith("Order"), a -> true);
    naive = new NaiveAlertManager(routes, List.of("pager", "risk", "execution", "log"), "account", "category");
    for (Alert a : alerts) {
      naive.publish(a);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    system.close();
  }

  private int nextIndex() {
    int i = next;
    next = i + 1 == DISTINCT ? 0 : i + 1;
    return i;
  }

  /** Steady-state ingest: dedup + grouping (cached routing). */
  @Benchmark
  public void publish() {
    system.publish(alerts[nextIndex()]);
  }

  /** Ingest that re-walks the route tree on every alert (severity flips each time). */
  @Benchmark
  public void publishRerouted() {
    int i = nextIndex();
    if (i == 0) {
      flip = !flip;
    }
    system.publish(flip ? alternate[i] : alerts[i]);
  }

  /** Steady-state ingest plus a tick (group flushes to the in-memory stream) every 1,000 alerts. */
  @Benchmark
  public void publishAndTick() {
    system.publish(alerts[nextIndex()]);
    if (++sinceTick == 1000) {
      sinceTick = 0;
      clock.advance(Duration.ofSeconds(1));
      system.tick();
    }
  }

  /** The baseline: string identities, routes and group keys on every alert. */
  @Benchmark
  public void naive() {
    naive.publish(alerts[nextIndex()]);
  }
}
