package dev.parapet.orchestrator;

import dev.parapet.api.alert.Alert;
import dev.parapet.api.book.AccountSummary;
import dev.parapet.api.book.ExposureBasis;
import dev.parapet.api.book.Position;
import dev.parapet.api.book.PositionBook;
import dev.parapet.api.calendar.MarketCalendar;
import dev.parapet.api.calendar.TradingSession;
import dev.parapet.api.data.HistoryStore;
import dev.parapet.api.data.ImputationPolicy;
import dev.parapet.api.data.ReturnMatrix;
import dev.parapet.api.execution.MarketState;
import dev.parapet.api.execution.ParentOrderView;
import dev.parapet.api.gate.TradeGate;
import dev.parapet.api.metrics.Metric;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.Quote;
import dev.parapet.api.report.ReportGenerator;
import dev.parapet.compliance.gate.ComplianceGate;
import dev.parapet.compliance.journal.AuditJournal;
import dev.parapet.compliance.journal.AuditTrail;
import dev.parapet.compliance.killswitch.KillSwitch;
import dev.parapet.compliance.killswitch.KillSwitchState;
import dev.parapet.compliance.monitor.ComplianceSweep;
import dev.parapet.compliance.monitor.Violation;
import dev.parapet.data.JdbcHistoryStore;
import dev.parapet.data.MaintenancePolicy;
import dev.parapet.data.MaintenanceSummary;
import dev.parapet.execution.engine.ExecutionEngine;
import dev.parapet.monitoring.MonitorSnapshot;
import dev.parapet.monitoring.RealTimeMonitor;
import dev.parapet.monitoring.alert.AlertStatus;
import dev.parapet.monitoring.alert.AlertSystem;
import dev.parapet.monitoring.alert.receiver.AlertStream;
import dev.parapet.orchestrator.status.StatusSnapshot;
import dev.parapet.orchestrator.status.StatusSnapshot.AccountStatus;
import dev.parapet.orchestrator.status.StatusSnapshot.AlertView;
import dev.parapet.orchestrator.status.StatusSnapshot.CrowdingStatus;
import dev.parapet.orchestrator.status.StatusSnapshot.DrawdownStatus;
import dev.parapet.orchestrator.status.StatusSnapshot.ParentStatus;
import dev.parapet.orchestrator.status.StatusSnapshot.Point;
import dev.parapet.orchestrator.status.StatusSnapshot.RiskStatus;
import dev.parapet.orchestrator.status.StatusSnapshot.TaskStatus;
import dev.parapet.orchestrator.status.StatusSnapshot.ViolationStatus;
import dev.parapet.orchestrator.task.TaskHealth;
import dev.parapet.orchestrator.task.TaskRunner;
import dev.parapet.reporting.ReportStore;
import dev.parapet.risk.crowding.CrowdingAnalyzer;
import dev.parapet.risk.crowding.CrowdingPosition;
import dev.parapet.risk.crowding.CrowdingReport;
import dev.parapet.risk.drawdown.DrawdownController;
import dev.parapet.risk.drawdown.DrawdownState;
import dev.parapet.risk.es.RiskEstimate;
import dev.parapet.risk.es.RiskEstimators;
import dev.parapet.risk.gate.RiskGate;
import dev.parapet.risk.gate.UpdatableScenarioProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wired components of one {@link TradingControls} and the bodies of its scheduled tasks. Built by
 * {@link TradingControlsBuilder}; package-private plumbing.
 */
final class Wiring {

