package dev.parapet.data;

import dev.parapet.api.Checks;
import dev.parapet.data.quality.QualityConfig;
import java.time.Duration;

/**
 * What a maintenance run does: the quality checks over the last {@code checkSessions} sessions, pruning of
 * intraday bars older than {@code intradayRetention}, statistics refresh, and space reclamation when at least
 * {@code vacuumFreeFraction} of the embedded file is free pages (PostgreSQL always runs a plain VACUUM,
 * which does not lock the tables).
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param checkSessions the sessions ending at the run date the quality checks cover, &gt; 0
 * @param intradayRetention intraday bars that started longer ago than this are deleted, &gt; 0
 * @param vacuumFreeFraction the free-page fraction from which the embedded file is rebuilt, in [0, 1]
 * @param quality the thresholds of the quality checks
 */
public record MaintenancePolicy(int checkSessions, Duration intradayRetention, double vacuumFreeFraction,
    QualityConfig quality) {

  /** Validates every field. */
  public MaintenancePolicy {
    Checks.positive(checkSessions, "checkSessions");
    Checks.notNull(intradayRetention, "intradayRetention");
    Checks.check(!intradayRetention.isNegative() && !intradayRetention.isZero(), "intradayRetention",
        intradayRetention, "> 0");
    Checks.inRange(vacuumFreeFraction, 0, 1, "vacuumFreeFraction");
    Checks.notNull(quality, "quality");
  }

  /** Returns the defaults: check the last 21 sessions, keep 90 days of intraday bars, rebuild at 20% free pages. */
  public static MaintenancePolicy defaults() {
    return new MaintenancePolicy(21, Duration.ofDays(90), 0.2, QualityConfig.defaults());
  }

  /** Returns a copy with another intraday retention. */
  public MaintenancePolicy withIntradayRetention(Duration retention) {
    return new MaintenancePolicy(checkSessions, retention, vacuumFreeFraction, quality);
  }

  /** Returns a copy with another number of sessions checked. */
  public MaintenancePolicy withCheckSessions(int sessions) {
    return new MaintenancePolicy(sessions, intradayRetention, vacuumFreeFraction, quality);
  }
}
