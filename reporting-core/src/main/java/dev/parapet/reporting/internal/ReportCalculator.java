package dev.parapet.reporting.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.api.alert.AlertCategory;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.report.AlertSection;
import dev.parapet.api.report.CloseMetrics;
import dev.parapet.api.report.ComplianceSection;
import dev.parapet.api.report.DayRecord;
import dev.parapet.api.report.ExecutionSection;
import dev.parapet.api.report.History;
import dev.parapet.api.report.PnlSection;
import dev.parapet.api.report.RiskSection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Derives a report's figures from a {@link DayRecord}: totals, returns, aggregates, shares and the
 * attention list. Absent inputs give JSON null (never NaN or a made-up zero). Stateless and thread-safe.
 */
public final class ReportCalculator {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private final int topContributors;
  private final int topMovers;

  /**
   * Creates a calculator.
   *
   * @param topContributors how many component-ES contributors to list
   * @param topMovers how many winners and losers to list
   */
  public ReportCalculator(int topContributors, int topMovers) {
    this.topContributors = topContributors;
    this.topMovers = topMovers;
  }

  /** Returns the derived figures of a day as a JSON object. */
  public ObjectNode derive(DayRecord d) {
    ObjectNode out = F.objectNode();
    ObjectNode pnl = pnl(d.pnl());
    out.set("pnl", pnl);
    out.set("risk", d.risk().isPresent() ? risk(d.risk().get(), d.pnl().nav()) : F.nullNode());
    out.set("execution", d.execution().isPresent() ? execution(d.execution().get()) : F.nullNode());
    out.set("compliance", d.compliance().isPresent() ? compliance(d.compliance().get(), d.date(), d.zone()) : F.nullNode());
    out.set("alerts", d.alerts().isPresent() ? alerts(d.alerts().get()) : F.nullNode());
    out.set("metrics", d.metrics().isPresent() ? metrics(d.metrics().get()) : F.nullNode());
    out.set("history", history(d.history()));
    out.set("headline", headline(d, out));
    return out;
  }

  // ---------------------------------------------------------------------------------------------------

  private ObjectNode pnl(PnlSection p) {
    ObjectNode o = F.objectNode();
    double realized = 0;
    double unrealized = 0;
    int degraded = 0;
    Map<String, double[]> bySector = new TreeMap<>();
    Map<String, double[]> byStrategy = new TreeMap<>();
    ArrayNode lines = F.arrayNode();
    for (PnlSection.Line l : p.lines()) {
      realized += l.realizedPnl();
      unrealized += l.unrealizedPnl();
      if (l.markStatus() != PnlSection.MarkStatus.OBSERVED) {
        degraded++;
      }
      add(bySector, l.sector(), l);
      add(byStrategy, l.strategy(), l);
      lines.add(line(l));
    }
    o.put("nav", p.nav());
    o.put("realized", realized);
    o.put("unrealized", unrealized);
    o.put("total", realized + unrealized);
    ObjectNode r = o.putObject("returns");
    putRatio(r, "day", p.nav(), p.navPreviousClose());
    putRatio(r, "mtd", p.nav(), p.navMonthStart());
    putRatio(r, "ytd", p.nav(), p.navYearStart());
    o.set("byInstrument", lines);
    o.set("bySector", groups(bySector));
    o.set("byStrategy", groups(byStrategy));
    List<PnlSection.Line> sorted = new ArrayList<>(p.lines());
    sorted.sort(Comparator.comparingDouble(PnlSection.Line::totalPnl).reversed().thenComparing(PnlSection.Line::instrumentId));
    ArrayNode winners = o.putArray("winners");
    for (int i = 0; i < sorted.size() && winners.size() < topMovers; i++) {
      if (sorted.get(i).totalPnl() > 0) {
        winners.add(line(sorted.get(i)));
      }
    }
    ArrayNode losers = o.putArray("losers");
    for (int i = sorted.size() - 1; i >= 0 && losers.size() < topMovers; i--) {
      if (sorted.get(i).totalPnl() < 0) {
        losers.add(line(sorted.get(i)));
      }
    }
    o.put("linesWithoutObservedMark", degraded);
    return o;
  }