  private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);
  private static final int HISTORY_POINTS = 500;

  InstantSource clock;
  MarketCalendar calendar;
  PositionBook book;
  AlertSystem alerts;
  AlertStream alertStream;
  AuditJournal journal;
  KillSwitch killSwitch;
  ComplianceGate compliance;
  ComplianceSweep sweep;
  UpdatableScenarioProvider scenarios;
  RiskGate riskGate;
  Map<String, DrawdownController> drawdowns = new HashMap<>();
  Map<String, Double> drawdownBudgets = new HashMap<>();
  CrowdingAnalyzer crowding;
  ExecutionEngine engine;
  HistoryStore history;
  boolean ownsHistory;
  ReportStore reportStore;
  ReportGenerator reportGenerator;
  Path reportsDirectory;
  StatusWriter statusWriter;
  TaskRunner runner;
  List<TradeGate> gates;
  final DayBook dayBook = new DayBook();
  EodReporter eodReporter;
  double esLimit = Double.POSITIVE_INFINITY;
  double esLimitShareOfNav = Double.POSITIVE_INFINITY;
  int scenarioSessions;
  int advSessions;
  Duration maxTaskWait;
  boolean background;
  Duration backgroundTick;
  MaintenancePolicy maintenancePolicy = MaintenancePolicy.defaults();
  java.util.function.Supplier<StatusSnapshot> statusSource;

  final Map<String, RealTimeMonitor> monitors = new ConcurrentHashMap<>();
  final Map<String, RiskTrack> risk = new ConcurrentHashMap<>();
  final Map<String, InstrumentStats> stats = new ConcurrentHashMap<>();
  final ConcurrentLinkedQueue<Bar> barBuffer = new ConcurrentLinkedQueue<>();
  /** Approved parents handed to the engine whose reservation is released when they finish. */
  final Set<String> activeParents = ConcurrentHashMap.newKeySet();
  volatile MaintenanceSummary lastMaintenance;
  volatile KillSwitchState lastKillSwitch;
  private ScheduledExecutorService driver;
  private final Object durableWait = new Object();

  /** Per-account risk figures kept for the status and the report. */
  static final class RiskTrack {
    final Deque<Point> esHistory = new ArrayDeque<>();
    final Deque<Point> navHistory = new ArrayDeque<>();
    final Deque<Point> drawdownHistory = new ArrayDeque<>();
    volatile RiskEstimate latest;
    volatile CrowdingReport crowding;
    volatile String error;
    double peakNav = Double.NaN;

    synchronized void add(Deque<Point> series, Instant t, double v) {
      series.addLast(new Point(t, v));
      while (series.size() > HISTORY_POINTS) {
        series.removeFirst();
      }
    }

    synchronized List<Point> copy(Deque<Point> series) {
      return List.copyOf(series);
    }
  }

  /** Per-instrument figures the execution engine needs in its market state. */
  static final class InstrumentStats {
    volatile double adv = Double.NaN;
    volatile double dailyVolatility = Double.NaN;
    volatile long sessionVolume;
    volatile LocalDate sessionDate;
    volatile boolean warnedNoStats;
  }

  // ----------------------------------------------------------------------------------------------
  // life cycle

  void start() {
    refreshScenarios();
    sessionStart();
    runner.start();
    if (background) {
      driver = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "parapet-controls-driver");
        t.setDaemon(true);
        return t;
      });
      driver.scheduleWithFixedDelay(() -> {
        try {
          tick(false);
        } catch (RuntimeException e) {
          LOG.error("background tick failed; continuing", e);
        }
      }, 0, backgroundTick.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  void tick(boolean waitForTasks) {
    runner.runDue();
    if (waitForTasks) {
      runner.awaitIdle(maxTaskWait);
    }
    Instant now = clock.instant();
    engine.onTimer(now);
    finishDoneParents();
    trackKillSwitch();
    alerts.tick();
  }

  void close() {
    if (driver != null) {
      driver.shutdownNow();
    }
    try {
      flushBars();
    } catch (RuntimeException e) {
      LOG.warn("could not flush bars at close", e);
    }
    try {
      statusWriter.write(statusSource.get());
    } catch (Exception e) {
      LOG.warn("could not write the last status", e);
    }
    runner.close();
    alerts.close();
    journal.close();
    if (ownsHistory) {
      history.close();
    }
  }

  // ----------------------------------------------------------------------------------------------
  // journal

  /**
   * Waits until a journal record is durable, one waiting thread at a time. Workaround for
   * {@code AuditJournal.awaitDurable} (compliance-core): every waiter calls {@code notifyAll()} before
   * {@code wait()}, so two or more threads waiting at once wake one another without end and starve the
   * group-commit flusher of the journal's monitor; durability then stops advancing and every waiter
   * hangs. With a single waiter nothing ping-pongs. Records of one group commit still share one force:
   * the next waiter finds its record already durable. Remove once the journal is fixed.
   */
  void awaitDurable(long sequence) {
    synchronized (durableWait) {
      journal.awaitDurable(sequence);
    }
  }

  /** The journal as an {@link AuditTrail} whose waits go through {@link #awaitDurable}. */
  AuditTrail trail() {
    return (type, payload) -> {
      long sequence = journal.appendAsync(type, payload);
      awaitDurable(sequence);
      return sequence;
    };
  }

  // ----------------------------------------------------------------------------------------------
  // market data and parents

  void onQuote(Quote quote) {
    dayBook.onPrice(quote.instrumentId());
    InstrumentStats s = stats(quote.instrumentId());
    if (!(s.adv > 0) || !(s.dailyVolatility > 0)) {
      // MarketState requires both; without history the instrument cannot be worked (and the risk gate
      // rejects its orders for want of scenarios), but its quote still marks the book
      if (!s.warnedNoStats) {
        s.warnedNoStats = true;
        LOG.warn("no average daily volume or volatility for {} (adv {}, sigma {}): the execution engine gets no"
            + " market state for it until history arrives", quote.instrumentId(), s.adv, s.dailyVolatility);
      }
      return;
    }
    MarketState.Builder b = MarketState.builder(quote.instrumentId(), quote.timestamp()).quote(quote)
        .sizes(quote.bidSize(), quote.askSize()).sessionVolume(s.sessionVolume)
        .averageDailyVolume(s.adv).dailyVolatility(s.dailyVolatility);
    TradingSession session = currentSession();
    b.session(session.open().toInstant(), session.close().toInstant());
    engine.onMarketState(b.build());
  }

  void onBar(Bar bar) {
    dayBook.onPrice(bar.instrumentId());
    if (bar.interval().isIntraday()) {
      InstrumentStats s = stats(bar.instrumentId());
      LocalDate date = bar.start().atZone(calendar.zone()).toLocalDate();
      if (!date.equals(s.sessionDate)) {
        s.sessionDate = date;
        s.sessionVolume = 0;
      }
      s.sessionVolume += bar.volume();
    }
    barBuffer.add(bar);
  }

  private InstrumentStats stats(String id) {
    return stats.computeIfAbsent(id, k -> {
      InstrumentStats s = new InstrumentStats();
      loadStats(k, s);
      return s;
    });
  }

  private void loadStats(String id, InstrumentStats s) {
    try {
      LocalDate today = clock.instant().atZone(calendar.zone()).toLocalDate();
      history.findAverageDailyVolume(id, calendar.previousTradingDay(today), advSessions).ifPresent(v -> s.adv = v);
    } catch (RuntimeException e) {
      LOG.debug("no average daily volume for {}: {}", id, e.toString());
    }
    scenarios.findReturns(id).ifPresent(r -> s.dailyVolatility = stdev(r));
  }

  private static double stdev(double[] r) {
    if (r.length < 2) {
      return Double.NaN;
    }
    double mean = 0;
    for (double v : r) {
      mean += v;
    }
    mean /= r.length;
    double ss = 0;
    for (double v : r) {
      ss += (v - mean) * (v - mean);
    }
    return Math.sqrt(ss / (r.length - 1));
  }

  void finishIfDone(String clientOrderId) {
    Optional<ParentOrderView> parent = engine.findParent(clientOrderId);
    if (parent.isPresent() && parent.get().state().isTerminal() && activeParents.remove(clientOrderId)) {
      synchronized (book.lock()) {
        long released = book.release(clientOrderId);
        compliance.onOrderDone(clientOrderId, released);
      }
      dayBook.onParentDone(parent.get());
    }
  }

  void finishDoneParents() {
    for (String id : activeParents) {
      finishIfDone(id);
    }
  }

  void cancelAllParents(String reason) {
    for (ParentOrderView p : engine.activeParents()) {
      engine.cancel(p.clientOrderId(), reason);
    }
    finishDoneParents();
  }

  private void trackKillSwitch() {
    KillSwitchState now = killSwitch.state();
    KillSwitchState before = lastKillSwitch;
    if (now != null && (before == null || before.engaged() != now.engaged())) {
      lastKillSwitch = now;
      if (before != null || now.engaged()) {
        dayBook.onKillSwitch(now.since(), now.engaged() ? "engaged" : "reset", now.trigger(), now.by(), now.reason());
      }
    }
  }

  TradingSession currentSession() {
    Instant now = clock.instant();
    LocalDate today = now.atZone(calendar.zone()).toLocalDate();
    Optional<TradingSession> s = calendar.findSession(today);
    if (s.isPresent() && now.isBefore(s.get().close().toInstant())) {
      return s.get();
    }
    return calendar.nextSession(now);
  }

  // ----------------------------------------------------------------------------------------------
  // task bodies

  /** Reloads every instrument's return scenarios from the history store. */
  void refreshScenarios() {
    List<String> ids = history.instrumentIds();
    if (ids.isEmpty()) {
      LOG.info("history store holds no instruments; the risk gate has no scenarios yet");
      return;
    }
    LocalDate today = clock.instant().atZone(calendar.zone()).toLocalDate();
    LocalDate to = calendar.previousTradingDay(today);
    LocalDate from = to;
    for (int i = 1; i < scenarioSessions; i++) { // [from, to] holds scenarioSessions sessions, one return each
      from = calendar.previousTradingDay(from);
    }
    ReturnMatrix m = history.returnMatrix(ids, from, to, ImputationPolicy.FORWARD_FILL);
    Map<String, double[]> byId = new HashMap<>();
    for (int i = 0; i < m.instrumentCount(); i++) {
      double[] r = m.returnsOf(i);
      boolean finite = r.length > 0;
      for (double v : r) {
        finite &= Double.isFinite(v);
      }
      if (finite) {
        byId.put(m.instrumentIds().get(i), r);
      }
    }
    if (!byId.isEmpty()) {
      scenarios.replaceAll(byId);
      for (Map.Entry<String, InstrumentStats> e : stats.entrySet()) {
        double[] r = byId.get(e.getKey());
        if (r != null) {
          e.getValue().dailyVolatility = stdev(r);
        }
      }
    }
    LOG.info("loaded {} scenarios for {} instruments ({} to {}, {} imputed values)", m.scenarioCount(),
        byId.size(), from, to, m.imputedCount());
  }

  /** Start of a trading day: compliance's start-of-day figures, the day book, turnover. */
  void sessionStart() {
    LocalDate date = currentSession().date();
    Map<String, Double> nav = new HashMap<>();
    Map<String, Double> realized = new HashMap<>();
    Map<String, Map<String, double[]>> pnl = new HashMap<>();
    synchronized (book.lock()) {
      compliance.onSessionStart(book, book.accounts());
      for (String account : book.accounts()) {
        nav.put(account, book.nav(account));
        realized.put(account, book.realizedPnl(account));
        Map<String, double[]> byInstrument = new HashMap<>();
        for (Position p : book.positions(account)) {
          byInstrument.put(p.instrument().id(), new double[] {p.realizedPnl(), p.unrealizedPnl()});
        }
        pnl.put(account, byInstrument);
      }
    }
    if (date.equals(dayBook.date())) {
      return; // already started today (start() before 09:00, then the 09:00 task): keep the day's records
    }
    dayBook.startDay(date, nav, realized, pnl);
    for (RealTimeMonitor m : monitors.values()) {
      m.resetTurnover();
    }
    for (Map.Entry<String, InstrumentStats> e : stats.entrySet()) {
      // ADV rolls forward with history: reload it each day rather than once per process
      loadStats(e.getKey(), e.getValue());
      e.getValue().sessionVolume = 0;
      e.getValue().warnedNoStats = false;
    }
  }

  /** Every minute in session: the 17 metrics, ES and VaR of the filled book, the drawdown budget. */
  void sampleMetricsAndRisk() {
    Instant now = clock.instant();
    for (String account : book.accounts()) {
      RealTimeMonitor monitor = monitors.computeIfAbsent(account,
          a -> RealTimeMonitor.builder(book, a, clock).expectedSamples(HISTORY_POINTS * 20).build());
      MonitorSnapshot snap = monitor.sample();
      RiskTrack track = risk.computeIfAbsent(account, a -> new RiskTrack());
      double nav = snap.nav();
      track.add(track.navHistory, now, nav);
      synchronized (track) {
        track.peakNav = Double.isNaN(track.peakNav) ? nav : Math.max(track.peakNav, nav);
      }
      track.add(track.drawdownHistory, now, track.peakNav > 0 ? nav / track.peakNav - 1 : 0);
      try {
        double[] pnl = portfolioPnl(account);
        if (pnl != null) {
          track.latest = RiskEstimators.historical().estimate(pnl, riskGate.confidence());
          track.add(track.esHistory, now, track.latest.es());
        }
        track.error = null;
      } catch (RuntimeException e) {
        track.error = e.getMessage();
      }
      DrawdownController dd = drawdowns.get(account);
      if (dd != null) {
        dd.update(book);
      }
    }
  }

  /** Scenario P&amp;L of an account's filled book, or null when it holds nothing. */
  private double[] portfolioPnl(String account) {
    int n = scenarios.scenarioCount();
    if (n == 0) {
      throw new IllegalStateException("no return scenarios loaded");
    }
    double[] pnl = new double[n];
    boolean[] any = new boolean[1];
    String[] missing = new String[1];
    book.forEachPosition(account, (instrument, quantity, pendingBuy, pendingSell, mark, avgCost) -> {
      if (quantity == 0) {
        return;
      }
      Optional<double[]> r = scenarios.findReturns(instrument.id());
      if (r.isEmpty()) {
        missing[0] = instrument.id();
        return;
      }
      double exposure = instrument.notional(quantity, mark);
      double[] col = r.get();
      for (int s = 0; s < n; s++) {
        pnl[s] += exposure * col[s];
      }
      any[0] = true;
    });
    if (missing[0] != null) {
      throw new IllegalStateException("no return scenarios for held instrument " + missing[0]);
    }
    return any[0] ? pnl : null;
  }

  /** Every five minutes in session: concentration and correlation crowding of each account. */
  void analyseCrowding() {
    for (String account : book.accounts()) {
      List<CrowdingPosition> positions = new ArrayList<>();
      for (Position p : book.positions(account)) {
        if (p.quantity() != 0) {
          positions.add(new CrowdingPosition(p.instrument().id(), p.instrument().sector(), p.instrument().issuer(),
              p.marketValue()));
        }
      }
      RiskTrack track = risk.computeIfAbsent(account, a -> new RiskTrack());
      if (positions.isEmpty()) {
        track.crowding = null;
        continue;
      }
      List<String> ids = new ArrayList<>();
      List<double[]> rows = new ArrayList<>();
      for (CrowdingPosition p : positions) {
        scenarios.findReturns(p.instrumentId()).ifPresent(r -> {
          ids.add(p.instrumentId());
          rows.add(r);
        });
      }
      track.crowding = rows.size() >= 2
          ? crowding.analyze(positions, ids, rows.toArray(new double[0][]))
          : crowding.analyze(positions);
    }
  }

  /** Every minute in session: the post-trade compliance sweep, under the decision lock. */
  void sweepCompliance() {
    synchronized (book.lock()) {
      dayBook.onSweep(sweep.sweep(book));
    }
  }

  /** Every minute: buffered bars into the history store. */
  void flushBars() {
    List<Bar> batch = new ArrayList<>();
    Bar b;
    while ((b = barBuffer.poll()) != null) {
      batch.add(b);
    }
    if (!batch.isEmpty()) {
      // the host may stream bars of instruments the history store has not seen: register them first
      java.util.Set<String> known = new java.util.HashSet<>(history.instrumentIds());
      java.util.Set<String> unknown = new java.util.TreeSet<>();
      for (Bar bar : batch) {
        if (!known.contains(bar.instrumentId())) {
          unknown.add(bar.instrumentId());
        }
      }
      if (!unknown.isEmpty()) {
        history.putInstruments(unknown);
      }
      history.putBars(batch);
    }
  }

  /** At 02:00 on trading days: quality checks, retention, statistics and space. */
  void maintainData() {
    if (history instanceof JdbcHistoryStore) {
      lastMaintenance = ((JdbcHistoryStore) history).maintain(maintenancePolicy);
    }
  }

  /** After the close: the end-of-day report. */
  void writeEndOfDayReport(LocalDate date) {
    reportGenerator.generate(eodReporter.assemble(this, date));
  }

  // ----------------------------------------------------------------------------------------------
  // status

  Optional<MonitorSnapshot> findMetrics(String account) {
    RealTimeMonitor m = monitors.get(account);
    return m == null ? Optional.empty() : m.findLatest();
  }

  StatusSnapshot status(long approved, long rejected) {
    Instant now = clock.instant();
    TradingSession session = currentSession();
    StatusSnapshot.MarketStatus market = new StatusSnapshot.MarketStatus(calendar.exchange(), calendar.isOpen(now),
        session.date().toString(), session.open().toInstant(), session.close().toInstant());

    List<AccountStatus> accounts = new ArrayList<>();
    Map<String, RiskStatus> riskStatus = new TreeMap<>();
    Map<String, StatusSnapshot.MetricsStatus> metrics = new TreeMap<>();
    for (String account : book.accounts()) {
      AccountSummary s = book.summary(account);
      Map<String, Double> issuers = new LinkedHashMap<>();
      book.exposureByIssuer(account, ExposureBasis.FILLED).entrySet().stream()
          .sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(10)
          .forEach(e -> issuers.put(e.getKey(), e.getValue()));
      accounts.add(new AccountStatus(account, s.nav(), s.cash(), s.grossExposure(), s.netExposure(),
          s.longExposure(), s.shortExposure(), s.nav() > 0 ? s.leverage() : null, s.realizedPnl(), s.unrealizedPnl(),
          s.openOrders(), s.pendingBuyNotional(), s.pendingSellNotional(),
          book.exposureBySector(account, ExposureBasis.FILLED), issuers));
      RiskTrack track = risk.get(account);
      RiskEstimate est = track == null ? null : track.latest;
      DrawdownController dd = drawdowns.get(account);
      DrawdownStatus ddStatus = null;
      if (dd != null) {
        DrawdownState st = dd.state();
        ddStatus = new DrawdownStatus(st.highWaterMark(), st.drawdown(), drawdownBudgets.getOrDefault(account, Double.NaN), st.budgetUsed(), st.tier(),
            st.maxGrossLeverage(), st.maxGrossLeverage() == 0);
      }
      CrowdingReport cr = track == null ? null : track.crowding;
      CrowdingStatus crowdingStatus = cr == null ? null : new CrowdingStatus(cr.level().name(),
          cr.byInstrument().hhi(), cr.byInstrument().effectiveN(), cr.byInstrument().gini(),
          cr.averagePairwiseCorrelation().isPresent() ? cr.averagePairwiseCorrelation().getAsDouble() : null,
          cr.absorptionRatio().isPresent() ? cr.absorptionRatio().getAsDouble() : null,
          cr.clusters().isEmpty() ? null : cr.clusters().size(), cr.drivers());
      double limit = Math.min(esLimit, s.nav() > 0 ? esLimitShareOfNav * s.nav() : Double.POSITIVE_INFINITY);
      riskStatus.put(account, new RiskStatus(riskGate.confidence(), "historical",
          est == null ? null : est.es(), est == null ? null : est.var(),
          Double.isFinite(limit) ? limit : null,
          track == null ? List.of() : track.copy(track.esHistory), ddStatus, crowdingStatus,
          track == null ? null : track.error));
      Optional<MonitorSnapshot> snap = findMetrics(account);
      if (snap.isPresent()) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
          values.put(metric.id(), snap.get().metrics().isPresent(metric) ? snap.get().metrics().get(metric) : null);
        }
        metrics.put(account, new StatusSnapshot.MetricsStatus(snap.get().time(), values,
            snap.get().turnover().isPresent() ? snap.get().turnover().getAsDouble() : null,
            track == null ? List.of() : track.copy(track.navHistory),
            track == null ? List.of() : track.copy(track.drawdownHistory)));
      }
    }

    KillSwitchState ks = killSwitch.state();
    List<ViolationStatus> violations = new ArrayList<>();
    for (Violation v : sweep.openViolations()) {
      violations.add(new ViolationStatus(v.account(), v.ruleId(), v.subject(), v.message(), v.openedAt()));
    }
    Map<String, Long> byReason = new TreeMap<>(dayBook.rejectionsByRule());
    StatusSnapshot.ComplianceStatus compliance = new StatusSnapshot.ComplianceStatus(ks != null && ks.engaged(),
        ks != null && ks.engaged() ? ks.since() : null, ks != null && ks.engaged() ? ks.reason() : null,
        this.compliance.policy().name() + " " + this.compliance.policy().version(), violations, approved, rejected,
        byReason);

    List<ParentStatus> working = new ArrayList<>();
    for (ParentOrderView p : engine.activeParents()) {
      working.add(parentStatus(p));
    }
    List<ParentStatus> recent = new ArrayList<>();
    List<ParentOrderView> done = dayBook.finishedParents();
    for (int i = done.size() - 1; i >= 0 && recent.size() < 50; i--) {
      recent.add(parentStatus(done.get(i)));
    }
    StatusSnapshot.ExecutionStatus execution = new StatusSnapshot.ExecutionStatus(working, recent, done.size());

    List<AlertStatus> all = alerts.alerts();
    Map<String, Long> bySeverity = new TreeMap<>();
    long firing = 0;
    for (AlertStatus a : all) {
      if (!a.alert().isResolved()) {
        firing++;
        bySeverity.merge(a.alert().severity().name(), 1L, Long::sum);
      }
    }
    List<AlertView> recentAlerts = new ArrayList<>();
    all.stream().sorted((a, b) -> b.receivedAt().compareTo(a.receivedAt())).limit(50)
        .forEach(a -> recentAlerts.add(alertView(a)));
    StatusSnapshot.AlertsStatus alertsStatus = new StatusSnapshot.AlertsStatus(firing, bySeverity, recentAlerts);

    MaintenanceSummary m = lastMaintenance;
    StatusSnapshot.DataQualityStatus dq = m == null
        ? new StatusSnapshot.DataQualityStatus(null, 0, Map.of(), "no maintenance run yet")
        : new StatusSnapshot.DataQualityStatus(m.finishedAt(), m.quality().issueCount(),
            byCheck(m), m.quality().issueCount() + " issues over " + m.quality().instrumentsChecked()
                + " instruments and " + m.quality().barsChecked() + " bars, " + m.quality().from() + " to "
                + m.quality().to() + m.quality().maxSeverity().map(x -> ", worst " + x).orElse(""));

    List<TaskStatus> tasks = new ArrayList<>();
    for (TaskHealth h : runner.health()) {
      tasks.add(new TaskStatus(h.name(), h.group(), h.schedule(), h.running(), h.lastStart().orElse(null),
          h.lastOutcome().map(Enum::name).orElse(null), h.lastDuration().map(Duration::toMillis).orElse(null),
          h.lastError().orElse(null), h.runs(), h.failures(), h.nextRun().orElse(null)));
    }
    return new StatusSnapshot(StatusSnapshot.SCHEMA_VERSION, now, market, accounts, riskStatus, metrics, compliance,
        execution, alertsStatus, dq, tasks);
  }

  private static Map<String, Long> byCheck(MaintenanceSummary m) {
    Map<String, Long> out = new TreeMap<>();
    m.quality().counts().forEach((check, n) -> {
      if (n > 0) {
        out.put(check.name(), n);
      }
    });
    return out;
  }

  static AlertView alertView(AlertStatus a) {
    Alert alert = a.alert();
    return new AlertView(Long.toHexString(alert.fingerprint()), alert.name(), alert.severity().name(),
        alert.category().name(), alert.labels(), alert.annotations().getOrDefault(Alert.SUMMARY, ""),
        alert.startsAt(), alert.endsAt().orElse(null), a.acknowledgement().isPresent());
  }

  private static ParentStatus parentStatus(ParentOrderView p) {
    Double avg = p.filledQuantity() > 0 ? p.filledValue() / (p.filledQuantity() * p.order().instrument().multiplier())
        : null;
    Double isBps = avg == null || !(p.arrivalPrice() > 0) ? null
        : p.order().side().sign() * (avg - p.arrivalPrice()) / p.arrivalPrice() * 10_000.0;
    return new ParentStatus(p.clientOrderId(), p.order().account(), p.order().instrument().id(),
        p.order().side().name(), p.order().quantity(), p.filledQuantity(), p.state().name(), p.algoName(),
        p.arrivalPrice(), avg, isBps);
  }
}
