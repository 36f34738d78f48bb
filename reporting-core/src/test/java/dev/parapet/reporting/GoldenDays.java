package dev.parapet.reporting;

import dev.parapet.api.alert.AlertCategory;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.model.Side;
import dev.parapet.api.report.AlertSection;
import dev.parapet.api.report.CloseMetrics;
import dev.parapet.api.report.ComplianceSection;
import dev.parapet.api.report.DayRecord;
import dev.parapet.api.report.ExecutionSection;
import dev.parapet.api.report.History;
import dev.parapet.api.report.PnlSection;
import dev.parapet.api.report.PnlSection.MarkStatus;
import dev.parapet.api.report.RiskSection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Hand-made day records for the tests. Every figure is chosen so that the derived figures can be worked
 * out by hand; the tests write those calculations out.
 */
final class GoldenDays {

  static final LocalDate DATE = LocalDate.of(2024, 3, 15);
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final Currency USD = Currency.getInstance("USD");

  private GoldenDays() {
  }

  static Instant t(String iso) {
    return Instant.parse(iso);
  }

  static PnlSection.Line line(String id, String sector, String issuer, String strategy, long qty, double mark,
      double realized, double unrealized) {
    return new PnlSection.Line(id, id, sector, issuer, strategy, qty, OptionalDouble.of(mark), MarkStatus.OBSERVED,
        qty * mark, realized, unrealized);
  }

  static List<PnlSection.Line> goldenLines() {
    return List.of(
        line("AAPL", "Information Technology", "Apple Inc.", "momentum", 1000, 180, 5000, 12000),
        line("MSFT", "Information Technology", "Microsoft Corp.", "momentum", 500, 400, -2000, 3000),
        line("JPM", "Financials", "JPMorgan Chase & Co.", "meanrev", -800, 190, 0, -6000),
        line("XOM", "Energy", "Exxon Mobil Corp.", "meanrev", 1200, 110, 1500, -4500),
        line("GOOGL", "Communication Services", "Alphabet, Inc.", "momentum", 300, 150, 0, 250));
  }

  static PnlSection goldenPnl(List<PnlSection.Line> lines) {
    return new PnlSection(10_250_000, OptionalDouble.of(10_000_000), OptionalDouble.of(9_800_000),
        OptionalDouble.of(9_500_000), lines);
  }

  static RiskSection goldenRisk(boolean withTailRisk) {
    RiskSection.Builder b = RiskSection.builder();
    if (withTailRisk) {
      b.tailRisk(new RiskSection.TailRisk(0.975, "historical", 500, 180_000, 246_000, OptionalDouble.of(300_000)))
          .componentEs("AAPL", "Information Technology", 90_000)
          .componentEs("MSFT", "Information Technology", 70_000)
          .componentEs("JPM", "Financials", -10_000)
          .componentEs("XOM", "Energy", 60_000)
          .componentEs("GOOGL", "Communication Services", 36_000)
          .esBacktest(new RiskSection.Backtest(RiskSection.TrafficLight.YELLOW, 250, 6, 0.99, OptionalDouble.of(-0.4)));
    }
    return b.drawdown(new RiskSection.Drawdown(10_800_000, 0.10, "TIER_1", 1.5, false))
        .tailFlag(new RiskSection.TailFlag("AAPL", "MSFT", RiskSection.Tail.LOWER, 0.42, 0.30))
        .tailFlag(new RiskSection.TailFlag("JPM", "portfolio", RiskSection.Tail.UPPER, 0.35, 0.30))
        .crowding(new RiskSection.Crowding(RiskSection.CrowdingLevel.MEDIUM, 0.25, 0.30, OptionalDouble.of(0.41), List.of(
            new RiskSection.Cluster("tech", List.of("AAPL", "MSFT", "GOOGL"), 425_000),
            new RiskSection.Cluster("value", List.of("JPM", "XOM"), 284_000))))
        .exposures(new RiskSection.Exposures(557_000, 152_000,
            List.of(new RiskSection.ExposureLine("Energy", 132_000, 0),
                new RiskSection.ExposureLine("Information Technology", 380_000, 0),
                new RiskSection.ExposureLine("Financials", 0, 152_000),
                new RiskSection.ExposureLine("Communication Services", 45_000, 0)),
            List.of(new RiskSection.ExposureLine("Apple Inc.", 180_000, 0),
                new RiskSection.ExposureLine("Microsoft Corp.", 200_000, 0),
                new RiskSection.ExposureLine("JPMorgan Chase & Co.", 0, 152_000),
                new RiskSection.ExposureLine("Exxon Mobil Corp.", 132_000, 0),
                new RiskSection.ExposureLine("Alphabet, Inc.", 45_000, 0))))
        .build();
  }