  private static void add(Map<String, double[]> groups, String key, PnlSection.Line l) {
    double[] g = groups.computeIfAbsent(key, k -> new double[3]);
    g[0] += l.realizedPnl();
    g[1] += l.unrealizedPnl();
    g[2] += l.marketValue();
  }

  private static ArrayNode groups(Map<String, double[]> groups) {
    ArrayNode a = F.arrayNode();
    groups.forEach((name, g) -> a.addObject().put("name", name).put("realized", g[0]).put("unrealized", g[1])
        .put("total", g[0] + g[1]).put("marketValue", g[2]));
    return a;
  }

  private static ObjectNode line(PnlSection.Line l) {
    ObjectNode x = F.objectNode().put("instrumentId", l.instrumentId()).put("symbol", l.symbol())
        .put("sector", l.sector()).put("strategy", l.strategy()).put("quantity", l.quantity());
    putOpt(x, "markPrice", l.markPrice());
    return x.put("markStatus", l.markStatus().name()).put("marketValue", l.marketValue())
        .put("realized", l.realizedPnl()).put("unrealized", l.unrealizedPnl()).put("total", l.totalPnl());
  }

  // ---------------------------------------------------------------------------------------------------

  private ObjectNode risk(RiskSection r, double nav) {
    ObjectNode o = F.objectNode();
    OptionalDouble es = OptionalDouble.empty();
    if (r.tailRisk().isPresent()) {
      RiskSection.TailRisk t = r.tailRisk().get();
      es = OptionalDouble.of(t.expectedShortfall());
      ObjectNode x = o.putObject("tailRisk").put("confidence", t.confidence()).put("method", t.method())
          .put("scenarios", t.scenarios()).put("valueAtRisk", t.valueAtRisk()).put("expectedShortfall", t.expectedShortfall());
      putShare(x, "varPctNav", t.valueAtRisk(), nav);
      putShare(x, "esPctNav", t.expectedShortfall(), nav);
      putOpt(x, "esLimit", t.esLimit());
      if (t.esLimit().isPresent()) {
        x.put("esLimitUsed", t.expectedShortfall() / t.esLimit().getAsDouble());
      } else {
        x.putNull("esLimitUsed");
      }
    } else {
      o.putNull("tailRisk");
    }
    ObjectNode c = o.putObject("componentEs");
    double sum = 0;
    Map<String, Double> sectorSums = new TreeMap<>();
    for (RiskSection.Contribution k : r.componentEs()) {
      sum += k.componentEs();
      sectorSums.merge(k.sector(), k.componentEs(), Double::sum);
    }
    double base = es.isPresent() ? es.getAsDouble() : sum;
    c.put("count", r.componentEs().size());
    c.put("sumOfComponents", sum);
    c.put("shareBase", es.isPresent() ? "expectedShortfall" : "sumOfComponents");
    List<RiskSection.Contribution> top = new ArrayList<>(r.componentEs());
    top.sort(Comparator.comparingDouble((RiskSection.Contribution k) -> -Math.abs(k.componentEs()))
        .thenComparing(RiskSection.Contribution::instrumentId));
    ArrayNode topArr = c.putArray("top");
    for (int i = 0; i < top.size() && i < topContributors; i++) {
      RiskSection.Contribution k = top.get(i);
      ObjectNode x = topArr.addObject().put("instrumentId", k.instrumentId()).put("sector", k.sector())
          .put("componentEs", k.componentEs());
      putShare(x, "share", k.componentEs(), base);
    }
    ArrayNode secArr = c.putArray("bySector");
    for (Map.Entry<String, Double> e : sectorSums.entrySet()) {
      ObjectNode x = secArr.addObject().put("name", e.getKey()).put("componentEs", e.getValue());
      putShare(x, "share", e.getValue(), base);
    }
    if (r.drawdown().isPresent()) {
      RiskSection.Drawdown d = r.drawdown().get();
      double dd = Math.max(0, 1 - nav / d.highWaterMark());
      o.putObject("drawdown").put("highWaterMark", d.highWaterMark()).put("nav", nav).put("drawdown", dd)
          .put("budget", d.budget()).put("budgetUsed", dd / d.budget()).put("tier", d.tier())
          .put("maxGrossLeverage", d.maxGrossLeverage()).put("riskIncreasingBlocked", d.riskIncreasingBlocked());
    } else {
      o.putNull("drawdown");
    }
    int lower = 0;
    for (RiskSection.TailFlag f : r.tailDependence()) {
      if (f.tail() == RiskSection.Tail.LOWER) {
        lower++;
      }
    }
    o.putObject("tailDependence").put("flags", r.tailDependence().size()).put("lower", lower)
        .put("upper", r.tailDependence().size() - lower);
    if (r.crowding().isPresent()) {
      RiskSection.Crowding k = r.crowding().get();
      ObjectNode x = o.putObject("crowding").put("level", k.level().name()).put("hhi", k.hhi())
          .put("effectiveN", 1 / k.hhi()).put("gini", k.gini());
      putOpt(x, "averageCorrelation", k.averageCorrelation());
      x.put("clusters", k.clusters().size());
      RiskSection.Cluster largest = null;
      for (RiskSection.Cluster cl : k.clusters()) {
        if (largest == null || cl.grossExposure() > largest.grossExposure()) {
          largest = cl;
        }
      }
      if (largest == null) {
        x.putNull("largestCluster");
      } else {
        x.putObject("largestCluster").put("name", largest.name()).put("members", largest.members().size())
            .put("grossExposure", largest.grossExposure());
      }
    } else {
      o.putNull("crowding");
    }
    if (r.exposures().isPresent()) {
      RiskSection.Exposures e = r.exposures().get();
      double gross = e.longExposure() + e.shortExposure();
      double net = e.longExposure() - e.shortExposure();
      ObjectNode x = o.putObject("exposures").put("long", e.longExposure()).put("short", e.shortExposure())
          .put("gross", gross).put("net", net);
      putShare(x, "leverage", gross, nav);
      putShare(x, "netPctNav", net, nav);
      x.set("bySector", exposureLines(e.bySector(), nav));
      x.set("byIssuer", exposureLines(e.byIssuer(), nav));
    } else {
      o.putNull("exposures");
    }
    if (r.esBacktest().isPresent()) {
      RiskSection.Backtest b = r.esBacktest().get();
      ObjectNode x = o.putObject("esBacktest").put("light", b.light().name()).put("observations", b.observations())
          .put("exceptions", b.exceptions()).put("varConfidence", b.varConfidence())
          .put("exceptionRate", (double) b.exceptions() / b.observations())
          .put("expectedExceptions", b.observations() * (1 - b.varConfidence()));
      putOpt(x, "z2Statistic", b.z2Statistic());
    } else {
      o.putNull("esBacktest");
    }
    return o;
  }

