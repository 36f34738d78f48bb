package dev.parapet.compliance.gate;

import static dev.parapet.api.fixtures.TestInstruments.AAPL;
import static dev.parapet.api.fixtures.TestInstruments.MSFT;
import static dev.parapet.compliance.gate.GateFixture.ACC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many threads check, accept and finish orders at once, as an orchestrator's callers would. */
class ComplianceGateConcurrencyTest {

  @Test
  void concurrent_callers_never_jointly_pass_a_limit_and_state_stays_consistent() throws Exception {
    long seed = System.nanoTime();
    System.out.println("ComplianceGateConcurrencyTest seed " + seed);
    GateFixture f = new GateFixture();
    // at most 40 open orders; a duplicate window; a throttle large enough not to interfere
    ComplianceGate gate = f.gate("""
        {"rules": [{"type": "max-open-orders", "params": {"maxOpenOrders": 40}},
                   {"type": "max-order-quantity", "params": {"maxQuantity": 1000}},
                   {"type": "wash-trade"}]}
        """);
    int threads = 8;
    int perThread = 400;
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger maxOpenSeen = new AtomicInteger();
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Random random = new Random(seed + t);
      Thread w = new Thread(() -> {
        try {
          start.await();
          GateDecision.Builder b = GateDecision.builder();
          List<String> mine = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            String oid = "T" + id + "-" + i;
            // every thread buys only: no wash trades between them
            OrderRequest o = OrderRequest.builder().clientOrderId(oid).account(ACC).instrument(
                random.nextBoolean() ? AAPL : MSFT).side(Side.BUY).quantity(1 + random.nextInt(1100)).build();
            synchronized (f.book.lock()) { // the orchestrator's decision lock: check and reserve together
              b.reset(oid);
              gate.check(o, f.book, b);
              if (b.isApproved()) {
                f.book.reserve(o, 100.0);
                gate.onOrderAccepted(o);
                accepted.incrementAndGet();
                mine.add(oid);
                maxOpenSeen.accumulateAndGet(f.book.openOrderCount(ACC), Math::max);
              } else {
                for (var r : b.reasons()) {
                  assertThat(r.code()).isIn(ReasonCode.MAX_OPEN_ORDERS, ReasonCode.MAX_ORDER_QUANTITY);
                }
              }
            }
            if (!mine.isEmpty() && random.nextInt(3) == 0) {
              String done = mine.remove(random.nextInt(mine.size()));
              long released = f.book.release(done);
              gate.onOrderDone(done, released);
            }
          }
          for (String done : mine) {
            gate.onOrderDone(done, f.book.release(done));
          }
        } catch (Throwable e) {
          errors.add(e);
        }
      });
      workers.add(w);
      w.start();
    }
    start.countDown();
    for (Thread w : workers) {
      w.join();
    }
    assertThat(errors).isEmpty();
    assertThat(maxOpenSeen.get()).isLessThanOrEqualTo(40);
    assertThat(accepted.get()).isGreaterThan(40);
    assertThat(f.book.openOrderCount(ACC)).isZero();
    assertThat(f.context.activity().openCount()).isZero();
    assertThat(f.context.activity().restingCount(ACC, "AAPL")).isZero();
  }
}
