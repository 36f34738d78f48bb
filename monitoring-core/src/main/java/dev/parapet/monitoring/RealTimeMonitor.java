package dev.parapet.monitoring;

import dev.parapet.api.Checks;
import dev.parapet.api.book.ExposureBasis;
import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.book.PositionVisitor;
import dev.parapet.api.metrics.MetricsCalculator;
import dev.parapet.api.metrics.MetricsConfig;
import dev.parapet.api.model.Instrument;
import dev.parapet.monitoring.metrics.MetricsCalculators;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoubleSupplier;

/**
 * Samples one account of a {@link PortfolioView} on demand (the orchestrator calls {@link #sample()} every
 * minute of the session) and keeps the seventeen metrics of its NAV returns up to date with a streaming
 * {@link MetricsCalculator}, together with exposures, leverage and turnover.
 * <p>
 * <b>Returns.</b> Each sample after the first adds the NAV return {@code (nav - flows) / previousNav - 1},
 * where {@code flows} are the deposits and withdrawals reported through {@link #recordCashFlow} since the
 * previous sample, so that moving money does not count as performance. With a benchmark price source, the
 * benchmark's price return over the same interval is added alongside, and beta, alpha, information ratio and
 * tracking error become available. The default annualisation is {@link MetricsConfig#MINUTES_PER_YEAR}
 * (minute samples over regular sessions); the first return of a session then spans the overnight gap.
 * <p>
 * <b>Skipped samples.</b> A sample whose NAV is not finite, whose previous NAV is not positive, whose return
 * would be &lt;= -100%, or (with a benchmark) whose benchmark price is missing, NaN or not positive adds no
 * return: the metrics stay as they were, the previous NAV and benchmark price remain the base of the next
 * return (so the next return spans the gap), and the snapshot says why.
 * <p>
 * <b>Turnover.</b> Traded notional is estimated between samples from position changes,
 * {@code sum |quantity - previousQuantity| * mark * multiplier}; trades that net out between two samples
 * (a round trip inside one minute) are not seen, so it is a lower bound. {@link #resetTurnover()} starts a new
 * period (e.g. at the session open).
 * <p>
 * <b>Thread safety.</b> Thread-safe: {@link #sample()} and the other mutators are synchronized (the
 * orchestrator's scheduler is the expected single caller); {@link #findLatest()} reads a volatile reference
 * to the last immutable snapshot.
 */
public final class RealTimeMonitor {

  private final PortfolioView view;
  private final String account;
  private final InstantSource clock;
  private final DoubleSupplier benchmarkPrice;
  private final ExposureBasis basis;
  private final MetricsCalculator metrics;
  private final HashMap<String, PositionState> positions = new HashMap<>();
  private final TurnoverVisitor turnoverVisitor = new TurnoverVisitor();

  private double previousNav = Double.NaN;
  private double previousBenchmark = Double.NaN;
  private double pendingFlows;
  private double tradedNotional;
  private long skippedSamples;
  private long generation;
  private volatile MonitorSnapshot latest;

  private RealTimeMonitor(Builder b) {
    this.view = b.view;
    this.account = b.account;
    this.clock = b.clock;
    this.benchmarkPrice = b.benchmarkPrice;
    this.basis = b.basis;
    MetricsConfig config = b.config;
    if (benchmarkPrice != null && !config.hasBenchmark()) {
      config = config.withBenchmark();
    }
    Checks.check(benchmarkPrice != null || !config.hasBenchmark(), "metrics config", config,
        "without a benchmark when no benchmark price source is given");
    this.metrics = MetricsCalculators.streaming(config, b.expectedSamples);
  }

  /**
   * Returns a builder for a monitor of one account.
   *
   * @param view the book (or any portfolio view) to read NAV, exposures and positions from
   * @param account the account to monitor
   * @param clock the time source that stamps samples
   */
  public static Builder builder(PortfolioView view, String account, InstantSource clock) {
    return new Builder(view, account, clock);
  }

  /**
   * Takes a sample now: reads NAV, the benchmark price and exposures, adds the period's return to the metrics
   * (unless the sample is skipped, see the class comment), and returns the snapshot, which also becomes
   * {@link #findLatest()}.
   */
  public synchronized MonitorSnapshot sample() {
    Instant now = clock.instant();
    double nav = view.nav(account);
    double bench = benchmarkPrice == null ? Double.NaN : benchmarkPrice.getAsDouble();

    OptionalDouble periodReturn = OptionalDouble.empty();
    String skip = null;
    if (!Double.isFinite(nav)) {
      skip = "NAV is not finite: " + nav;
    } else if (benchmarkPrice != null && !(bench > 0 && Double.isFinite(bench))) {
      skip = "benchmark price is missing or not positive: " + bench;
    } else if (Double.isNaN(previousNav)) {
      skip = null; // the first sample sets the base; it is not a skip
      previousNav = nav;
      previousBenchmark = bench;
      pendingFlows = 0;
    } else if (!(previousNav > 0)) {
      skip = "previous NAV is not positive: " + previousNav;
      previousNav = nav;
      previousBenchmark = bench;
      pendingFlows = 0;
    } else {
      double r = (nav - pendingFlows) / previousNav - 1;
      if (!(r > -1)) {
        skip = "NAV return is <= -100%: " + r;
        previousNav = nav;
        previousBenchmark = bench;
        pendingFlows = 0;
      } else {
        if (benchmarkPrice != null) {
          metrics.add(r, bench / previousBenchmark - 1);
        } else {
          metrics.add(r);
        }
        periodReturn = OptionalDouble.of(r);
        previousNav = nav;
        previousBenchmark = bench;
        pendingFlows = 0;
      }
    }
    if (skip != null) {
      skippedSamples++;
    }

    double traded = positionChangeNotional();
    tradedNotional += traded;
    double gross = view.grossExposure(account, basis);
    boolean navPositive = Double.isFinite(nav) && nav > 0;
    MonitorSnapshot s = new MonitorSnapshot(now, account, nav, periodReturn, metrics.snapshot(),
        view.longExposure(account, basis), view.shortExposure(account, basis), gross,
        view.netExposure(account, basis),
        navPositive ? OptionalDouble.of(gross / nav) : OptionalDouble.empty(), tradedNotional,
        navPositive ? OptionalDouble.of(tradedNotional / nav) : OptionalDouble.empty(), skippedSamples,
        Optional.ofNullable(skip));
    latest = s;
    return s;
  }

