package dev.parapet.monitoring.alert;

/**
 * Where notifications go: a log, a file, a webhook, the dashboard's stream. Receivers are registered with the
 * {@link AlertSystem} under a name that routes refer to.
 * <p>
 * Contract: {@link #deliver} is called from the thread running {@link AlertSystem#tick()}, never while the
 * alert system's state lock is held, one notification at a time and in order. It should return quickly:
 * receivers doing network I/O hand the work to their own executor. An exception is caught, counted and logged
 * by the alert system; it never stops other deliveries.
 */
@FunctionalInterface
public interface AlertReceiver extends AutoCloseable {

  /** Delivers one notification. */
  void deliver(Notification notification);

  /** Releases resources (threads, files); the default does nothing. */
  @Override
  default void close() {
  }
}