  private static ArrayNode exposureLines(List<RiskSection.ExposureLine> lines, double nav) {
    List<RiskSection.ExposureLine> sorted = new ArrayList<>(lines);
    sorted.sort(Comparator.comparingDouble((RiskSection.ExposureLine l) -> -(l.longExposure() + l.shortExposure()))
        .thenComparing(RiskSection.ExposureLine::name));
    ArrayNode a = F.arrayNode();
    for (RiskSection.ExposureLine l : sorted) {
      double gross = l.longExposure() + l.shortExposure();
      ObjectNode x = a.addObject().put("name", l.name()).put("long", l.longExposure()).put("short", l.shortExposure())
          .put("gross", gross).put("net", l.longExposure() - l.shortExposure());
      putShare(x, "grossPctNav", gross, nav);
    }
    return a;
  }

  // ---------------------------------------------------------------------------------------------------

  private static ObjectNode execution(ExecutionSection e) {
    ObjectNode o = F.objectNode();
    ArrayNode orders = o.putArray("orders");
    int filled = 0;
    int partial = 0;
    int unfilled = 0;
    double arrivalNotional = 0;
    double filledNotional = 0;
    double[] parts = new double[5];
    double vwapWeighted = 0;
    double vwapWeight = 0;
    double twapWeighted = 0;
    double twapWeight = 0;
    long partFilled = 0;
    long partVolume = 0;
    Map<String, double[]> byAlgo = new TreeMap<>();
    for (ExecutionSection.ParentOrder p : e.orders()) {
      double arrival = p.quantity() * p.arrivalPrice() * p.multiplier();
      double fillNotional = p.averageFillPrice().isPresent()
          ? p.filledQuantity() * p.averageFillPrice().getAsDouble() * p.multiplier() : 0;
      ExecutionSection.Shortfall s = p.shortfall();
      double cost = s.total();
      ObjectNode x = orders.addObject().put("orderId", p.orderId()).put("instrumentId", p.instrumentId())
          .put("strategy", p.strategy()).put("side", p.side().name()).put("algorithm", p.algorithm())
          .put("status", p.status()).put("quantity", p.quantity()).put("filledQuantity", p.filledQuantity())
          .put("fillRate", (double) p.filledQuantity() / p.quantity()).put("arrivalNotional", arrival)
          .put("filledNotional", fillNotional);
      x.putObject("shortfall").put("delay", s.delayCost()).put("impact", s.impactCost()).put("timing", s.timingCost())
          .put("opportunity", s.opportunityCost()).put("fees", s.fees()).put("total", cost);
      x.put("shortfallBps", cost / arrival * 1e4);
      OptionalDouble vwapSlip = slippageBps(p, p.intervalVwap());
      OptionalDouble twapSlip = slippageBps(p, p.intervalTwap());
      putOpt(x, "slippageVsVwapBps", vwapSlip);
      putOpt(x, "slippageVsTwapBps", twapSlip);
      if (p.intervalVolume().isPresent() && p.intervalVolume().getAsLong() > 0) {
        x.put("participation", (double) p.filledQuantity() / p.intervalVolume().getAsLong());
        partFilled += p.filledQuantity();
        partVolume += p.intervalVolume().getAsLong();
      } else {
        x.putNull("participation");
      }
      if (p.filledQuantity() == p.quantity()) {
        filled++;
      } else if (p.filledQuantity() > 0) {
        partial++;
      } else {
        unfilled++;
      }
      arrivalNotional += arrival;
      filledNotional += fillNotional;
      parts[0] += s.delayCost();
      parts[1] += s.impactCost();
      parts[2] += s.timingCost();
      parts[3] += s.opportunityCost();
      parts[4] += s.fees();
      if (vwapSlip.isPresent()) {
        vwapWeighted += vwapSlip.getAsDouble() * fillNotional;
        vwapWeight += fillNotional;
      }
      if (twapSlip.isPresent()) {
        twapWeighted += twapSlip.getAsDouble() * fillNotional;
        twapWeight += fillNotional;
      }
      double[] a = byAlgo.computeIfAbsent(p.algorithm(), k -> new double[4]);
      a[0]++;
      a[1] += fillNotional;
      a[2] += cost;
      a[3] += arrival;
    }
    ObjectNode g = o.putObject("aggregates").put("parentOrders", e.orders().size()).put("filled", filled)
        .put("partiallyFilled", partial).put("unfilled", unfilled).put("arrivalNotional", arrivalNotional)
        .put("filledNotional", filledNotional);
    double total = parts[0] + parts[1] + parts[2] + parts[3] + parts[4];
    g.putObject("shortfall").put("delay", parts[0]).put("impact", parts[1]).put("timing", parts[2])
        .put("opportunity", parts[3]).put("fees", parts[4]).put("total", total);
    putShare(g, "shortfallBps", total * 1e4, arrivalNotional);
    putShare(g, "slippageVsVwapBps", vwapWeighted, vwapWeight);
    putShare(g, "slippageVsTwapBps", twapWeighted, twapWeight);
    putShare(g, "participation", partFilled, partVolume);
    ArrayNode algos = g.putArray("byAlgorithm");
    byAlgo.forEach((name, a) -> {
      ObjectNode x = algos.addObject().put("algorithm", name).put("orders", (long) a[0]).put("filledNotional", a[1])
          .put("shortfall", a[2]);
      putShare(x, "shortfallBps", a[2] * 1e4, a[3]);
    });
    return o;
  }

