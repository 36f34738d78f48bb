package dev.parapet.orchestrator.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of everything the controls know, written atomically to {@code status.json} every cycle.
 * Figures that are not known yet are null in the JSON (boxed {@link Double}s here) rather than zero.
 * <p>
 * Immutable and thread-safe.
 *
 * @param schemaVersion the version of this structure; bumped on incompatible changes
 * @param generatedAt the clock's instant when the snapshot was taken
 * @param market the exchange and whether it is open
 * @param accounts balances and exposures per account
 * @param risk ES and VaR, their history, drawdown and crowding per account
 * @param metrics the 17 metrics and NAV history per account
 * @param compliance kill switch, open violations and decision counts
 * @param execution working and recent parent orders
 * @param alerts recent alerts and counts
 * @param dataQuality the last data-quality run
 * @param tasks the health of every scheduled task
 */
public record StatusSnapshot(
    int schemaVersion,
    Instant generatedAt,
    MarketStatus market,
    List<AccountStatus> accounts,
    Map<String, RiskStatus> risk,
    Map<String, MetricsStatus> metrics,
    ComplianceStatus compliance,
    ExecutionStatus execution,
    AlertsStatus alerts,
    DataQualityStatus dataQuality,
    List<TaskStatus> tasks) {

  /** The current schema version. */
  public static final int SCHEMA_VERSION = 1;

  /** Copies the lists and maps. */
  public StatusSnapshot {
    accounts = List.copyOf(accounts);
    risk = Map.copyOf(risk);
    metrics = Map.copyOf(metrics);
    tasks = List.copyOf(tasks);
  }

  /**
   * The market's state.
   *
   * @param exchange the exchange's MIC
   * @param open whether a regular session is in progress
   * @param sessionDate the current or next session's date
   * @param sessionOpen its open
   * @param sessionClose its close
   */
  public record MarketStatus(String exchange, boolean open, String sessionDate, Instant sessionOpen,
      Instant sessionClose) {
  }

  /**
   * One account's balances and exposures (filled basis) and reservations.
   *
   * @param account the account
   * @param nav net asset value
   * @param cash cash
   * @param grossExposure gross exposure
   * @param netExposure net exposure
   * @param longExposure long exposure
   * @param shortExposure short exposure
   * @param leverage gross over NAV, null when NAV is not positive
   * @param realizedPnl realized P&amp;L
   * @param unrealizedPnl unrealized P&amp;L
   * @param openOrders approved orders still reserved
   * @param pendingBuyNotional reserved buy notional
   * @param pendingSellNotional reserved sell notional
   * @param exposureBySector gross exposure per sector
   * @param exposureByIssuer gross exposure per issuer (top 10)
   */
  public record AccountStatus(String account, double nav, double cash, double grossExposure, double netExposure,
      double longExposure, double shortExposure, Double leverage, double realizedPnl, double unrealizedPnl,
      int openOrders, double pendingBuyNotional, double pendingSellNotional, Map<String, Double> exposureBySector,
      Map<String, Double> exposureByIssuer) {
  }

  /**
   * One account's risk.
   *
   * @param confidence the ES level
   * @param method the estimation method
   * @param expectedShortfall the latest ES, a loss in currency, null until computed
   * @param valueAtRisk the latest VaR at the same level, null until computed
   * @param esLimit the ES limit in force, null for none
   * @param esHistory recent ES values
   * @param drawdown the drawdown budget's state, null without a controller
   * @param crowding the latest crowding analysis, null until computed
   * @param error why the last computation failed, null when it did not
   */
  public record RiskStatus(double confidence, String method, Double expectedShortfall, Double valueAtRisk,
      Double esLimit, List<Point> esHistory, DrawdownStatus drawdown, CrowdingStatus crowding, String error) {
  }

  /**
   * A point of a time series.
   *
   * @param time the instant
   * @param value the value
   */
  public record Point(Instant time, double value) {
  }

  /**
   * The drawdown budget.
   *
   * @param highWaterMark the NAV high-water mark
   * @param drawdown drawdown from it, a fraction
   * @param budget the budget, a fraction
   * @param budgetUsed drawdown over budget
   * @param tier the tier in force, 0 when normal
   * @param maxGrossLeverage the gross leverage the tier allows
   * @param halted true when the tier allows no risk at all
   */
  public record DrawdownStatus(double highWaterMark, double drawdown, double budget, double budgetUsed, int tier,
      double maxGrossLeverage, boolean halted) {
  }

  /**
   * The book's crowding.
   *
   * @param level LOW, MEDIUM or HIGH
   * @param hhi Herfindahl–Hirschman index of absolute weights
   * @param effectiveN 1 / HHI
   * @param gini Gini coefficient of absolute weights
   * @param averageCorrelation average pairwise correlation, null without returns
   * @param absorptionRatio absorption ratio, null without returns
   * @param clusters number of correlation clusters, null without returns
   * @param reasons why the level is what it is
   */
  public record CrowdingStatus(String level, double hhi, double effectiveN, double gini, Double averageCorrelation,
      Double absorptionRatio, Integer clusters, List<String> reasons) {
  }

  /**
   * One account's metrics.
   *
   * @param asOf when they were computed
   * @param values the 17 metrics by name; null where not available
   * @param turnover turnover of the book, null until known
   * @param navHistory recent NAV samples
   * @param drawdownHistory recent drawdown samples (fractions, negative below the peak)
   */
  public record MetricsStatus(Instant asOf, Map<String, Double> values, Double turnover, List<Point> navHistory,
      List<Point> drawdownHistory) {
  }

  /**
   * The compliance state.
   *
   * @param killSwitchEngaged whether the kill switch blocks orders
   * @param killSwitchSince since when, null when not engaged
   * @param killSwitchReason why, null when not engaged
   * @param policy the policy in force: name and version
   * @param openViolations the violations open after the last sweep
   * @param approved orders approved since start
   * @param rejected orders rejected since start
   * @param rejectionsByReason rejections per reason code
   */
  public record ComplianceStatus(boolean killSwitchEngaged, Instant killSwitchSince, String killSwitchReason,
      String policy, List<ViolationStatus> openViolations, long approved, long rejected,
      Map<String, Long> rejectionsByReason) {
  }

  /**
   * An open violation.
   *
   * @param account the account
   * @param rule the rule id
   * @param subject what breaches (instrument, sector, issuer, account)
   * @param message the rule's message
   * @param since when it opened
   */
  public record ViolationStatus(String account, String rule, String subject, String message, Instant since) {
  }

  /**
   * The execution state.
   *
   * @param working parent orders not yet terminal
   * @param recent the most recent terminal parent orders
   * @param completedToday parent orders terminal since the session began
   */
  public record ExecutionStatus(List<ParentStatus> working, List<ParentStatus> recent, long completedToday) {
  }

  /**
   * One parent order.
   *
   * @param clientOrderId the order
   * @param account the account
   * @param instrument the instrument id
   * @param side the side
   * @param quantity the parent quantity
   * @param filled the filled quantity
   * @param state the life-cycle state
   * @param algo the algorithm
   * @param arrivalPrice the arrival price
   * @param averagePrice the average fill price, null before the first fill
   * @param shortfallBps implementation shortfall so far against arrival, bps (positive is a cost), null before the first fill
   */
  public record ParentStatus(String clientOrderId, String account, String instrument, String side, long quantity,
      long filled, String state, String algo, double arrivalPrice, Double averagePrice, Double shortfallBps) {
  }

  /**
   * Alerts.
   *
   * @param firing alerts currently firing
   * @param bySeverity firing counts by severity
   * @param recent the most recent alerts received (firing or resolved), newest first
   */
  public record AlertsStatus(long firing, Map<String, Long> bySeverity, List<AlertView> recent) {
  }

  /**
   * An alert as shown on the dashboard.
   *
   * @param fingerprint the fingerprint, as hex
   * @param name the alert name
   * @param severity the severity
   * @param category the category
   * @param labels the labels
   * @param summary the summary annotation, empty when none
   * @param startsAt when it started
   * @param endsAt when it ended, null while firing
   * @param acknowledged whether someone acknowledged it
   */
  public record AlertView(String fingerprint, String name, String severity, String category,
      Map<String, String> labels, String summary, Instant startsAt, Instant endsAt, boolean acknowledged) {
  }

  /**
   * The last data-quality run.
   *
   * @param lastRun when it ran, null if never
   * @param issues issues found
   * @param byCheck issues by check
   * @param summary a one-line summary
   */
  public record DataQualityStatus(Instant lastRun, long issues, Map<String, Long> byCheck, String summary) {
  }

  /**
   * One task's health.
   *
   * @param name the task
   * @param group its group
   * @param schedule its schedule
   * @param running whether a run is in progress
   * @param lastStart when the last run started
   * @param lastOutcome SUCCEEDED, FAILED or TIMED_OUT
   * @param lastDurationMillis how long the last run took
   * @param lastError the last failure's message
   * @param runs runs in all
   * @param failures failures in all
   * @param nextRun the next due time
   */
  public record TaskStatus(String name, String group, String schedule, boolean running, Instant lastStart,
      String lastOutcome, Long lastDurationMillis, String lastError, long runs, long failures, Instant nextRun) {
  }
}
