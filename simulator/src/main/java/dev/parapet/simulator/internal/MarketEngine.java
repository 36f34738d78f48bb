package dev.parapet.simulator.internal;

import dev.parapet.api.Checks;
import dev.parapet.api.calendar.MarketCalendar;
import dev.parapet.api.calendar.TradingSession;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.BarInterval;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.Quote;
import dev.parapet.api.time.SimulatedClock;
import dev.parapet.simulator.FaultInjector;
import dev.parapet.simulator.InstrumentProfile;
import dev.parapet.simulator.IntradayProfile;
import dev.parapet.simulator.MarketDataListener;
import dev.parapet.simulator.Regime;
import dev.parapet.simulator.RegimeModel;
import dev.parapet.simulator.SimulatedMarket;
import dev.parapet.simulator.SimulationListenerException;
import dev.parapet.simulator.venue.SimulatedVenue;
import dev.parapet.simulator.venue.VenueConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The live simulated market: one-minute steps of correlated, fat-tailed, regime-switching log prices,
 * U-shaped volume, volatility-scaled spreads, bars and quotes; owns the venue. Confined to the simulation
 * thread, except the published snapshots (quotes, last bars, state) which any thread may read.
 */
public final class MarketEngine implements SimulatedMarket {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final MarketModel model;
  private final int n;
  private final MarketCalendar calendar;
  private final SimulatedClock clock;
  private final LocalDate firstDate;
  private final Rng pathRng;
  private final Rng volumeRng;
  private final Faults faults;
  private final VenueEngine venue;
  private final List<MarketDataListener> listeners = new CopyOnWriteArrayList<>();
  private final List<RuntimeException> listenerErrors = new ArrayList<>();
  private final double pMinuteCalmToStressed;
  private final double pMinuteStressedToCalm;

  // state of the price process
  private final double[] exoLog;
  private final double[] offset;
  private final double[] netQuantity;
  private final double[] dayVolumeFactor;
  private final double[] shocks;
  private final double[] scratch;
  private Regime regime;
  private double dayScale;

  // session and time
  private TradingSession session;
  private boolean open;
  private int minute;
  private int minutes;
  private double[] weights;
  private Instant marketTime;

  // quotes at marketTime
  private final double[] bid;
  private final double[] ask;
  private final double[] quoteSpreadFraction;
  private final double[] stepOpenMid;

  // the minute in progress and the day
  private final double[] barLow;
  private final double[] barHigh;
  private final double[] realisedVolume;
  private final long[] venueVolume;
  private final double[] dayOpen;
  private final double[] dayHigh;
  private final double[] dayLow;
  private final long[] dayVolume;
  private final double[] dayVwapNumerator;

  // snapshots readable from any thread
  private volatile List<Quote> quoteSnapshot;
  private volatile Bar[] lastMinuteBars;
  private volatile Bar[] lastDailyBars;
  private volatile boolean openSnapshot;
  private volatile TradingSession sessionSnapshot;
  private volatile Regime regimeSnapshot;
  private volatile Instant timeSnapshot;

