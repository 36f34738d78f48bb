package dev.parapet.data.quality;

import java.util.Arrays;

/**
 * A growable columnar series of raw bar rows of one instrument and interval, sorted by start, as read from
 * the database. Unlike {@link dev.parapet.api.model.Bar} it holds rows whatever their values, so that the
 * checks can see inconsistent ones. VWAP is {@code NaN} where unknown.
 * <p>
 * Not thread-safe: confined to the thread reading the series; reused across series with {@link #clear()}.
 */
public final class BarColumns {

  long[] startMillis;
  double[] open;
  double[] high;
  double[] low;
  double[] close;
  long[] volume;
  double[] vwap;
  int size;

  /** Creates an empty series with an initial capacity. */
  public BarColumns(int initialCapacity) {
    int c = Math.max(16, initialCapacity);
    startMillis = new long[c];
    open = new double[c];
    high = new double[c];
    low = new double[c];
    close = new double[c];
    volume = new long[c];
    vwap = new double[c];
  }

  /** Appends a row; rows must be added in increasing start order. */
  public void add(long startEpochMillis, double open, double high, double low, double close, long volume,
      double vwap) {
    if (size == startMillis.length) {
      int c = size * 2;
      startMillis = Arrays.copyOf(startMillis, c);
      this.open = Arrays.copyOf(this.open, c);
      this.high = Arrays.copyOf(this.high, c);
      this.low = Arrays.copyOf(this.low, c);
      this.close = Arrays.copyOf(this.close, c);
      this.volume = Arrays.copyOf(this.volume, c);
      this.vwap = Arrays.copyOf(this.vwap, c);
    }
    int i = size++;
    startMillis[i] = startEpochMillis;
    this.open[i] = open;
    this.high[i] = high;
    this.low[i] = low;
    this.close[i] = close;
    this.volume[i] = volume;
    this.vwap[i] = vwap;
  }

  /** Returns the number of rows. */
  public int size() {
    return size;
  }

  /** Empties the series for reuse. */
  public void clear() {
    size = 0;
  }
}
