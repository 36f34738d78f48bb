package dev.parapet.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.api.report.DayRecord;
import dev.parapet.reporting.internal.HtmlReportRenderer;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** The HTML page, parsed with jsoup: sections, charts, tables and self-containment, not string equality. */
class HtmlReportTest {

  static final List<String> SECTIONS = List.of("summary", "pm", "risk", "compliance", "alerts", "execution", "metrics");
  static final List<String> CHARTS = List.of("chart-equity", "chart-pnl-sector", "chart-drawdown", "chart-es");

  private static String html(DayRecord day) {
    return HtmlReportRenderer.html(Reports.compose(day, ReportOptions.defaults()).json());
  }

  private static Document parse(String html) {
    Parser parser = Parser.htmlParser().setTrackErrors(50);
    Document doc = Jsoup.parse(html, "", parser);
    List<ParseError> errors = parser.getErrors();
    assertThat(errors).as("HTML parse errors").isEmpty();
    return doc;
  }

  private static Document page(DayRecord day) {
    return parse(html(day));
  }

  @Test
  void golden_page_has_every_section_and_chart() {
    Document doc = page(GoldenDays.golden());
    assertThat(doc.title()).isEqualTo("Parapet end-of-day report \u2014 Parapet Demo Fund \u2014 2024-03-15");
    assertThat(doc.documentType()).isNotNull();
    assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("en");
    for (String id : SECTIONS) {
      Element s = doc.getElementById(id);
      assertThat(s).as("section #%s", id).isNotNull();
      assertThat(s.selectFirst("h1, h2")).as("heading of #%s", id).isNotNull();
      assertThat(s.select(".not-provided")).as("#%s provided", id).isEmpty();
    }
    for (String id : CHARTS) {
      Element svg = doc.getElementById(id);
      assertThat(svg).as("chart #%s", id).isNotNull();
      assertThat(svg.tagName()).isEqualTo("svg");
      assertThat(svg.attr("viewBox")).isNotBlank();
      assertThat(svg.select("path.series, rect.bar-pos, rect.bar-neg")).as("marks of #%s", id).isNotEmpty();
      assertThat(svg.select("text.nodata")).isEmpty();
    }
    // P&L by sector: four bars, IT and Communication Services positive, Energy and Financials negative
    assertThat(doc.select("#chart-pnl-sector rect.bar-pos")).hasSize(2);
    assertThat(doc.select("#chart-pnl-sector rect.bar-neg")).hasSize(2);
  }

  @Test
  void page_is_self_contained() {
    Document doc = page(GoldenDays.golden());
    assertThat(doc.select("script")).isEmpty();
    assertThat(doc.select("link, img, iframe, object, embed")).isEmpty();
    assertThat(doc.select("style")).hasSize(1);
    assertThat(doc.select("[src]")).isEmpty();
    assertThat(doc.select("[href]")).isEmpty();
    assertThat(doc.select("style").first().data()).doesNotContain("url(").doesNotContain("@import")
        .contains("@media print").contains("size:A4");
  }

  @Test
  void golden_page_shows_the_figures_a_reader_needs() {
    Document doc = page(GoldenDays.golden());
    assertThat(doc.select(".kpi")).hasSize(8);
    assertThat(doc.select("#attention li")).extracting(Element::text).contains("ES@97.5% at 82% of its limit");
    assertThat(doc.select("#table-winners tbody tr")).hasSize(3);
    assertThat(doc.select("#table-winners tbody tr").first().child(0).text()).isEqualTo("AAPL");
    assertThat(doc.select("#table-losers tbody tr").first().child(0).text()).isEqualTo("JPM");
    assertThat(doc.select("#table-pnl-instrument tbody tr")).hasSize(5);
    assertThat(doc.select("#table-pnl-summary td").get(3).text()).isEqualTo("9,250"); // total P&L
    assertThat(doc.select("#table-tail-risk td").first().text()).isEqualTo("246,000 (2.40% of NAV)");
    assertThat(doc.select("#table-component-es tbody tr")).hasSize(5);
    assertThat(doc.select("#table-exposure-sector tbody tr")).hasSize(4);
    assertThat(doc.select("#table-crowding")).hasSize(1);
    assertThat(doc.select("#table-backtest td").first().text()).isEqualTo("YELLOW");
    assertThat(doc.select("#table-tail-dependence tbody tr")).hasSize(2);
    assertThat(doc.select("#table-rules tbody tr")).hasSize(3);
    assertThat(doc.select("#table-violations tbody tr")).hasSize(4);
    assertThat(doc.select("#table-policy tbody tr")).hasSize(1);
    assertThat(doc.select("#table-open-critical tbody tr")).hasSize(1);
    assertThat(doc.select("#table-dq-issues tbody tr")).hasSize(2);
    assertThat(doc.select("#table-orders tbody tr")).hasSize(3);
    assertThat(doc.select("#table-algorithms tbody tr")).hasSize(3);
    assertThat(doc.select("#metrics-grid .metric")).hasSize(18); // 17 standard + turnover
    assertThat(doc.select("#metrics-grid .metric.absent")).hasSize(2); // beta, alpha
    assertThat(doc.select("#gauge-drawdown .gauge-fill").attr("style")).isEqualTo("width:50.9%");
  }