  /**
   * Creates the market standing at the open of the first session on or after {@code start}.
   */
  public MarketEngine(long seed, List<InstrumentProfile> profiles, double[][] correlation, double tailDegreesOfFreedom,
      RegimeModel regimes, IntradayProfile volumeProfile, double overnightVarianceShare, MarketCalendar calendar,
      LocalDate start, SimulatedClock clock, VenueConfig venueConfig) {
    CorrelatedNormals normals = correlation == null ? CorrelatedNormals.factorModel(profiles)
        : CorrelatedNormals.cholesky(correlation, profiles.size());
    this.model = new MarketModel(seed, profiles, normals, tailDegreesOfFreedom, regimes, volumeProfile,
        overnightVarianceShare);
    this.n = profiles.size();
    this.calendar = calendar;
    this.pathRng = Rng.stream(seed, MarketModel.STREAM_PATH);
    this.volumeRng = Rng.stream(seed, MarketModel.STREAM_VOLUME);
    this.faults = new Faults(seed);
    this.pMinuteCalmToStressed = MarketModel.perMinute(regimes.calmToStressedPerDay());
    this.pMinuteStressedToCalm = MarketModel.perMinute(regimes.stressedToCalmPerDay());
    this.exoLog = new double[n];
    this.offset = new double[n];
    this.netQuantity = new double[n];
    this.dayVolumeFactor = new double[n];
    this.shocks = new double[n];
    this.scratch = new double[normals.scratchSize()];
    this.bid = new double[n];
    this.ask = new double[n];
    this.quoteSpreadFraction = new double[n];
    this.stepOpenMid = new double[n];
    this.barLow = new double[n];
    this.barHigh = new double[n];
    this.realisedVolume = new double[n];
    this.venueVolume = new long[n];
    this.dayOpen = new double[n];
    this.dayHigh = new double[n];
    this.dayLow = new double[n];
    this.dayVolume = new long[n];
    this.dayVwapNumerator = new double[n];
    this.lastMinuteBars = new Bar[n];
    this.lastDailyBars = new Bar[n];
    for (int i = 0; i < n; i++) {
      exoLog[i] = StrictMath.log(profiles.get(i).initialPrice());
    }
    this.regime = regimes.initialRegime();

    LocalDate d = start;
    for (int guard = 0; !calendar.isTradingDay(d); guard++) {
      Checks.check(guard < 366, "start", start, "followed by a trading day within a year on " + calendar.exchange());
      d = d.plusDays(1);
    }
    this.firstDate = d;
    TradingSession first = calendar.getSession(d);
    if (clock == null) {
      this.clock = SimulatedClock.at(first.open().toInstant());
    } else {
      Checks.check(!clock.instant().isAfter(first.open().toInstant()), "clock", clock.instant(),
          "not after the first session's open " + first.open().toInstant());
      this.clock = clock;
    }
    this.venue = new VenueEngine(this, venueConfig, seed);
    openSession(first, true);
    publish();
  }

  // ------------------------------------------------------------------------------------------------
  // SimulatedMarket: reference data and state

  @Override
  public long seed() {
    return model.seed;
  }

  @Override
  public List<Instrument> instruments() {
    return model.instruments;
  }

  @Override
  public List<InstrumentProfile> profiles() {
    return model.profiles;
  }

  @Override
  public InstrumentProfile getProfile(String instrumentId) {
    return model.profiles.get(requireIndex(instrumentId));
  }

  @Override
  public double[][] correlation() {
    return model.normals.correlation();
  }

  @Override
  public double tailDegreesOfFreedom() {
    return model.tailDegreesOfFreedom;
  }

  @Override
  public RegimeModel regimeModel() {
    return model.regimes;
  }

  @Override
  public IntradayProfile volumeProfile() {
    return model.volumeProfile;
  }

  @Override
  public MarketCalendar calendar() {
    return calendar;
  }

  @Override
  public SimulatedClock clock() {
    return clock;
  }

  @Override
  public Instant now() {
    return timeSnapshot;
  }

  @Override
  public boolean isOpen() {
    return openSnapshot;
  }

  @Override
  public Optional<TradingSession> currentSession() {
    return openSnapshot ? Optional.of(sessionSnapshot) : Optional.empty();
  }

  @Override
  public TradingSession session() {
    return sessionSnapshot;
  }

  @Override
  public Regime regime() {
    return regimeSnapshot;
  }

  @Override
  public Quote getQuote(String instrumentId) {
    return quoteSnapshot.get(requireIndex(instrumentId));
  }

  @Override
  public Optional<Quote> findQuote(String instrumentId) {
    int i = model.indexOf(instrumentId);
    return i < 0 ? Optional.empty() : Optional.of(quoteSnapshot.get(i));
  }

  @Override
  public List<Quote> quotes() {
    return quoteSnapshot;
  }

  @Override
  public Optional<Bar> findLastBar(String instrumentId, BarInterval interval) {
    Checks.notNull(interval, "interval");
    Checks.check(interval == BarInterval.ONE_MINUTE || interval == BarInterval.DAILY, "interval", interval,
        "ONE_MINUTE or DAILY");
    int i = model.indexOf(instrumentId);
    if (i < 0) {
      return Optional.empty();
    }
    return Optional.ofNullable(interval == BarInterval.DAILY ? lastDailyBars[i] : lastMinuteBars[i]);
  }

  @Override
  public SimulatedVenue venue() {
    return venue;
  }

  @Override
  public FaultInjector faults() {
    return faults;
  }

  @Override
  public void addListener(MarketDataListener listener) {
    listeners.add(Checks.notNull(listener, "listener"));
  }

  @Override
  public boolean removeListener(MarketDataListener listener) {
    return listeners.remove(listener);
  }

  @Override
  public List<Bar> dailyHistory(int sessions) {
    return HistoryGenerator.dailyHistory(model, calendar, firstDate, sessions);
  }

  @Override
  public double[][] returnScenarios(int count) {
    return ScenarioGenerator.dailyLogReturns(model, count);
  }

