package dev.parapet.api.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.api.InvalidValueException;
import dev.parapet.api.model.Side;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Validation of the plain-data day record at its boundary. */
class DayRecordTest {

  private static final Instant T = Instant.parse("2024-03-15T20:15:00Z");

  private static PnlSection.Line line(String id, String strategy) {
    return new PnlSection.Line(id, id, "Energy", "Issuer", strategy, 10, OptionalDouble.of(100), PnlSection.MarkStatus.OBSERVED,
        1000, 5, -2);
  }

  private static PnlSection pnl(List<PnlSection.Line> lines) {
    return new PnlSection(1_000_000, OptionalDouble.of(990_000), OptionalDouble.empty(), OptionalDouble.empty(), lines);
  }

  @Test
  void builder_starts_with_every_optional_section_absent() {
    DayRecord d = DayRecord.builder(LocalDate.of(2024, 3, 15), "Fund", Currency.getInstance("USD"), ZoneId.of("UTC"))
        .asOf(T).pnl(pnl(List.of(line("XOM", "s1")))).dataGap("risk", "portfolio", "too little history").build();
    assertThat(d.risk()).isEmpty();
    assertThat(d.execution()).isEmpty();
    assertThat(d.compliance()).isEmpty();
    assertThat(d.alerts()).isEmpty();
    assertThat(d.metrics()).isEmpty();
    assertThat(d.history().equityCurve()).isEmpty();
    assertThat(d.dataGaps()).containsExactly(new DataGap("risk", "portfolio", "too little history"));
    assertThat(d.pnl().lines().get(0).totalPnl()).isEqualTo(3);
  }

  @Test
  void requires_as_of_and_pnl() {
    DayRecord.Builder b = DayRecord.builder(LocalDate.of(2024, 3, 15), "Fund", Currency.getInstance("USD"), ZoneId.of("UTC"));
    assertThatThrownBy(b::build).isInstanceOf(InvalidValueException.class)
        .hasMessage("asOf must be non-null, was null (day record 2024-03-15)");
    assertThatThrownBy(() -> b.asOf(T).build()).hasMessage("pnl must be non-null, was null (day record 2024-03-15)");
  }

