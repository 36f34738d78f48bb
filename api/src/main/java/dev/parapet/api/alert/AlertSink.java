package dev.parapet.api.alert;

/**
 * Where capabilities publish alerts. The alert system implements it; capabilities receive one at
 * construction and never log instead of alerting.
 * <p>
 * Contract: thread-safe; {@link #publish} never blocks on I/O and never throws for a valid alert
 * (delivery failures are the sink's to handle). Publishing an alert with an end time resolves the
 * firing alert of the same fingerprint.
 */
@FunctionalInterface
public interface AlertSink {

  /** Publishes a firing or resolved alert. */
  void publish(Alert alert);

  /** Returns a sink that discards every alert. */
  static AlertSink discarding() {
    return alert -> { };
  }
}
