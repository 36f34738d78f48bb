package dev.parapet.monitoring;

import dev.parapet.api.Checks;
import dev.parapet.api.metrics.Metric;
import dev.parapet.api.metrics.MetricsSnapshot;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One sample of an account by the {@link RealTimeMonitor}: NAV, the seventeen metrics of its NAV returns,
 * and the book's exposures, leverage and turnover at that moment.
 * <p>
 * Exposures are notionals in the book's reporting currency ({@code gross = long + short}, {@code net = long -
 * short}, short positive); leverage is gross exposure over NAV; turnover is the notional traded since the last
 * {@link RealTimeMonitor#resetTurnover()} over NAV (traded notional is estimated from position changes between
 * samples, see {@link RealTimeMonitor}). Leverage and turnover are absent when NAV is not positive. This class
 * is immutable and thread-safe.
 *
 * @param time when the sample was taken
 * @param account the account
 * @param nav the account's NAV
 * @param periodReturn the NAV return since the previous accepted sample (net of recorded cash flows); absent
 *     on the first sample and on skipped ones
 * @param metrics the metrics of every accepted NAV return so far
 * @param longExposure long notional
 * @param shortExposure short notional, positive
 * @param grossExposure long plus short
 * @param netExposure long minus short
 * @param leverage gross exposure over NAV, absent when NAV &lt;= 0
 * @param tradedNotional notional traded since the last turnover reset (estimated from position changes)
 * @param turnover traded notional over NAV, absent when NAV &lt;= 0
 * @param skippedSamples samples so far that produced no return (see {@link #skipReason})
 * @param skipReason why this sample produced no return, if it did not
 */
public record MonitorSnapshot(
    Instant time,
    String account,
    double nav,
    OptionalDouble periodReturn,
    MetricsSnapshot metrics,
    double longExposure,
    double shortExposure,
    double grossExposure,
    double netExposure,
    OptionalDouble leverage,
    double tradedNotional,
    OptionalDouble turnover,
    long skippedSamples,
    Optional<String> skipReason) {

  /** Validates the fields. */
  public MonitorSnapshot {
    Checks.notNull(time, "time");
    Checks.notBlank(account, "account");
    Checks.notNull(periodReturn, "periodReturn");
    Checks.notNull(metrics, "metrics");
    Checks.notNull(leverage, "leverage");
    Checks.notNull(turnover, "turnover");
    Checks.notNull(skipReason, "skipReason");
  }

  /**
   * Returns the snapshot as an ordered map of plain values for JSON (the orchestrator's status file): absent
   * values are JSON null, the metrics sit under {@code metrics} by {@link Metric#id()} (all seventeen keys).
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("time", time.toString());
    m.put("account", account);
    m.put("nav", nav);
    m.put("periodReturn", periodReturn.isPresent() ? periodReturn.getAsDouble() : null);
    m.put("returns", metrics.count());
    Map<String, Object> metricMap = new LinkedHashMap<>();
    for (Metric metric : Metric.values()) {
      OptionalDouble v = metrics.find(metric);
      metricMap.put(metric.id(), v.isPresent() ? v.getAsDouble() : null);
    }
    m.put("metrics", Collections.unmodifiableMap(metricMap));
    m.put("longExposure", longExposure);
    m.put("shortExposure", shortExposure);
    m.put("grossExposure", grossExposure);
    m.put("netExposure", netExposure);
    m.put("leverage", leverage.isPresent() ? leverage.getAsDouble() : null);
    m.put("tradedNotional", tradedNotional);
    m.put("turnover", turnover.isPresent() ? turnover.getAsDouble() : null);
    m.put("skippedSamples", skippedSamples);
    m.put("skipReason", skipReason.orElse(null));
    return Collections.unmodifiableMap(m);
  }
}