  @Test
  void lists_are_copied_and_unmodifiable() {
    List<PnlSection.Line> lines = new ArrayList<>(List.of(line("XOM", "s1")));
    PnlSection p = pnl(lines);
    lines.add(line("CVX", "s1"));
    assertThat(p.lines()).hasSize(1);
    assertThatThrownBy(() -> p.lines().add(line("BP", "s1"))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void refuses_duplicate_lines_and_null_elements() {
    assertThatThrownBy(() -> pnl(List.of(line("XOM", "s1"), line("XOM", "s1")))).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("unique (instrumentId, strategy) pairs");
    assertThat(pnl(List.of(line("XOM", "s1"), line("XOM", "s2"))).lines()).hasSize(2);
    List<PnlSection.Line> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> pnl(withNull)).hasMessage("lines[0] must be non-null, was null (pnl)");
  }

  @Test
  void a_missing_mark_has_no_price_and_no_valuation() {
    assertThatThrownBy(() -> new PnlSection.Line("XOM", "XOM", "Energy", "Exxon", "s", 10, OptionalDouble.of(100),
        PnlSection.MarkStatus.MISSING, 0, 0, 0)).isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("markPrice must be empty exactly when markStatus is MISSING");
    assertThatThrownBy(() -> new PnlSection.Line("XOM", "XOM", "Energy", "Exxon", "s", 10, OptionalDouble.empty(),
        PnlSection.MarkStatus.MISSING, 1000, 0, 0)).hasMessageStartingWith("marketValue/unrealizedPnl must be 0");
    assertThatThrownBy(() -> new PnlSection.Line("XOM", "XOM", "Energy", "Exxon", "s", 10, OptionalDouble.empty(),
        PnlSection.MarkStatus.STALE, 0, 0, 0)).hasMessageStartingWith("markPrice must be empty exactly when");
  }

  @Test
  void refuses_non_finite_and_non_positive_figures() {
    assertThatThrownBy(() -> new PnlSection(Double.NaN, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
        List.of())).hasMessage("nav must be a finite number, was NaN (pnl)");
    assertThatThrownBy(() -> new PnlSection(1, OptionalDouble.of(0), OptionalDouble.empty(), OptionalDouble.empty(),
        List.of())).hasMessage("navPreviousClose must be a finite number > 0, was 0.0 (pnl)");
    assertThatThrownBy(() -> new RiskSection.TailRisk(1.0, "historical", 500, 1, 2, OptionalDouble.empty()))
        .hasMessage("confidence must be in (0, 1), was 1.0");
    assertThatThrownBy(() -> new RiskSection.Crowding(RiskSection.CrowdingLevel.LOW, 0, 0.1, OptionalDouble.empty(), List.of()))
        .hasMessage("hhi must be in (0, 1], was 0.0 (crowding)");
    assertThatThrownBy(() -> new History.Point(T, Double.POSITIVE_INFINITY)).hasMessageStartingWith("value must be a finite");
  }

  @Test
  void parent_order_fill_figures_must_agree() {
    ExecutionSection.Shortfall s = new ExecutionSection.Shortfall(1, 2, 3, 4, 5);
    assertThat(s.total()).isEqualTo(15);
    assertThatThrownBy(() -> new ExecutionSection.ParentOrder("P-1", "XOM", "s", Side.BUY, "VWAP", "FILLED", 100, 101, 1,
        10, OptionalDouble.of(10), OptionalDouble.empty(), OptionalDouble.empty(), OptionalLong.empty(), s))
        .hasMessage("filledQuantity must be in [0, quantity=100], was 101 (parent order P-1)");
    assertThatThrownBy(() -> new ExecutionSection.ParentOrder("P-1", "XOM", "s", Side.BUY, "VWAP", "EXPIRED", 100, 0, 1,
        10, OptionalDouble.of(10), OptionalDouble.empty(), OptionalDouble.empty(), OptionalLong.empty(), s))
        .hasMessageStartingWith("averageFillPrice must be present exactly when filledQuantity > 0");
    ExecutionSection.ParentOrder p = new ExecutionSection.ParentOrder("P-1", "XOM", "s", Side.BUY, "VWAP", "FILLED", 100,
        100, 1, 10, OptionalDouble.of(10), OptionalDouble.empty(), OptionalDouble.empty(), OptionalLong.empty(), s);
    assertThatThrownBy(() -> new ExecutionSection(List.of(p, p))).hasMessageContaining("unique order ids");
    assertThat(ExecutionSection.noTrades().orders()).isEmpty();
  }

  @Test
  void compliance_and_alert_counts_are_consistent() {
    assertThatThrownBy(() -> new ComplianceSection(2, 0, 3, List.of(), List.of(), List.of(), List.of(), false))
        .hasMessage("warnings must be <= approvals=2, was 3 (compliance)");
    assertThatThrownBy(() -> new ComplianceSection.Violation("V", "R", "S", dev.parapet.api.alert.Severity.LOW, T,
        Optional.of(T.minusSeconds(1)), "")).hasMessageStartingWith("resolvedAt must be not before openedAt");
    AlertSection.Count c = new AlertSection.Count(dev.parapet.api.alert.Severity.HIGH, dev.parapet.api.alert.AlertCategory.RISK, 1);
    assertThatThrownBy(() -> new AlertSection(List.of(c, c), List.of(), Optional.empty()))
        .hasMessageContaining("unique (severity, category) pairs");
  }

  @Test
  void series_times_must_increase_and_metric_names_be_unique() {
    History.Point p = new History.Point(T, 1);
    assertThatThrownBy(() -> new History(List.of(p, p), List.of(), List.of()))
        .hasMessageStartingWith("equityCurve[1].time must be after the previous point's time");
    assertThatThrownBy(() -> new CloseMetrics(T, 10, List.of(CloseMetrics.Metric.of("beta", 1), CloseMetrics.Metric.of("beta", 2))))
        .hasMessageContaining("unique metric names");
    assertThat(CloseMetrics.STANDARD_NAMES).hasSize(17).doesNotHaveDuplicates();
    assertThatThrownBy(() -> CloseMetrics.Metric.absent("beta", " ")).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void stored_report_finds_files_by_name() {
    StoredReport r = new StoredReport(LocalDate.of(2024, 3, 15), java.nio.file.Path.of("reports", "2024-03-15"),
        List.of(new StoredReport.ReportFile("report.json", "application/json", 10)));
    assertThat(r.findFile("report.json")).isPresent();
    assertThat(r.findFile("report.html")).isEmpty();
    assertThat(r.htmlPath()).isEqualTo(java.nio.file.Path.of("reports", "2024-03-15", "report.html"));
  }
}
