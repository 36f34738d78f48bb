package dev.parapet.reporting.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.api.alert.AlertCategory;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.model.Side;
import dev.parapet.api.report.AlertSection;
import dev.parapet.api.report.CloseMetrics;
import dev.parapet.api.report.ComplianceSection;
import dev.parapet.api.report.DataGap;
import dev.parapet.api.report.DayRecord;
import dev.parapet.api.report.ExecutionSection;
import dev.parapet.api.report.History;
import dev.parapet.api.report.PnlSection;
import dev.parapet.api.report.RiskSection;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Reads and writes the JSON form of a {@link DayRecord} (schema {@code parapet.day-record}, version 1).
 * Absent optional values are written as JSON null and read from null or a missing field. Stateless and
 * thread-safe.
 */
public final class DayRecordCodec {

  /** The schema name of a JSON day record. */
  public static final String SCHEMA = "parapet.day-record";
  /** The schema version this codec reads and writes. */
  public static final int SCHEMA_VERSION = 1;

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private DayRecordCodec() {
  }

  // ---------------------------------------------------------------------------------------------------
  // writing

  /** Returns the JSON tree of a day record. */
  public static ObjectNode write(DayRecord d) {
    ObjectNode o = F.objectNode();
    o.put("schema", SCHEMA);
    o.put("schemaVersion", SCHEMA_VERSION);
    o.put("date", d.date().toString());
    o.put("portfolio", d.portfolio());
    o.put("baseCurrency", d.baseCurrency().getCurrencyCode());
    o.put("zone", d.zone().getId());
    o.put("asOf", d.asOf().toString());
    o.set("pnl", pnl(d.pnl()));
    o.set("risk", d.risk().<JsonNode>map(DayRecordCodec::risk).orElse(F.nullNode()));
    o.set("execution", d.execution().<JsonNode>map(DayRecordCodec::execution).orElse(F.nullNode()));
    o.set("compliance", d.compliance().<JsonNode>map(DayRecordCodec::compliance).orElse(F.nullNode()));
    o.set("alerts", d.alerts().<JsonNode>map(DayRecordCodec::alerts).orElse(F.nullNode()));
    o.set("metrics", d.metrics().<JsonNode>map(DayRecordCodec::metrics).orElse(F.nullNode()));
    ObjectNode h = o.putObject("history");
    h.set("equityCurve", points(d.history().equityCurve()));
    h.set("drawdown", points(d.history().drawdown()));
    h.set("expectedShortfall", points(d.history().expectedShortfall()));
    ArrayNode gaps = o.putArray("dataGaps");
    for (DataGap g : d.dataGaps()) {
      gaps.addObject().put("area", g.area()).put("subject", g.subject()).put("detail", g.detail());
    }
    return o;
  }

  private static ObjectNode pnl(PnlSection p) {
    ObjectNode o = F.objectNode();
    o.put("nav", p.nav());
    put(o, "navPreviousClose", p.navPreviousClose());
    put(o, "navMonthStart", p.navMonthStart());
    put(o, "navYearStart", p.navYearStart());
    ArrayNode lines = o.putArray("lines");
    for (PnlSection.Line l : p.lines()) {
      ObjectNode x = lines.addObject();
      x.put("instrumentId", l.instrumentId()).put("symbol", l.symbol()).put("sector", l.sector())
          .put("issuer", l.issuer()).put("strategy", l.strategy()).put("quantity", l.quantity());
      put(x, "markPrice", l.markPrice());
      x.put("markStatus", l.markStatus().name()).put("marketValue", l.marketValue())
          .put("realizedPnl", l.realizedPnl()).put("unrealizedPnl", l.unrealizedPnl());
    }
    return o;
  }