  static ExecutionSection goldenExecution(boolean withTwap) {
    return new ExecutionSection(List.of(
        new ExecutionSection.ParentOrder("P-1", "AAPL", "momentum", Side.BUY, "VWAP", "FILLED", 1000, 1000, 1, 178.00,
            OptionalDouble.of(178.50), OptionalDouble.of(178.40), withTwap ? OptionalDouble.of(178.30) : OptionalDouble.empty(),
            OptionalLong.of(40_000), new ExecutionSection.Shortfall(100, 300, 100, 0, 10)),
        new ExecutionSection.ParentOrder("P-2", "JPM", "meanrev", Side.SELL_SHORT, "ADAPTIVE", "CANCELLED", 1000, 800, 1,
            191.00, OptionalDouble.of(190.50), OptionalDouble.of(190.40), OptionalDouble.empty(), OptionalLong.of(20_000),
            new ExecutionSection.Shortfall(50, 200, 150, 40, 8)),
        new ExecutionSection.ParentOrder("P-3", "XOM", "meanrev", Side.BUY, "TWAP", "EXPIRED", 500, 0, 1, 110.00,
            OptionalDouble.empty(), OptionalDouble.of(110.20), OptionalDouble.of(110.10), OptionalLong.empty(),
            new ExecutionSection.Shortfall(0, 0, 0, 75, 0))));
  }

  static ComplianceSection goldenCompliance(List<ComplianceSection.KillSwitchEvent> kills, boolean engagedAtClose) {
    return new ComplianceSection(40, 5, 3,
        List.of(new ComplianceSection.RuleCount("MAX_ORDER_NOTIONAL", 2, 0),
            new ComplianceSection.RuleCount("WATCH_LIST", 0, 3),
            new ComplianceSection.RuleCount("ES_LIMIT", 3, 0)),
        List.of(
            // opened the day before, resolved today (15:30Z = 11:30 EDT)
            new ComplianceSection.Violation("V-1", "ISSUER_CONCENTRATION", "Apple Inc.", Severity.HIGH,
                t("2024-03-14T15:00:00Z"), Optional.of(t("2024-03-15T15:30:00Z")), "issuer 10.4% of NAV, limit 10%"),
            new ComplianceSection.Violation("V-2", "SECTOR_CONCENTRATION", "Information Technology", Severity.MEDIUM,
                t("2024-03-15T18:00:00Z"), Optional.empty(), "sector 41% of gross, limit 40%"),
            new ComplianceSection.Violation("V-3", "GROSS_EXPOSURE", "fund", Severity.HIGH,
                t("2024-03-15T14:00:00Z"), Optional.of(t("2024-03-15T16:00:00Z")), "gross 1.02x, limit 1.0x"),
            // 02:00Z on the 16th is 22:00 EDT on the 15th: opened on the 15th in the exchange's zone
            new ComplianceSection.Violation("V-4", "ISSUER_CONCENTRATION", "Microsoft Corp.", Severity.LOW,
                t("2024-03-16T02:00:00Z"), Optional.empty(), "issuer 5.1% of NAV, limit 5%")),
        kills,
        List.of(new ComplianceSection.PolicyChange(t("2024-03-15T13:00:00Z"), "v42", "risk-officer",
            "ES limit lowered to 300,000")),
        engagedAtClose);
  }