  private int requireIndex(String instrumentId) {
    int i = model.indexOf(instrumentId);
    if (i < 0) {
      throw new NoSuchElementException("instrument " + instrumentId + " is not listed in this simulated market");
    }
    return i;
  }

  // ------------------------------------------------------------------------------------------------
  // SimulatedMarket: driving time

  @Override
  public Instant step() {
    if (open) {
      stepMinute();
    } else {
      TradingSession next = calendar.nextSession(marketTime);
      venue.processUntil(next.open().toInstant());
      openSession(next, false);
      publish();
      for (MarketDataListener l : listeners) {
        call(() -> l.onSessionOpen(next));
      }
      deliverQuotes();
    }
    Instant now = marketTime;
    for (MarketDataListener l : listeners) {
      call(() -> l.onStep(now));
    }
    rethrowListenerErrors();
    return marketTime;
  }

  @Override
  public void advanceTo(Instant target) {
    Checks.notNull(target, "target");
    while (!nextStepEnd().isAfter(target)) {
      step();
    }
    if (target.isAfter(marketTime)) {
      venue.processUntil(target.plusNanos(1));
      moveClock(target);
      venue.publishStatistics();
      rethrowListenerErrors();
    }
  }

  @Override
  public TradingSession runToClose() {
    if (!open) {
      step();
    }
    TradingSession s = session;
    while (open) {
      step();
    }
    return s;
  }

  private Instant nextStepEnd() {
    if (open) {
      Instant next = marketTime.plus(MINUTE);
      Instant close = session.close().toInstant();
      return next.isAfter(close) ? close : next;
    }
    return calendar.nextSession(marketTime).open().toInstant();
  }

  // ------------------------------------------------------------------------------------------------
  // the price process

  private void openSession(TradingSession s, boolean first) {
    session = s;
    open = true;
    minute = 0;
    // a session that does not last whole minutes ends with a shorter step
    minutes = (int) ((Duration.between(s.open(), s.close()).getSeconds() + 59) / 60);
    Checks.check(minutes > 0, "session", s, "at least one minute long");
    weights = model.volumeProfile.weights(minutes);
    marketTime = s.open().toInstant();
    moveClock(marketTime);
    dayScale = model.tailScale(pathRng);
    if (!first) {
      double omega = model.overnightVarianceShare;
      double volMult = model.regimes.volatilityMultiplier(regime);
      model.normals.next(pathRng, shocks, scratch);
      for (int i = 0; i < n; i++) {
        double sigma = model.dailyVol[i] * volMult;
        double drift = model.dailyDrift[i] - 0.5 * sigma * sigma;
        exoLog[i] += drift * omega + sigma * dayScale * Math.sqrt(omega) * shocks[i];
      }
    }
    for (int i = 0; i < n; i++) {
      dayVolumeFactor[i] = StrictMath.exp(0.25 * volumeRng.nextGaussian() - 0.03125);
      netQuantity[i] = 0;
      dayVolume[i] = 0;
      dayVwapNumerator[i] = 0;
    }
    computeQuotes();
    for (int i = 0; i < n; i++) {
      double tick = model.instruments.get(i).tickSize();
      double o = MarketModel.roundTick(mid(i), tick);
      dayOpen[i] = o;
      dayHigh[i] = o;
      dayLow[i] = o;
    }
    venue.onSessionOpen();
  }

