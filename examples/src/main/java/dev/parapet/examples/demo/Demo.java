package dev.parapet.examples.demo;

import dev.parapet.api.Checks;
import dev.parapet.api.InvalidValueException;
import dev.parapet.api.book.PositionBook;
import dev.parapet.api.calendar.MarketCalendar;
import dev.parapet.api.calendar.MarketCalendars;
import dev.parapet.api.calendar.TradingSession;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.report.StoredReport;
import dev.parapet.examples.dashboard.DashboardServer;
import dev.parapet.orchestrator.TradingControls;
import dev.parapet.orchestrator.TradingControlsBuilder;
import dev.parapet.simulator.SimulatedMarket;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The example runner: a simulated trading firm that embeds Parapet. A {@link SimulatedMarket} of
 * (by default) 50 instruments across the eleven GICS sectors, its venue as the {@link TradingControls}'
 * order router, a history database seeded with generated daily history, the {@link DemoStrategy} trading it
 * through the controls, a {@link SimulationDriver} running sessions and nights, and the live
 * {@link DashboardServer}.
 * <p>
 * Build and start one with {@link #builder(DemoOptions)}; {@link DemoRunner} and {@code parapet demo} do
 * exactly that. Thread-safe: the simulation runs on its own thread; the accessors may be called from any.
 */
public final class Demo implements AutoCloseable {

  /** The demo fund's account. */
  public static final String ACCOUNT = "DEMO-FUND";
  /** The cash the demo fund starts with, in USD. */
  public static final double INITIAL_CASH = 10_000_000;
  /** Sessions of generated daily history seeded into the history database before the first session. */
  public static final int HISTORY_SESSIONS = 520;
  /** The demo fund's drawdown budget, a fraction of the high-water mark. */
  public static final double DRAWDOWN_BUDGET = 0.05;
  /** Resource path of the embedded demo policy. */
  public static final String POLICY_RESOURCE = "/dev/parapet/examples/demo/demo-policy.json";

  private static final Logger LOG = LoggerFactory.getLogger(Demo.class);

  private final DemoOptions options;
  private final Path dataDirectory;
  private final PrintWriter out;
  private final SimulatedMarket market;
  private final TradingControls controls;
  private final DemoStrategy strategy;
  private final SimulationDriver driver;
  private final DashboardServer dashboard;
  private final Thread thread;
  private volatile boolean closed;

  private Demo(Builder b) {
    this.options = b.options;
    this.out = b.out;
    this.dataDirectory = resolveDataDirectory(options.dataDirectory());
    MarketCalendar calendar = MarketCalendars.XNYS;
    SimulatedMarket.Builder mb = SimulatedMarket.builder().seed(options.seed()).instruments(options.instruments())
        .start(options.start()).calendar(calendar);
    b.market.accept(mb);
    this.market = mb.build();

    PositionBook book = PositionBook.create();
    book.deposit(ACCOUNT, INITIAL_CASH);
    TradingControlsBuilder cb = TradingControls.builder()
        .clock(market.clock())
        .calendar(calendar)
        .dataDirectory(dataDirectory)
        .router(market.venue())
        .book(book)
        .drawdownBudget(ACCOUNT, DRAWDOWN_BUDGET, 2.0)
        .seed(options.seed());
    if (options.policy().isPresent()) {
      Path policy = options.policy().get();
      if (!Files.isRegularFile(policy)) {
        throw new InvalidValueException("--policy", policy.toString(), "a readable policy JSON file", null);
      }
      cb.policyFile(policy);
    } else {
      cb.policyJson(embeddedPolicy());
    }
    b.controls.accept(cb);
    this.controls = cb.build();
    DashboardServer server = null;
    try {
      seedHistory();
      controls.start();
      this.strategy = DemoStrategy.create(DemoStrategy.Config.defaults(ACCOUNT), market.instruments(),
          options.seed());
      SimulationHost host = b.host.apply(new ControlsSimulationHost(controls));
      this.driver = SimulationDriver.create(market, host, strategy, book, options.days(), options.speed(),
          this::onSessionClosed);
      if (b.sessionMinuteLimit > 0) {
        driver.stopAfterSessionMinutes(b.sessionMinuteLimit);
      }
      if (b.dashboard) {
        server = DashboardServer.builder(new ControlsDashboardSource(controls)).host(options.host())
            .port(options.port()).start();
      }
      this.dashboard = server;
    } catch (RuntimeException e) {
      if (server != null) {
        server.close();
      }
      controls.close();
      throw e;
    }
    this.thread = new Thread(this::simulate, "parapet-demo-simulation");
    thread.setDaemon(true);
  }

  /** Returns a builder of a demo with these options. */
  public static Builder builder(DemoOptions options) {
    return new Builder(options);
  }

  private void start() {
    printBanner();
    thread.start();
  }

  private void simulate() {
    try {
      driver.run();
      printSummary();
    } catch (RuntimeException | Error e) {
      LOG.error("the simulation stopped on an unexpected error", e);
      out.println("the simulation stopped on an unexpected error: " + e);
      out.flush();
    }
  }

  // ------------------------------------------------------------------------------------------------ set-up

  private static Path resolveDataDirectory(Optional<Path> given) {
    Path dir = given.orElseGet(() -> Path.of("parapet-demo",
        "run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT))));
    try {
      if (Files.exists(dir)) {
        if (!Files.isDirectory(dir)) {
          throw new InvalidValueException("--data-dir", dir.toString(), "a directory, not a file", null);
        }
        try (Stream<Path> entries = Files.list(dir)) {
          if (entries.findAny().isPresent()) {
            throw new InvalidValueException("--data-dir", dir.toString(),
                "an empty or new directory (the demo starts its simulated clock afresh)", null);
          }
        }
      }
      return Files.createDirectories(dir).toAbsolutePath().normalize();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String embeddedPolicy() {
    try (InputStream in = Demo.class.getResourceAsStream(POLICY_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the demo policy " + POLICY_RESOURCE + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the demo policy", e);
    }
  }

  /** Seeds the history database with generated daily bars that end where the live market begins. */
  private void seedHistory() {
    List<String> ids = new ArrayList<>();
    for (Instrument i : market.instruments()) {
      ids.add(i.id());
    }
    long t0 = System.nanoTime();
    controls.history().putInstruments(ids);
    controls.history().putBars(market.dailyHistory(HISTORY_SESSIONS));
    LOG.info("seeded {} sessions of daily history for {} instruments in {} ms", HISTORY_SESSIONS, ids.size(),
        (System.nanoTime() - t0) / 1_000_000);
  }

  // ------------------------------------------------------------------------------------------------ output

  private void printBanner() {
    out.printf(Locale.ROOT, "Parapet demo: %d simulated instruments, %d session%s from %s at %s (seed %d)%n",
        market.instruments().size(), options.days(), options.days() == 1 ? "" : "s", market.session().date(),
        Double.isInfinite(options.speed()) ? "full speed" : fmt(options.speed()) + "x", options.seed());
    if (dashboard != null) {
      out.println("  dashboard    " + dashboard.uriWithToken());
      out.println("  token        " + dashboard.token() + "   (acknowledging alerts and the kill switch need it)");
      out.println("  api          " + dashboard.uri() + "api/status");
    }
    out.println("  status.json  " + controls.statusFile());
    out.println("  journal      " + controls.journalDirectory());
    out.println("  reports      " + controls.reportsDirectory());
    out.println("  data         " + dataDirectory);
    out.println(options.exitWhenDone() ? "Runs until the last session's night is over; Ctrl-C stops it early."
        : "Press Ctrl-C to stop.");
    out.flush();
  }

  private void onSessionClosed(TradingSession session, SimulationDriver d) {
    PositionBook book = controls.book();
    double nav = book.nav(ACCOUNT);
    Optional<StoredReport> report = controls.reports().find(session.date());
    out.printf(Locale.ROOT, "%s closed: NAV %,.0f (P&L %+,.0f since start); so far %,d orders (%,d approved, %,d "
            + "rejected), %,d fills; %s%n", session.date(), nav, nav - INITIAL_CASH, d.submitted(), d.approved(),
        d.rejected(), d.fills(), report.map(r -> "report " + r.htmlPath()).orElse("no report"));
    out.flush();
  }

  private void printSummary() {
    out.printf(Locale.ROOT, "Simulation %s: %d session%s, %d orders (%d approved, %d rejected), %d fills, "
            + "%d errors.%n", closed ? "stopped at " + market.now() : "finished", driver.sessionsDone(),
        driver.sessionsDone() == 1 ? "" : "s", driver.submitted(), driver.approved(), driver.rejected(), driver.fills(),
        driver.errors());
    if (dashboard != null && !options.exitWhenDone() && !closed) {
      out.println("The dashboard stays at " + dashboard.uri() + " until you press Ctrl-C.");
    }
    out.flush();
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  // ------------------------------------------------------------------------------------------------ access

  /** Returns the options. */
  public DemoOptions options() {
    return options;
  }

  /** Returns the data directory (absolute). */
  public Path dataDirectory() {
    return dataDirectory;
  }

  /** Returns the simulated market. */
  public SimulatedMarket market() {
    return market;
  }

  /** Returns the trading controls. */
  public TradingControls controls() {
    return controls;
  }

  /** Returns the strategy. */
  public DemoStrategy strategy() {
    return strategy;
  }

  /** Returns the simulation driver and its counters. */
  public SimulationDriver driver() {
    return driver;
  }

  /** Returns the dashboard, unless it was switched off. */
  public Optional<DashboardServer> dashboard() {
    return Optional.ofNullable(dashboard);
  }

  /** Waits for the simulation to finish; returns false if it is still running after the timeout. */
  public boolean awaitSimulation(Duration timeout) throws InterruptedException {
    thread.join(Math.max(1, timeout.toMillis()));
    return !thread.isAlive();
  }

  /** Stops the simulation, the dashboard and the controls (which write a last status and close the journal). */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    driver.stop();
    try {
      thread.join(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn("the simulation thread did not stop within 60 s");
    }
    if (dashboard != null) {
      dashboard.close();
    }
    controls.close();
  }

  // ------------------------------------------------------------------------------------------------

  /** A builder of {@link Demo}; not thread-safe. */
  public static final class Builder {
    private final DemoOptions options;
    private PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    private Consumer<SimulatedMarket.Builder> market = m -> { };
    private Consumer<TradingControlsBuilder> controls = c -> { };
    private UnaryOperator<SimulationHost> host = UnaryOperator.identity();
    private boolean dashboard = true;
    private long sessionMinuteLimit;
    private Consumer<Demo> onReady = d -> { };

    private Builder(DemoOptions options) {
      this.options = Checks.notNull(options, "options");
    }

    /** Sets where the banner and the progress lines go (default standard output). */
    public Builder out(PrintWriter out) {
      this.out = Checks.notNull(out, "out");
      return this;
    }

    /** Adjusts the simulated market before it is built (e.g. its venue configuration). */
    public Builder market(Consumer<SimulatedMarket.Builder> market) {
      this.market = Checks.notNull(market, "market");
      return this;
    }

    /** Adjusts the trading controls before they are built (e.g. extra tasks, a webhook). */
    public Builder controls(Consumer<TradingControlsBuilder> controls) {
      this.controls = Checks.notNull(controls, "controls");
      return this;
    }

    /** Wraps the simulation's view of the controls (e.g. to record every decision). */
    public Builder host(UnaryOperator<SimulationHost> host) {
      this.host = Checks.notNull(host, "host");
      return this;
    }

    /** Switches the dashboard on (default) or off. */
    public Builder dashboard(boolean dashboard) {
      this.dashboard = dashboard;
      return this;
    }

    /** Stops the simulation after this many session minutes, even within a session (default: no limit). */
    public Builder sessionMinuteLimit(long minutes) {
      Checks.check(minutes > 0, "minutes", minutes, "> 0");
      this.sessionMinuteLimit = minutes;
      return this;
    }

    /**
     * Runs code once everything is built and before the simulation starts (e.g. to schedule faults in the
     * market).
     */
    public Builder onReady(Consumer<Demo> onReady) {
      this.onReady = Checks.notNull(onReady, "onReady");
      return this;
    }

    /**
     * Builds everything, starts the dashboard, prints where everything is and starts the simulation on its
     * own thread.
     *
     * @throws InvalidValueException if an option is unusable (a data directory that is not empty, a missing
     *     policy file)
     */
    public Demo start() {
      Demo demo = new Demo(this);
      try {
        onReady.accept(demo);
      } catch (RuntimeException e) {
        demo.close();
        throw e;
      }
      demo.start();
      return demo;
    }
  }
}
