package dev.parapet.api.metrics;

import dev.parapet.api.Checks;
import dev.parapet.api.InvalidValueException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The seventeen {@link Metric}s of a return series at one moment: each either present with a finite value,
 * or absent with the reason it could not be computed.
 * <p>
 * Absent is explicit: {@link #find} returns an empty optional, {@link #get} throws a
 * {@link MetricUnavailableException} naming the reason; no accessor ever returns NaN or an infinity. This
 * class is immutable and thread-safe.
 */
public final class MetricsSnapshot {

  private final MetricsConfig config;
  private final long count;
  private final double[] values;
  private final String[] reasons;

  private MetricsSnapshot(MetricsConfig config, long count, double[] values, String[] reasons) {
    this.config = Checks.notNull(config, "config");
    this.count = Checks.nonNegative(count, "count");
    Checks.check(values.length == Metric.count(), "values.length", values.length, "equal to " + Metric.count());
    Checks.check(reasons.length == Metric.count(), "reasons.length", reasons.length, "equal to " + Metric.count());
    this.values = values.clone();
    this.reasons = reasons.clone();
    for (Metric m : Metric.values()) {
      int i = m.ordinal();
      if (Double.isNaN(this.values[i])) {
        Checks.notBlank(this.reasons[i], "reason of absent " + m.id());
      } else if (!Double.isFinite(this.values[i])) {
        throw new InvalidValueException(m.id(), Double.toString(this.values[i]), "finite or NaN (absent)", null);
      } else {
        this.reasons[i] = null;
      }
    }
  }

  /**
   * Creates a snapshot.
   *
   * @param config the configuration the metrics were computed with
   * @param count the number of returns
   * @param values the metric values indexed by {@link Metric#ordinal()}; NaN marks an absent metric
   * @param reasons why each absent metric is absent (ignored for present ones), indexed like {@code values}
   */
  public static MetricsSnapshot of(MetricsConfig config, long count, double[] values, String[] reasons) {
    return new MetricsSnapshot(config, count, Checks.notNull(values, "values"), Checks.notNull(reasons, "reasons"));
  }

  /** Returns the configuration the metrics were computed with. */
  public MetricsConfig config() {
    return config;
  }

  /** Returns the number of returns the metrics cover. */
  public long count() {
    return count;
  }

  /** Returns true if the metric could be computed. */
  public boolean isPresent(Metric metric) {
    return !Double.isNaN(values[metric.ordinal()]);
  }

  /** Returns the metric's value if present. */
  public OptionalDouble find(Metric metric) {
    double v = values[metric.ordinal()];
    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /**
   * Returns the metric's value.
   *
   * @throws MetricUnavailableException if the metric is absent, with the reason
   */
  public double get(Metric metric) {
    double v = values[metric.ordinal()];
    if (Double.isNaN(v)) {
      throw new MetricUnavailableException(metric, reasons[metric.ordinal()]);
    }
    return v;
  }

  /** Returns why the metric is absent, or empty when it is present. */
  public Optional<String> findAbsenceReason(Metric metric) {
    return Optional.ofNullable(reasons[metric.ordinal()]);
  }

  /** Returns the present metrics by {@link Metric#id()}, in catalogue order; absent metrics are left out. */
  public Map<String, Double> presentValues() {
    LinkedHashMap<String, Double> out = new LinkedHashMap<>();
    for (Metric m : Metric.values()) {
      double v = values[m.ordinal()];
      if (!Double.isNaN(v)) {
        out.put(m.id(), v);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof MetricsSnapshot)) {
      return false;
    }
    MetricsSnapshot s = (MetricsSnapshot) o;
    return count == s.count && config.equals(s.config) && Arrays.equals(values, s.values)
        && Arrays.equals(reasons, s.reasons);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(count) * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("MetricsSnapshot{n=").append(count);
    for (Metric m : Metric.values()) {
      sb.append(", ").append(m.id()).append('=');
      double v = values[m.ordinal()];
      sb.append(Double.isNaN(v) ? "absent" : Double.toString(v));
    }
    return sb.append('}').toString();
  }
}