  private void stepMinute() {
    Instant t = marketTime;
    Instant t1 = nextStepEnd();
    int k = minute;
    // 1. the venue works what reaches it before the minute ends, at the quotes of t
    venue.processUntil(t1);
    // 2. the exogenous path moves: regime, correlated shocks scaled by the day's t scale
    if (model.regimes.switches()) {
      regime = MarketModel.transition(regime, pathRng.nextDouble(), pMinuteCalmToStressed, pMinuteStressedToCalm);
    }
    double volMult = model.regimes.volatilityMultiplier(regime);
    double volumeMult = model.regimes.volumeMultiplier(regime);
    double share = (1.0 - model.overnightVarianceShare) * weights[k];
    model.normals.next(pathRng, shocks, scratch);
    for (int i = 0; i < n; i++) {
      double sigma = model.dailyVol[i] * volMult;
      double drift = (model.dailyDrift[i] - 0.5 * sigma * sigma) * share;
      double variance = sigma * sigma * dayScale * dayScale * share;
      double before = StrictMath.log(stepOpenMid[i]);
      exoLog[i] += drift + Math.sqrt(variance) * shocks[i];
      double b = exoLog[i] + offset[i] - before;
      barHigh[i] = StrictMath.exp(before + MarketModel.bridgeMax(b, variance, pathRng.nextOpenDouble()));
      barLow[i] = StrictMath.exp(before - MarketModel.bridgeMax(-b, variance, pathRng.nextOpenDouble()));
      realisedVolume[i] = model.adv[i] * volumeMult * weights[k] * dayVolumeFactor[i]
          * StrictMath.exp(0.5 * volumeRng.nextGaussian() - 0.125);
    }
    // 3. resting limit orders the path traded through fill passively at t1
    moveClock(t1);
    venue.matchPassive(t1, barLow, barHigh, realisedVolume);
    // 4. the minute's bars
    Bar[] bars = new Bar[n];
    for (int i = 0; i < n; i++) {
      Instrument instrument = model.instruments.get(i);
      double tick = instrument.tickSize();
      double closeMid = mid(i);
      double o = MarketModel.roundTick(stepOpenMid[i], tick);
      double c = MarketModel.roundTick(closeMid, tick);
      double h = Math.max(MarketModel.ceilTick(Math.max(barHigh[i], closeMid), tick), Math.max(o, c));
      double l = Math.min(MarketModel.floorTick(Math.min(barLow[i], closeMid), tick), Math.min(o, c));
      double vwap = Math.min(h, Math.max(l, 0.25 * (o + h + l + c)));
      long lot = instrument.lotSize();
      long volume = Math.round(realisedVolume[i] / lot) * lot + venueVolume[i];
      venueVolume[i] = 0;
      bars[i] = new Bar(instrument.id(), BarInterval.ONE_MINUTE, t, o, h, l, c, volume, OptionalDouble.of(vwap));
      dayHigh[i] = Math.max(dayHigh[i], h);
      dayLow[i] = Math.min(dayLow[i], l);
      dayVolume[i] += volume;
      dayVwapNumerator[i] += vwap * volume;
    }
    marketTime = t1;
    minute++;
    boolean closing = !t1.isBefore(session.close().toInstant());
    computeQuotes();
    Bar[] daily = null;
    if (closing) {
      venue.expireAtClose(t1);
      open = false;
      daily = new Bar[n];
      LocalDate date = session.date();
      for (int i = 0; i < n; i++) {
        Instrument instrument = model.instruments.get(i);
        double c = bars[i].close();
        double vwap = dayVolume[i] > 0 ? dayVwapNumerator[i] / dayVolume[i] : 0.25 * (dayOpen[i] + dayHigh[i]
            + dayLow[i] + c);
        vwap = Math.min(dayHigh[i], Math.max(dayLow[i], vwap));
        daily[i] = new Bar(instrument.id(), BarInterval.DAILY, date.atStartOfDay(ZoneOffset.UTC).toInstant(),
            dayOpen[i], dayHigh[i], dayLow[i], c, dayVolume[i], OptionalDouble.of(vwap));
      }
    }
    // 5. publish and deliver
    Bar[] minuteSnapshot = lastMinuteBars.clone();
    boolean[] dropped = new boolean[n];
    for (int i = 0; i < n; i++) {
      dropped[i] = faults.dropBar(bars[i].instrumentId(), t);
      if (!dropped[i]) {
        minuteSnapshot[i] = bars[i];
      }
    }
    lastMinuteBars = minuteSnapshot;
    if (daily != null) {
      lastDailyBars = daily.clone();
    }
    publish();
    venue.publishStatistics();
    deliverQuotes();
    for (int i = 0; i < n; i++) {
      if (!dropped[i]) {
        Bar bar = bars[i];
        for (MarketDataListener l : listeners) {
          call(() -> l.onBar(bar));
        }
      }
    }
    if (daily != null) {
      for (Bar bar : daily) {
        for (MarketDataListener l : listeners) {
          call(() -> l.onBar(bar));
        }
      }
      TradingSession s = session;
      for (MarketDataListener l : listeners) {
        call(() -> l.onSessionClose(s));
      }
    }
  }

  /** Recomputes the quotes at {@code marketTime} for the minute about to start (the last one at the close). */
  private void computeQuotes() {
    int k = Math.min(minute, minutes - 1);
    double intraday = Math.sqrt(weights[k] * minutes);
    double volRatio = model.regimes.volatilityMultiplier(regime) * dayScale * intraday;
    for (int i = 0; i < n; i++) {
      quoteSpreadFraction[i] = model.profiles.get(i).baseSpreadBps() * volRatio / 10_000.0;
      double m = mid(i);
      stepOpenMid[i] = m;
      quote(i, m);
    }
  }

