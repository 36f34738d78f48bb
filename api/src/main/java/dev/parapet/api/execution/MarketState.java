package dev.parapet.api.execution;

import dev.parapet.api.Checks;
import dev.parapet.api.model.Quote;
import java.time.Duration;
import java.time.Instant;

/**
 * A snapshot of the market for one instrument, as an execution algorithm sees it: the top of the
 * book, the session's traded volume, and the statistics that set the pace of execution.
 * <p>
 * Conventions: prices in the instrument's currency; volatilities are fractions of the price per
 * square root of one trading session (a "day"; 0.02 means 2% per &radic;day); the session is
 * {@code [sessionOpen, sessionClose)} and one trading day is its length, so that durations inside the
 * session convert to days by {@link #tradingDays(Instant, Instant)}. {@link #sessionVolume()} is the
 * market's cumulative traded quantity since the session opened, including the host's own fills.
 * <p>
 * Built by {@link #builder(String, Instant)}: bid, ask, average daily volume, daily volatility and
 * the session bounds are required; the rest have documented defaults. New fields may be added to the
 * builder with defaults; existing accessors will not change.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class MarketState {

  private final String instrumentId;
  private final Instant timestamp;
  private final double bid;
  private final double ask;
  private final long bidSize;
  private final long askSize;
  private final long sessionVolume;
  private final double averageDailyVolume;
  private final double dailyVolatility;
  private final double realizedDailyVolatility;
  private final double typicalSpreadBps;
  private final Instant sessionOpen;
  private final Instant sessionClose;

  private MarketState(Builder b) {
    this.instrumentId = Checks.notBlank(b.instrumentId, "instrumentId");
    String ctx = "market state " + b.instrumentId;
    this.timestamp = Checks.notNull(b.timestamp, "timestamp", ctx);
    this.bid = Checks.positive(b.bid, "bid", ctx);
    this.ask = Checks.positive(b.ask, "ask", ctx);
    Checks.check(b.ask >= b.bid, "ask", b.ask, ">= bid " + b.bid, ctx);
    this.bidSize = Checks.nonNegative(b.bidSize, "bidSize", ctx);
    this.askSize = Checks.nonNegative(b.askSize, "askSize", ctx);
    this.sessionVolume = Checks.nonNegative(b.sessionVolume, "sessionVolume", ctx);
    this.averageDailyVolume = Checks.positive(b.averageDailyVolume, "averageDailyVolume", ctx);
    this.dailyVolatility = Checks.positive(b.dailyVolatility, "dailyVolatility", ctx);
    this.realizedDailyVolatility = b.realizedSet
        ? Checks.positive(b.realizedDailyVolatility, "realizedDailyVolatility", ctx) : b.dailyVolatility;
    double spreadBps = (b.ask - b.bid) / (0.5 * (b.ask + b.bid)) * 10_000.0;
    this.typicalSpreadBps = b.typicalSpreadSet
        ? Checks.nonNegative(b.typicalSpreadBps, "typicalSpreadBps", ctx) : spreadBps;
    this.sessionOpen = Checks.notNull(b.sessionOpen, "sessionOpen", ctx);
    this.sessionClose = Checks.notNull(b.sessionClose, "sessionClose", ctx);
    Checks.check(b.sessionClose.isAfter(b.sessionOpen), "sessionClose", b.sessionClose,
        "after sessionOpen " + b.sessionOpen, ctx);
  }

  /** Returns a builder for the state of an instrument at a time. */
  public static Builder builder(String instrumentId, Instant timestamp) {
    return new Builder(instrumentId, timestamp);
  }

  /** Returns a builder pre-filled with every field of this state, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder(instrumentId, timestamp);
    b.bid = bid;
    b.ask = ask;
    b.bidSize = bidSize;
    b.askSize = askSize;
    b.sessionVolume = sessionVolume;
    b.averageDailyVolume = averageDailyVolume;
    b.dailyVolatility = dailyVolatility;
    b.realizedDailyVolatility = realizedDailyVolatility;
    b.realizedSet = true;
    b.typicalSpreadBps = typicalSpreadBps;
    b.typicalSpreadSet = true;
    b.sessionOpen = sessionOpen;
    b.sessionClose = sessionClose;
    return b;
  }

  // -------------------------------------------------------------------------------------------------

  /** Returns the instrument id. */
  public String instrumentId() {
    return instrumentId;
  }

  /** Returns when the snapshot was taken. */
  public Instant timestamp() {
    return timestamp;
  }

  /** Returns the best bid. */
  public double bid() {
    return bid;
  }

  /** Returns the best ask. */
  public double ask() {
    return ask;
  }

  /** Returns the quantity at the best bid. */
  public long bidSize() {
    return bidSize;
  }

  /** Returns the quantity at the best ask. */
  public long askSize() {
    return askSize;
  }

  /** Returns the mid price {@code (bid + ask) / 2}. */
  public double mid() {
    return 0.5 * (bid + ask);
  }

  /** Returns the quoted spread {@code ask - bid}, in currency. */
  public double spread() {
    return ask - bid;
  }

  /** Returns the quoted spread in basis points of the mid. */
  public double spreadBps() {
    return (ask - bid) / mid() * 10_000.0;
  }

  /** Returns the market's cumulative traded quantity since the session opened (own fills included). */
  public long sessionVolume() {
    return sessionVolume;
  }

  /** Returns the average daily volume (ADV), in units of the instrument. */
  public double averageDailyVolume() {
    return averageDailyVolume;
  }

  /** Returns the long-run volatility as a fraction of the price per &radic;trading day. */
  public double dailyVolatility() {
    return dailyVolatility;
  }

  /**
   * Returns the recently realised volatility, in the same units as {@link #dailyVolatility()};
   * defaults to the long-run value.
   */
  public double realizedDailyVolatility() {
    return realizedDailyVolatility;
  }

  /** Returns {@code realizedDailyVolatility / dailyVolatility}: above 1 in a high-volatility regime. */
  public double volatilityRatio() {
    return realizedDailyVolatility / dailyVolatility;
  }

  /** Returns the instrument's usual spread in basis points; defaults to the current spread. */
  public double typicalSpreadBps() {
    return typicalSpreadBps;
  }

  /** Returns when the current trading session opened. */
  public Instant sessionOpen() {
    return sessionOpen;
  }

  /** Returns when the current trading session closes. */
  public Instant sessionClose() {
    return sessionClose;
  }

  /** Returns the length of the session: one trading day. */
  public Duration sessionLength() {
    return Duration.between(sessionOpen, sessionClose);
  }

  /** Returns the length of {@code [from, to]} in trading days (session lengths); negative if reversed. */
  public double tradingDays(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / (double) sessionLength().toNanos();
  }

  /** Returns the fraction of the session elapsed at an instant, clamped to {@code [0, 1]}. */
  public double sessionFraction(Instant instant) {
    double f = tradingDays(sessionOpen, instant);
    return f < 0 ? 0 : Math.min(f, 1.0);
  }

  @Override
  public String toString() {
    return "MarketState{" + instrumentId + " " + timestamp + " " + bid + "/" + ask + " vol " + sessionVolume
        + " adv " + averageDailyVolume + " sigma " + dailyVolatility + "}";
  }

  // -------------------------------------------------------------------------------------------------

  /** A mutable builder of {@link MarketState}; not thread-safe. */
  public static final class Builder {
    private final String instrumentId;
    private final Instant timestamp;
    private double bid = Double.NaN;
    private double ask = Double.NaN;
    private long bidSize;
    private long askSize;
    private long sessionVolume;
    private double averageDailyVolume = Double.NaN;
    private double dailyVolatility = Double.NaN;
    private double realizedDailyVolatility;
    private boolean realizedSet;
    private double typicalSpreadBps;
    private boolean typicalSpreadSet;
    private Instant sessionOpen;
    private Instant sessionClose;

    private Builder(String instrumentId, Instant timestamp) {
      this.instrumentId = instrumentId;
      this.timestamp = timestamp;
    }

    /** Sets the best bid and ask (required). */
    public Builder quote(double bid, double ask) {
      this.bid = bid;
      this.ask = ask;
      return this;
    }

    /** Sets bid, ask and their sizes from a quote. */
    public Builder quote(Quote quote) {
      Checks.notNull(quote, "quote");
      this.bid = quote.bid();
      this.ask = quote.ask();
      this.bidSize = quote.bidSize();
      this.askSize = quote.askSize();
      return this;
    }

    /** Sets the quantities at the best bid and ask (default 0: unknown). */
    public Builder sizes(long bidSize, long askSize) {
      this.bidSize = bidSize;
      this.askSize = askSize;
      return this;
    }

    /** Sets the cumulative session volume (default 0). */
    public Builder sessionVolume(long sessionVolume) {
      this.sessionVolume = sessionVolume;
      return this;
    }

    /** Sets the average daily volume (required). */
    public Builder averageDailyVolume(double averageDailyVolume) {
      this.averageDailyVolume = averageDailyVolume;
      return this;
    }

    /** Sets the long-run daily volatility, a fraction per &radic;day (required). */
    public Builder dailyVolatility(double dailyVolatility) {
      this.dailyVolatility = dailyVolatility;
      return this;
    }

    /** Sets the recently realised daily volatility (default: the long-run value). */
    public Builder realizedDailyVolatility(double realizedDailyVolatility) {
      this.realizedDailyVolatility = realizedDailyVolatility;
      this.realizedSet = true;
      return this;
    }

    /** Sets the usual spread in basis points (default: the current spread). */
    public Builder typicalSpreadBps(double typicalSpreadBps) {
      this.typicalSpreadBps = typicalSpreadBps;
      this.typicalSpreadSet = true;
      return this;
    }

    /** Sets the current session's open and close (required). */
    public Builder session(Instant open, Instant close) {
      this.sessionOpen = open;
      this.sessionClose = close;
      return this;
    }

    /** Builds and validates the state. */
    public MarketState build() {
      return new MarketState(this);
    }
  }
}
