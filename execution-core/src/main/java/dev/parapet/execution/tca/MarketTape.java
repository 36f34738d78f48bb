package dev.parapet.execution.tca;

import dev.parapet.api.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The market record of one instrument over an execution: observations of the quote and of the
 * volume traded, in time order.
 * <p>
 * Each observation holds the bid and ask at its time, and the volume traded (by the whole market,
 * the host's own fills included) in the interval since the previous observation, at an average
 * price {@code price} (the last or interval VWAP price). The mid at a time is that of the latest
 * observation at or before it; the interval VWAP over {@code (from, to]} uses the observations whose
 * time lies in that interval; the TWAP is the time-weighted average of the (step) mid over
 * {@code [from, to]}.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class MarketTape {

  private final long[] nanos;
  private final double[] bid;
  private final double[] ask;
  private final double[] price;
  private final long[] volume;

  private MarketTape(Builder b) {
    int n = b.times.size();
    Checks.check(n >= 1, "observations", n, ">= 1");
    nanos = new long[n];
    for (int i = 0; i < n; i++) {
      nanos[i] = toNanos(b.times.get(i));
      if (i > 0) {
        Checks.check(nanos[i] >= nanos[i - 1], "timestamp", b.times.get(i), "not before the previous observation "
            + b.times.get(i - 1));
      }
    }
    bid = Arrays.copyOf(b.bid, n);
    ask = Arrays.copyOf(b.ask, n);
    price = Arrays.copyOf(b.price, n);
    volume = Arrays.copyOf(b.volume, n);
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the number of observations. */
  public int size() {
    return nanos.length;
  }

  /**
   * Returns the mid at a time: that of the latest observation at or before it.
   *
   * @throws dev.parapet.api.InvalidValueException if the tape starts after {@code time}
   */
  public double midAt(Instant time) {
    int i = indexAtOrBefore(toNanos(time));
    Checks.check(i >= 0, "time", time, "not before the first market observation " + Instant.ofEpochSecond(0,
        nanos[0]));
    return 0.5 * (bid[i] + ask[i]);
  }

  /** Returns the market volume of the observations in {@code (from, to]}. */
  public long volume(Instant from, Instant to) {
    long a = toNanos(from);
    long b = toNanos(to);
    long total = 0;
    for (int i = 0; i < nanos.length; i++) {
      if (nanos[i] > a && nanos[i] <= b) {
        total += volume[i];
      }
    }
    return total;
  }

  /** Returns the volume-weighted average price of the observations in {@code (from, to]}, NaN if no volume. */
  public double vwap(Instant from, Instant to) {
    long a = toNanos(from);
    long b = toNanos(to);
    double value = 0;
    long total = 0;
    for (int i = 0; i < nanos.length; i++) {
      if (nanos[i] > a && nanos[i] <= b) {
        value += price[i] * volume[i];
        total += volume[i];
      }
    }
    return total == 0 ? Double.NaN : value / total;
  }

  /**
   * Returns the time-weighted average mid over {@code [from, to]}: each observation's mid holds until
   * the next; the mid at {@code from} is that of the latest observation at or before it. For an empty
   * interval ({@code from == to}) returns the mid at {@code from}.
   */
  public double twap(Instant from, Instant to) {
    long a = toNanos(from);
    long b = toNanos(to);
    Checks.check(b >= a, "to", to, "not before from " + from);
    double current = midAt(from);
    if (a == b) {
      return current;
    }
    double integral = 0;
    long t = a;
    for (int i = 0; i < nanos.length; i++) {
      if (nanos[i] <= a) {
        continue;
      }
      if (nanos[i] >= b) {
        break;
      }
      integral += current * (nanos[i] - t);
      t = nanos[i];
      current = 0.5 * (bid[i] + ask[i]);
    }
    integral += current * (b - t);
    return integral / (b - a);
  }

  private int indexAtOrBefore(long t) {
    int lo = 0;
    int hi = nanos.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (nanos[mid] <= t) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  private static long toNanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
  }

  /** A mutable builder of {@link MarketTape}; observations must be added in time order. Not thread-safe. */
  public static final class Builder {
    private final List<Instant> times = new ArrayList<>();
    private double[] bid = new double[16];
    private double[] ask = new double[16];
    private double[] price = new double[16];
    private long[] volume = new long[16];

    private Builder() {
    }

    /**
     * Adds an observation.
     *
     * @param time when observed
     * @param bid the bid, &gt; 0
     * @param ask the ask, &gt;= bid
     * @param price the average price of the volume traded since the previous observation, &gt; 0
     * @param volume the market volume traded since the previous observation, &gt;= 0
     * @return this builder
     */
    public Builder add(Instant time, double bid, double ask, double price, long volume) {
      Checks.notNull(time, "time");
      String ctx = "market observation " + time;
      Checks.positive(bid, "bid", ctx);
      Checks.positive(ask, "ask", ctx);
      Checks.check(ask >= bid, "ask", ask, ">= bid " + bid, ctx);
      Checks.positive(price, "price", ctx);
      Checks.nonNegative(volume, "volume", ctx);
      int n = times.size();
      if (n == this.bid.length) {
        this.bid = Arrays.copyOf(this.bid, 2 * n);
        this.ask = Arrays.copyOf(this.ask, 2 * n);
        this.price = Arrays.copyOf(this.price, 2 * n);
        this.volume = Arrays.copyOf(this.volume, 2 * n);
      }
      times.add(time);
      this.bid[n] = bid;
      this.ask[n] = ask;
      this.price[n] = price;
      this.volume[n] = volume;
      return this;
    }

    /** Builds the tape (at least one observation, in time order). */
    public MarketTape build() {
      return new MarketTape(this);
    }
  }
}
