package dev.parapet.orchestrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.api.alert.AlertCategory;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.book.AccountSummary;
import dev.parapet.api.book.Position;
import dev.parapet.api.execution.ParentOrderView;
import dev.parapet.api.metrics.Metric;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.BarInterval;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.report.AlertSection;
import dev.parapet.api.report.CloseMetrics;
import dev.parapet.api.report.ComplianceSection;
import dev.parapet.api.report.DayRecord;
import dev.parapet.api.report.ExecutionSection;
import dev.parapet.api.report.History;
import dev.parapet.api.report.PnlSection;
import dev.parapet.api.report.PnlSection.MarkStatus;
import dev.parapet.api.report.RiskSection;
import dev.parapet.compliance.journal.AuditJournal;
import dev.parapet.compliance.journal.AuditRecords;
import dev.parapet.compliance.journal.JournalRecord;
import dev.parapet.compliance.killswitch.KillSwitchState;
import dev.parapet.compliance.monitor.Violation;
import dev.parapet.data.MaintenanceSummary;
import dev.parapet.data.quality.QualityIssue;
import dev.parapet.execution.tca.ExecutionFill;
import dev.parapet.execution.tca.MarketTape;
import dev.parapet.execution.tca.ParentExecution;
import dev.parapet.execution.tca.TcaResult;
import dev.parapet.execution.tca.TransactionCostAnalysis;
import dev.parapet.monitoring.MonitorSnapshot;
import dev.parapet.monitoring.alert.AlertStatus;
import dev.parapet.monitoring.alert.receiver.AlertStream;
import dev.parapet.orchestrator.status.StatusSnapshot;
import dev.parapet.risk.backtest.BacktestReport;
import dev.parapet.risk.backtest.Backtests;
import dev.parapet.risk.crowding.Cluster;
import dev.parapet.risk.crowding.CrowdingPosition;
import dev.parapet.risk.crowding.CrowdingReport;
import dev.parapet.risk.drawdown.DrawdownController;
import dev.parapet.risk.drawdown.DrawdownState;
import dev.parapet.risk.portfolio.PortfolioEsResult;
import dev.parapet.risk.portfolio.PortfolioExpectedShortfall;
import dev.parapet.risk.portfolio.ScenarioMatrix;
import dev.parapet.risk.tail.TailDependence;
import dev.parapet.risk.tail.TailDependenceEstimate;
import dev.parapet.risk.tail.TailDependencePair;
import dev.parapet.risk.tail.TailDependenceReport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles the end-of-day {@link DayRecord} from what the controls gathered during the day: the
 * position book, the day book, the risk scenarios, the execution engine, the compliance sweep and
 * kill switch, the alert system, the last data maintenance run and the real-time monitors.
 * <p>
 * <b>One report for the firm.</b> The report store keeps one report per day, so the record covers
 * every account of the book together: the portfolio is the sum of the accounts. P&amp;L lines are per
 * instrument and strategy, where the strategy is the one whose orders traded the account's position
 * today (several joined by {@code +}), else the strategy of the last approved order in it, else the
 * account's name. Exposures, ES, component ES, crowding and tail dependence are of the firm's net
 * position per instrument (the accounts' quantities summed). Figures kept per account are reported
 * for the firm only where that is exact: the drawdown budget, the metrics at the close and the ES
 * history are the account's when the book has one account; with several, the drawdown and the ES
 * history are absent with a {@link dev.parapet.api.report.DataGap}, and the metrics are those of the
 * largest account by NAV, each noted with the account.
 * <p>
 * <b>Figures and their sources.</b>
 * <ul>
 *   <li>Day P&amp;L per line: the book's cumulative realized and unrealized P&amp;L of the position
 *       less those at the session start ({@link DayBook#startPositionPnl()}). NAV references: the
 *       firm's NAV at the session start (day), and at the start of the first session of the month
 *       and of the year as seen by this process (empty, never guessed, when the process did not run
 *       then). A mark is OBSERVED when a quote or bar of the instrument arrived today, STALE when the
 *       last known mark (an earlier price or a fill) is carried, MISSING when there is none.</li>
 *   <li>ES and VaR: historical (Acerbi and Tasche 2002, "On the coherence of expected shortfall",
 *       J. Banking and Finance 26(7)) at the risk gate's confidence over the gate's return scenarios
 *       and the closing exposures, with Euler component ES ({@link PortfolioExpectedShortfall}). The
 *       ES limit is the sum over accounts of the gate's per-account limit
 *       {@code min(absolute, share x NAV)}: each account is held to its own, and ES being subadditive
 *       the firm's ES cannot exceed the sum of the accounts' ES.</li>
 *   <li>Tail dependence: empirical lower and upper coefficients at the {@value #TAIL_QUANTILE}
 *       quantile ({@link TailDependence}) of the largest {@value #TAIL_MAX_INSTRUMENTS} held
 *       instruments' scenario returns, pairwise and each against the portfolio's scenario P&amp;L
 *       (lower tail), flagged above {@value #TAIL_THRESHOLD}.</li>
 *   <li>ES backtest: each close's VaR and ES forecast against the next session's realised P&amp;L,
 *       over the last {@value #BACKTEST_DAYS} such pairs seen by this process (Basel traffic light at
 *       the gate's confidence, Acerbi and Szekely 2014 Z2); absent with the count until there are as
 *       many.</li>
 *   <li>Execution: implementation shortfall and its parts (Perold 1988) by
 *       {@link TransactionCostAnalysis} over a market tape made of the arrival mid and the day's
 *       intraday bars from the history store (close as the mid; VWAP, else the typical price
 *       {@code (high + low + close) / 3}, as the bar's average price).</li>
 *   <li>Policy changes are read from the audit journal, which is done only when the policy in force
 *       differs from the one at the previous report (or at the first report of the process), since it
 *       reads the whole journal.</li>
 * </ul>
 * <p>
 * Thread-safe: {@link #assemble} is synchronised; the alert tally is fed from the alert stream's thread.
 */
final class EodReporter {

  private static final Logger LOG = LoggerFactory.getLogger(EodReporter.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Quantile of the empirical tail-dependence coefficients. */
  static final double TAIL_QUANTILE = 0.05;
  /** Coefficient above which a pair is flagged. */
  static final double TAIL_THRESHOLD = 0.3;
  /** The largest positions analysed for tail dependence (the matrix is quadratic in their number). */
  static final int TAIL_MAX_INSTRUMENTS = 100;
  /** Daily observations the ES backtest needs. */
  static final int BACKTEST_DAYS = 250;
  private static final int KEEP_DAYS = BACKTEST_DAYS + 50;
  private static final int WORST_ISSUES = 10;
  private static final String PORTFOLIO = "portfolio";

  private final AlertTally alertTally;
  private final Map<YearMonth, Double> monthStartNav = new HashMap<>();
  private final Map<Integer, Double> yearStartNav = new HashMap<>();
  /** Per reported day: {day P&amp;L, VaR at the close, ES at the close}, NaN when unknown. */
  private final TreeMap<LocalDate, double[]> daily = new TreeMap<>();
  private String policyShaAtLastReport;
  private Instant lastReportAt;

  /**
   * Creates a reporter that counts alerts from a stream.
   *
   * @param alerts the alert stream to subscribe to, or null to count only the alerts held at the close
   * @param zone the exchange's time zone
   */
  EodReporter(AlertStream alerts, ZoneId zone) {
    this.alertTally = new AlertTally(zone);
    if (alerts != null) {
      alerts.subscribe(alertTally::onNotification);
    }
  }

  /** Assembles the record of a trading day (normally called after its close). */
  synchronized DayRecord assemble(Wiring w, LocalDate date) {
    Day d = new Day(w, date);
    DayRecord record = d.build();
    daily.put(date, new double[] {d.dayPnl, d.closeVar, d.closeEs});
    while (daily.size() > KEEP_DAYS) {
      daily.pollFirstEntry();
    }
    policyShaAtLastReport = w.compliance.policy().sha256();
    lastReportAt = record.asOf();
    return record;
  }

  // ----------------------------------------------------------------------------------------------

  /** The firm's net position in one instrument at the close. */
  private static final class Holding {
    final Instrument instrument;
    long quantity;
    double exposure;

    Holding(Instrument instrument) {
      this.instrument = instrument;
    }
  }

  /** One P&amp;L line being summed over accounts. */
  private static final class LineSum {
    final Instrument instrument;
    final String strategy;
    long quantity;
    double marketValue;
    double realized;
    double unrealized;
    double mark = Double.NaN;
    MarkStatus status;

    LineSum(Instrument instrument, String strategy) {
      this.instrument = instrument;
      this.strategy = strategy;
    }
  }

  /** One day's assembly: the snapshot taken at the start and the sections built from it. */
  private final class Day {
    final Wiring w;
    final LocalDate date;
    final ZoneId zone;
    final Instant now;
    final Instant dayStart;
    final Instant dayEnd;
    final boolean sameDay;
    final DayRecord.Builder rec;
    final List<String> accounts = new ArrayList<>();
    final Map<String, List<Position>> positions = new LinkedHashMap<>();
    final Map<String, AccountSummary> summaries = new LinkedHashMap<>();
    final Map<String, Holding> holdings = new TreeMap<>();
    final Set<Currency> currencies = new TreeSet<>(Comparator.comparing(Currency::getCurrencyCode));
    double nav;
    double dayPnl = Double.NaN;
    double closeVar = Double.NaN;
    double closeEs = Double.NaN;

    Day(Wiring w, LocalDate date) {
      this.w = w;
      this.date = date;
      this.zone = w.calendar.zone();
      this.now = w.clock.instant();
      this.dayStart = date.atStartOfDay(zone).toInstant();
      this.dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
      this.sameDay = date.equals(w.dayBook.date());
      synchronized (w.book.lock()) {
        for (String a : w.book.accounts()) {
          accounts.add(a);
          positions.put(a, w.book.positions(a));
          AccountSummary s = w.book.summary(a);
          summaries.put(a, s);
          nav += s.nav();
        }
      }
      for (List<Position> list : positions.values()) {
        for (Position p : list) {
          if (p.quantity() == 0) {
            continue;
          }
          Holding h = holdings.computeIfAbsent(p.instrument().id(), k -> new Holding(p.instrument()));
          h.quantity += p.quantity();
          h.exposure += p.marketValue();
        }
      }
      holdings.values().removeIf(h -> h.quantity == 0 || !Double.isFinite(h.exposure));
      rec = DayRecord.builder(date, portfolioName(), baseCurrency(), zone).asOf(now);
    }

    DayRecord build() {
      if (!sameDay) {
        gap("orchestrator", "dayBook", "the intraday record held is of "
            + (w.dayBook.date() == null ? "no day" : w.dayBook.date().toString())
            + ": this process did not run through " + date
            + ", so its decisions, fills and start-of-day figures are not in this report");
      }
      if (currencies.size() > 1) {
        gap("pnl", "currency", "positions are in " + currencies + "; amounts are summed as they are, without"
            + " conversion");
      }
      rec.pnl(pnl());
      section("risk", () -> rec.risk(risk()));
      section("execution", () -> rec.execution(execution()));
      section("compliance", () -> rec.compliance(compliance()));
      section("alerts", () -> rec.alerts(alerts()));
      section("metrics", () -> metrics().ifPresent(rec::metrics));
      section("history", () -> rec.history(history()));
      return rec.build();
    }

    /** Builds one optional section; a failure leaves it absent with a gap rather than losing the report. */
    private void section(String area, Runnable body) {
      try {
        body.run();
      } catch (RuntimeException e) {
        LOG.warn("end-of-day report of {}: the {} section could not be built", date, area, e);
        gap(area, "section", "could not be built: " + e);
      }
    }

    private void gap(String area, String subject, String detail) {
      rec.dataGap(area, subject, detail);
    }

    private String portfolioName() {
      if (accounts.size() == 1) {
        return accounts.get(0);
      }
      return accounts.isEmpty() ? "Firm (no accounts)" : "Firm (" + accounts.size() + " accounts)";
    }

    private Currency baseCurrency() {
      for (List<Position> list : positions.values()) {
        for (Position p : list) {
          currencies.add(p.instrument().currency());
        }
      }
      return currencies.isEmpty() ? Currency.getInstance("USD") : currencies.iterator().next();
    }

    // --------------------------------------------------------------------------------------------
    // P&L

    private PnlSection pnl() {
      Map<String, Map<String, double[]>> start = sameDay ? w.dayBook.startPositionPnl() : Map.of();
      Map<String, Double> startNav = sameDay ? w.dayBook.startNav() : Map.of();
      Set<String> priced = sameDay ? w.dayBook.pricedToday() : Set.of();
      Map<String, Set<String>> tradedBy = sameDay ? strategiesTradedToday() : Map.of();
      Map<String, LineSum> lines = new TreeMap<>();
      Map<String, Double> stale = new TreeMap<>();
      Set<String> missing = new TreeSet<>();
      for (String account : sameDay ? accounts : List.<String>of()) {
        Map<String, double[]> startOf = start.getOrDefault(account, Map.of());
        for (Position p : positions.get(account)) {
          String id = p.instrument().id();
          double[] s = startOf.getOrDefault(id, new double[2]);
          double realized = p.realizedPnl() - s[0];
          double unrealized = p.unrealizedPnl() - s[1];
          Set<String> strategies = tradedBy.get(account + '\u0000' + id);
          if (p.quantity() == 0 && realized == 0 && unrealized == 0) {
            continue;
          }
          String strategy = strategies != null ? String.join("+", strategies)
              : Optional.ofNullable(w.dayBook.lastStrategy(account, id)).orElse(account);
          LineSum l = lines.computeIfAbsent(id + '\u0000' + strategy, k -> new LineSum(p.instrument(), strategy));
          double mark = p.markPrice();
          l.quantity += p.quantity();
          l.realized += realized;
          if (mark > 0 && Double.isFinite(mark)) {
            l.mark = mark;
            l.status = priced.contains(id) ? MarkStatus.OBSERVED : MarkStatus.STALE;
            l.marketValue += p.marketValue();
            l.unrealized += unrealized;
            if (l.status == MarkStatus.STALE && p.quantity() != 0) {
              stale.put(id, mark);
            }
          } else {
            l.status = MarkStatus.MISSING;
            missing.add(id);
          }
        }
      }
      if (!sameDay && !holdings.isEmpty()) {
        gap("pnl", PORTFOLIO, "the start-of-day P&L of " + date + " was not recorded, so the day's P&L by line is"
            + " not reported; positions appear in the exposures");
      }
      stale.forEach((id, mark) -> gap("marketData", id, "no quote or bar today; the last known mark " + mark
          + " (an earlier price or a fill) is carried"));
      for (String id : missing) {
        gap("marketData", id, "no mark price at all: market value and unrealized P&L reported as 0");
      }
      List<PnlSection.Line> out = new ArrayList<>();
      for (LineSum l : lines.values()) {
        Instrument i = l.instrument;
        boolean miss = l.status == MarkStatus.MISSING;
        out.add(new PnlSection.Line(i.id(), i.symbol(), i.sector(), i.issuer(), l.strategy, l.quantity,
            miss ? OptionalDouble.empty() : OptionalDouble.of(l.mark), l.status, miss ? 0 : l.marketValue,
            l.realized, miss ? 0 : l.unrealized));
      }

      OptionalDouble previous = OptionalDouble.empty();
      if (sameDay && !startNav.isEmpty()) {
        double sum = 0;
        for (String a : accounts) {
          Double v = startNav.get(a);
          if (v == null) {
            gap("pnl", a, "account opened during the day: its NAV is not in the day's reference NAV, so the day"
                + " return includes its funding");
          } else {
            sum += v;
          }
        }
        if (sum > 0) {
          previous = OptionalDouble.of(sum);
          dayPnl = nav - sum;
          rememberPeriodStarts(w, date, sum);
        }
      }
      if (previous.isEmpty()) {
        gap("pnl", "navPreviousClose", "the NAV at the start of " + date + " is not known to this process");
      }
      OptionalDouble month = find(monthStartNav.get(YearMonth.from(date)));
      OptionalDouble year = find(yearStartNav.get(date.getYear()));
      if (month.isEmpty()) {
        gap("pnl", "navMonthStart", "this process did not see the first session of " + YearMonth.from(date)
            + "; month-to-date return not available");
      }
      if (year.isEmpty()) {
        gap("pnl", "navYearStart", "this process did not see the first session of " + date.getYear()
            + "; year-to-date return not available");
      }
      return new PnlSection(nav, previous, month, year, out);
    }

    /** Per account and instrument (joined by NUL): the strategies whose orders were approved today. */
    private Map<String, Set<String>> strategiesTradedToday() {
      Map<String, Set<String>> out = new HashMap<>();
      for (OrderRequest o : w.dayBook.approvedOrders().values()) {
        out.computeIfAbsent(o.account() + '\u0000' + o.instrument().id(), k -> new TreeSet<>()).add(o.strategy());
      }
      return out;
    }

    // --------------------------------------------------------------------------------------------
    // risk

    private RiskSection risk() {
      RiskSection.Builder r = RiskSection.builder();
      exposures(r);
      double confidence = w.riskGate.confidence();
      int scenarios = w.scenarios.scenarioCount();
      List<String> ids = new ArrayList<>();
      List<double[]> rows = new ArrayList<>();
      List<String> noScenarios = new ArrayList<>();
      for (Holding h : holdings.values()) {
        Optional<double[]> ret = scenarios == 0 ? Optional.empty() : w.scenarios.findReturns(h.instrument.id());
        if (ret.isPresent()) {
          ids.add(h.instrument.id());
          rows.add(ret.get());
        } else {
          noScenarios.add(h.instrument.id());
        }
      }
      if (scenarios == 0) {
        gap("risk", "scenarios", "no return scenarios loaded from the history store: ES, VaR, component ES and"
            + " tail dependence not computed");
      } else if (!noScenarios.isEmpty()) {
        gap("risk", String.join(", ", noScenarios), "held without return scenarios: ES, VaR and component ES"
            + " would understate the risk and are not reported");
      } else if (holdings.isEmpty()) {
        closeVar = 0;
        closeEs = 0;
        r.tailRisk(new RiskSection.TailRisk(confidence, "historical", scenarios, 0, 0, esLimit()));
      } else {
        double[] exposures = new double[ids.size()];
        for (int i = 0; i < exposures.length; i++) {
          exposures[i] = holdings.get(ids.get(i)).exposure;
        }
        double[][] matrix = rows.toArray(new double[0][]);
        PortfolioEsResult es = PortfolioExpectedShortfall.of(ScenarioMatrix.of(ids, matrix), confidence)
            .compute(exposures);
        closeVar = es.var();
        closeEs = es.es();
        r.tailRisk(new RiskSection.TailRisk(confidence, "historical", es.scenarioCount(), es.var(), es.es(),
            esLimit()));
        for (int i = 0; i < ids.size(); i++) {
          r.componentEs(ids.get(i), holdings.get(ids.get(i)).instrument.sector(), es.componentEs(i));
        }
        part("tailDependence", () -> tailDependence(r, ids, matrix, exposures));
      }
      part("drawdown", () -> drawdown(r));
      part("crowding", () -> crowding(r));
      part("esBacktest", () -> backtest(r, confidence));
      return r.build();
    }

    /** Builds one part of the risk section; a failure leaves that part absent with a gap. */
    private void part(String subject, Runnable body) {
      try {
        body.run();
      } catch (RuntimeException e) {
        LOG.warn("end-of-day report of {}: risk part {} could not be computed", date, subject, e);
        gap("risk", subject, "could not be computed: " + e);
      }
    }

    private OptionalDouble esLimit() {
      if (w.esLimit == Double.POSITIVE_INFINITY && w.esLimitShareOfNav == Double.POSITIVE_INFINITY) {
        return OptionalDouble.empty();
      }
      double sum = 0;
      for (AccountSummary s : summaries.values()) {
        sum += Math.max(0, Math.min(w.esLimit, w.esLimitShareOfNav * s.nav()));
      }
      return sum > 0 && Double.isFinite(sum) ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }

    private void exposures(RiskSection.Builder r) {
      double longSum = 0;
      double shortSum = 0;
      Map<String, double[]> sectors = new TreeMap<>();
      Map<String, double[]> issuers = new TreeMap<>();
      for (Holding h : holdings.values()) {
        double l = Math.max(h.exposure, 0);
        double s = Math.max(-h.exposure, 0);
        longSum += l;
        shortSum += s;
        double[] sec = sectors.computeIfAbsent(h.instrument.sector(), k -> new double[2]);
        sec[0] += l;
        sec[1] += s;
        double[] iss = issuers.computeIfAbsent(h.instrument.issuer(), k -> new double[2]);
        iss[0] += l;
        iss[1] += s;
      }
      r.exposures(new RiskSection.Exposures(longSum, shortSum, lines(sectors), lines(issuers)));
    }

    private List<RiskSection.ExposureLine> lines(Map<String, double[]> byName) {
      List<RiskSection.ExposureLine> out = new ArrayList<>();
      byName.forEach((name, v) -> out.add(new RiskSection.ExposureLine(name, v[0], v[1])));
      return out;
    }

    private void tailDependence(RiskSection.Builder r, List<String> ids, double[][] rows, double[] exposures) {
      if (ids.size() < 2) {
        return;
      }
      List<String> useIds = ids;
      double[][] useRows = rows;
      double[] useWeights = exposures;
      if (ids.size() > TAIL_MAX_INSTRUMENTS) {
        Integer[] order = new Integer[ids.size()];
        for (int i = 0; i < order.length; i++) {
          order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(Math.abs(exposures[b]), Math.abs(exposures[a])));
        useIds = new ArrayList<>();
        useRows = new double[TAIL_MAX_INSTRUMENTS][];
        useWeights = new double[TAIL_MAX_INSTRUMENTS];
        for (int k = 0; k < TAIL_MAX_INSTRUMENTS; k++) {
          useIds.add(ids.get(order[k]));
          useRows[k] = rows[order[k]];
          useWeights[k] = exposures[order[k]];
        }
        gap("risk", "tailDependence", "analysed for the " + TAIL_MAX_INSTRUMENTS + " largest of " + ids.size()
            + " positions");
      }
      TailDependenceReport t = TailDependence.analyze(useIds, useRows, useWeights, TAIL_QUANTILE, TAIL_THRESHOLD);
      for (TailDependencePair p : t.flaggedPairs()) {
        if (p.lower() > TAIL_THRESHOLD) {
          r.tailFlag(new RiskSection.TailFlag(p.first(), p.second(), RiskSection.Tail.LOWER, p.lower(), TAIL_THRESHOLD));
        }
        if (p.upper() > TAIL_THRESHOLD) {
          r.tailFlag(new RiskSection.TailFlag(p.first(), p.second(), RiskSection.Tail.UPPER, p.upper(), TAIL_THRESHOLD));
        }
      }
      for (String id : useIds) {
        TailDependenceEstimate e = t.versusPortfolio().get(id);
        if (e != null && e.lower() > TAIL_THRESHOLD) {
          r.tailFlag(new RiskSection.TailFlag(id, PORTFOLIO, RiskSection.Tail.LOWER, e.lower(), TAIL_THRESHOLD));
        }
      }
    }

    private void drawdown(RiskSection.Builder r) {
      if (w.drawdowns.isEmpty()) {
        return;
      }
      if (accounts.size() == 1 && w.drawdowns.containsKey(accounts.get(0))) {
        String account = accounts.get(0);
        DrawdownState s = w.drawdowns.get(account).state();
        double budget = w.drawdownBudgets.getOrDefault(account, Double.NaN);
        if (s.highWaterMark() > 0 && budget > 0 && budget <= 1) {
          r.drawdown(new RiskSection.Drawdown(s.highWaterMark(), budget, s.tier() == 0 ? "NORMAL" : "TIER_" + s.tier(),
              s.maxGrossLeverage(), s.restricted()));
        } else {
          gap("risk", "drawdown", "the drawdown controller of " + account + " has no high-water mark yet");
        }
        return;
      }
      StringBuilder sb = new StringBuilder("drawdown budgets are kept per account, not for the firm:");
      for (Map.Entry<String, DrawdownController> e : new TreeMap<>(w.drawdowns).entrySet()) {
        DrawdownState s = e.getValue().state();
        sb.append(' ').append(e.getKey()).append(" drawdown ").append(String.format("%.4f", s.drawdown()))
            .append(" of high-water mark ").append(s.highWaterMark()).append(", budget used ")
            .append(String.format("%.4f", s.budgetUsed())).append(", tier ").append(s.tier()).append(';');
      }
      gap("risk", "drawdown", sb.substring(0, sb.length() - 1));
    }

    private void crowding(RiskSection.Builder r) {
      if (holdings.isEmpty()) {
        return;
      }
      List<CrowdingPosition> list = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      List<double[]> rows = new ArrayList<>();
      for (Holding h : holdings.values()) {
        list.add(CrowdingPosition.of(h.instrument, h.exposure));
        w.scenarios.findReturns(h.instrument.id()).ifPresent(ret -> {
          ids.add(h.instrument.id());
          rows.add(ret);
        });
      }
      CrowdingReport c = rows.size() >= 2 ? w.crowding.analyze(list, ids, rows.toArray(new double[0][]))
          : w.crowding.analyze(list);
      double hhi = c.byInstrument().hhi();
      if (!(hhi > 0)) {
        return;
      }
      OptionalDouble corr = c.averagePairwiseCorrelation().isPresent()
          ? OptionalDouble.of(Math.max(-1, Math.min(1, c.averagePairwiseCorrelation().getAsDouble())))
          : OptionalDouble.empty();
      List<RiskSection.Cluster> clusters = new ArrayList<>();
      for (Cluster k : c.clusters()) {
        String name = k.members().size() == 1 ? k.members().get(0)
            : k.members().get(0) + " +" + (k.members().size() - 1);
        clusters.add(new RiskSection.Cluster(name, k.members(), k.grossExposure()));
      }
      r.crowding(new RiskSection.Crowding(RiskSection.CrowdingLevel.valueOf(c.level().name()), Math.min(hhi, 1),
          Math.max(0, Math.min(1, c.byInstrument().gini())), corr, clusters));
    }

    private void backtest(RiskSection.Builder r, double confidence) {
      List<double[]> pairs = new ArrayList<>();
      Map<LocalDate, double[]> all = new TreeMap<>(daily);
      all.put(date, new double[] {dayPnl, closeVar, closeEs});
      LocalDate[] dates = all.keySet().toArray(new LocalDate[0]);
      for (int i = dates.length - 1; i > 0 && pairs.size() < BACKTEST_DAYS; i--) {
        double[] today = all.get(dates[i]);
        double[] before = all.get(dates[i - 1]);
        if (dates[i - 1].equals(w.calendar.previousTradingDay(dates[i])) && Double.isFinite(today[0])
            && before[2] > 0 && Double.isFinite(before[2]) && before[1] <= before[2]) {
          pairs.add(0, new double[] {today[0], before[1], before[2]});
        }
      }
      Optional<RiskSection.Backtest> b = pairs.size() < BACKTEST_DAYS ? Optional.empty() : backtestOf(pairs, confidence);
      if (b.isPresent()) {
        r.esBacktest(b.get());
      } else {
        gap("risk", "esBacktest", pairs.size() + " of the " + BACKTEST_DAYS + " daily observations needed (a close's"
            + " VaR and ES forecast against the next session's P&L, kept by this process)");
      }
    }

    // --------------------------------------------------------------------------------------------
    // execution

    private ExecutionSection execution() {
      Map<String, ParentOrderView> parents = new LinkedHashMap<>();
      if (sameDay) {
        for (ParentOrderView p : w.dayBook.finishedParents()) {
          parents.put(p.clientOrderId(), p);
        }
      }
      for (ParentOrderView p : w.engine.parents()) {
        boolean started = !p.startTime().isBefore(dayStart) && p.startTime().isBefore(dayEnd);
        boolean endedToday = p.state().isTerminal() && !p.lastUpdate().isBefore(dayStart)
            && p.lastUpdate().isBefore(dayEnd);
        if (started || endedToday || !p.state().isTerminal() || parents.containsKey(p.clientOrderId())) {
          parents.put(p.clientOrderId(), p);
        }
      }
      if (parents.isEmpty()) {
        return ExecutionSection.noTrades();
      }
      try {
        w.flushBars();
      } catch (RuntimeException e) {
        gap("execution", "marketData", "buffered bars could not be written to history: " + e.getMessage());
      }
      List<Fill> dayFills = sameDay ? w.dayBook.fills() : List.of();
      Map<String, List<Bar>> bars = new HashMap<>();
      List<ExecutionSection.ParentOrder> orders = new ArrayList<>();
      List<ParentOrderView> sorted = new ArrayList<>(parents.values());
      sorted.sort(Comparator.comparing(ParentOrderView::startTime).thenComparing(ParentOrderView::clientOrderId));
      for (ParentOrderView p : sorted) {
        try {
          orders.add(parentOrder(p, dayFills, bars));
        } catch (RuntimeException e) {
          gap("execution", p.clientOrderId(), "transaction cost analysis failed: " + e.getMessage());
        }
      }
      return new ExecutionSection(orders);
    }

    private ExecutionSection.ParentOrder parentOrder(ParentOrderView p, List<Fill> dayFills,
        Map<String, List<Bar>> barCache) {
      OrderRequest o = p.order();
      String id = p.clientOrderId();
      Instrument instrument = o.instrument();
      List<Fill> fills;
      try {
        fills = w.engine.fills(id);
      } catch (RuntimeException e) {
        fills = new ArrayList<>();
        for (Fill f : dayFills) {
          if (f.clientOrderId().equals(id)) {
            fills.add(f);
          }
        }
      }
      Instant start = p.startTime();
      Instant end = p.state().isTerminal() ? p.lastUpdate() : now;
      List<ExecutionFill> ef = new ArrayList<>();
      long filled = 0;
      for (Fill f : fills) {
        if (f.timestamp().isBefore(start)) {
          start = f.timestamp();
        }
        if (f.timestamp().isAfter(end)) {
          end = f.timestamp();
        }
        ef.add(ExecutionFill.of(f));
        filled += f.quantity();
      }
      double arrival = p.arrivalPrice();
      if (!(arrival > 0) || !Double.isFinite(arrival)) {
        throw new IllegalStateException("no arrival price for parent " + id);
      }
      if (filled > o.quantity()) {
        throw new IllegalStateException("fills of " + filled + " exceed the order quantity " + o.quantity());
      }
      List<Bar> bars = barCache.computeIfAbsent(instrument.id(), this::intradayBars);
      MarketTape.Builder tape = MarketTape.builder().add(start, arrival, arrival, arrival, 0);
      int observed = 0;
      for (Bar b : bars) {
        Instant t = b.start().plus(b.interval().duration());
        if (t.isAfter(start) && !t.isAfter(end)) {
          double price = b.vwap().orElse((b.high() + b.low() + b.close()) / 3);
          tape.add(t, b.close(), b.close(), price, b.volume());
          observed++;
        }
      }
      ParentExecution ex = new ParentExecution(id, o.side(), o.quantity(), OptionalDouble.empty(), start, end,
          instrument.multiplier(), ef);
      TcaResult tca = TransactionCostAnalysis.analyze(ex, tape.build());
      OptionalDouble vwap = OptionalDouble.empty();
      OptionalDouble twap = OptionalDouble.empty();
      OptionalLong volume = OptionalLong.empty();
      if (observed > 0) {
        vwap = tca.vwap();
        twap = OptionalDouble.of(tca.twap());
        volume = OptionalLong.of(tca.marketVolume());
      } else {
        gap("execution", id, "no intraday bars of " + instrument.id() + " during the order: VWAP, TWAP,"
            + " participation not computed; timing and opportunity cost measured at the arrival mid");
      }
      long parentFilled = p.filledQuantity();
      OptionalDouble avg = parentFilled > 0 ? p.averageFillPrice() : OptionalDouble.empty();
      return new ExecutionSection.ParentOrder(id, instrument.id(), o.strategy(), o.side(), p.algoName(),
          p.state().name(), o.quantity(), parentFilled, instrument.multiplier(), arrival, avg, vwap, twap, volume,
          new ExecutionSection.Shortfall(tca.delayCost(), tca.impactCost(), tca.timingCost(), tca.opportunityCost(),
              tca.fees()));
    }

    /** The day's intraday bars of an instrument from history, at the finest interval that has any. */
    private List<Bar> intradayBars(String instrumentId) {
      List<BarInterval> intervals = new ArrayList<>();
      for (BarInterval i : BarInterval.values()) {
        if (i.isIntraday()) {
          intervals.add(i);
        }
      }
      intervals.sort(Comparator.comparing(BarInterval::duration));
      for (BarInterval i : intervals) {
        try {
          List<Bar> bars = w.history.getBars(instrumentId, i, dayStart, dayEnd);
          if (!bars.isEmpty()) {
            return bars;
          }
        } catch (RuntimeException e) {
          LOG.debug("no {} bars of {}: {}", i, instrumentId, e.toString());
        }
      }
      return List.of();
    }

    // --------------------------------------------------------------------------------------------
    // compliance

    private ComplianceSection compliance() {
      long approvals = sameDay ? w.dayBook.approved() : 0;
      long rejections = sameDay ? w.dayBook.rejected() : 0;
      long warnings = sameDay ? Math.min(w.dayBook.approvedWithWarnings(), approvals) : 0;
      Map<String, long[]> byRule = new TreeMap<>();
      if (sameDay) {
        w.dayBook.rejectionsByRule().forEach((k, v) -> byRule.computeIfAbsent(k, x -> new long[2])[0] += v);
        w.dayBook.warningsByRule().forEach((k, v) -> byRule.computeIfAbsent(k, x -> new long[2])[1] += v);
      }
      List<ComplianceSection.RuleCount> rules = new ArrayList<>();
      byRule.forEach((k, v) -> rules.add(new ComplianceSection.RuleCount(k, v[0], v[1])));

      Map<String, Violation> violations = new LinkedHashMap<>();
      if (sameDay) {
        for (Violation v : w.dayBook.violationsToday()) {
          violations.put(v.key() + '@' + v.openedAt(), v);
        }
      }
      for (Violation v : w.sweep.openViolations()) {
        violations.putIfAbsent(v.key() + '@' + v.openedAt(), v);
      }
      List<ComplianceSection.Violation> vs = new ArrayList<>();
      for (Map.Entry<String, Violation> e : violations.entrySet()) {
        Violation v = e.getValue();
        String detail = v.message();
        if (Double.isFinite(v.limit()) || Double.isFinite(v.value())) {
          detail += " (limit " + v.limit() + ", value " + v.value() + ")";
        }
        vs.add(new ComplianceSection.Violation(e.getKey(), v.ruleId(), v.account() + "/" + v.subject(), v.severity(),
            v.openedAt(), v.resolvedAt(), detail));
      }

      List<ComplianceSection.KillSwitchEvent> events = new ArrayList<>();
      if (sameDay) {
        for (String[] e : w.dayBook.killSwitchEvents()) {
          Instant t = Instant.parse(e[0]);
          String trigger = e.length > 4 && e[4] != null && !e[4].isBlank() ? e[4] : "unknown";
          events.add(new ComplianceSection.KillSwitchEvent(t, "engaged".equals(e[1])
              ? ComplianceSection.KillSwitchAction.ENGAGED : ComplianceSection.KillSwitchAction.RESET,
              trigger.toUpperCase(Locale.ROOT).replace('-', '_'), blankTo(e[2], "unknown"),
              e[3] == null ? "" : e[3]));
        }
      }
      KillSwitchState ks = w.killSwitch.state();
      boolean engaged = ks != null && ks.engaged();
      if (engaged && !ks.since().isBefore(dayStart) && ks.since().isBefore(dayEnd)
          && events.stream().noneMatch(e -> e.time().equals(ks.since()))) {
        // engaged after the last tick recorded it
        events.add(new ComplianceSection.KillSwitchEvent(ks.since(), ComplianceSection.KillSwitchAction.ENGAGED,
            ks.trigger().toUpperCase(Locale.ROOT).replace('-', '_'), blankTo(ks.by(), "unknown"),
            ks.reason()));
      }
      events.sort(Comparator.comparing(ComplianceSection.KillSwitchEvent::time));
      return new ComplianceSection(approvals, rejections, warnings, rules, vs, events, policyChanges(), engaged);
    }

    private List<ComplianceSection.PolicyChange> policyChanges() {
      String sha = w.compliance.policy().sha256();
      if (policyShaAtLastReport != null && policyShaAtLastReport.equals(sha)) {
        return List.of();
      }
      // the day, and anything since the last report (a change after yesterday's report belongs here too)
      Instant from = lastReportAt != null && lastReportAt.isBefore(dayStart) ? lastReportAt : dayStart;
      Instant to = now.isAfter(dayEnd) ? now : dayEnd;
      List<ComplianceSection.PolicyChange> out = new ArrayList<>();
      try (Stream<JournalRecord> records = AuditJournal.read(w.journal.directory())) {
        records.filter(r -> r.time().isAfter(from) || r.time().equals(from)).filter(r -> r.time().isBefore(to))
            .filter(r -> AuditRecords.POLICY_LOADED.equals(r.type()) || AuditRecords.POLICY_REFUSED.equals(r.type()))
            .forEach(r -> out.add(policyChange(r)));
      } catch (RuntimeException e) {
        gap("compliance", "policyChanges", "the audit journal could not be read: " + e.getMessage());
      }
      return out;
    }

    private ComplianceSection.PolicyChange policyChange(JournalRecord r) {
      JsonNode n;
      try {
        n = JSON.readTree(r.payload());
      } catch (java.io.IOException e) {
        throw new IllegalStateException("journal record " + r.sequence() + " is not JSON", e);
      }
      String source = blankTo(n.path("source").asText(""), "unknown");
      if (AuditRecords.POLICY_LOADED.equals(r.type())) {
        String version = n.path("name").asText("") + " " + n.path("version").asText("");
        String previous = n.path("previousSha256").asText("");
        return new ComplianceSection.PolicyChange(r.time(), blankTo(version.trim(), shortSha(n.path("sha256").asText(""))),
            source, "loaded (sha256 " + shortSha(n.path("sha256").asText("")) + ")"
                + (previous.isEmpty() ? "" : ", replacing sha256 " + shortSha(previous)));
      }
      List<String> problems = new ArrayList<>();
      n.path("problems").forEach(p -> problems.add(p.asText()));
      return new ComplianceSection.PolicyChange(r.time(), blankTo(shortSha(n.path("sha256InForce").asText("")), "unknown"),
          source, "refused (sha256 " + shortSha(n.path("sha256").asText("")) + "): " + String.join("; ", problems)
              + "; the policy in force is unchanged");
    }

    // --------------------------------------------------------------------------------------------
    // alerts and data quality

    private AlertSection alerts() {
      List<AlertStatus> held = w.alerts.alerts();
      for (AlertStatus a : held) {
        alertTally.count(a.alert());
      }
      List<AlertSection.Count> counts = new ArrayList<>();
      for (Map.Entry<Severity, Map<AlertCategory, Long>> e : alertTally.counts(date).entrySet()) {
        for (Map.Entry<AlertCategory, Long> c : e.getValue().entrySet()) {
          counts.add(new AlertSection.Count(e.getKey(), c.getKey(), c.getValue()));
        }
      }
      List<AlertSection.OpenAlert> open = new ArrayList<>();
      for (AlertStatus a : held) {
        if (a.state() != AlertStatus.State.RESOLVED && !a.alert().isResolved()) {
          open.add(new AlertSection.OpenAlert(a.alert().name(), a.alert().severity(), a.alert().category(),
              a.alert().startsAt(), a.alert().annotations().getOrDefault(dev.parapet.api.alert.Alert.SUMMARY, ""),
              a.acknowledgement().isPresent()));
        }
      }
      return new AlertSection(counts, open, dataQuality());
    }

    private Optional<AlertSection.DataQuality> dataQuality() {
      MaintenanceSummary m = w.lastMaintenance;
      if (m == null) {
        gap("dataQuality", "history", "no data maintenance run since the process started");
        return Optional.empty();
      }
      if (m.finishedAt().isBefore(dayStart.minus(Duration.ofDays(1)))) {
        gap("dataQuality", "history", "the last data maintenance run finished at " + m.finishedAt()
            + ", not the night before " + date);
      }
      List<AlertSection.CheckCount> byCheck = new ArrayList<>();
      m.quality().counts().forEach((check, n) -> byCheck.add(new AlertSection.CheckCount(check.name(), n)));
      List<AlertSection.Issue> worst = new ArrayList<>();
      for (QualityIssue i : m.quality().worstIssues()) {
        if (worst.size() == WORST_ISSUES) {
          break;
        }
        worst.add(new AlertSection.Issue(i.instrumentId(), i.date(), i.check().name(), i.severity(), i.detail()));
      }
      return Optional.of(new AlertSection.DataQuality(m.quality().runAt(), m.quality().instrumentsChecked(),
          m.quality().barsChecked(), byCheck, worst));
    }

    // --------------------------------------------------------------------------------------------
    // metrics and history

    private Optional<CloseMetrics> metrics() {
      String account = null;
      double largest = Double.NEGATIVE_INFINITY;
      for (Map.Entry<String, AccountSummary> e : summaries.entrySet()) {
        if (e.getValue().nav() > largest) {
          largest = e.getValue().nav();
          account = e.getKey();
        }
      }
      Optional<MonitorSnapshot> snap = account == null ? Optional.empty() : w.findMetrics(account);
      if (snap.isEmpty()) {
        gap("metrics", account == null ? PORTFOLIO : account, "no metrics sample was taken (the metrics task runs"
            + " every minute during the session)");
        return Optional.empty();
      }
      String note = accounts.size() > 1 ? "account " + account + ", the largest of " + accounts.size() : "";
      MonitorSnapshot s = snap.get();
      List<CloseMetrics.Metric> list = new ArrayList<>();
      for (Metric m : Metric.values()) {
        OptionalDouble v = s.metrics().find(m);
        if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
          list.add(new CloseMetrics.Metric(m.id(), v, note));
        } else {
          String why = s.metrics().findAbsenceReason(m).orElse("not computed");
          list.add(CloseMetrics.Metric.absent(m.id(), note.isEmpty() ? why : why + " (" + note + ")"));
        }
      }
      if (s.turnover().isPresent() && Double.isFinite(s.turnover().getAsDouble())) {
        list.add(new CloseMetrics.Metric("turnover", s.turnover(), note.isEmpty() ? "traded notional over NAV today"
            : "traded notional over NAV today (" + note + ")"));
      }
      return Optional.of(new CloseMetrics(s.time(), (int) Math.min(Integer.MAX_VALUE, s.metrics().count()), list));
    }

    private History history() {
      if (accounts.isEmpty()) {
        return History.empty();
      }
      if (accounts.size() == 1) {
        Wiring.RiskTrack t = w.risk.get(accounts.get(0));
        if (t == null) {
          gap("history", PORTFOLIO, "no NAV, drawdown or ES sample was taken yet");
          return History.empty();
        }
        List<History.Point> dd = new ArrayList<>();
        for (StatusSnapshot.Point p : t.copy(t.drawdownHistory)) {
          dd.add(new History.Point(p.time(), Math.max(0, -p.value())));
        }
        return new History(points(t.copy(t.navHistory)), increasing(dd), points(t.copy(t.esHistory)));
      }
      // several accounts: the equity curve sums the accounts at the instants every one was sampled
      Map<Instant, double[]> sum = new TreeMap<>();
      int tracked = 0;
      for (String a : accounts) {
        Wiring.RiskTrack t = w.risk.get(a);
        if (t == null) {
          continue;
        }
        tracked++;
        for (StatusSnapshot.Point p : t.copy(t.navHistory)) {
          double[] v = sum.computeIfAbsent(p.time(), k -> new double[2]);
          v[0] += p.value();
          v[1]++;
        }
      }
      List<History.Point> equity = new ArrayList<>();
      for (Map.Entry<Instant, double[]> e : sum.entrySet()) {
        if (e.getValue()[1] == tracked && tracked == accounts.size() && Double.isFinite(e.getValue()[0])) {
          equity.add(new History.Point(e.getKey(), e.getValue()[0]));
        }
      }
      gap("history", "expectedShortfall", "ES history is kept per account; the firm's is not recorded (drawdown is"
          + " derived from the firm's equity curve)");
      return new History(equity, List.of(), List.of());
    }

    private List<History.Point> points(List<StatusSnapshot.Point> in) {
      List<History.Point> out = new ArrayList<>();
      for (StatusSnapshot.Point p : in) {
        if (Double.isFinite(p.value())) {
          out.add(new History.Point(p.time(), p.value()));
        }
      }
      return increasing(out);
    }
  }

  // ----------------------------------------------------------------------------------------------
  // helpers (package-private for tests)

  /** Keeps the NAV at the start of the first session of a month and of a year, as reference NAVs. */
  private void rememberPeriodStarts(Wiring w, LocalDate date, double startNav) {
    LocalDate previous = w.calendar.previousTradingDay(date);
    if (previous.getYear() != date.getYear() || previous.getMonth() != date.getMonth()) {
      monthStartNav.put(YearMonth.from(date), startNav);
    }
    if (previous.getYear() != date.getYear()) {
      yearStartNav.put(date.getYear(), startNav);
    }
  }

  /**
   * Backtests VaR and ES forecasts against realised P&amp;L: the Basel traffic light of the VaR
   * exceptions at the forecasts' confidence (BCBS 1996, Table 2, generalised through the binomial
   * distribution as {@link Backtests#trafficLight} does) and the Acerbi-Szekely Z2 statistic.
   *
   * @param pairs per day {pnl, var, es}, oldest first; var and es are the forecasts for that day
   * @param confidence the forecasts' confidence level
   * @return the backtest, empty when there are no pairs
   */
  static Optional<RiskSection.Backtest> backtestOf(List<double[]> pairs, double confidence) {
    if (pairs.isEmpty()) {
      return Optional.empty();
    }
    int n = pairs.size();
    double[] pnl = new double[n];
    double[] var = new double[n];
    double[] es = new double[n];
    for (int i = 0; i < n; i++) {
      pnl[i] = pairs.get(i)[0];
      var[i] = pairs.get(i)[1];
      es[i] = pairs.get(i)[2];
    }
    BacktestReport b = Backtests.run(pnl, var, es, confidence);
    return Optional.of(new RiskSection.Backtest(RiskSection.TrafficLight.valueOf(b.trafficLight().zone().name()),
        b.observations(), b.exceptions(), confidence, Double.isFinite(b.z2().statistic())
            ? OptionalDouble.of(b.z2().statistic()) : OptionalDouble.empty()));
  }

  /** Drops points whose time does not strictly increase (the charts need strictly increasing times). */
  static List<History.Point> increasing(List<History.Point> in) {
    List<History.Point> out = new ArrayList<>(in.size());
    for (History.Point p : in) {
      if (out.isEmpty() || p.time().isAfter(out.get(out.size() - 1).time())) {
        out.add(p);
      } else if (p.time().equals(out.get(out.size() - 1).time())) {
        out.set(out.size() - 1, p);
      }
    }
    return out;
  }

  private static OptionalDouble find(Double v) {
    return v != null && v > 0 ? OptionalDouble.of(v) : OptionalDouble.empty();
  }

  private static String blankTo(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s;
  }

  private static String shortSha(String sha) {
    return sha == null ? "" : sha.length() > 12 ? sha.substring(0, 12) : sha;
  }
}