  private static ObjectNode risk(RiskSection r) {
    ObjectNode o = F.objectNode();
    o.set("tailRisk", r.tailRisk().<JsonNode>map(t -> {
      ObjectNode x = F.objectNode().put("confidence", t.confidence()).put("method", t.method())
          .put("scenarios", t.scenarios()).put("valueAtRisk", t.valueAtRisk())
          .put("expectedShortfall", t.expectedShortfall());
      put(x, "esLimit", t.esLimit());
      return x;
    }).orElse(F.nullNode()));
    ArrayNode comps = o.putArray("componentEs");
    for (RiskSection.Contribution c : r.componentEs()) {
      comps.addObject().put("instrumentId", c.instrumentId()).put("sector", c.sector()).put("componentEs", c.componentEs());
    }
    o.set("drawdown", r.drawdown().<JsonNode>map(d -> F.objectNode().put("highWaterMark", d.highWaterMark())
        .put("budget", d.budget()).put("tier", d.tier()).put("maxGrossLeverage", d.maxGrossLeverage())
        .put("riskIncreasingBlocked", d.riskIncreasingBlocked())).orElse(F.nullNode()));
    ArrayNode flags = o.putArray("tailDependence");
    for (RiskSection.TailFlag t : r.tailDependence()) {
      flags.addObject().put("first", t.first()).put("second", t.second()).put("tail", t.tail().name())
          .put("coefficient", t.coefficient()).put("threshold", t.threshold());
    }
    o.set("crowding", r.crowding().<JsonNode>map(c -> {
      ObjectNode x = F.objectNode().put("level", c.level().name()).put("hhi", c.hhi()).put("gini", c.gini());
      put(x, "averageCorrelation", c.averageCorrelation());
      ArrayNode cl = x.putArray("clusters");
      for (RiskSection.Cluster k : c.clusters()) {
        ObjectNode y = cl.addObject().put("name", k.name());
        ArrayNode m = y.putArray("members");
        k.members().forEach(m::add);
        y.put("grossExposure", k.grossExposure());
      }
      return x;
    }).orElse(F.nullNode()));
    o.set("exposures", r.exposures().<JsonNode>map(e -> {
      ObjectNode x = F.objectNode().put("longExposure", e.longExposure()).put("shortExposure", e.shortExposure());
      x.set("bySector", exposureLines(e.bySector()));
      x.set("byIssuer", exposureLines(e.byIssuer()));
      return x;
    }).orElse(F.nullNode()));
    o.set("esBacktest", r.esBacktest().<JsonNode>map(b -> {
      ObjectNode x = F.objectNode().put("light", b.light().name()).put("observations", b.observations())
          .put("exceptions", b.exceptions()).put("varConfidence", b.varConfidence());
      put(x, "z2Statistic", b.z2Statistic());
      return x;
    }).orElse(F.nullNode()));
    return o;
  }

  private static ArrayNode exposureLines(List<RiskSection.ExposureLine> lines) {
    ArrayNode a = F.arrayNode();
    for (RiskSection.ExposureLine l : lines) {
      a.addObject().put("name", l.name()).put("longExposure", l.longExposure()).put("shortExposure", l.shortExposure());
    }
    return a;
  }

  private static ObjectNode execution(ExecutionSection e) {
    ObjectNode o = F.objectNode();
    ArrayNode orders = o.putArray("orders");
    for (ExecutionSection.ParentOrder p : e.orders()) {
      ObjectNode x = orders.addObject();
      x.put("orderId", p.orderId()).put("instrumentId", p.instrumentId()).put("strategy", p.strategy())
          .put("side", p.side().name()).put("algorithm", p.algorithm()).put("status", p.status())
          .put("quantity", p.quantity()).put("filledQuantity", p.filledQuantity()).put("multiplier", p.multiplier())
          .put("arrivalPrice", p.arrivalPrice());
      put(x, "averageFillPrice", p.averageFillPrice());
      put(x, "intervalVwap", p.intervalVwap());
      put(x, "intervalTwap", p.intervalTwap());
      if (p.intervalVolume().isPresent()) {
        x.put("intervalVolume", p.intervalVolume().getAsLong());
      } else {
        x.putNull("intervalVolume");
      }
      ExecutionSection.Shortfall s = p.shortfall();
      x.putObject("shortfall").put("delayCost", s.delayCost()).put("impactCost", s.impactCost())
          .put("timingCost", s.timingCost()).put("opportunityCost", s.opportunityCost()).put("fees", s.fees());
    }
    return o;
  }

