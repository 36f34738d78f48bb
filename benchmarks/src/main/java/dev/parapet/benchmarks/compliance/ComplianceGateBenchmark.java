package dev.parapet.benchmarks.compliance;

import dev.parapet.api.calendar.MarketCalendars;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.time.SimulatedClock;
import dev.parapet.compliance.gate.ComplianceGate;
import dev.parapet.compliance.rule.RuleContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * All seventeen standard compliance rules on one order against a 500-position book (target: median at
 * most 1 µs, 0 B/op), beside a naive implementation of the same checks.
 * <p>
 * {@code gate}: {@link ComplianceGate#check} with the policy of all seventeen rules, holding the book's
 * lock as the orchestrator's decision lock does. {@code gateWithoutBookLock}: the same without the outer
 * lock (each book query then takes the lock itself). {@code naive}: {@link NaiveCompliance}, the
 * obvious code: snapshots of the positions, streams and maps to aggregate exposures per issuer and
 * sector, boxed collections for the order history, the calendar asked per order. All three approve the
 * order (verified in setup). The real XNYS calendar is used, at a session time, with a clock that does
 * not move.
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar ComplianceGateBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ComplianceGateBenchmark {

  private BenchmarkBook scene;
  private ComplianceGate gate;
  private NaiveCompliance naive;
  private OrderRequest order;
  private final GateDecision.Builder decision = GateDecision.builder();

  /** Builds the book, the gate with its state, and the naive baseline with the same state. */
  @Setup(Level.Trial)
  public void setUp() {
    scene = new BenchmarkBook();
    SimulatedClock clock = SimulatedClock.at(BenchmarkBook.NOW);
    RuleContext context = RuleContext.builder().clock(clock).calendar(MarketCalendars.XNYS).build();
    for (Instrument i : scene.universe) {
      context.adv().set(i.id(), 1_000_000);
      context.locates().grant(BenchmarkBook.ACCOUNT, i.id(), 10_000);
    }
    context.onSessionStart(scene.book, List.of(BenchmarkBook.ACCOUNT));
    gate = ComplianceGate.builder().context(context).policy(BenchmarkBook.ALL_RULES_POLICY, "benchmark").build();
    for (OrderRequest r : scene.recent) {
      gate.onOrderAccepted(r);
    }
    naive = new NaiveCompliance(scene, clock, MarketCalendars.XNYS);
    order = scene.order();
    if (gate.rulesFor(BenchmarkBook.ACCOUNT, order.strategy()).size() != 17 || !gate() || !gateWithoutBookLock()
        || !naive()) {
      throw new IllegalStateException("the benchmark order must pass all 17 rules: "
          + gate.check(order, scene.book).reasons() + " / naive " + naive.check(order));
    }
  }

  /** The gate under the book's decision lock, as the orchestrator calls it. */
  @Benchmark
  public boolean gate() {
    synchronized (scene.book.lock()) {
      decision.reset(order.clientOrderId());
      gate.check(order, scene.book, decision);
      return decision.isApproved();
    }
  }

  /** The gate without an outer lock. */
  @Benchmark
  public boolean gateWithoutBookLock() {
    decision.reset(order.clientOrderId());
    gate.check(order, scene.book, decision);
    return decision.isApproved();
  }

  /** The naive baseline. */
  @Benchmark
  public boolean naive() {
    synchronized (scene.book.lock()) {
      return naive.check(order).isEmpty();
    }
  }
}
