package dev.parapet.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The golden day's report JSON, figure by figure, against values worked out by hand from the figures in
 * {@link GoldenDays} (the arithmetic is written next to each expectation).
 */
class ReportJsonTest {

  private static final Offset<Double> EPS = within(1e-9);

  private static JsonNode report(dev.parapet.api.report.DayRecord day, ReportOptions options) throws Exception {
    ReportDocument doc = Reports.compose(day, options);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // go through the written bytes, as a consumer of report.json would
    new dev.parapet.reporting.internal.JsonReportRenderer().render(doc, (name, type) -> bytes);
    return new ObjectMapper().readTree(bytes.toByteArray());
  }

  private static JsonNode golden() throws Exception {
    return report(GoldenDays.golden(), new ReportOptions(3, 5));
  }

  @Test
  void carries_the_schema_name_and_version_and_the_record() throws Exception {
    JsonNode r = golden();
    assertThat(r.path("schema").asText()).isEqualTo("parapet.eod-report");
    assertThat(r.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(r.path("date").asText()).isEqualTo("2024-03-15");
    assertThat(r.path("baseCurrency").asText()).isEqualTo("USD");
    assertThat(r.path("record").path("schema").asText()).isEqualTo("parapet.day-record");
    assertThat(r.path("record").path("pnl").path("lines")).hasSize(5);
  }

  @Test
  void pnl_totals_and_returns_match_hand_calculation() throws Exception {
    JsonNode p = golden().path("derived").path("pnl");
    // realized 5000 - 2000 + 0 + 1500 + 0; unrealized 12000 + 3000 - 6000 - 4500 + 250
    assertThat(p.path("realized").asDouble()).isCloseTo(4_500, EPS);
    assertThat(p.path("unrealized").asDouble()).isCloseTo(4_750, EPS);
    assertThat(p.path("total").asDouble()).isCloseTo(9_250, EPS);
    // day 10.25M / 10.0M - 1; MTD 10.25M / 9.8M - 1 = 450k / 9.8M; YTD 750k / 9.5M
    assertThat(p.path("returns").path("day").asDouble()).isCloseTo(0.025, EPS);
    assertThat(p.path("returns").path("mtd").asDouble()).isCloseTo(0.04591836734693878, EPS);
    assertThat(p.path("returns").path("ytd").asDouble()).isCloseTo(0.07894736842105263, EPS);
    assertThat(p.path("linesWithoutObservedMark").asInt()).isZero();
  }

  @Test
  void pnl_by_sector_and_strategy_match_hand_calculation() throws Exception {
    JsonNode p = golden().path("derived").path("pnl");
    // sectors sorted by name
    JsonNode s = p.path("bySector");
    assertThat(names(s, "name")).containsExactly("Communication Services", "Energy", "Financials", "Information Technology");
    assertThat(s.get(0).path("total").asDouble()).isCloseTo(250, EPS);
    assertThat(s.get(1).path("realized").asDouble()).isCloseTo(1_500, EPS);
    assertThat(s.get(1).path("unrealized").asDouble()).isCloseTo(-4_500, EPS);
    assertThat(s.get(1).path("total").asDouble()).isCloseTo(-3_000, EPS);
    assertThat(s.get(2).path("total").asDouble()).isCloseTo(-6_000, EPS);
    assertThat(s.get(2).path("marketValue").asDouble()).isCloseTo(-152_000, EPS); // -800 * 190
    // IT: AAPL 5000 + 12000, MSFT -2000 + 3000; market value 180000 + 200000
    assertThat(s.get(3).path("realized").asDouble()).isCloseTo(3_000, EPS);
    assertThat(s.get(3).path("unrealized").asDouble()).isCloseTo(15_000, EPS);
    assertThat(s.get(3).path("total").asDouble()).isCloseTo(18_000, EPS);
    assertThat(s.get(3).path("marketValue").asDouble()).isCloseTo(380_000, EPS);
    JsonNode st = p.path("byStrategy");
    assertThat(names(st, "name")).containsExactly("meanrev", "momentum");
    // meanrev: JPM -6000, XOM -3000; momentum: AAPL 17000, MSFT 1000, GOOGL 250
    assertThat(st.get(0).path("total").asDouble()).isCloseTo(-9_000, EPS);
    assertThat(st.get(1).path("realized").asDouble()).isCloseTo(3_000, EPS);
    assertThat(st.get(1).path("unrealized").asDouble()).isCloseTo(15_250, EPS);
    assertThat(st.get(1).path("total").asDouble()).isCloseTo(18_250, EPS);
  }

  @Test
  void winners_and_losers_are_ranked_by_total_pnl() throws Exception {
    JsonNode p = golden().path("derived").path("pnl");
    // totals: AAPL 17000, MSFT 1000, GOOGL 250, XOM -3000, JPM -6000
    assertThat(names(p.path("winners"), "instrumentId")).containsExactly("AAPL", "MSFT", "GOOGL");
    assertThat(names(p.path("losers"), "instrumentId")).containsExactly("JPM", "XOM");
    JsonNode limited = report(GoldenDays.golden(), new ReportOptions(3, 2)).path("derived").path("pnl");
    assertThat(names(limited.path("winners"), "instrumentId")).containsExactly("AAPL", "MSFT");
  }

  @Test
  void risk_figures_match_hand_calculation() throws Exception {
    JsonNode r = golden().path("derived").path("risk");
    JsonNode t = r.path("tailRisk");
    assertThat(t.path("esPctNav").asDouble()).isCloseTo(0.024, EPS); // 246000 / 10250000
    assertThat(t.path("varPctNav").asDouble()).isCloseTo(180_000.0 / 10_250_000.0, EPS);
    assertThat(t.path("esLimitUsed").asDouble()).isCloseTo(0.82, EPS); // 246000 / 300000
    assertThat(t.path("method").asText()).isEqualTo("historical");
    JsonNode c = r.path("componentEs");
    // 90000 + 70000 - 10000 + 60000 + 36000 = 246000 = ES (Euler allocation is complete)
    assertThat(c.path("sumOfComponents").asDouble()).isCloseTo(246_000, EPS);
    // top 3 by |component|: AAPL 90000, MSFT 70000, XOM 60000
    assertThat(names(c.path("top"), "instrumentId")).containsExactly("AAPL", "MSFT", "XOM");
    assertThat(c.path("top").get(0).path("share").asDouble()).isCloseTo(90_000.0 / 246_000.0, EPS);
    assertThat(c.path("top").get(2).path("share").asDouble()).isCloseTo(60_000.0 / 246_000.0, EPS);
    JsonNode it = c.path("bySector").get(3);
    assertThat(it.path("name").asText()).isEqualTo("Information Technology");
    assertThat(it.path("componentEs").asDouble()).isCloseTo(160_000, EPS);
    assertThat(it.path("share").asDouble()).isCloseTo(160_000.0 / 246_000.0, EPS);
    JsonNode d = r.path("drawdown");
    // 1 - 10.25M / 10.8M = 550000 / 10800000; budget 10%
    assertThat(d.path("drawdown").asDouble()).isCloseTo(550_000.0 / 10_800_000.0, EPS);
    assertThat(d.path("budgetUsed").asDouble()).isCloseTo(5_500_000.0 / 10_800_000.0, EPS);
    assertThat(d.path("tier").asText()).isEqualTo("TIER_1");
    assertThat(r.path("tailDependence").path("flags").asInt()).isEqualTo(2);
    assertThat(r.path("tailDependence").path("lower").asInt()).isEqualTo(1);
    JsonNode k = r.path("crowding");
    assertThat(k.path("effectiveN").asDouble()).isCloseTo(4.0, EPS); // 1 / 0.25
    assertThat(k.path("clusters").asInt()).isEqualTo(2);
    assertThat(k.path("largestCluster").path("name").asText()).isEqualTo("tech");
    JsonNode e = r.path("exposures");
    assertThat(e.path("gross").asDouble()).isCloseTo(709_000, EPS); // 557000 + 152000
    assertThat(e.path("net").asDouble()).isCloseTo(405_000, EPS); // 557000 - 152000
    assertThat(e.path("leverage").asDouble()).isCloseTo(709_000.0 / 10_250_000.0, EPS);
    assertThat(e.path("netPctNav").asDouble()).isCloseTo(405_000.0 / 10_250_000.0, EPS);
    // sectors by gross, largest first
    assertThat(names(e.path("bySector"), "name"))
        .containsExactly("Information Technology", "Financials", "Energy", "Communication Services");
    assertThat(e.path("bySector").get(1).path("net").asDouble()).isCloseTo(-152_000, EPS);
    assertThat(e.path("bySector").get(1).path("grossPctNav").asDouble()).isCloseTo(152_000.0 / 10_250_000.0, EPS);
    assertThat(e.path("byIssuer").get(0).path("name").asText()).isEqualTo("Microsoft Corp.");
    JsonNode b = r.path("esBacktest");
    assertThat(b.path("light").asText()).isEqualTo("YELLOW");
    assertThat(b.path("exceptionRate").asDouble()).isCloseTo(0.024, EPS); // 6 / 250
    assertThat(b.path("expectedExceptions").asDouble()).isCloseTo(2.5, within(1e-9)); // 250 * 0.01
  }

  @Test
  void execution_figures_match_hand_calculation() throws Exception {
    JsonNode x = golden().path("derived").path("execution");
    JsonNode p1 = x.path("orders").get(0);
    // P-1 buys 1000 at 178.50 against arrival 178.00: arrival notional 178000; IS 100+300+100+0+10 = 510
    assertThat(p1.path("arrivalNotional").asDouble()).isCloseTo(178_000, EPS);
    assertThat(p1.path("filledNotional").asDouble()).isCloseTo(178_500, EPS);
    assertThat(p1.path("shortfall").path("total").asDouble()).isCloseTo(510, EPS);
    assertThat(p1.path("shortfallBps").asDouble()).isCloseTo(510.0 / 178_000 * 1e4, EPS); // 28.65 bps
    // paid 0.10 above VWAP 178.40 and 0.20 above TWAP 178.30 on a buy: costs
    assertThat(p1.path("slippageVsVwapBps").asDouble()).isCloseTo(0.10 / 178.40 * 1e4, within(1e-6));
    assertThat(p1.path("slippageVsTwapBps").asDouble()).isCloseTo(0.20 / 178.30 * 1e4, within(1e-6));
    assertThat(p1.path("participation").asDouble()).isCloseTo(0.025, EPS); // 1000 / 40000
    JsonNode p2 = x.path("orders").get(1);
    // P-2 sells short 800 at 190.50, 0.10 above VWAP 190.40: a gain, so negative slippage
    assertThat(p2.path("slippageVsVwapBps").asDouble()).isCloseTo(-0.10 / 190.40 * 1e4, within(1e-6));
    assertThat(p2.path("slippageVsTwapBps").isNull()).isTrue(); // no TWAP: market data missing
    assertThat(p2.path("fillRate").asDouble()).isCloseTo(0.8, EPS);
    assertThat(p2.path("shortfallBps").asDouble()).isCloseTo(448.0 / 191_000 * 1e4, EPS);
    JsonNode p3 = x.path("orders").get(2);
    // P-3 never filled: no slippage, no participation, only opportunity cost 75 on 55000
    assertThat(p3.path("slippageVsVwapBps").isNull()).isTrue();
    assertThat(p3.path("participation").isNull()).isTrue();
    assertThat(p3.path("shortfallBps").asDouble()).isCloseTo(75.0 / 55_000 * 1e4, EPS);

    JsonNode g = x.path("aggregates");
    assertThat(g.path("parentOrders").asInt()).isEqualTo(3);
    assertThat(g.path("filled").asInt()).isEqualTo(1);
    assertThat(g.path("partiallyFilled").asInt()).isEqualTo(1);
    assertThat(g.path("unfilled").asInt()).isEqualTo(1);
    assertThat(g.path("arrivalNotional").asDouble()).isCloseTo(424_000, EPS); // 178000 + 191000 + 55000
    assertThat(g.path("filledNotional").asDouble()).isCloseTo(330_900, EPS); // 178500 + 800 * 190.50
    // parts: delay 100+50, impact 300+200, timing 100+150, opportunity 40+75, fees 10+8
    assertThat(g.path("shortfall").path("delay").asDouble()).isCloseTo(150, EPS);
    assertThat(g.path("shortfall").path("impact").asDouble()).isCloseTo(500, EPS);
    assertThat(g.path("shortfall").path("timing").asDouble()).isCloseTo(250, EPS);
    assertThat(g.path("shortfall").path("opportunity").asDouble()).isCloseTo(115, EPS);
    assertThat(g.path("shortfall").path("fees").asDouble()).isCloseTo(18, EPS);
    assertThat(g.path("shortfall").path("total").asDouble()).isCloseTo(1_033, EPS);
    assertThat(g.path("shortfallBps").asDouble()).isCloseTo(1_033.0 / 424_000 * 1e4, EPS);
    // VWAP slippage weighted by traded notional over the two filled orders
    double vwap = (0.10 / 178.40 * 1e4 * 178_500 - 0.10 / 190.40 * 1e4 * 152_400) / 330_900;
    assertThat(g.path("slippageVsVwapBps").asDouble()).isCloseTo(vwap, within(1e-6));
    // only P-1 has a TWAP and fills
    assertThat(g.path("slippageVsTwapBps").asDouble()).isCloseTo(0.20 / 178.30 * 1e4, within(1e-6));
    assertThat(g.path("participation").asDouble()).isCloseTo(0.03, EPS); // (1000 + 800) / (40000 + 20000)
    JsonNode algos = g.path("byAlgorithm");
    assertThat(names(algos, "algorithm")).containsExactly("ADAPTIVE", "TWAP", "VWAP");
    assertThat(algos.get(0).path("shortfall").asDouble()).isCloseTo(448, EPS);
    assertThat(algos.get(1).path("filledNotional").asDouble()).isCloseTo(0, EPS);
    assertThat(algos.get(2).path("shortfallBps").asDouble()).isCloseTo(510.0 / 178_000 * 1e4, EPS);
  }

  @Test
  void compliance_counts_follow_the_exchange_day() throws Exception {
    JsonNode c = golden().path("derived").path("compliance");
    assertThat(c.path("decisions").asLong()).isEqualTo(45); // 40 approved + 5 rejected
    assertThat(c.path("approvalRate").asDouble()).isCloseTo(40.0 / 45.0, EPS);
    assertThat(names(c.path("byRule"), "ruleId")).containsExactly("ES_LIMIT", "MAX_ORDER_NOTIONAL", "WATCH_LIST");
    // opened on the 15th in New York: V-2, V-3 and V-4 (02:00Z on the 16th is 22:00 EDT on the 15th)
    assertThat(c.path("violationsOpened").asInt()).isEqualTo(3);
    // resolved on the 15th: V-1 and V-3; still open: V-2 and V-4
    assertThat(c.path("violationsResolved").asInt()).isEqualTo(2);
    assertThat(c.path("violationsOpenAtClose").asInt()).isEqualTo(2);
    assertThat(c.path("killSwitchEngagements").asInt()).isZero();
    assertThat(c.path("policyChanges").asInt()).isEqualTo(1);
  }

  @Test
  void alert_counts_by_severity_and_category_match_hand_calculation() throws Exception {
    JsonNode a = golden().path("derived").path("alerts");
    assertThat(a.path("total").asLong()).isEqualTo(21); // 1 + 2 + 4 + 3 + 10 + 1
    assertThat(a.path("bySeverity").path("CRITICAL").asLong()).isEqualTo(1);
    assertThat(a.path("bySeverity").path("HIGH").asLong()).isEqualTo(3); // COMPLIANCE 2 + RISK 1
    assertThat(a.path("bySeverity").path("INFO").asLong()).isEqualTo(10);
    assertThat(a.path("byCategory").path("RISK").asLong()).isEqualTo(2); // CRITICAL 1 + HIGH 1
    assertThat(a.path("byCategory").path("SYSTEM").asLong()).isEqualTo(10);
    assertThat(a.path("openAtClose").asInt()).isEqualTo(2);
    assertThat(names(a.path("openCritical"), "name")).containsExactly("EsLimitNear");
    JsonNode q = a.path("dataQuality");
    assertThat(q.path("issues").asLong()).isEqualTo(3); // 1 + 2 + 0
    assertThat(names(q.path("byCheck"), "check")).containsExactly("STALE_PRICE", "MISSING_SESSION", "OUTLIER_RETURN");
  }

  @Test
  void metrics_list_the_17_standard_ones_and_mark_the_absent() throws Exception {
    JsonNode m = golden().path("derived").path("metrics");
    assertThat(names(m.path("standard"), "name")).hasSize(17).containsExactly("totalReturn", "annualReturn",
        "annualVolatility", "sharpeRatio", "sortinoRatio", "calmarRatio", "omegaRatio", "maxDrawdown", "currentDrawdown",
        "valueAtRisk99", "expectedShortfall975", "beta", "alpha", "informationRatio", "trackingError", "tailRatio", "winRate");
    assertThat(m.path("reported").asInt()).isEqualTo(15); // beta absent, alpha not reported
    assertThat(m.path("standard").get(11).path("value").isNull()).isTrue();
    assertThat(m.path("standard").get(11).path("note").asText()).isEqualTo("no benchmark configured");
    assertThat(m.path("standard").get(12).path("note").asText()).isEqualTo("not reported");
    assertThat(m.path("standard").get(3).path("value").asDouble()).isEqualTo(0.8261);
    assertThat(names(m.path("other"), "name")).containsExactly("turnover");
  }

  @Test
  void drawdown_series_is_derived_from_the_equity_curve() throws Exception {
    JsonNode h = golden().path("derived").path("history");
    assertThat(h.path("drawdownSource").asText()).isEqualTo("derived");
    // NAV 10.0M, 10.8M, 10.5M, 10.0M, 10.25M: peak 10.0M then 10.8M
    double[] expected = {0, 0, 300_000.0 / 10_800_000, 800_000.0 / 10_800_000, 550_000.0 / 10_800_000};
    JsonNode dd = h.path("drawdown");
    assertThat(dd).hasSize(5);
    for (int i = 0; i < expected.length; i++) {
      assertThat(dd.get(i).path("value").asDouble()).as("point %d", i).isCloseTo(expected[i], EPS);
    }
  }

  @Test
  void headline_lists_what_needs_attention() throws Exception {
    JsonNode h = golden().path("derived").path("headline");
    assertThat(h.path("dayPnl").asDouble()).isCloseTo(9_250, EPS);
    assertThat(h.path("esPctNav").asDouble()).isCloseTo(0.024, EPS);
    assertThat(h.path("openCriticalAlerts").asInt()).isEqualTo(1);
    assertThat(h.path("killSwitchEngagedAtClose").asBoolean()).isFalse();
    assertThat(texts(h.path("attention"))).containsExactly(
        "1 CRITICAL alert open at the close",
        "ES@97.5% at 82% of its limit",
        "Drawdown budget 51% used (tier TIER_1)",
        "Risk-model backtest in the YELLOW zone",
        "2 compliance violations open at the close");
  }

  @Test
  void kill_switch_day_puts_the_event_first() throws Exception {
    JsonNode r = report(GoldenDays.killSwitch(), ReportOptions.defaults());
    JsonNode h = r.path("derived").path("headline");
    assertThat(h.path("killSwitchEngagedAtClose").asBoolean()).isTrue();
    // 17:42Z is 13:42 EDT
    assertThat(texts(h.path("attention")).subList(0, 2)).containsExactly(
        "Kill switch engaged at 13:42 (DAILY_LOSS_LIMIT, system)",
        "Kill switch still engaged at the close: no new orders until an explicit reset");
    assertThat(r.path("derived").path("compliance").path("killSwitchEngagements").asInt()).isEqualTo(1);
  }

  @Test
  void no_trades_day_has_zero_counts_and_absent_averages() throws Exception {
    JsonNode r = report(GoldenDays.noTrades(), ReportOptions.defaults());
    JsonNode g = r.path("derived").path("execution").path("aggregates");
    assertThat(g.path("parentOrders").asInt()).isZero();
    assertThat(g.path("filledNotional").asDouble()).isZero();
    assertThat(g.path("shortfallBps").isNull()).isTrue();
    assertThat(g.path("slippageVsVwapBps").isNull()).isTrue();
    assertThat(g.path("participation").isNull()).isTrue();
    assertThat(r.path("derived").path("compliance").path("decisions").asLong()).isZero();
    assertThat(r.path("derived").path("compliance").path("approvalRate").isNull()).isTrue();
    // 10001800 / 10000000 - 1
    assertThat(r.path("derived").path("pnl").path("returns").path("day").asDouble()).isCloseTo(0.00018, EPS);
    assertThat(r.path("derived").path("pnl").path("losers")).isEmpty();
  }

  @Test
  void missing_market_data_is_explicit_not_zero() throws Exception {
    JsonNode r = report(GoldenDays.missingMarketData(), ReportOptions.defaults());
    JsonNode d = r.path("derived");
    assertThat(d.path("pnl").path("linesWithoutObservedMark").asInt()).isEqualTo(2);
    // unrealized: 12000 + 3000 - 6000 + 0 (XOM stale, no move) + 0 (GOOGL missing)
    assertThat(d.path("pnl").path("unrealized").asDouble()).isCloseTo(9_000, EPS);
    assertThat(d.path("risk").path("tailRisk").isNull()).isTrue();
    assertThat(d.path("risk").path("esBacktest").isNull()).isTrue();
    assertThat(d.path("risk").path("componentEs").path("count").asInt()).isZero();
    assertThat(d.path("headline").path("expectedShortfall").isNull()).isTrue();
    assertThat(d.path("headline").path("esPctNav").isNull()).isTrue();
    assertThat(d.path("metrics").isNull()).isTrue();
    assertThat(d.path("headline").path("dataGaps").asInt()).isEqualTo(4);
    assertThat(d.path("execution").path("aggregates").path("slippageVsTwapBps").isNull()).isTrue();
    assertThat(r.path("record").path("dataGaps")).hasSize(4);
    assertThat(r.path("record").path("pnl").path("lines").get(4).path("markPrice").isNull()).isTrue();
  }

  @Test
  void minimal_day_has_every_optional_section_null() throws Exception {
    JsonNode d = report(GoldenDays.minimal(), ReportOptions.defaults()).path("derived");
    for (String s : List.of("risk", "execution", "compliance", "alerts", "metrics")) {
      assertThat(d.path(s).isNull()).as(s).isTrue();
    }
    assertThat(d.path("pnl").path("returns").path("day").isNull()).isTrue();
    assertThat(d.path("pnl").path("total").asDouble()).isZero();
    assertThat(d.path("history").path("drawdownSource").asText()).isEqualTo("none");
    assertThat(d.path("headline").path("attention")).isEmpty();
  }

  private static List<String> names(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
