package dev.parapet.simulator;

import dev.parapet.api.Checks;
import dev.parapet.api.calendar.MarketCalendar;
import dev.parapet.api.calendar.TradingSession;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.BarInterval;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.Quote;
import dev.parapet.api.time.SimulatedClock;
import dev.parapet.simulator.calendar.WeekdayCalendar;
import dev.parapet.simulator.internal.MarketEngine;
import dev.parapet.simulator.internal.ProfileGenerator;
import dev.parapet.simulator.venue.SimulatedVenue;
import dev.parapet.simulator.venue.VenueConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A reproducible simulated multi-asset market with its trading venue, for tests, benchmarks and the
 * example runner. Build one with {@link #builder()}; the same seed and the same calls give the same
 * quotes, bars and fills.
 * <p>
 * <b>Prices.</b> Each instrument's log mid moves once a minute during sessions and once overnight.
 * The day's variance {@code sigma^2} (see {@link InstrumentProfile#annualVolatility()}, scaled by the
 * {@link RegimeModel regime}) is split into an overnight share {@code omega} (default 0.2) and the
 * session minutes in proportion to the {@link IntradayProfile} weights. Shocks are correlated standard
 * normals (a market + sector factor model from the profiles' loadings, or the Cholesky factor of a
 * given correlation matrix), all multiplied by one scale per session {@code sqrt((nu - 2) / W)},
 * {@code W ~ chi^2(nu)}, drawn at the open and shared by all instruments: daily returns are then
 * multivariate Student-t with {@code nu} degrees of freedom (default 5, kurtosis {@code 3 + 6 / (nu - 4)}
 * = 9) and the target correlation (Demarta &amp; McNeil, International Statistical Review 73(1), 2005, §2).
 * The drift is {@code annualDrift / 252 - sigma^2 / 2} a day. Minute bars' highs and lows come from a
 * Brownian bridge between the minute's open and close.
 * <p>
 * <b>Volume and quotes.</b> A minute's market volume is {@code ADV * regime volume multiplier * weight}
 * times a log-normal day factor (sd 0.25) and minute noise (sd 0.5), each with mean 1. The quoted spread
 * is {@code baseSpreadBps * regime volatility multiplier * session scale * sqrt(weight * minutes)} of the
 * mid, rounded outwards to the tick grid and never less than one tick: spreads widen with volatility,
 * under stress, on wild days and at the open. Quote sizes are 5-25% of the minute's expected volume.
 * <p>
 * <b>Time.</b> The market owns (or is given) a {@link SimulatedClock}. It starts at the open of the first
 * session on or after the start date, already open. {@link #step()} moves one minute (or, when closed,
 * to the next session's open); {@link #advanceTo} steps up to an instant; {@link #runToClose()} finishes a
 * session. The clock moves forward only: to venue event times within a minute, then to the minute's end.
 * <p>
 * <b>Trading does not disturb the exogenous path.</b> The price path, volume, venue and fault
 * randomness come from separate streams, so two markets with the same seed see the same shocks however
 * they trade; their prices differ only by the permanent impact of their own fills. This makes paired
 * comparisons of execution algorithms exact.
 * <p>
 * <b>History and scenarios.</b> {@link #dailyHistory} and {@link #returnScenarios} draw from the same
 * model with their own streams: pure functions of the seed and arguments, which never affect the live
 * market.
 * <p>
 * <b>Threading.</b> The market is confined to one simulation thread: {@link #step()}, {@link #advanceTo},
 * {@link #runToClose()} and listener callbacks happen there. The snapshot readers ({@link #getQuote},
 * {@link #quotes()}, {@link #findLastBar}, {@link #now()}, {@link #isOpen()}, {@link #regime()},
 * {@link #currentSession()}) are safe from any thread and reflect the end of the last step. The
 * {@link #venue()}'s {@code send} and {@code cancel} are thread-safe; {@link #faults()} may be scheduled
 * from any thread; the reference-data methods are immutable.
 */
public interface SimulatedMarket {

  /** Returns a builder with seed 1, 20 instruments and every other default. */
  static Builder builder() {
    return new Builder();
  }

  // ------------------------------------------------------------------------------------------------
  // reference data

  /** Returns the seed. */
  long seed();

  /** Returns the instruments, in the market's order (the order of quotes, bars and scenario columns). */
  List<Instrument> instruments();

  /** Returns the instruments' simulation parameters, in the market's order. */
  List<InstrumentProfile> profiles();

  /**
   * Returns one instrument's simulation parameters.
   *
   * @throws java.util.NoSuchElementException if the market does not list the instrument
   */
  InstrumentProfile getProfile(String instrumentId);

  /** Returns a copy of the target correlation matrix of the instruments' shocks, in the market's order. */
  double[][] correlation();

  /** Returns the Student-t degrees of freedom {@code nu} of daily returns; infinite for normal returns. */
  double tailDegreesOfFreedom();

  /** Returns the regime model. */
  RegimeModel regimeModel();

  /** Returns the intraday volume and variance profile. */
  IntradayProfile volumeProfile();

  /** Returns the trading calendar. */
  MarketCalendar calendar();

  /** Returns the clock the market drives; hand it to every component as their {@code InstantSource}. */
  SimulatedClock clock();

  // ------------------------------------------------------------------------------------------------
  // state (any thread)

  /** Returns the market time: the end of the last step. The clock may be ahead of it, never behind. */
  Instant now();

  /** Returns true if a session is open. */
  boolean isOpen();

  /** Returns the open session, or empty between sessions. */
  Optional<TradingSession> currentSession();

  /** Returns the session that is open, or else the one that closed last. */
  TradingSession session();

  /** Returns the current true regime (for tests and dashboards; algorithms should infer it). */
  Regime regime();

  /**
   * Returns an instrument's quote at the end of the last step.
   *
   * @throws java.util.NoSuchElementException if the market does not list the instrument
   */
  Quote getQuote(String instrumentId);

  /** Returns an instrument's quote at the end of the last step, or empty if it is not listed. */
  Optional<Quote> findQuote(String instrumentId);

  /** Returns every instrument's quote at the end of the last step, in the market's order. */
  List<Quote> quotes();

  /**
   * Returns the last bar of an instrument delivered to listeners: the last one-minute bar (a dropped bar
   * is not delivered, so the previous one stays) or the last daily bar.
   *
   * @param instrumentId the instrument
   * @param interval {@link BarInterval#ONE_MINUTE} or {@link BarInterval#DAILY}
   * @return the bar, or empty if none yet or the instrument is not listed
   */
  Optional<Bar> findLastBar(String instrumentId, BarInterval interval);

  // ------------------------------------------------------------------------------------------------
  // driving time (simulation thread)

  /**
   * Advances one step: during a session, one minute (the venue first works the messages that reach it
   * within the minute, then prices move, resting orders may fill, and quotes, bars and, at the close,
   * daily bars are delivered); between sessions, to the next session's open.
   *
   * @return the new market time
   * @throws SimulationListenerException if a listener threw (after the step completed)
   */
  Instant step();

  /**
   * Steps while the next step ends at or before {@code target}, then lets the venue work the messages
   * that reach it by {@code target} and moves the clock to {@code target} if it is later. Use it to run
   * at sub-minute resolution: messages are acknowledged and filled at their latency, while prices move
   * on minute boundaries.
   *
   * @throws SimulationListenerException if a listener threw
   */
  void advanceTo(Instant target);

  /**
   * Runs to the end of the open session, or opens the next session and runs it to its close.
   *
   * @return the session that closed
   * @throws SimulationListenerException if a listener threw
   */
  TradingSession runToClose();

  /** Adds a market-data listener; listeners are called in the order they were added. */
  void addListener(MarketDataListener listener);

  /** Removes a market-data listener; returns true if it was registered. */
  boolean removeListener(MarketDataListener listener);

  /** Returns the venue: the {@link dev.parapet.api.execution.OrderRouter} to hand to the execution engine. */
  SimulatedVenue venue();

  /** Returns the fault injector for soak and resilience tests. */
  FaultInjector faults();

  // ------------------------------------------------------------------------------------------------
  // history and scenarios (any thread)

  /**
   * Returns daily bars for the {@code sessions} trading days before the market's first session, ordered
   * by date and then by instrument, from the same model (daily regime chain, Student-t scale, correlated
   * overnight and intraday returns, log-normal volume), shifted so that each instrument's last close is
   * its initial price: the live market continues the history. Prices are on the tick grid; the VWAP is
   * the typical price {@code (open + high + low + close) / 4}. Suitable for seeding a history store.
   *
   * @param sessions how many sessions, &gt; 0
   * @return the bars, {@code sessions * instruments().size()} of them
   */
  List<Bar> dailyHistory(int sessions);

  /**
   * Returns independent scenarios of one-day log returns: in each, a regime drawn from the chain's
   * stationary distribution, the Student-t scale and correlated shocks, as in the live market.
   *
   * @param count how many scenarios, &gt; 0
   * @return a new {@code count x instruments} matrix; row = scenario, column = instrument in market order
   */
  double[][] returnScenarios(int count);

  // ------------------------------------------------------------------------------------------------

  /**
   * A mutable builder of {@link SimulatedMarket}; not thread-safe.
   * <p>
   * Instruments come from exactly one of {@link #instruments(int)} (synthetic, see
   * {@link SimulatedInstruments}), {@link #instruments(List)} (given instruments, generated parameters) or
   * {@link #profiles(List)} (given parameters); the default is 20 synthetic instruments.
   */
  final class Builder {
    private long seed = 1;
    private int instrumentCount = 20;
    private List<Instrument> instruments;
    private List<InstrumentProfile> profiles;
    private double[][] correlation;
    private double tailDegreesOfFreedom = 5.0;
    private RegimeModel regimes = RegimeModel.defaults();
    private IntradayProfile volumeProfile = IntradayProfile.uShaped();
    private double overnightVarianceShare = 0.2;
    private MarketCalendar calendar = WeekdayCalendar.newYork();
    private LocalDate start = LocalDate.of(2024, 1, 2);
    private SimulatedClock clock;
    private VenueConfig venue = VenueConfig.defaults();

    private Builder() {
    }

    /** Sets the seed of every random stream (default 1). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Uses {@code count} synthetic instruments ({@link SimulatedInstruments#create}) with generated parameters. */
    public Builder instruments(int count) {
      this.instrumentCount = Checks.positive(count, "count");
      this.instruments = null;
      this.profiles = null;
      return this;
    }

    /** Uses the given instruments (distinct ids) with parameters generated from the seed. */
    public Builder instruments(List<Instrument> instruments) {
      this.instruments = List.copyOf(Checks.notNull(instruments, "instruments"));
      this.profiles = null;
      return this;
    }

    /** Uses exactly the given instruments and parameters (distinct instrument ids). */
    public Builder profiles(List<InstrumentProfile> profiles) {
      this.profiles = List.copyOf(Checks.notNull(profiles, "profiles"));
      this.instruments = null;
      return this;
    }

    /**
     * Uses an explicit correlation matrix (symmetric, unit diagonal, positive definite, one row per
     * instrument in market order) through its Cholesky factor instead of the factor model.
     */
    public Builder correlation(double[][] correlation) {
      Checks.notNull(correlation, "correlation");
      double[][] copy = new double[correlation.length][];
      for (int i = 0; i < correlation.length; i++) {
        copy[i] = correlation[i] == null ? null : correlation[i].clone();
      }
      this.correlation = copy;
      return this;
    }

    /**
     * Sets the Student-t degrees of freedom of daily returns, &gt; 2 (default 5);
     * {@link Double#POSITIVE_INFINITY} gives normal returns.
     */
    public Builder tailDegreesOfFreedom(double nu) {
      Checks.check(nu > 2.0, "tailDegreesOfFreedom", nu, "> 2 (or infinite for normal returns)");
      this.tailDegreesOfFreedom = nu;
      return this;
    }

    /** Sets the regime model (default {@link RegimeModel#defaults()}). */
    public Builder regimes(RegimeModel regimes) {
      this.regimes = Checks.notNull(regimes, "regimes");
      return this;
    }

    /** Sets the intraday volume and variance profile (default {@link IntradayProfile#uShaped()}). */
    public Builder volumeProfile(IntradayProfile volumeProfile) {
      this.volumeProfile = Checks.notNull(volumeProfile, "volumeProfile");
      return this;
    }

    /** Sets the share of daily variance that falls overnight, in [0, 1) (default 0.2). */
    public Builder overnightVarianceShare(double share) {
      Checks.check(share >= 0.0 && share < 1.0, "overnightVarianceShare", share, "in [0, 1)");
      this.overnightVarianceShare = share;
      return this;
    }

    /** Sets the calendar (default {@link WeekdayCalendar#newYork()}). */
    public Builder calendar(MarketCalendar calendar) {
      this.calendar = Checks.notNull(calendar, "calendar");
      return this;
    }

    /** Sets the start date: the market opens at the first session on or after it (default 2024-01-02). */
    public Builder start(LocalDate start) {
      this.start = Checks.notNull(start, "start");
      return this;
    }

    /**
     * Sets the clock to drive, standing at or before the first session's open (default: a new clock at
     * that open).
     */
    public Builder clock(SimulatedClock clock) {
      this.clock = Checks.notNull(clock, "clock");
      return this;
    }

    /** Sets the venue's configuration (default {@link VenueConfig#defaults()}). */
    public Builder venue(VenueConfig venue) {
      this.venue = Checks.notNull(venue, "venue");
      return this;
    }

    /**
     * Builds the market, standing at the open of its first session.
     *
     * @throws dev.parapet.api.InvalidValueException if the configuration is inconsistent (duplicate
     *     instrument ids, a correlation matrix of the wrong size or not positive definite, a clock after
     *     the first open)
     */
    public SimulatedMarket build() {
      List<InstrumentProfile> p;
      if (profiles != null) {
        p = profiles;
      } else {
        List<Instrument> list = instruments != null ? instruments : SimulatedInstruments.create(instrumentCount);
        p = ProfileGenerator.generate(list, seed);
      }
      Checks.check(!p.isEmpty(), "instruments", "none", "at least one instrument");
      Set<String> ids = new HashSet<>();
      for (InstrumentProfile profile : p) {
        Checks.notNull(profile, "profile");
        String id = profile.instrument().id();
        Checks.check(ids.add(id), "instruments", id, "distinct instrument ids (" + id + " appears twice)");
      }
      return new MarketEngine(seed, p, correlation, tailDegreesOfFreedom, regimes, volumeProfile,
          overnightVarianceShare, calendar, start, clock, venue);
    }
  }
}