  /** {@code side * (avgFill - benchmark) / benchmark * 1e4}: positive is a cost. */
  private static OptionalDouble slippageBps(ExecutionSection.ParentOrder p, OptionalDouble benchmark) {
    if (benchmark.isEmpty() || p.averageFillPrice().isEmpty()) {
      return OptionalDouble.empty();
    }
    double b = benchmark.getAsDouble();
    return OptionalDouble.of(p.side().sign() * (p.averageFillPrice().getAsDouble() - b) / b * 1e4);
  }

  // ---------------------------------------------------------------------------------------------------

  private static ObjectNode compliance(ComplianceSection c, LocalDate date, ZoneId zone) {
    long decisions = c.approvals() + c.rejections();
    ObjectNode o = F.objectNode().put("decisions", decisions).put("approvals", c.approvals())
        .put("rejections", c.rejections()).put("warnings", c.warnings());
    putShare(o, "approvalRate", c.approvals(), decisions);
    List<ComplianceSection.RuleCount> rules = new ArrayList<>(c.byRule());
    rules.sort(Comparator.comparingLong((ComplianceSection.RuleCount r) -> -r.rejections())
        .thenComparingLong(r -> -r.warnings()).thenComparing(ComplianceSection.RuleCount::ruleId));
    ArrayNode byRule = o.putArray("byRule");
    for (ComplianceSection.RuleCount r : rules) {
      byRule.addObject().put("ruleId", r.ruleId()).put("rejections", r.rejections()).put("warnings", r.warnings());
    }
    int opened = 0;
    int resolved = 0;
    int open = 0;
    for (ComplianceSection.Violation v : c.violations()) {
      if (v.openedAt().atZone(zone).toLocalDate().equals(date)) {
        opened++;
      }
      if (v.resolvedAt().isPresent()) {
        if (v.resolvedAt().get().atZone(zone).toLocalDate().equals(date)) {
          resolved++;
        }
      } else {
        open++;
      }
    }
    o.put("violationsOpened", opened).put("violationsResolved", resolved).put("violationsOpenAtClose", open);
    int engaged = 0;
    for (ComplianceSection.KillSwitchEvent k : c.killSwitchEvents()) {
      if (k.action() == ComplianceSection.KillSwitchAction.ENGAGED) {
        engaged++;
      }
    }
    o.put("killSwitchEngagements", engaged).put("killSwitchResets", c.killSwitchEvents().size() - engaged)
        .put("killSwitchEngagedAtClose", c.killSwitchEngagedAtClose()).put("policyChanges", c.policyChanges().size());
    return o;
  }

