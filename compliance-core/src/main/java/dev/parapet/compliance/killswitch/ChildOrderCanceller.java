package dev.parapet.compliance.killswitch;

import dev.parapet.api.Checks;
import dev.parapet.api.execution.OrderRouter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels every working child order when the kill switch engages. The orchestrator, which knows the
 * working child orders, provides it, usually through {@link #of(OrderRouter, Supplier)}.
 * <p>
 * Contract: thread-safe, does not block for long (cancel requests are queued, their outcome arrives as
 * order events), and reports how many cancels it requested.
 */
@FunctionalInterface
public interface ChildOrderCanceller {

  /** Requests the cancellation of every working child order; returns how many were requested. */
  int cancelWorkingOrders();

  /** Returns a canceller that cancels nothing (when no router is wired). */
  static ChildOrderCanceller none() {
    return () -> 0;
  }

  /**
   * Returns a canceller that asks the router to cancel each working child order. A router failure on
   * one order is logged and does not stop the others.
   *
   * @param router the host's order router
   * @param workingChildOrderIds supplies the ids of the child orders working now
   */
  static ChildOrderCanceller of(OrderRouter router, Supplier<? extends Collection<String>> workingChildOrderIds) {
    Checks.notNull(router, "router");
    Checks.notNull(workingChildOrderIds, "workingChildOrderIds");
    return () -> {
      Logger log = LoggerFactory.getLogger(ChildOrderCanceller.class);
      List<String> ids = new ArrayList<>(workingChildOrderIds.get());
      int requested = 0;
      for (String id : ids) {
        try {
          router.cancel(id);
          requested++;
        } catch (RuntimeException e) {
          log.error("kill switch: cancel of child order {} failed", id, e);
        }
      }
      return requested;
    };
  }
}
