package dev.parapet.monitoring.alert.receiver;

import dev.parapet.api.Checks;
import dev.parapet.monitoring.alert.AlertReceiver;
import dev.parapet.monitoring.alert.Notification;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory, bounded stream of notifications that a dashboard subscribes to: a ring of the last
 * {@code capacity} notifications ({@link #recent()}) and listeners called with each new one.
 * <p>
 * Listeners run on the delivering thread (the one calling {@link dev.parapet.monitoring.alert.AlertSystem#tick()})
 * and should hand work off quickly; one that throws is counted and logged, and the others still run.
 * Thread-safe.
 */
public final class AlertStream implements AlertReceiver {

  private static final Logger LOG = LoggerFactory.getLogger(AlertStream.class);

  private final Notification[] ring;
  private final CopyOnWriteArrayList<Consumer<Notification>> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong listenerErrors = new AtomicLong();
  private long total;

  private AlertStream(int capacity) {
    this.ring = new Notification[Checks.positive(capacity, "capacity")];
  }

  /** Returns a stream keeping the last {@code capacity} notifications. */
  public static AlertStream create(int capacity) {
    return new AlertStream(capacity);
  }

  @Override
  public void deliver(Notification notification) {
    Checks.notNull(notification, "notification");
    synchronized (ring) {
      ring[(int) (total % ring.length)] = notification;
      total++;
    }
    for (Consumer<Notification> l : listeners) {
      try {
        l.accept(notification);
      } catch (RuntimeException e) {
        listenerErrors.incrementAndGet();
        LOG.warn("alert stream listener failed: {}", e.toString());
      }
    }
  }

  /** Returns the last notifications kept, oldest first. */
  public List<Notification> recent() {
    synchronized (ring) {
      int n = (int) Math.min(total, ring.length);
      List<Notification> out = new ArrayList<>(n);
      for (long i = total - n; i < total; i++) {
        out.add(ring[(int) (i % ring.length)]);
      }
      return List.copyOf(out);
    }
  }

  /** Returns how many notifications were delivered in total (including those no longer kept). */
  public long total() {
    synchronized (ring) {
      return total;
    }
  }

  /** Returns how many times a listener threw. */
  public long listenerErrors() {
    return listenerErrors.get();
  }

  /**
   * Subscribes a listener to every notification delivered from now on.
   *
   * @return a subscription; closing it unsubscribes
   */
  public Subscription subscribe(Consumer<Notification> listener) {
    Checks.notNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** A listener's subscription; {@link #close()} ends it. */
  @FunctionalInterface
  public interface Subscription extends AutoCloseable {
    /** Unsubscribes; idempotent. */
    @Override
    void close();
  }
}