  private static ObjectNode alerts(AlertSection a) {
    ObjectNode o = F.objectNode();
    Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
    Map<AlertCategory, Long> byCategory = new EnumMap<>(AlertCategory.class);
    for (Severity s : Severity.values()) {
      bySeverity.put(s, 0L);
    }
    for (AlertCategory c : AlertCategory.values()) {
      byCategory.put(c, 0L);
    }
    long total = 0;
    for (AlertSection.Count c : a.counts()) {
      bySeverity.merge(c.severity(), c.count(), Long::sum);
      byCategory.merge(c.category(), c.count(), Long::sum);
      total += c.count();
    }
    o.put("total", total);
    ObjectNode s = o.putObject("bySeverity");
    for (int i = Severity.values().length - 1; i >= 0; i--) {
      Severity sev = Severity.values()[i];
      s.put(sev.name(), bySeverity.get(sev));
    }
    ObjectNode c = o.putObject("byCategory");
    byCategory.forEach((k, v) -> c.put(k.name(), v));
    o.put("openAtClose", a.openAlerts().size());
    ArrayNode crit = o.putArray("openCritical");
    for (AlertSection.OpenAlert x : a.openAlerts()) {
      if (x.severity() == Severity.CRITICAL) {
        crit.addObject().put("name", x.name()).put("category", x.category().name())
            .put("startsAt", x.startsAt().toString()).put("summary", x.summary()).put("acknowledged", x.acknowledged());
      }
    }
    if (a.dataQuality().isPresent()) {
      AlertSection.DataQuality q = a.dataQuality().get();
      long issues = 0;
      for (AlertSection.CheckCount k : q.byCheck()) {
        issues += k.issues();
      }
      ObjectNode x = o.putObject("dataQuality").put("runAt", q.runAt().toString())
          .put("instrumentsChecked", q.instrumentsChecked()).put("barsChecked", q.barsChecked()).put("issues", issues);
      List<AlertSection.CheckCount> checks = new ArrayList<>(q.byCheck());
      checks.sort(Comparator.comparingLong((AlertSection.CheckCount k) -> -k.issues()).thenComparing(AlertSection.CheckCount::check));
      ArrayNode bc = x.putArray("byCheck");
      for (AlertSection.CheckCount k : checks) {
        bc.addObject().put("check", k.check()).put("issues", k.issues());
      }
    } else {
      o.putNull("dataQuality");
    }
    return o;
  }