  /** Returns the last snapshot taken, if any. */
  public Optional<MonitorSnapshot> findLatest() {
    return Optional.ofNullable(latest);
  }

  /**
   * Reports an external cash flow into the account (positive for a deposit, negative for a withdrawal) since
   * the last sample; the next return excludes it.
   */
  public synchronized void recordCashFlow(double amount) {
    pendingFlows += Checks.finite(amount, "amount", "cash flow of " + account);
  }

  /** Starts a new turnover period: traded notional goes back to 0 (positions stay the reference). */
  public synchronized void resetTurnover() {
    tradedNotional = 0;
  }

  /** Forgets every return and the NAV base, as at construction (turnover too). */
  public synchronized void reset() {
    metrics.reset();
    previousNav = Double.NaN;
    previousBenchmark = Double.NaN;
    pendingFlows = 0;
    tradedNotional = 0;
    skippedSamples = 0;
    latest = null;
  }

  /** Returns the account monitored. */
  public String account() {
    return account;
  }

  private double positionChangeNotional() {
    long gen = ++generation;
    turnoverVisitor.generation = gen;
    turnoverVisitor.traded = 0;
    view.forEachPosition(account, turnoverVisitor);
    double traded = turnoverVisitor.traded;
    // positions no longer reported were closed: they traded their last quantity at their last mark
    for (PositionState p : positions.values()) {
      if (p.seen != gen && p.quantity != 0) {
        traded += Math.abs(p.quantity) * p.unitValue;
        p.quantity = 0;
      }
    }
    return traded;
  }

  private static final class PositionState {
    long quantity;
    double unitValue;
    long seen;
  }

  private final class TurnoverVisitor implements PositionVisitor {
    long generation;
    double traded;

    @Override
    public void visit(Instrument instrument, long quantity, long pendingBuy, long pendingSell, double markPrice,
        double averageCost) {
      PositionState p = positions.get(instrument.id());
      if (p == null) {
        p = new PositionState();
        positions.put(instrument.id(), p);
      }
      double unit = Double.isFinite(markPrice) ? markPrice * instrument.multiplier() : p.unitValue;
      traded += Math.abs(quantity - p.quantity) * unit;
      p.quantity = quantity;
      p.unitValue = unit;
      p.seen = generation;
    }
  }

  /** Builds a {@link RealTimeMonitor}; not thread-safe. */
  public static final class Builder {
    private final PortfolioView view;
    private final String account;
    private final InstantSource clock;
    private DoubleSupplier benchmarkPrice;
    private ExposureBasis basis = ExposureBasis.FILLED;
    private MetricsConfig config = MetricsConfig.of(MetricsConfig.MINUTES_PER_YEAR);
    private int expectedSamples = 4096;

    private Builder(PortfolioView view, String account, InstantSource clock) {
      this.view = Checks.notNull(view, "view");
      this.account = Checks.notBlank(account, "account");
      this.clock = Checks.notNull(clock, "clock");
    }

    /**
     * Sets the metrics configuration (default: {@link MetricsConfig#MINUTES_PER_YEAR} periods a year, zero
     * risk-free rate). Its benchmark flag is set automatically when a benchmark source is given.
     */
    public Builder metrics(MetricsConfig config) {
      this.config = Checks.notNull(config, "config");
      return this;
    }

    /** Reads the benchmark's price from a supplier at each sample (NaN or &lt;= 0 means missing). */
    public Builder benchmarkPrice(DoubleSupplier price) {
      this.benchmarkPrice = Checks.notNull(price, "price");
      return this;
    }

    /** Uses the view's mark price of an instrument (e.g. an index ETF) as the benchmark price. */
    public Builder benchmarkInstrument(String instrumentId) {
      Checks.notBlank(instrumentId, "instrumentId");
      return benchmarkPrice(() -> view.markPrice(instrumentId));
    }

    /** Sets the exposure basis of the reported exposures (default {@link ExposureBasis#FILLED}). */
    public Builder exposureBasis(ExposureBasis basis) {
      this.basis = Checks.notNull(basis, "basis");
      return this;
    }

    /** Sets how many samples to preallocate metric storage for (default 4096; 32 bytes each). */
    public Builder expectedSamples(int count) {
      this.expectedSamples = Checks.positive(count, "expectedSamples");
      return this;
    }

    /** Builds the monitor. */
    public RealTimeMonitor build() {
      return new RealTimeMonitor(this);
    }
  }
}
