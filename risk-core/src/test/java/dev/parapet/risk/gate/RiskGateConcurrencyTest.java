package dev.parapet.risk.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.api.book.PositionBook;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Side;
import dev.parapet.api.time.SimulatedClock;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RiskGateConcurrencyTest {

  private static final Instrument A = Instrument.usEquity("A", "Tech", "A Inc");
  private static final Instrument B = Instrument.usEquity("B", "Energy", "B Inc");

  private final SimulatedClock clock = SimulatedClock.at(Instant.parse("2024-03-04T14:30:00Z"));

  private RiskGate gate(double limit) {
    Map<String, double[]> scenarios = new HashMap<>();
    scenarios.put("A", new double[] {-0.125, -0.0625, 0.03125, 0.5});
    scenarios.put("B", new double[] {0.25, -0.25, 0, 0});
    return RiskGate.builder().scenarios(ScenarioProviders.fixed(scenarios)).clock(clock).confidence(0.5)
        .minimumScenarios(4).esLimit(limit).build();
  }

  @Test
  void concurrent_check_and_reserve_never_jointly_pass_the_limit() throws Exception {
    PositionBook book = PositionBook.create();
    book.deposit("ACC", 1_000_000);
    book.mark("A", 8.0);
    book.mark("B", 4.0);
    // each buy of 100 A adds ES 75 (see RiskGateTest): a limit of 750 admits exactly ten
    RiskGate gate = gate(750);
    int threads = 4;
    int perThread = 25;
    AtomicInteger approved = new AtomicInteger();
    AtomicInteger esRejections = new AtomicInteger();
    AtomicInteger other = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    Thread[] workers = new Thread[threads + 2];
    for (int t = 0; t < threads; t++) {
      final int id = t;
      workers[t] = new Thread(() -> {
        await(start);
        for (int i = 0; i < perThread; i++) {
          OrderRequest o = RiskGateTest.order("t" + id + "-" + i, A, Side.BUY, 100);
          synchronized (book.lock()) {
            GateDecision d = gate.check(o, book);
            if (d.approved()) {
              book.reserve(o, 8.0);
              approved.incrementAndGet();
            } else if (d.blockingReasons().get(0).code() == ReasonCode.ES_LIMIT) {
              esRejections.incrementAndGet();
            } else {
              other.incrementAndGet();
            }
          }
        }
      });
    }
    // a reader checking without the book lock, and a thread moving B's mark, at the same time
    workers[threads] = new Thread(() -> {
      await(start);
      for (int i = 0; i < 2_000; i++) {
        GateDecision d = gate.check(RiskGateTest.order("r" + i, B, Side.BUY, 1), book);
        if (d.blockingReasons().stream().anyMatch(r -> r.code() == ReasonCode.INTERNAL_ERROR)) {
          other.incrementAndGet();
        }
      }
    });
    workers[threads + 1] = new Thread(() -> {
      await(start);
      for (int i = 0; i < 2_000; i++) {
        book.mark("B", 4.0 + (i % 10) * 0.01);
      }
    });
    for (Thread w : workers) {
      w.start();
    }
    start.countDown();
    for (Thread w : workers) {
      w.join(60_000);
      assertThat(w.isAlive()).as("deadlock or livelock: %s still running", w).isFalse();
    }
    assertThat(approved.get()).isEqualTo(10);
    assertThat(esRejections.get()).isEqualTo(threads * perThread - 10);
    assertThat(other.get()).isZero();
  }

  @Test
  void steady_state_check_allocates_nothing() {
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    if (!mx.isThreadAllocatedMemorySupported()) {
      return;
    }
    mx.setThreadAllocatedMemoryEnabled(true);
    PositionBook book = PositionBook.create();
    book.deposit("ACC", 1_000_000);
    book.mark("A", 8.0);
    book.mark("B", 4.0);
    book.applyFill(RiskGateTest.fill("f1", "o0", A, Side.BUY, 100, 8.0));
    RiskGate gate = gate(1_000);
    // a buy (moves the high end) and a sale (moves the low end), alternately
    OrderRequest[] orders = {RiskGateTest.order("o1", B, Side.BUY, 100), RiskGateTest.order("o2", A, Side.SELL, 50)};
    GateDecision.Builder decision = GateDecision.builder();
    for (int i = 0; i < 20_000; i++) {
      OrderRequest order = orders[i & 1];
      decision.reset(order.clientOrderId());
      gate.check(order, book, decision);
    }
    assertThat(decision.isApproved()).isTrue();
    long tid = Thread.currentThread().getId();
    long before = mx.getThreadAllocatedBytes(tid);
    for (int i = 0; i < 10_000; i++) {
      OrderRequest order = orders[i & 1];
      decision.reset(order.clientOrderId());
      gate.check(order, book, decision);
    }
    long allocated = mx.getThreadAllocatedBytes(tid) - before;
    System.out.println("allocated over 10,000 checks: " + allocated + " bytes");
    // any per-check allocation would be at least 16 bytes per check, 160,000 in all
    assertThat(allocated).isLessThan(10_000);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