  private static ObjectNode metrics(CloseMetrics m) {
    ObjectNode o = F.objectNode().put("asOf", m.asOf().toString()).put("observations", m.observations());
    ArrayNode std = o.putArray("standard");
    int reported = 0;
    for (String name : CloseMetrics.STANDARD_NAMES) {
      ObjectNode x = std.addObject().put("name", name);
      var found = m.find(name);
      if (found.isPresent()) {
        putOpt(x, "value", found.get().value());
        x.put("note", found.get().value().isEmpty() && found.get().note().isEmpty() ? "absent" : found.get().note());
        if (found.get().value().isPresent()) {
          reported++;
        }
      } else {
        x.putNull("value");
        x.put("note", "not reported");
      }
    }
    o.put("reported", reported);
    ArrayNode other = o.putArray("other");
    for (CloseMetrics.Metric x : m.metrics()) {
      if (!CloseMetrics.STANDARD_NAMES.contains(x.name())) {
        ObjectNode y = other.addObject().put("name", x.name());
        putOpt(y, "value", x.value());
        y.put("note", x.note());
      }
    }
    return o;
  }

  /**
   * The drawdown series: the reported one, or else derived from the equity curve as
   * {@code 1 - nav_t / max(nav_0..nav_t)} (a positive fraction).
   */
  private static ObjectNode history(History h) {
    ObjectNode o = F.objectNode();
    o.put("equityCurvePoints", h.equityCurve().size());
    o.put("expectedShortfallPoints", h.expectedShortfall().size());
    ArrayNode dd = F.arrayNode();
    if (!h.drawdown().isEmpty()) {
      o.put("drawdownSource", "reported");
      for (History.Point p : h.drawdown()) {
        dd.addObject().put("time", p.time().toString()).put("value", p.value());
      }
    } else if (!h.equityCurve().isEmpty()) {
      o.put("drawdownSource", "derived");
      double peak = Double.NEGATIVE_INFINITY;
      for (History.Point p : h.equityCurve()) {
        peak = Math.max(peak, p.value());
        double v = peak > 0 ? Math.max(0, 1 - p.value() / peak) : 0;
        dd.addObject().put("time", p.time().toString()).put("value", v);
      }
    } else {
      o.put("drawdownSource", "none");
    }
    o.set("drawdown", dd);
    return o;
  }

  // ---------------------------------------------------------------------------------------------------

  /** The few lines a reader must see first, most serious first. */
  private static ObjectNode headline(DayRecord d, ObjectNode derived) {
    ObjectNode h = F.objectNode();
    h.put("nav", d.pnl().nav());
    h.set("dayPnl", derived.path("pnl").path("total").deepCopy());
    h.set("dayReturn", derived.path("pnl").path("returns").path("day").deepCopy());
    ObjectNode risk = derived.path("risk").isObject() ? (ObjectNode) derived.get("risk") : null;
    h.set("expectedShortfall", risk == null ? F.nullNode() : risk.path("tailRisk").path("expectedShortfall").deepCopy());
    h.set("esPctNav", risk == null ? F.nullNode() : risk.path("tailRisk").path("esPctNav").deepCopy());
    h.set("drawdown", risk == null ? F.nullNode() : risk.path("drawdown").path("drawdown").deepCopy());
    h.set("drawdownBudgetUsed", risk == null ? F.nullNode() : risk.path("drawdown").path("budgetUsed").deepCopy());
    h.set("backtestLight", risk == null ? F.nullNode() : risk.path("esBacktest").path("light").deepCopy());
    h.set("crowdingLevel", risk == null ? F.nullNode() : risk.path("crowding").path("level").deepCopy());
    if (d.compliance().isPresent()) {
      h.put("killSwitchEngagedAtClose", d.compliance().get().killSwitchEngagedAtClose());
    } else {
      h.putNull("killSwitchEngagedAtClose");
    }
    if (d.alerts().isPresent()) {
      h.put("openCriticalAlerts", derived.path("alerts").path("openCritical").size());
    } else {
      h.putNull("openCriticalAlerts");
    }
    h.put("dataGaps", d.dataGaps().size());
    h.set("attention", attention(d, derived));
    for (var n : List.of("expectedShortfall", "esPctNav", "drawdown", "drawdownBudgetUsed", "backtestLight",
        "crowdingLevel", "dayReturn")) {
      if (h.get(n).isMissingNode()) {
        h.putNull(n);
      }
    }
    return h;
  }

