package dev.parapet.orchestrator;

import dev.parapet.api.execution.OrderRouter;
import dev.parapet.api.model.ChildOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A test router that records every child order and cancel, then passes them on to a delegate (set
 * later, e.g. a simulated venue built after the controls) or to a callback. Thread-safe.
 */
final class RecordingRouter implements OrderRouter {

  volatile OrderRouter delegate;
  volatile Consumer<ChildOrder> onSend = c -> { };
  private final List<ChildOrder> sent = new ArrayList<>();
  private final List<String> cancels = new ArrayList<>();

  @Override
  public void send(ChildOrder childOrder) {
    synchronized (this) {
      sent.add(childOrder);
    }
    onSend.accept(childOrder);
    OrderRouter d = delegate;
    if (d != null) {
      d.send(childOrder);
    }
  }

  @Override
  public void cancel(String childOrderId) {
    synchronized (this) {
      cancels.add(childOrderId);
    }
    OrderRouter d = delegate;
    if (d != null) {
      d.cancel(childOrderId);
    }
  }

  synchronized List<ChildOrder> sent() {
    return List.copyOf(sent);
  }

  synchronized List<String> cancels() {
    return List.copyOf(cancels);
  }
}
