package dev.parapet.api.report;

import dev.parapet.api.Checks;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The real-time metrics as they stood at the close: the 17 standard metrics of the monitor (names in
 * {@link #STANDARD_NAMES}) and any others the host adds. A metric the monitor could not compute (beta
 * without a benchmark, say) is present with an empty value and a note.
 * <p>
 * Conventions (annualisation, sign of drawdown, sample deviation) are the monitor's; the report shows
 * the values as given. This class is immutable and thread-safe.
 *
 * @param asOf when the metrics were computed
 * @param observations the number of periodic returns behind them
 * @param metrics the metrics, names unique
 */
public record CloseMetrics(Instant asOf, int observations, List<Metric> metrics) {

  /** The 17 standard metrics, in report order. */
  public static final List<String> STANDARD_NAMES = List.of(
      "totalReturn", "annualReturn", "annualVolatility", "sharpeRatio", "sortinoRatio", "calmarRatio",
      "omegaRatio", "maxDrawdown", "currentDrawdown", "valueAtRisk99", "expectedShortfall975", "beta",
      "alpha", "informationRatio", "trackingError", "tailRatio", "winRate");

  /** Validates and copies the fields; metric names must be unique. */
  public CloseMetrics {
    Checks.notNull(asOf, "asOf", "close metrics");
    Checks.check(observations >= 0, "observations", observations, ">= 0", "close metrics");
    metrics = Values.list(metrics, "metrics", "close metrics");
    Set<String> seen = new HashSet<>();
    for (Metric m : metrics) {
      Checks.check(seen.add(m.name()), "metrics", m.name(), "unique metric names", "close metrics");
    }
  }

  /** Returns a metric by name, if reported. */
  public Optional<Metric> find(String name) {
    for (Metric m : metrics) {
      if (m.name().equals(name)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /**
   * One metric.
   *
   * @param name the metric's name, e.g. {@code sharpeRatio}
   * @param value its value, empty when it could not be computed
   * @param note why it is absent or how to read it; empty string for none
   */
  public record Metric(String name, OptionalDouble value, String note) {

    /** Validates the fields. */
    public Metric {
      Checks.notBlank(name, "name");
      Values.finite(value, "value", "metric " + name);
      Checks.notNull(note, "note", "metric " + name);
    }

    /** Returns a present metric with no note. */
    public static Metric of(String name, double value) {
      return new Metric(name, OptionalDouble.of(value), "");
    }

    /** Returns an absent metric with the reason. */
    public static Metric absent(String name, String reason) {
      return new Metric(name, OptionalDouble.empty(), Checks.notBlank(reason, "reason", "metric " + name));
    }
  }
}