  @Test
  void text_from_the_record_is_escaped() {
    DayRecord day = GoldenDays.builder().pnl(GoldenDays.goldenPnl(List.of(GoldenDays.line("<b>X</b>", "A & B \"sector\"",
        "Issuer <i>", "s'1", 10, 1, 0, 5)))).build();
    Document doc = page(day);
    assertThat(doc.select("#table-pnl-instrument b, #table-pnl-instrument i")).isEmpty();
    assertThat(doc.select("#table-pnl-instrument tbody td").first().text()).isEqualTo("<b>X</b>");
    assertThat(doc.select("#chart-pnl-sector text.label").first().text()).isEqualTo("A & B \"sector\"");
  }

  @Test
  void no_trades_day_renders_every_section_with_a_no_trades_note() {
    Document doc = page(GoldenDays.noTrades());
    for (String id : SECTIONS) {
      assertThat(doc.getElementById(id)).as("section #%s", id).isNotNull();
    }
    for (String id : CHARTS) {
      assertThat(doc.getElementById(id)).as("chart #%s", id).isNotNull();
    }
    assertThat(doc.select("#execution #no-trades").text()).isEqualTo("No parent orders were worked today.");
    assertThat(doc.select("#table-orders")).isEmpty();
    assertThat(doc.select("#table-rules").text()).isEqualTo("No rule rejected or warned today.");
    assertThat(doc.select("#table-losers").text()).isEqualTo("no losers today");
  }

  @Test
  void kill_switch_day_shows_the_event_in_summary_and_compliance() {
    Document doc = page(GoldenDays.killSwitch());
    assertThat(doc.select("#attention li").first().text()).isEqualTo("Kill switch engaged at 13:42 (DAILY_LOSS_LIMIT, system)");
    Element kpi = doc.select(".kpi").stream().filter(k -> k.selectFirst(".kpi-label").text().equals("Kill switch"))
        .findFirst().orElseThrow();
    assertThat(kpi.hasClass("bad")).isTrue();
    assertThat(kpi.selectFirst(".kpi-value").text()).isEqualTo("ENGAGED");
    assertThat(doc.select("#kill-switch-state").text()).startsWith("ENGAGED at the close");
    Element row = doc.select("#table-kill-switch tbody tr").first();
    assertThat(row.child(0).text()).isEqualTo("13:42:00");
    assertThat(row.child(1).text()).isEqualTo("ENGAGED");
    assertThat(row.child(2).text()).isEqualTo("DAILY_LOSS_LIMIT");
    for (String id : SECTIONS) {
      assertThat(doc.getElementById(id)).as("section #%s", id).isNotNull();
    }
  }

  @Test
  void missing_market_data_day_says_what_is_missing() {
    Document doc = page(GoldenDays.missingMarketData());
    for (String id : SECTIONS) {
      assertThat(doc.getElementById(id)).as("section #%s", id).isNotNull();
    }
    for (String id : CHARTS) {
      assertThat(doc.getElementById(id)).as("chart #%s", id).isNotNull();
    }
    assertThat(doc.select("#table-data-gaps tbody tr")).hasSize(4);
    assertThat(doc.select("#tail-risk-missing").text()).contains("ES and VaR not available today")
        .contains("ES and VaR not computed: no history for GOOGL");
    assertThat(doc.select("#chart-es text.nodata").text()).isEqualTo("No data: no ES history recorded");
    assertThat(doc.select("#metrics .not-provided").text()).contains("metrics not computed: NAV series interrupted");
    assertThat(doc.select("#table-pnl-instrument .tag")).extracting(Element::text).containsExactly("STALE", "MISSING");
    assertThat(doc.select("#table-pnl-instrument tbody tr").get(4).child(4).text()).isEqualTo("n/a MISSING");
  }

  @Test
  void minimal_day_marks_absent_sections_not_provided() {
    Document doc = page(GoldenDays.minimal());
    for (String id : SECTIONS) {
      assertThat(doc.getElementById(id)).as("section #%s", id).isNotNull();
    }
    for (String id : List.of("compliance", "alerts", "execution", "metrics", "risk")) {
      assertThat(doc.select("#" + id + " .not-provided")).as(id).hasSize(1);
    }
    for (String id : CHARTS) {
      assertThat(doc.select("#" + id + " text.nodata")).as(id).hasSize(1);
    }
    assertThat(doc.select("#attention .ok").text()).isEqualTo("Nothing needs attention.");
  }
}