  private static ObjectNode compliance(ComplianceSection c) {
    ObjectNode o = F.objectNode();
    o.put("approvals", c.approvals()).put("rejections", c.rejections()).put("warnings", c.warnings());
    ArrayNode rules = o.putArray("byRule");
    for (ComplianceSection.RuleCount r : c.byRule()) {
      rules.addObject().put("ruleId", r.ruleId()).put("rejections", r.rejections()).put("warnings", r.warnings());
    }
    ArrayNode vs = o.putArray("violations");
    for (ComplianceSection.Violation v : c.violations()) {
      ObjectNode x = vs.addObject().put("violationId", v.violationId()).put("ruleId", v.ruleId())
          .put("subject", v.subject()).put("severity", v.severity().name()).put("openedAt", v.openedAt().toString());
      if (v.resolvedAt().isPresent()) {
        x.put("resolvedAt", v.resolvedAt().get().toString());
      } else {
        x.putNull("resolvedAt");
      }
      x.put("detail", v.detail());
    }
    ArrayNode ks = o.putArray("killSwitchEvents");
    for (ComplianceSection.KillSwitchEvent k : c.killSwitchEvents()) {
      ks.addObject().put("time", k.time().toString()).put("action", k.action().name()).put("trigger", k.trigger())
          .put("actor", k.actor()).put("reason", k.reason());
    }
    ArrayNode ps = o.putArray("policyChanges");
    for (ComplianceSection.PolicyChange p : c.policyChanges()) {
      ps.addObject().put("time", p.time().toString()).put("policyVersion", p.policyVersion()).put("actor", p.actor())
          .put("summary", p.summary());
    }
    o.put("killSwitchEngagedAtClose", c.killSwitchEngagedAtClose());
    return o;
  }

  private static ObjectNode alerts(AlertSection a) {
    ObjectNode o = F.objectNode();
    ArrayNode counts = o.putArray("counts");
    for (AlertSection.Count c : a.counts()) {
      counts.addObject().put("severity", c.severity().name()).put("category", c.category().name()).put("count", c.count());
    }
    ArrayNode open = o.putArray("openAlerts");
    for (AlertSection.OpenAlert x : a.openAlerts()) {
      open.addObject().put("name", x.name()).put("severity", x.severity().name()).put("category", x.category().name())
          .put("startsAt", x.startsAt().toString()).put("summary", x.summary()).put("acknowledged", x.acknowledged());
    }
    o.set("dataQuality", a.dataQuality().<JsonNode>map(q -> {
      ObjectNode x = F.objectNode().put("runAt", q.runAt().toString()).put("instrumentsChecked", q.instrumentsChecked())
          .put("barsChecked", q.barsChecked());
      ArrayNode bc = x.putArray("byCheck");
      for (AlertSection.CheckCount c : q.byCheck()) {
        bc.addObject().put("check", c.check()).put("issues", c.issues());
      }
      ArrayNode wi = x.putArray("worstIssues");
      for (AlertSection.Issue i : q.worstIssues()) {
        wi.addObject().put("instrumentId", i.instrumentId()).put("date", i.date().toString()).put("check", i.check())
            .put("severity", i.severity().name()).put("detail", i.detail());
      }
      return x;
    }).orElse(F.nullNode()));
    return o;
  }

  private static ObjectNode metrics(CloseMetrics m) {
    ObjectNode o = F.objectNode();
    o.put("asOf", m.asOf().toString()).put("observations", m.observations());
    ArrayNode values = o.putArray("values");
    for (CloseMetrics.Metric x : m.metrics()) {
      ObjectNode y = values.addObject().put("name", x.name());
      put(y, "value", x.value());
      y.put("note", x.note());
    }
    return o;
  }

  private static ArrayNode points(List<History.Point> points) {
    ArrayNode a = F.arrayNode();
    for (History.Point p : points) {
      a.addObject().put("time", p.time().toString()).put("value", p.value());
    }
    return a;
  }

