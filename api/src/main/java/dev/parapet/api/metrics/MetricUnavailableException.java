package dev.parapet.api.metrics;

import java.util.NoSuchElementException;

/**
 * Thrown by {@code get} when a metric is absent, saying which metric and why (too few returns, a zero
 * denominator, no benchmark).
 */
public final class MetricUnavailableException extends NoSuchElementException {

  private static final long serialVersionUID = 1L;

  private final transient Metric metric;
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param metric the absent metric
   * @param reason why it is absent, e.g. {@code the sample standard deviation is 0}
   */
  public MetricUnavailableException(Metric metric, String reason) {
    super(metric.id() + " is absent: " + reason);
    this.metric = metric;
    this.reason = reason;
  }

  /** Returns the absent metric. */
  public Metric metric() {
    return metric;
  }

  /** Returns why it is absent. */
  public String reason() {
    return reason;
  }
}
