package dev.parapet.api.report;

import dev.parapet.api.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Everything an end-of-day report shows about one trading day, as plain data: the orchestrator fills it
 * from the capabilities (P&amp;L and exposures from the position book, risk from the risk engine, costs
 * from execution, decisions and violations from compliance, alerts and data quality from monitoring and
 * data), and a host can fill it from its own records.
 * <p>
 * Missing pieces are explicit: a section a host does not have is {@link Optional#empty()}, a day without
 * trades has an {@link ExecutionSection} with no orders, a figure that could not be computed is an empty
 * optional, and each {@link DataGap} says what is missing and why. The report derives totals, returns,
 * aggregates and shares from these figures; it never invents a missing one.
 * <p>
 * Amounts are in {@link #baseCurrency()}; losses in risk figures are positive. This class is immutable
 * and thread-safe.
 *
 * @param date the trading day
 * @param portfolio the portfolio's (or firm's) name shown on the report
 * @param baseCurrency the currency of every amount
 * @param zone the exchange's time zone, in which times are shown and days are counted
 * @param asOf when the figures were gathered
 * @param pnl P&amp;L and NAV
 * @param risk risk figures, absent if the host has no risk engine
 * @param execution parent orders and their costs, absent if the host has no execution engine
 * @param compliance the compliance record, absent if the host has no compliance engine
 * @param alerts alerts and data quality, absent if the host has no alert system
 * @param metrics the real-time metrics at the close, absent if not computed
 * @param history the series for the charts
 * @param dataGaps what is missing or degraded and why
 */
public record DayRecord(
    LocalDate date,
    String portfolio,
    Currency baseCurrency,
    ZoneId zone,
    Instant asOf,
    PnlSection pnl,
    Optional<RiskSection> risk,
    Optional<ExecutionSection> execution,
    Optional<ComplianceSection> compliance,
    Optional<AlertSection> alerts,
    Optional<CloseMetrics> metrics,
    History history,
    List<DataGap> dataGaps) {

  /** Validates and copies the fields. */
  public DayRecord {
    Checks.notNull(date, "date", "day record");
    String ctx = "day record " + date;
    Checks.notBlank(portfolio, "portfolio", ctx);
    Checks.notNull(baseCurrency, "baseCurrency", ctx);
    Checks.notNull(zone, "zone", ctx);
    Checks.notNull(asOf, "asOf", ctx);
    Checks.notNull(pnl, "pnl", ctx);
    Values.optional(risk, "risk", ctx);
    Values.optional(execution, "execution", ctx);
    Values.optional(compliance, "compliance", ctx);
    Values.optional(alerts, "alerts", ctx);
    Values.optional(metrics, "metrics", ctx);
    Checks.notNull(history, "history", ctx);
    dataGaps = Values.list(dataGaps, "dataGaps", ctx);
  }

  /**
   * Returns a builder for a day: every optional section starts absent, the history empty and there are
   * no data gaps; the P&amp;L section is required.
   *
   * @param date the trading day
   * @param portfolio the portfolio's name
   * @param baseCurrency the base currency
   * @param zone the exchange's time zone
   */
  public static Builder builder(LocalDate date, String portfolio, Currency baseCurrency, ZoneId zone) {
    return new Builder(date, portfolio, baseCurrency, zone);
  }

  /** A mutable builder of {@link DayRecord}; not thread-safe. */
  public static final class Builder {
    private final LocalDate date;
    private final String portfolio;
    private final Currency baseCurrency;
    private final ZoneId zone;
    private Instant asOf;
    private PnlSection pnl;
    private Optional<RiskSection> risk = Optional.empty();
    private Optional<ExecutionSection> execution = Optional.empty();
    private Optional<ComplianceSection> compliance = Optional.empty();
    private Optional<AlertSection> alerts = Optional.empty();
    private Optional<CloseMetrics> metrics = Optional.empty();
    private History history = History.empty();
    private final List<DataGap> dataGaps = new ArrayList<>();

    private Builder(LocalDate date, String portfolio, Currency baseCurrency, ZoneId zone) {
      this.date = date;
      this.portfolio = portfolio;
      this.baseCurrency = baseCurrency;
      this.zone = zone;
    }

    /** Sets when the figures were gathered (required). */
    public Builder asOf(Instant asOf) {
      this.asOf = asOf;
      return this;
    }

    /** Sets the P&amp;L section (required). */
    public Builder pnl(PnlSection pnl) {
      this.pnl = pnl;
      return this;
    }

    /** Sets the risk section. */
    public Builder risk(RiskSection risk) {
      this.risk = Optional.of(Checks.notNull(risk, "risk"));
      return this;
    }

    /** Sets the execution section. */
    public Builder execution(ExecutionSection execution) {
      this.execution = Optional.of(Checks.notNull(execution, "execution"));
      return this;
    }

    /** Sets the compliance section. */
    public Builder compliance(ComplianceSection compliance) {
      this.compliance = Optional.of(Checks.notNull(compliance, "compliance"));
      return this;
    }

    /** Sets the alerts section. */
    public Builder alerts(AlertSection alerts) {
      this.alerts = Optional.of(Checks.notNull(alerts, "alerts"));
      return this;
    }

    /** Sets the metrics at the close. */
    public Builder metrics(CloseMetrics metrics) {
      this.metrics = Optional.of(Checks.notNull(metrics, "metrics"));
      return this;
    }

    /** Sets the chart series. */
    public Builder history(History history) {
      this.history = Checks.notNull(history, "history");
      return this;
    }

    /** Adds a data gap. */
    public Builder dataGap(String area, String subject, String detail) {
      this.dataGaps.add(new DataGap(area, subject, detail));
      return this;
    }

    /** Builds and validates the record. */
    public DayRecord build() {
      return new DayRecord(date, portfolio, baseCurrency, zone, asOf, pnl, risk, execution, compliance, alerts,
          metrics, history, dataGaps);
    }
  }
}