  static AlertSection goldenAlerts() {
    return new AlertSection(
        List.of(new AlertSection.Count(Severity.CRITICAL, AlertCategory.RISK, 1),
            new AlertSection.Count(Severity.HIGH, AlertCategory.COMPLIANCE, 2),
            new AlertSection.Count(Severity.MEDIUM, AlertCategory.EXECUTION, 4),
            new AlertSection.Count(Severity.LOW, AlertCategory.DATA, 3),
            new AlertSection.Count(Severity.INFO, AlertCategory.SYSTEM, 10),
            new AlertSection.Count(Severity.HIGH, AlertCategory.RISK, 1)),
        List.of(new AlertSection.OpenAlert("EsLimitNear", Severity.CRITICAL, AlertCategory.RISK, t("2024-03-15T19:05:00Z"),
                "ES at 82% of limit", false),
            new AlertSection.OpenAlert("StalePrice", Severity.MEDIUM, AlertCategory.DATA, t("2024-03-15T14:00:00Z"),
                "XOM price unchanged for 5 bars", true)),
        Optional.of(new AlertSection.DataQuality(t("2024-03-15T06:00:00Z"), 5, 1250,
            List.of(new AlertSection.CheckCount("MISSING_SESSION", 1), new AlertSection.CheckCount("STALE_PRICE", 2),
                new AlertSection.CheckCount("OUTLIER_RETURN", 0)),
            List.of(new AlertSection.Issue("XOM", LocalDate.of(2024, 3, 14), "STALE_PRICE", Severity.MEDIUM,
                    "5 identical closes"),
                new AlertSection.Issue("GOOGL", LocalDate.of(2024, 3, 13), "MISSING_SESSION", Severity.HIGH,
                    "no bar for a trading session")))));
  }

  static CloseMetrics goldenMetrics() {
    List<CloseMetrics.Metric> m = new ArrayList<>();
    double[] values = {0.0789, 0.1512, 0.1830, 0.8261, 1.2034, 1.4901, 1.1800, 0.1015, 0.0509, 0.0241, 0.0312};
    String[] names = {"totalReturn", "annualReturn", "annualVolatility", "sharpeRatio", "sortinoRatio", "calmarRatio",
        "omegaRatio", "maxDrawdown", "currentDrawdown", "valueAtRisk99", "expectedShortfall975"};
    for (int i = 0; i < names.length; i++) {
      m.add(CloseMetrics.Metric.of(names[i], values[i]));
    }
    m.add(CloseMetrics.Metric.absent("beta", "no benchmark configured"));
    // alpha is left out entirely: the report must say "not reported"
    m.add(CloseMetrics.Metric.of("informationRatio", 0.35));
    m.add(CloseMetrics.Metric.of("trackingError", 0.052));
    m.add(CloseMetrics.Metric.of("tailRatio", 1.07));
    m.add(CloseMetrics.Metric.of("winRate", 0.54));
    m.add(CloseMetrics.Metric.of("turnover", 0.12));
    return new CloseMetrics(t("2024-03-15T20:00:00Z"), 250, m);
  }

  static History goldenHistory() {
    return new History(
        List.of(new History.Point(t("2024-03-11T20:00:00Z"), 10_000_000), new History.Point(t("2024-03-12T20:00:00Z"), 10_800_000),
            new History.Point(t("2024-03-13T20:00:00Z"), 10_500_000), new History.Point(t("2024-03-14T20:00:00Z"), 10_000_000),
            new History.Point(t("2024-03-15T20:00:00Z"), 10_250_000)),
        List.of(),
        List.of(new History.Point(t("2024-03-13T20:00:00Z"), 231_000), new History.Point(t("2024-03-14T20:00:00Z"), 252_000),
            new History.Point(t("2024-03-15T20:00:00Z"), 246_000)));
  }

