package dev.parapet.orchestrator;

import dev.parapet.api.Checks;
import dev.parapet.api.book.PositionBook;
import dev.parapet.api.calendar.MarketCalendar;
import dev.parapet.api.calendar.MarketCalendars;
import dev.parapet.api.data.HistoryStore;
import dev.parapet.api.execution.OrderRouter;
import dev.parapet.api.gate.TradeGate;
import dev.parapet.compliance.gate.ComplianceGate;
import dev.parapet.compliance.journal.AuditJournal;
import dev.parapet.compliance.journal.Durability;
import dev.parapet.compliance.killswitch.KillSwitch;
import dev.parapet.compliance.monitor.ComplianceSweep;
import dev.parapet.compliance.rule.RuleContext;
import dev.parapet.data.JdbcHistoryStore;
import dev.parapet.execution.engine.ExecutionEngine;
import dev.parapet.monitoring.alert.AlertSystem;
import dev.parapet.monitoring.alert.InhibitRule;
import dev.parapet.monitoring.alert.Matcher;
import dev.parapet.monitoring.alert.Route;
import dev.parapet.monitoring.alert.receiver.AlertReceivers;
import dev.parapet.monitoring.alert.receiver.AlertStream;
import dev.parapet.orchestrator.task.CatchUpPolicy;
import dev.parapet.orchestrator.task.RetryPolicy;
import dev.parapet.orchestrator.task.Schedule;
import dev.parapet.orchestrator.task.TaskRunner;
import dev.parapet.orchestrator.task.TaskSpec;
import dev.parapet.orchestrator.task.TaskStateStore;
import dev.parapet.reporting.ReportStore;
import dev.parapet.reporting.Reports;
import dev.parapet.risk.crowding.CrowdingAnalyzer;
import dev.parapet.risk.drawdown.DrawdownController;
import dev.parapet.risk.gate.RiskGate;
import dev.parapet.risk.gate.ScenarioProviders;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link TradingControls} with embedded defaults: everything lives under one data directory
 * ({@code history.sqlite}, {@code journal/}, {@code reports/}, {@code status.json},
 * {@code tasks.properties}, {@code alerts.jsonl}), the exchange is XNYS, the clock is the system's.
 * Only the {@link OrderRouter} (the host's broker adapter) is required. Not thread-safe.
 */
public final class TradingControlsBuilder {

  private InstantSource clock = InstantSource.system();
  private MarketCalendar calendar = MarketCalendars.XNYS;
  private Path dataDirectory = Path.of("parapet-data");
  private OrderRouter router;
  private PositionBook book;
  private HistoryStore history;
  private Path policyFile;
  private String policyJson;
  private double esLimit = Double.POSITIVE_INFINITY;
  private double esLimitShareOfNav = 0.05;
  private int minimumScenarios = 250;
  private int scenarioSessions = 500;
  private Durability durability = Durability.groupCommit(Duration.ofMillis(2));
  private final Map<String, DrawdownSettings> drawdowns = new LinkedHashMap<>();
  private final List<TradeGate> extraGates = new ArrayList<>();
  private final List<TaskSpec> extraTasks = new ArrayList<>();
  private final List<URI> webhooks = new ArrayList<>();
  private boolean background;
  private Duration backgroundTick = Duration.ofMillis(250);
  private Duration taskTimeout = Duration.ofSeconds(60);
  private Duration escalateAfter = Duration.ofMinutes(5);
  private int maxRejections = 50;
  private Duration rejectionWindow = Duration.ofSeconds(10);
  private long seed = 1L;
  private int retainCompletedOrders = 2_000;
  private dev.parapet.execution.engine.AlgoSelector algoSelector;

  private record DrawdownSettings(double budget, double normalMaxGrossLeverage) {
  }

  TradingControlsBuilder() {
  }

  /** Sets the clock (default: the system clock). Give a simulated clock for simulations. */
  public TradingControlsBuilder clock(InstantSource clock) {
    this.clock = Checks.notNull(clock, "clock");
    return this;
  }

  /** Sets the exchange calendar (default XNYS). */
  public TradingControlsBuilder calendar(MarketCalendar calendar) {
    this.calendar = Checks.notNull(calendar, "calendar");
    return this;
  }

  /** Sets the data directory (default {@code ./parapet-data}). */
  public TradingControlsBuilder dataDirectory(Path dataDirectory) {
    this.dataDirectory = Checks.notNull(dataDirectory, "dataDirectory");
    return this;
  }

  /** Sets the host's broker adapter (required). */
  public TradingControlsBuilder router(OrderRouter router) {
    this.router = Checks.notNull(router, "router");
    return this;
  }

  /** Sets the position book (default: a new empty one). */
  public TradingControlsBuilder book(PositionBook book) {
    this.book = Checks.notNull(book, "book");
    return this;
  }

  /** Sets the history store (default: the embedded database in the data directory). */
  public TradingControlsBuilder history(HistoryStore history) {
    this.history = Checks.notNull(history, "history");
    return this;
  }

  /** Reads the compliance policy from a JSON file (default: the built-in demo policy). */
  public TradingControlsBuilder policyFile(Path policyFile) {
    this.policyFile = Checks.notNull(policyFile, "policyFile");
    return this;
  }

  /** Sets the compliance policy as JSON text. */
  public TradingControlsBuilder policyJson(String policyJson) {
    this.policyJson = Checks.notBlank(policyJson, "policyJson");
    return this;
  }

  /** Sets the absolute ES@97.5% limit per account, in currency (default none). */
  public TradingControlsBuilder esLimit(double esLimit) {
    this.esLimit = Checks.positive(esLimit, "esLimit");
    return this;
  }

  /** Sets the ES@97.5% limit as a share of the account's NAV (default 0.05). */
  public TradingControlsBuilder esLimitShareOfNav(double share) {
    this.esLimitShareOfNav = Checks.positive(share, "esLimitShareOfNav");
    return this;
  }

  /** Sets the fewest return scenarios the risk gate accepts (default 250). */
  public TradingControlsBuilder minimumScenarios(int minimumScenarios) {
    this.minimumScenarios = Checks.positive(minimumScenarios, "minimumScenarios");
    return this;
  }

  /** Sets how many past sessions of returns make the risk scenarios (default 500). */
  public TradingControlsBuilder scenarioSessions(int sessions) {
    this.scenarioSessions = Checks.positive(sessions, "scenarioSessions");
    return this;
  }

  /** Sets the audit journal's durability (default: group commit every 2 ms). */
  public TradingControlsBuilder journalDurability(Durability durability) {
    this.durability = Checks.notNull(durability, "durability");
    return this;
  }

  /**
   * Gives an account a drawdown budget with the standard tiers (half the budget used: 75% of normal
   * leverage; three quarters: 50%; all: flat), which the risk gate enforces.
   */
  public TradingControlsBuilder drawdownBudget(String account, double budget, double normalMaxGrossLeverage) {
    Checks.notBlank(account, "account");
    drawdowns.put(account, new DrawdownSettings(budget, normalMaxGrossLeverage));
    return this;
  }

  /** Adds a host gate after compliance and risk. */
  public TradingControlsBuilder gate(TradeGate gate) {
    extraGates.add(Checks.notNull(gate, "gate"));
    return this;
  }

  /** Adds a host task to the task runner. */
  public TradingControlsBuilder task(TaskSpec task) {
    extraTasks.add(Checks.notNull(task, "task"));
    return this;
  }

  /** Sends every alert notification to a webhook too. */
  public TradingControlsBuilder webhook(URI uri) {
    webhooks.add(Checks.notNull(uri, "uri"));
    return this;
  }

  /** Ticks on a background thread every {@code interval} (live use); default off (the host ticks). */
  public TradingControlsBuilder driveInBackground(Duration interval) {
    this.background = true;
    this.backgroundTick = Checks.notNull(interval, "interval");
    return this;
  }

  /** Sets the default timeout of the built-in tasks (default 60 s, wall clock). */
  public TradingControlsBuilder taskTimeout(Duration timeout) {
    this.taskTimeout = Checks.notNull(timeout, "timeout");
    return this;
  }

  /** Sets when an unacknowledged CRITICAL alert is escalated (default 5 minutes). */
  public TradingControlsBuilder escalateAfter(Duration after) {
    this.escalateAfter = Checks.notNull(after, "after");
    return this;
  }

  /** Sets the rejection rate that trips the kill switch (default 50 in 10 seconds). */
  public TradingControlsBuilder killSwitchOnRejections(int rejections, Duration window) {
    this.maxRejections = Checks.positive(rejections, "rejections");
    this.rejectionWindow = Checks.notNull(window, "window");
    return this;
  }

  /** Sets the seed of the execution engine's slice randomisation (default 1). */
  public TradingControlsBuilder seed(long seed) {
    this.seed = seed;
    return this;
  }

  /**
   * Sets how many finished parent orders (with their children and fills) the execution engine keeps
   * for the status and the end-of-day report (default 2,000; memory grows with it).
   */
  public TradingControlsBuilder retainCompletedOrders(int count) {
    this.retainCompletedOrders = Checks.positive(count, "retainCompletedOrders");
    return this;
  }

  /** Sets how the execution engine picks an algorithm per order (default: Adaptive for every order). */
  public TradingControlsBuilder algoSelector(dev.parapet.execution.engine.AlgoSelector selector) {
    this.algoSelector = Checks.notNull(selector, "algoSelector");
    return this;
  }

  /** Builds the controls: opens the journal and the history store and wires every capability. */
  public TradingControls build() {
    Checks.notNull(router, "router");
    Wiring w = new Wiring();
    w.clock = clock;
    w.calendar = calendar;
    w.book = book != null ? book : PositionBook.create();
    w.scenarioSessions = scenarioSessions;
    w.advSessions = 20;
    w.maxTaskWait = taskTimeout.plusSeconds(1);
    w.background = background;
    w.backgroundTick = backgroundTick;

    // alerts: log everything, keep a JSON Lines file, feed the dashboard stream, escalate
    AlertStream stream = AlertReceivers.stream(1_000);
    w.alertStream = stream;
    Route.Builder root = Route.to("log").groupBy(Matcher.ALERTNAME, "category", "account")
        .child(Route.to("stream").groupByAll().groupWait(Duration.ZERO).groupInterval(Duration.ofSeconds(1))
            .repeatInterval(Duration.ofHours(4)).continueMatching(true))
        .child(Route.to("file").groupByAll().groupWait(Duration.ZERO).continueMatching(true));
    AlertSystem.Builder alerts = AlertSystem.builder(clock)
        .receiver("log", AlertReceivers.log())
        .receiver("stream", stream)
        .receiver("file", AlertReceivers.jsonLines(dataDirectory.resolve("alerts.jsonl")))
        .receiver("escalation", AlertReceivers.log())
        .escalateUnacknowledged(escalateAfter, "escalation")
        .rateLimit("log", 100, Duration.ofMinutes(1))
        // a CRITICAL kill-switch alert mutes the HIGH order-rejection alerts it causes
        .inhibit(InhibitRule.of(List.of(Matcher.alertName(KillSwitch.ALERT_NAME)),
            List.of(Matcher.alertName("OrderRejected")), List.of()));
    for (int i = 0; i < webhooks.size(); i++) {
      String name = "webhook-" + i;
      alerts.receiver(name, AlertReceivers.webhook(webhooks.get(i)));
      root.child(Route.to(name).groupBy(Matcher.ALERTNAME, "category").continueMatching(true));
    }
    w.alerts = alerts.route(root).build();

    w.journal = AuditJournal.builder(dataDirectory.resolve("journal")).durability(durability).clock(clock).open();

    ExecutionEngine.Builder engine = ExecutionEngine.builder(router, clock).alertSink(w.alerts).seed(seed)
        .maxRetainedCompleted(retainCompletedOrders);
    if (algoSelector != null) {
      engine.algoSelector(algoSelector);
    }
    w.engine = engine.build();
    w.killSwitch = KillSwitch.builder().clock(clock).alertSink(w.alerts).journal(w.trail())
        .canceller(() -> {
          int n = w.engine.activeParents().size();
          w.cancelAllParents("kill switch engaged");
          return n;
        })
        .maxRejections(maxRejections, rejectionWindow).build();
    RuleContext context = RuleContext.builder().clock(clock).calendar(calendar).build();
    ComplianceGate.Builder cg = ComplianceGate.builder().context(context).killSwitch(w.killSwitch).journal(w.trail());
    if (policyFile != null) {
      cg.policyFile(policyFile);
    } else {
      cg.policy(policyJson != null ? policyJson : DefaultPolicy.json(), policyJson != null ? "builder" : "default");
    }
    w.compliance = cg.build();
    w.sweep = ComplianceSweep.builder().gate(w.compliance).alertSink(w.alerts).journal(w.trail()).build();

    w.scenarios = ScenarioProviders.updatable();
    RiskGate.Builder rg = RiskGate.builder().scenarios(w.scenarios).clock(clock).minimumScenarios(minimumScenarios)
        .esLimitShareOfNav(esLimitShareOfNav);
    if (esLimit < Double.POSITIVE_INFINITY) {
      rg.esLimit(esLimit);
    }
    for (Map.Entry<String, DrawdownSettings> e : drawdowns.entrySet()) {
      DrawdownController dd = DrawdownController.builder().account(e.getKey()).budget(e.getValue().budget())
          .normalMaxGrossLeverage(e.getValue().normalMaxGrossLeverage())
          .tier(0.5, 0.75).tier(0.75, 0.5).tier(1.0, 0.0)
          .clock(clock).alertSink(w.alerts).build();
      w.drawdowns.put(e.getKey(), dd);
      w.drawdownBudgets.put(e.getKey(), e.getValue().budget());
      rg.drawdown(dd);
    }
    w.riskGate = rg.build();
    w.crowding = CrowdingAnalyzer.withDefaults();
    List<TradeGate> gates = new ArrayList<>();
    gates.add(w.compliance);
    gates.add(w.riskGate);
    gates.addAll(extraGates);
    w.gates = List.copyOf(gates);

    if (history != null) {
      w.history = history;
    } else {
      w.history = JdbcHistoryStore.openEmbedded(dataDirectory, calendar, clock);
      w.ownsHistory = true;
    }
    w.reportsDirectory = dataDirectory.resolve("reports");
    w.reportStore = ReportStore.open(w.reportsDirectory);
    w.reportGenerator = Reports.generator(w.reportStore);
    w.eodReporter = new EodReporter(stream, calendar.zone());
    w.esLimit = esLimit;
    w.esLimitShareOfNav = esLimitShareOfNav;
    w.statusWriter = new StatusWriter(dataDirectory.resolve("status.json"));

    TaskRunner.Builder tasks = TaskRunner.builder(clock, calendar).alertSink(w.alerts)
        .stateStore(TaskStateStore.file(dataDirectory.resolve("tasks.properties")));
    RetryPolicy retry = RetryPolicy.exponential(2, Duration.ofSeconds(5), Duration.ofSeconds(30));
    tasks.add(spec("session-start", "orchestrator", Schedule.dailyAt(LocalTime.of(9, 0)), ctx -> {
      w.refreshScenarios();
      w.sessionStart();
    }).retry(retry).build());
    tasks.add(spec("metrics", "monitoring", Schedule.everyDuringSession(Duration.ofMinutes(1)),
        ctx -> w.sampleMetricsAndRisk()).build());
    tasks.add(spec("compliance-sweep", "compliance", Schedule.everyDuringSession(Duration.ofMinutes(1)),
        ctx -> w.sweepCompliance()).build());
    tasks.add(spec("crowding", "risk", Schedule.everyDuringSession(Duration.ofMinutes(5)),
        ctx -> w.analyseCrowding()).build());
    tasks.add(spec("history-flush", "data", Schedule.every(Duration.ofMinutes(1)), ctx -> w.flushBars())
        .retry(retry).build());
    tasks.add(spec("eod-report", "reporting", Schedule.afterSessionClose(Duration.ofMinutes(15)),
        ctx -> w.writeEndOfDayReport(ctx.scheduledTime().atZone(calendar.zone()).toLocalDate()))
        .retry(retry).catchUp(CatchUpPolicy.RUN_ONCE).build());
    tasks.add(spec("data-maintenance", "data", Schedule.dailyAt(LocalTime.of(2, 0)), ctx -> w.maintainData())
        .retry(retry).catchUp(CatchUpPolicy.RUN_ONCE).build());
    tasks.add(spec("status", "orchestrator", Schedule.every(Duration.ofMinutes(1)),
        ctx -> w.statusWriter.write(w.statusSource.get())).build());
    for (TaskSpec t : extraTasks) {
      tasks.add(t);
    }
    w.runner = tasks.build();
    TradingControls controls = new TradingControls(w);
    w.statusSource = controls::status;
    return controls;
  }

  private TaskSpec.Builder spec(String name, String group, Schedule schedule, dev.parapet.orchestrator.task.Task task) {
    return TaskSpec.builder(name, schedule, task).group(group).timeout(taskTimeout);
  }
}
