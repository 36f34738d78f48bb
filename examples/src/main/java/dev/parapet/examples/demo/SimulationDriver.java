package dev.parapet.examples.demo;

import dev.parapet.api.Checks;
import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.calendar.TradingSession;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.OrderEvent;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Quote;
import dev.parapet.simulator.MarketDataListener;
import dev.parapet.simulator.SimulatedMarket;
import dev.parapet.simulator.SimulationListenerException;
import dev.parapet.simulator.venue.VenueListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a {@link SimulatedMarket}, a {@link DemoStrategy} and a {@link SimulationHost} (the trading
 * controls) through simulated sessions and nights.
 * <p>
 * <b>Sessions</b> advance one simulated minute per step: the market moves and delivers quotes and bars to
 * the host (and bars to the strategy), the venue's fills and order events go to the host, then the host's
 * {@link SimulationHost#tick()} runs what is due, and the strategy's orders are submitted. Steps are paced
 * so that simulated time runs {@code speed} times faster than wall-clock time.
 * <p>
 * <b>Nights and weekends</b> are not paced: the clock moves to the next scheduled due time that is more
 * than a minute away or the next quarter hour, whichever is earlier, and {@code tick()} runs there, so that
 * the 16:15 end-of-day report and the 02:00 maintenance run at their times without waiting for them. After
 * the last session the night is run up to the last quarter hour before the next open, then the driver
 * stops.
 * <p>
 * Errors from the host inside a step are counted (see {@link #errors()}) and logged, and the run goes on.
 * <p>
 * Thread-safe in part: {@link #run()} runs on one thread; {@link #stop()} and the counters may be called
 * from any thread.
 */
public final class SimulationDriver {

  private static final Logger LOG = LoggerFactory.getLogger(SimulationDriver.class);
  private static final Duration NIGHT_STEP = Duration.ofMinutes(15);
  private static final Duration MIN_NIGHT_DUE = Duration.ofMinutes(1);
  /** Behind schedule by more than this, the pacing starts afresh instead of rushing to catch up. */
  private static final long MAX_LAG_NANOS = 2_000_000_000L;

  private final SimulatedMarket market;
  private final SimulationHost host;
  private final DemoStrategy strategy;
  private final PortfolioView book;
  private final int sessions;
  private final double speed;
  private final ProgressListener progress;

  private final AtomicLong submitted = new AtomicLong();
  private final AtomicLong approved = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong fills = new AtomicLong();
  private final AtomicLong orderEvents = new AtomicLong();
  private final AtomicLong ticks = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong sessionsDone = new AtomicLong();
  private final AtomicLong sessionMinutes = new AtomicLong();
  private volatile long sessionMinuteLimit = Long.MAX_VALUE;
  private final AtomicReference<Throwable> lastError = new AtomicReference<>();
  private volatile boolean stopped;
  private volatile boolean finished;

  private long wallAnchor;
  private Instant simAnchor;

  private SimulationDriver(SimulatedMarket market, SimulationHost host, DemoStrategy strategy, PortfolioView book,
      int sessions, double speed, ProgressListener progress) {
    this.market = Checks.notNull(market, "market");
    this.host = Checks.notNull(host, "host");
    this.strategy = Checks.notNull(strategy, "strategy");
    this.book = Checks.notNull(book, "book");
    Checks.check(sessions > 0, "sessions", sessions, "> 0");
    Checks.check(speed > 0 && !Double.isNaN(speed), "speed", speed, "> 0");
    this.sessions = sessions;
    this.speed = speed;
    this.progress = Checks.notNull(progress, "progress");
    market.addListener(new MarketDataListener() {
      @Override
      public void onQuote(Quote quote) {
        host.onQuote(quote);
      }

      @Override
      public void onBar(Bar bar) {
        strategy.onBar(bar);
        host.onBar(bar);
      }
    });
    market.venue().addListener(VenueListener.of(this::fill, this::event));
  }

  /**
   * Creates a driver.
   *
   * @param market the market, standing at the open of its first session
   * @param host the trading controls
   * @param strategy the strategy
   * @param book the positions the strategy reads
   * @param sessions how many sessions to run, &gt; 0
   * @param speed simulated seconds per wall-clock second in a session; infinite for no pacing
   * @param progress told when each session closes
   * @return the driver
   */
  public static SimulationDriver create(SimulatedMarket market, SimulationHost host, DemoStrategy strategy,
      PortfolioView book, int sessions, double speed, ProgressListener progress) {
    return new SimulationDriver(market, host, strategy, book, sessions, speed, progress);
  }

  /** Runs the sessions and nights; returns when done, stopped or interrupted. */
  public void run() {
    try {
      tick();
      while (!stopped && sessionsDone.get() < sessions) {
        if (!market.isOpen()) {
          step(); // opens the next session
        }
        runSession();
        if (stopped) {
          break;
        }
        sessionsDone.incrementAndGet();
        TradingSession closed = market.session();
        runNight();
        progress.onSessionClosed(closed, this);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.info("simulation interrupted at {}", market.now());
    } finally {
      finished = true;
    }
  }

  /**
   * Makes {@link #run()} stop once this many session minutes have been simulated, even within a session
   * (default: no limit; the number of sessions decides).
   */
  public SimulationDriver stopAfterSessionMinutes(long minutes) {
    Checks.check(minutes > 0, "minutes", minutes, "> 0");
    this.sessionMinuteLimit = minutes;
    return this;
  }

  /** Asks {@link #run()} to return at the end of the current step. */
  public void stop() {
    stopped = true;
  }

  /** Returns true once {@link #run()} has returned. */
  public boolean finished() {
    return finished;
  }

  private void runSession() throws InterruptedException {
    wallAnchor = System.nanoTime();
    simAnchor = market.now();
    while (!stopped && market.isOpen()) {
      step();
      tick();
      if (sessionMinutes.incrementAndGet() >= sessionMinuteLimit) {
        stopped = true;
        break;
      }
      if (market.isOpen()) {
        List<OrderRequest> orders;
        try {
          orders = strategy.rebalance(market.now(), market.session().close().toInstant(), book);
        } catch (RuntimeException e) {
          error("the strategy", e);
          orders = List.of();
        }
        for (OrderRequest o : orders) {
          submit(o);
        }
      }
      pace();
    }
  }

  private void runNight() {
    Instant open = market.calendar().nextSession(market.now()).open().toInstant();
    Instant now = market.clock().instant();
    while (!stopped && now.isBefore(open)) {
      Instant next = now.plus(NIGHT_STEP);
      long quarter = NIGHT_STEP.getSeconds();
      next = Instant.ofEpochSecond(next.getEpochSecond() / quarter * quarter); // the next quarter hour
      Optional<Instant> due = host.nextDueTime();
      if (due.isPresent() && due.get().isAfter(now.plus(MIN_NIGHT_DUE)) && due.get().isBefore(next)) {
        next = due.get();
      }
      if (!next.isBefore(open)) {
        break; // the next step opens the session
      }
      try {
        market.advanceTo(next);
      } catch (SimulationListenerException e) {
        error("a market listener", e);
      }
      now = market.clock().instant();
      tick();
    }
  }

  private void step() {
    try {
      market.step();
    } catch (SimulationListenerException e) {
      error("a market or venue listener", e);
    }
  }

  private void tick() {
    try {
      host.tick();
      ticks.incrementAndGet();
    } catch (RuntimeException e) {
      error("tick", e);
    }
  }

  private void submit(OrderRequest order) {
    submitted.incrementAndGet();
    try {
      GateDecision d = host.submit(order);
      if (d.approved()) {
        approved.incrementAndGet();
      } else {
        rejected.incrementAndGet();
      }
    } catch (RuntimeException e) {
      error("submit of " + order.clientOrderId(), e);
    }
  }

  private void fill(Fill fill) {
    fills.incrementAndGet();
    host.onFill(fill);
  }

  private void event(OrderEvent event) {
    orderEvents.incrementAndGet();
    host.onOrderEvent(event);
  }

  private void pace() throws InterruptedException {
    if (Double.isInfinite(speed)) {
      return;
    }
    long simNanos = Duration.between(simAnchor, market.now()).toNanos();
    long target = wallAnchor + (long) (simNanos / speed);
    long wait = target - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
    } else if (-wait > MAX_LAG_NANOS) {
      wallAnchor = System.nanoTime();
      simAnchor = market.now();
    }
  }

  private void error(String where, Throwable e) {
    errors.incrementAndGet();
    lastError.set(e);
    LOG.warn("simulation at {}: {} failed", market.now(), where, e);
  }

  // ------------------------------------------------------------------------------------------------ counters

  /** Returns how many orders were submitted. */
  public long submitted() {
    return submitted.get();
  }

  /** Returns how many submitted orders were approved. */
  public long approved() {
    return approved.get();
  }

  /** Returns how many submitted orders were rejected. */
  public long rejected() {
    return rejected.get();
  }

  /** Returns how many fills the venue reported. */
  public long fills() {
    return fills.get();
  }

  /** Returns how many order events the venue reported. */
  public long orderEvents() {
    return orderEvents.get();
  }

  /** Returns how many times the host ticked. */
  public long ticks() {
    return ticks.get();
  }

  /** Returns how many session minutes were simulated. */
  public long sessionMinutes() {
    return sessionMinutes.get();
  }

  /** Returns how many sessions closed. */
  public long sessionsDone() {
    return sessionsDone.get();
  }

  /** Returns how many errors escaped the host, the strategy or a listener into the driver. */
  public long errors() {
    return errors.get();
  }

  /** Returns the last such error, if any. */
  public Optional<Throwable> lastError() {
    return Optional.ofNullable(lastError.get());
  }

  /** Told when a session has closed and the night after it has run. */
  @FunctionalInterface
  public interface ProgressListener {
    /** Called on the simulation thread after a session's close and the night that follows. */
    void onSessionClosed(TradingSession session, SimulationDriver driver);
  }
}
