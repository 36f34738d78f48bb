package dev.parapet.execution.engine;

import dev.parapet.api.alert.Alert;
import dev.parapet.api.alert.AlertSink;
import dev.parapet.api.execution.Aggression;
import dev.parapet.api.execution.ExecutionAlgo;
import dev.parapet.api.execution.MarketState;
import dev.parapet.api.execution.OrderRouter;
import dev.parapet.api.execution.ParentOrderView;
import dev.parapet.api.execution.SliceDecision;
import dev.parapet.api.model.ChildOrder;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.OrderEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Test doubles for the engine: a recording router and alert sink, a scripted algorithm, market states. */
final class EngineFixtures {

  static final Instant OPEN = Instant.parse("2024-03-04T14:30:00Z");
  static final Instant CLOSE = Instant.parse("2024-03-04T21:00:00Z");
  static final Instant T0 = OPEN.plus(Duration.ofHours(1));

  private static final AtomicInteger FILL_IDS = new AtomicInteger();

  private EngineFixtures() {
  }

  /** Records what the engine sends; thread-safe. */
  static final class RecordingRouter implements OrderRouter {
    final List<ChildOrder> sent = new CopyOnWriteArrayList<>();
    final List<String> cancels = new CopyOnWriteArrayList<>();
    volatile RuntimeException failSends;

    @Override
    public void send(ChildOrder childOrder) {
      sent.add(childOrder);
      RuntimeException e = failSends;
      if (e != null) {
        throw e;
      }
    }

    @Override
    public void cancel(String childOrderId) {
      cancels.add(childOrderId);
    }

    ChildOrder last() {
      return sent.get(sent.size() - 1);
    }
  }

  /** Records alerts; thread-safe. */
  static final class RecordingSink implements AlertSink {
    final List<Alert> alerts = new CopyOnWriteArrayList<>();

    @Override
    public void publish(Alert alert) {
      alerts.add(alert);
    }

    long count(String name) {
      return alerts.stream().filter(a -> a.name().equals(name)).count();
    }
  }

  /** An algorithm whose target and pricing the test sets. */
  static final class ScriptedAlgo implements ExecutionAlgo {
    volatile long target;
    volatile Aggression aggression = Aggression.AGGRESSIVE;
    volatile Duration recheck = Duration.ofSeconds(10);
    volatile RuntimeException failure;
    volatile int calls;

    ScriptedAlgo(long target) {
      this.target = target;
    }

    @Override
    public String name() {
      return "SCRIPTED";
    }

    @Override
    public SliceDecision decide(Instant now, ParentOrderView parent, MarketState market) {
      calls++;
      if (failure != null) {
        throw failure;
      }
      return SliceDecision.of(target, aggression, recheck);
    }
  }

  static MarketState market(String instrumentId, Instant at, double bid, double ask, long sessionVolume) {
    return MarketState.builder(instrumentId, at).quote(bid, ask).sessionVolume(sessionVolume)
        .averageDailyVolume(5_000_000).dailyVolatility(0.02).session(OPEN, CLOSE).build();
  }

  static Fill fill(ChildOrder child, long quantity, double price, Instant at) {
    return new Fill("F" + FILL_IDS.incrementAndGet(), child.parentOrderId(), child.childOrderId(), child.account(),
        child.instrument(), child.side(), quantity, price, 0.0, at);
  }

  static OrderEvent event(ChildOrder child, OrderEvent.Type type, Instant at) {
    return new OrderEvent(child.childOrderId(), type, type == OrderEvent.Type.REJECTED ? "venue says no" : "", at);
  }
}