  /** The golden day: every section present, no data gaps. */
  static DayRecord golden() {
    return builder().pnl(goldenPnl(goldenLines())).risk(goldenRisk(true)).execution(goldenExecution(true))
        .compliance(goldenCompliance(List.of(), false)).alerts(goldenAlerts()).metrics(goldenMetrics())
        .history(goldenHistory()).build();
  }

  /** A day without trades: positions move with the market, no parent order, no decision. */
  static DayRecord noTrades() {
    List<PnlSection.Line> lines = List.of(
        line("AAPL", "Information Technology", "Apple Inc.", "momentum", 1000, 181, 0, 1000),
        line("JPM", "Financials", "JPMorgan Chase & Co.", "meanrev", -800, 189, 0, 800));
    return builder().pnl(new PnlSection(10_001_800, OptionalDouble.of(10_000_000), OptionalDouble.of(9_800_000),
            OptionalDouble.of(9_500_000), lines))
        .risk(goldenRisk(true)).execution(ExecutionSection.noTrades())
        .compliance(new ComplianceSection(0, 0, 0, List.of(), List.of(), List.of(), List.of(), false))
        .alerts(new AlertSection(List.of(), List.of(), Optional.empty())).metrics(goldenMetrics())
        .history(goldenHistory()).build();
  }

  /** The golden day on which the daily loss limit tripped the kill switch at 13:42 New York time. */
  static DayRecord killSwitch() {
    List<ComplianceSection.KillSwitchEvent> kills = List.of(new ComplianceSection.KillSwitchEvent(
        t("2024-03-15T17:42:00Z"), ComplianceSection.KillSwitchAction.ENGAGED, "DAILY_LOSS_LIMIT", "system",
        "daily loss 512,000 exceeded the limit 500,000"));
    return builder().pnl(goldenPnl(goldenLines())).risk(goldenRisk(true)).execution(goldenExecution(true))
        .compliance(goldenCompliance(kills, true)).alerts(goldenAlerts()).metrics(goldenMetrics())
        .history(goldenHistory()).build();
  }

  /**
   * A day with missing market data: XOM has no price today (stale mark carried), GOOGL none at all, so ES
   * and the metrics could not be computed and there is no ES history.
   */
  static DayRecord missingMarketData() {
    List<PnlSection.Line> lines = new ArrayList<>(goldenLines().subList(0, 3));
    lines.add(new PnlSection.Line("XOM", "XOM", "Energy", "Exxon Mobil Corp.", "meanrev", 1200, OptionalDouble.of(110),
        MarkStatus.STALE, 132_000, 1500, 0));
    lines.add(new PnlSection.Line("GOOGL", "GOOGL", "Communication Services", "Alphabet, Inc.", "momentum", 300,
        OptionalDouble.empty(), MarkStatus.MISSING, 0, 0, 0));
    History h = goldenHistory();
    return builder().pnl(goldenPnl(lines)).risk(goldenRisk(false)).execution(goldenExecution(false))
        .compliance(goldenCompliance(List.of(), false)).alerts(goldenAlerts())
        .history(new History(h.equityCurve(), List.of(), List.of()))
        .dataGap("marketData", "XOM", "no close price today; last mark of 2024-03-14 used")
        .dataGap("marketData", "GOOGL", "no price at all; position excluded from market value")
        .dataGap("risk", "portfolio", "ES and VaR not computed: no history for GOOGL")
        .dataGap("metrics", "portfolio", "metrics not computed: NAV series interrupted")
        .build();
  }

  /** A host with nothing but a position book: every optional section absent, no history. */
  static DayRecord minimal() {
    return builder().pnl(new PnlSection(1_000_000, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
        List.of())).build();
  }

  static DayRecord.Builder builder() {
    return DayRecord.builder(DATE, "Parapet Demo Fund", USD, NEW_YORK).asOf(t("2024-03-15T20:15:00Z"));
  }
}