  private static ArrayNode attention(DayRecord d, ObjectNode derived) {
    Map<String, String> items = new LinkedHashMap<>();
    ZoneId zone = d.zone();
    if (d.compliance().isPresent()) {
      for (ComplianceSection.KillSwitchEvent k : d.compliance().get().killSwitchEvents()) {
        items.put("kill" + k.time(), "Kill switch " + k.action().name().toLowerCase(java.util.Locale.ROOT) + " at "
            + HH_MM.format(k.time().atZone(zone)) + " (" + k.trigger() + ", " + k.actor() + ")");
      }
      if (d.compliance().get().killSwitchEngagedAtClose()) {
        items.put("killClose", "Kill switch still engaged at the close: no new orders until an explicit reset");
      }
    }
    var critical = derived.path("alerts").path("openCritical");
    if (critical.size() > 0) {
      items.put("critical", critical.size() + " CRITICAL alert" + (critical.size() == 1 ? "" : "s") + " open at the close");
    }
    var tail = derived.path("risk").path("tailRisk");
    if (tail.path("esLimitUsed").isNumber() && tail.path("esLimitUsed").doubleValue() >= 0.8) {
      items.put("es", String.format(java.util.Locale.ROOT, "ES@%.1f%% at %.0f%% of its limit",
          tail.path("confidence").doubleValue() * 100, tail.path("esLimitUsed").doubleValue() * 100));
    }
    var dd = derived.path("risk").path("drawdown");
    if (dd.path("budgetUsed").isNumber() && dd.path("budgetUsed").doubleValue() >= 0.5) {
      items.put("dd", String.format(java.util.Locale.ROOT, "Drawdown budget %.0f%% used (tier %s%s)",
          dd.path("budgetUsed").doubleValue() * 100, dd.path("tier").asText(),
          dd.path("riskIncreasingBlocked").asBoolean() ? ", risk-increasing orders blocked" : ""));
    }
    String light = derived.path("risk").path("esBacktest").path("light").asText("");
    if (light.equals("YELLOW") || light.equals("RED")) {
      items.put("bt", "Risk-model backtest in the " + light + " zone");
    }
    if ("HIGH".equals(derived.path("risk").path("crowding").path("level").asText(""))) {
      items.put("crowd", "Crowding level HIGH");
    }
    long opened = derived.path("compliance").path("violationsOpenAtClose").asLong(0);
    if (opened > 0) {
      items.put("viol", opened + " compliance violation" + (opened == 1 ? "" : "s") + " open at the close");
    }
    if (!d.dataGaps().isEmpty()) {
      items.put("gaps", d.dataGaps().size() + " data gap" + (d.dataGaps().size() == 1 ? "" : "s")
          + ": some figures are missing or use stale data");
    }
    ArrayNode a = F.arrayNode();
    items.values().forEach(a::add);
    return a;
  }

  private static void putRatio(ObjectNode o, String name, double nav, OptionalDouble reference) {
    if (reference.isPresent()) {
      o.put(name, nav / reference.getAsDouble() - 1);
    } else {
      o.putNull(name);
    }
  }

  private static void putShare(ObjectNode o, String name, double numerator, double denominator) {
    if (denominator != 0 && Double.isFinite(numerator / denominator)) {
      o.put(name, numerator / denominator);
    } else {
      o.putNull(name);
    }
  }

  private static void putOpt(ObjectNode o, String name, OptionalDouble v) {
    if (v.isPresent()) {
      o.put(name, v.getAsDouble());
    } else {
      o.putNull(name);
    }
  }
}
