package dev.parapet.execution.engine;

import static dev.parapet.execution.engine.EngineFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.api.execution.ParentOrderState;
import dev.parapet.api.execution.ParentOrderView;
import dev.parapet.api.fixtures.TestInstruments;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.OrderEvent;
import dev.parapet.api.model.Side;
import dev.parapet.api.time.SimulatedClock;
import dev.parapet.execution.algo.ExecutionAlgos;
import dev.parapet.execution.engine.EngineFixtures.RecordingRouter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The engine under contention: submitting threads, filling threads, a timer thread and a reader run at
 * once; the invariant holds throughout and every parent ends filled exactly.
 */
class ExecutionEngineConcurrencyTest {

  @Test
  void concurrent_submits_fills_timer_and_reads_keep_the_invariant() throws Exception {
    SimulatedClock clock = SimulatedClock.at(T0);
    RecordingRouter router = new RecordingRouter();
    ExecutionEngine engine = ExecutionEngine.builder(router, clock).build();
    engine.onMarketState(EngineFixtures.market("AAPL", T0, 99.99, 100.01, 0));
    int threads = 4;
    int parentsPerThread = 25;
    AtomicBoolean running = new AtomicBoolean(true);
    Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      workers.add(new Thread(() -> {
        try {
          start.await();
          for (int i = 0; i < parentsPerThread; i++) {
            String id = "T" + thread + "-" + i;
            engine.submit(TestInstruments.market(id, "ACC", TestInstruments.AAPL, Side.BUY, 1_000),
                ExecutionAlgos.immediate(), T0.plus(Duration.ofHours(1)));
            String child = id + ".1";
            engine.onOrderEvent(new OrderEvent(child, OrderEvent.Type.ACKNOWLEDGED, "", T0));
            for (int k = 0; k < 10; k++) {
              engine.onFill(new Fill(id + "-f" + k, id, child, "ACC", TestInstruments.AAPL, Side.BUY, 100, 100.01, 0,
                  T0));
            }
          }
        } catch (Throwable e) {
          errors.add(e);
        }
      }));
    }
    Thread timer = new Thread(() -> {
      try {
        start.await();
        while (running.get()) {
          engine.onTimer(clock.advance(Duration.ofMillis(1)));
          engine.onMarketState(EngineFixtures.market("AAPL", clock.instant(), 99.99, 100.01, 0));
        }
      } catch (Throwable e) {
        errors.add(e);
      }
    });
    Thread reader = new Thread(() -> {
      try {
        start.await();
        while (running.get()) {
          for (ParentOrderView v : engine.parents()) {
            if (v.filledQuantity() + v.openQuantity() > v.order().quantity()) {
              throw new AssertionError("invariant broken: " + v);
            }
          }
        }
      } catch (Throwable e) {
        errors.add(e);
      }
    });
    workers.forEach(Thread::start);
    timer.start();
    reader.start();
    start.countDown();
    for (Thread w : workers) {
      w.join(TimeUnit.SECONDS.toMillis(60));
    }
    running.set(false);
    timer.join(10_000);
    reader.join(10_000);

    assertThat(errors).isEmpty();
    List<ParentOrderView> parents = engine.parents();
    assertThat(parents).hasSize(threads * parentsPerThread);
    for (ParentOrderView v : parents) {
      assertThat(v.state()).as(v.clientOrderId()).isEqualTo(ParentOrderState.FILLED);
      assertThat(v.filledQuantity()).isEqualTo(1_000);
      assertThat(v.childOrderCount()).isEqualTo(1);
    }
    assertThat(router.sent).hasSize(threads * parentsPerThread);
  }
}