  private void quote(int i, double m) {
    double tick = model.instruments.get(i).tickSize();
    double half = 0.5 * m * quoteSpreadFraction[i];
    double b = MarketModel.floorTick(m - half, tick);
    double a = MarketModel.ceilTick(m + half, tick);
    if (a - b < tick * 0.5) {
      a = b + tick;
    }
    bid[i] = b;
    ask[i] = a;
  }

  private double mid(int i) {
    return StrictMath.exp(exoLog[i] + offset[i]);
  }

  private void publish() {
    List<Quote> qs = new ArrayList<>(n);
    int k = Math.min(minute, minutes - 1);
    double volumeMult = model.regimes.volumeMultiplier(regime);
    for (int i = 0; i < n; i++) {
      Instrument instrument = model.instruments.get(i);
      long lot = instrument.lotSize();
      double expected = model.adv[i] * volumeMult * weights[k];
      long bidSize = Math.max(lot, Math.round(expected * volumeRng.uniform(0.05, 0.25) / lot) * lot);
      long askSize = Math.max(lot, Math.round(expected * volumeRng.uniform(0.05, 0.25) / lot) * lot);
      qs.add(new Quote(instrument.id(), bid[i], ask[i], bidSize, askSize, marketTime));
    }
    quoteSnapshot = List.copyOf(qs);
    openSnapshot = open;
    sessionSnapshot = session;
    regimeSnapshot = regime;
    timeSnapshot = marketTime;
  }

  private void deliverQuotes() {
    if (listeners.isEmpty()) {
      return;
    }
    for (Quote q : quoteSnapshot) {
      for (MarketDataListener l : listeners) {
        call(() -> l.onQuote(q));
      }
    }
  }

  // ------------------------------------------------------------------------------------------------
  // services for the venue (simulation thread only)

  int indexOf(String instrumentId) {
    return model.indexOf(instrumentId);
  }

  Instrument instrument(int i) {
    return model.instruments.get(i);
  }

  int size() {
    return n;
  }

  Instant marketTime() {
    return marketTime;
  }

  /** Returns true if the instant lies in the session that is open now. */
  boolean isOpenAt(Instant t) {
    return open && session.contains(t);
  }

  /** The live bid: the minute's spread around the mid including permanent impact so far. */
  double liveBid(int i) {
    quote(i, mid(i));
    return bid[i];
  }

  /** The live ask: the minute's spread around the mid including permanent impact so far. */
  double liveAsk(int i) {
    quote(i, mid(i));
    return ask[i];
  }

  /** The daily volatility in the current regime, the sigma of the impact model. */
  double impactVolatility(int i) {
    return model.dailyVol[i] * model.regimes.volatilityMultiplier(regime);
  }

  /** The expected market volume of the current minute, the V of the impact model. */
  double expectedMinuteVolume(int i) {
    return model.adv[i] * model.regimes.volumeMultiplier(regime) * weights[Math.min(minute, minutes - 1)];
  }

  double averageDailyVolume(int i) {
    return model.adv[i];
  }

  /** Records a venue fill: its volume, and its permanent impact on the mid. */
  void applyFill(int i, long signedQuantity, VenueConfig config) {
    double before = netQuantity[i];
    double after = before + signedQuantity;
    netQuantity[i] = after;
    offset[i] += config.impact().permanentImpact(impactVolatility(i), before, after, model.adv[i]);
    venueVolume[i] += Math.abs(signedQuantity);
  }

  void moveClock(Instant t) {
    if (t.isAfter(clock.instant())) {
      clock.set(t);
    }
  }

  /** Runs a listener callback, keeping its exception for after the step. */
  void call(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      listenerErrors.add(e);
    }
  }

  private void rethrowListenerErrors() {
    if (listenerErrors.isEmpty()) {
      return;
    }
    SimulationListenerException ex = new SimulationListenerException(
        listenerErrors.size() + " listener callback(s) threw during the step to " + marketTime, listenerErrors.get(0));
    for (int i = 1; i < listenerErrors.size(); i++) {
      ex.addSuppressed(listenerErrors.get(i));
    }
    listenerErrors.clear();
    throw ex;
  }

  @Override
  public String toString() {
    return "SimulatedMarket[seed=" + model.seed + ", instruments=" + n + ", time=" + marketTime + ", open=" + open
        + ", regime=" + regime + "]";
  }
}