  private static void put(ObjectNode o, String name, OptionalDouble v) {
    if (v.isPresent()) {
      o.put(name, v.getAsDouble());
    } else {
      o.putNull(name);
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // reading

  /**
   * Reads a day record from its JSON tree.
   *
   * @throws dev.parapet.reporting.DayRecordFormatException naming the JSON path of the first problem
   */
  public static DayRecord read(JsonNode root) {
    JsonIn in = new JsonIn(root, "$").object("schema", "schemaVersion", "date", "portfolio", "baseCurrency", "zone",
        "asOf", "pnl", "risk", "execution", "compliance", "alerts", "metrics", "history", "dataGaps");
    Optional<JsonIn> schema = in.optField("schema");
    if (schema.isPresent() && !SCHEMA.equals(schema.get().str())) {
      throw schema.get().error("expected \"" + SCHEMA + "\", was \"" + schema.get().str() + "\"");
    }
    JsonIn version = in.field("schemaVersion");
    if (version.integer() != SCHEMA_VERSION) {
      throw version.error("unsupported schema version " + version.integer() + " (this reader knows version "
          + SCHEMA_VERSION + ")");
    }
    JsonIn cur = in.field("baseCurrency");
    Currency currency;
    try {
      currency = Currency.getInstance(cur.str());
    } catch (IllegalArgumentException e) {
      throw cur.error("expected an ISO 4217 currency code such as USD, was \"" + cur.str() + "\"");
    }
    JsonIn z = in.field("zone");
    ZoneId zone;
    try {
      zone = ZoneId.of(z.str());
    } catch (DateTimeException e) {
      throw z.error("expected a time-zone id such as America/New_York, was \"" + z.str() + "\"");
    }
    PnlSection pnl = readPnl(in.field("pnl"));
    Optional<RiskSection> risk = in.optField("risk").map(DayRecordCodec::readRisk);
    Optional<ExecutionSection> execution = in.optField("execution").map(DayRecordCodec::readExecution);
    Optional<ComplianceSection> compliance = in.optField("compliance").map(DayRecordCodec::readCompliance);
    Optional<AlertSection> alerts = in.optField("alerts").map(DayRecordCodec::readAlerts);
    Optional<CloseMetrics> metrics = in.optField("metrics").map(DayRecordCodec::readMetrics);
    History history = in.optField("history").map(DayRecordCodec::readHistory).orElse(History.empty());
    List<DataGap> gaps = in.listField("dataGaps", g -> {
      g.object("area", "subject", "detail");
      return g.build(() -> new DataGap(g.field("area").str(), g.field("subject").str(), g.field("detail").str()));
    });
    return in.build(() -> new DayRecord(in.field("date").date(), in.field("portfolio").str(), currency, zone,
        in.field("asOf").instant(), pnl, risk, execution, compliance, alerts, metrics, history, gaps));
  }

  private static PnlSection readPnl(JsonIn p) {
    p.object("nav", "navPreviousClose", "navMonthStart", "navYearStart", "lines");
    List<PnlSection.Line> lines = p.listField("lines", l -> {
      l.object("instrumentId", "symbol", "sector", "issuer", "strategy", "quantity", "markPrice", "markStatus",
          "marketValue", "realizedPnl", "unrealizedPnl");
      return l.build(() -> new PnlSection.Line(l.field("instrumentId").str(), l.field("symbol").str(),
          l.field("sector").str(), l.field("issuer").str(), l.field("strategy").str(), l.field("quantity").integer(),
          l.optNum("markPrice"), l.field("markStatus").enumOf(PnlSection.MarkStatus.class),
          l.field("marketValue").num(), l.field("realizedPnl").num(), l.field("unrealizedPnl").num()));
    });
    return p.build(() -> new PnlSection(p.field("nav").num(), p.optNum("navPreviousClose"), p.optNum("navMonthStart"),
        p.optNum("navYearStart"), lines));
  }

  private static RiskSection readRisk(JsonIn r) {
    r.object("tailRisk", "componentEs", "drawdown", "tailDependence", "crowding", "exposures", "esBacktest");
    RiskSection.Builder b = RiskSection.builder();
    r.optField("tailRisk").ifPresent(t -> {
      t.object("confidence", "method", "scenarios", "valueAtRisk", "expectedShortfall", "esLimit");
      b.tailRisk(t.build(() -> new RiskSection.TailRisk(t.field("confidence").num(), t.field("method").str(),
          t.field("scenarios").int32(), t.field("valueAtRisk").num(), t.field("expectedShortfall").num(),
          t.optNum("esLimit"))));
    });
    for (RiskSection.Contribution c : r.listField("componentEs", c -> {
      c.object("instrumentId", "sector", "componentEs");
      return c.build(() -> new RiskSection.Contribution(c.field("instrumentId").str(), c.field("sector").str(),
          c.field("componentEs").num()));
    })) {
      b.componentEs(c.instrumentId(), c.sector(), c.componentEs());
    }
    r.optField("drawdown").ifPresent(d -> {
      d.object("highWaterMark", "budget", "tier", "maxGrossLeverage", "riskIncreasingBlocked");
      b.drawdown(d.build(() -> new RiskSection.Drawdown(d.field("highWaterMark").num(), d.field("budget").num(),
          d.field("tier").str(), d.field("maxGrossLeverage").num(), d.field("riskIncreasingBlocked").bool())));
    });
    for (RiskSection.TailFlag f : r.listField("tailDependence", t -> {
      t.object("first", "second", "tail", "coefficient", "threshold");
      return t.build(() -> new RiskSection.TailFlag(t.field("first").str(), t.field("second").str(),
          t.field("tail").enumOf(RiskSection.Tail.class), t.field("coefficient").num(), t.field("threshold").num()));
    })) {
      b.tailFlag(f);
    }
    r.optField("crowding").ifPresent(c -> {
      c.object("level", "hhi", "gini", "averageCorrelation", "clusters");
      List<RiskSection.Cluster> clusters = c.listField("clusters", k -> {
        k.object("name", "members", "grossExposure");
        return k.build(() -> new RiskSection.Cluster(k.field("name").str(), k.field("members").list(JsonIn::str),
            k.field("grossExposure").num()));
      });
      b.crowding(c.build(() -> new RiskSection.Crowding(c.field("level").enumOf(RiskSection.CrowdingLevel.class),
          c.field("hhi").num(), c.field("gini").num(), c.optNum("averageCorrelation"), clusters)));
    });
    r.optField("exposures").ifPresent(e -> {
      e.object("longExposure", "shortExposure", "bySector", "byIssuer");
      Function<JsonIn, RiskSection.ExposureLine> line = l -> {
        l.object("name", "longExposure", "shortExposure");
        return l.build(() -> new RiskSection.ExposureLine(l.field("name").str(), l.field("longExposure").num(),
            l.field("shortExposure").num()));
      };
      List<RiskSection.ExposureLine> bySector = e.listField("bySector", line);
      List<RiskSection.ExposureLine> byIssuer = e.listField("byIssuer", line);
      b.exposures(e.build(() -> new RiskSection.Exposures(e.field("longExposure").num(), e.field("shortExposure").num(),
          bySector, byIssuer)));
    });
    r.optField("esBacktest").ifPresent(t -> {
      t.object("light", "observations", "exceptions", "varConfidence", "z2Statistic");
      b.esBacktest(t.build(() -> new RiskSection.Backtest(t.field("light").enumOf(RiskSection.TrafficLight.class),
          t.field("observations").int32(), t.field("exceptions").int32(), t.field("varConfidence").num(),
          t.optNum("z2Statistic"))));
    });
    return r.build(b::build);
  }

  private static ExecutionSection readExecution(JsonIn e) {
    e.object("orders");
    List<ExecutionSection.ParentOrder> orders = e.listField("orders", o -> {
      o.object("orderId", "instrumentId", "strategy", "side", "algorithm", "status", "quantity", "filledQuantity",
          "multiplier", "arrivalPrice", "averageFillPrice", "intervalVwap", "intervalTwap", "intervalVolume", "shortfall");
      JsonIn s = o.field("shortfall").object("delayCost", "impactCost", "timingCost", "opportunityCost", "fees");
      ExecutionSection.Shortfall shortfall = s.build(() -> new ExecutionSection.Shortfall(s.field("delayCost").num(),
          s.field("impactCost").num(), s.field("timingCost").num(), s.field("opportunityCost").num(),
          s.optNum("fees").orElse(0)));
      OptionalLong volume = o.optLong("intervalVolume");
      double multiplier = o.optNum("multiplier").orElse(1.0);
      return o.build(() -> new ExecutionSection.ParentOrder(o.field("orderId").str(), o.field("instrumentId").str(),
          o.field("strategy").str(), o.field("side").enumOf(Side.class), o.field("algorithm").str(),
          o.field("status").str(), o.field("quantity").integer(), o.field("filledQuantity").integer(), multiplier,
          o.field("arrivalPrice").num(), o.optNum("averageFillPrice"), o.optNum("intervalVwap"),
          o.optNum("intervalTwap"), volume, shortfall));
    });
    return e.build(() -> new ExecutionSection(orders));
  }

  private static ComplianceSection readCompliance(JsonIn c) {
    c.object("approvals", "rejections", "warnings", "byRule", "violations", "killSwitchEvents", "policyChanges",
        "killSwitchEngagedAtClose");
    List<ComplianceSection.RuleCount> rules = c.listField("byRule", r -> {
      r.object("ruleId", "rejections", "warnings");
      return r.build(() -> new ComplianceSection.RuleCount(r.field("ruleId").str(), r.field("rejections").integer(),
          r.optLong("warnings").orElse(0)));
    });
    List<ComplianceSection.Violation> violations = c.listField("violations", v -> {
      v.object("violationId", "ruleId", "subject", "severity", "openedAt", "resolvedAt", "detail");
      return v.build(() -> new ComplianceSection.Violation(v.field("violationId").str(), v.field("ruleId").str(),
          v.field("subject").str(), v.field("severity").enumOf(Severity.class), v.field("openedAt").instant(),
          v.optField("resolvedAt").map(JsonIn::instant), v.optField("detail").map(JsonIn::str).orElse("")));
    });
    List<ComplianceSection.KillSwitchEvent> kills = c.listField("killSwitchEvents", k -> {
      k.object("time", "action", "trigger", "actor", "reason");
      return k.build(() -> new ComplianceSection.KillSwitchEvent(k.field("time").instant(),
          k.field("action").enumOf(ComplianceSection.KillSwitchAction.class), k.field("trigger").str(),
          k.field("actor").str(), k.optField("reason").map(JsonIn::str).orElse("")));
    });
    List<ComplianceSection.PolicyChange> policies = c.listField("policyChanges", p -> {
      p.object("time", "policyVersion", "actor", "summary");
      return p.build(() -> new ComplianceSection.PolicyChange(p.field("time").instant(), p.field("policyVersion").str(),
          p.field("actor").str(), p.optField("summary").map(JsonIn::str).orElse("")));
    });
    return c.build(() -> new ComplianceSection(c.field("approvals").integer(), c.field("rejections").integer(),
        c.optLong("warnings").orElse(0), rules, violations, kills, policies,
        c.optField("killSwitchEngagedAtClose").map(JsonIn::bool).orElse(false)));
  }

  private static AlertSection readAlerts(JsonIn a) {
    a.object("counts", "openAlerts", "dataQuality");
    List<AlertSection.Count> counts = a.listField("counts", c -> {
      c.object("severity", "category", "count");
      return c.build(() -> new AlertSection.Count(c.field("severity").enumOf(Severity.class),
          c.field("category").enumOf(AlertCategory.class), c.field("count").integer()));
    });
    List<AlertSection.OpenAlert> open = a.listField("openAlerts", x -> {
      x.object("name", "severity", "category", "startsAt", "summary", "acknowledged");
      return x.build(() -> new AlertSection.OpenAlert(x.field("name").str(), x.field("severity").enumOf(Severity.class),
          x.field("category").enumOf(AlertCategory.class), x.field("startsAt").instant(),
          x.optField("summary").map(JsonIn::str).orElse(""),
          x.optField("acknowledged").map(JsonIn::bool).orElse(false)));
    });
    Optional<AlertSection.DataQuality> dq = a.optField("dataQuality").map(q -> {
      q.object("runAt", "instrumentsChecked", "barsChecked", "byCheck", "worstIssues");
      List<AlertSection.CheckCount> byCheck = q.listField("byCheck", c -> {
        c.object("check", "issues");
        return c.build(() -> new AlertSection.CheckCount(c.field("check").str(), c.field("issues").integer()));
      });
      List<AlertSection.Issue> worst = q.listField("worstIssues", i -> {
        i.object("instrumentId", "date", "check", "severity", "detail");
        return i.build(() -> new AlertSection.Issue(i.field("instrumentId").str(), i.field("date").date(),
            i.field("check").str(), i.field("severity").enumOf(Severity.class),
            i.optField("detail").map(JsonIn::str).orElse("")));
      });
      return q.build(() -> new AlertSection.DataQuality(q.field("runAt").instant(), q.field("instrumentsChecked").integer(),
          q.field("barsChecked").integer(), byCheck, worst));
    });
    return a.build(() -> new AlertSection(counts, open, dq));
  }

  private static CloseMetrics readMetrics(JsonIn m) {
    m.object("asOf", "observations", "values");
    List<CloseMetrics.Metric> values = m.listField("values", v -> {
      v.object("name", "value", "note");
      return v.build(() -> new CloseMetrics.Metric(v.field("name").str(), v.optNum("value"),
          v.optField("note").map(JsonIn::str).orElse("")));
    });
    return m.build(() -> new CloseMetrics(m.field("asOf").instant(), m.field("observations").int32(), values));
  }

  private static History readHistory(JsonIn h) {
    h.object("equityCurve", "drawdown", "expectedShortfall");
    Function<JsonIn, History.Point> point = p -> {
      p.object("time", "value");
      return p.build(() -> new History.Point(p.field("time").instant(), p.field("value").num()));
    };
    List<History.Point> eq = h.listField("equityCurve", point);
    List<History.Point> dd = h.listField("drawdown", point);
    List<History.Point> es = h.listField("expectedShortfall", point);
    return h.build(() -> new History(eq, dd, es));
  }
}
