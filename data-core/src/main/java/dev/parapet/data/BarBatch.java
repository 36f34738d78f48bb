package dev.parapet.data;

import dev.parapet.api.Checks;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.BarInterval;
import java.util.Arrays;

/**
 * A reusable columnar buffer of bars for bulk ingest: primitive arrays, one row per bar, so that a file of
 * millions of rows can be loaded without an object per row. {@link JdbcHistoryStore#ingest(BarBatch)} writes
 * one batch in one transaction.
 * <p>
 * The batch checks nothing beyond its capacity: callers validate rows first (the CSV importer does, with
 * file and line), or add {@link Bar}s, which validate themselves. VWAP is {@code NaN} where unknown.
 * <p>
 * Not thread-safe: confined to the thread filling it.
 */
public final class BarBatch {

  private final int capacity;
  final String[] instrumentIds;
  final int[] intervalSeconds;
  final long[] startMillis;
  final double[] open;
  final double[] high;
  final double[] low;
  final double[] close;
  final long[] volume;
  final double[] vwap;
  int size;

  /** Creates an empty batch of a capacity. */
  public BarBatch(int capacity) {
    this.capacity = Checks.positive(capacity, "capacity");
    instrumentIds = new String[capacity];
    intervalSeconds = new int[capacity];
    startMillis = new long[capacity];
    open = new double[capacity];
    high = new double[capacity];
    low = new double[capacity];
    close = new double[capacity];
    volume = new long[capacity];
    vwap = new double[capacity];
  }

  /** Returns the interval length in seconds as stored (86400 for {@link BarInterval#DAILY}). */
  public static int intervalSeconds(BarInterval interval) {
    return (int) interval.duration().getSeconds();
  }

  /** Returns the interval stored as a length in seconds. */
  public static BarInterval interval(int seconds) {
    for (BarInterval i : BarInterval.values()) {
      if (i.duration().getSeconds() == seconds) {
        return i;
      }
    }
    throw new IllegalArgumentException("no bar interval of " + seconds + " s");
  }

  /**
   * Adds one row.
   *
   * @return false (and adds nothing) when the batch is full
   */
  public boolean add(String instrumentId, BarInterval interval, long startEpochMillis, double open, double high,
      double low, double close, long volume, double vwap) {
    if (size == capacity) {
      return false;
    }
    int i = size++;
    this.instrumentIds[i] = instrumentId;
    this.intervalSeconds[i] = intervalSeconds(interval);
    this.startMillis[i] = startEpochMillis;
    this.open[i] = open;
    this.high[i] = high;
    this.low[i] = low;
    this.close[i] = close;
    this.volume[i] = volume;
    this.vwap[i] = vwap;
    return true;
  }

  /** Adds a bar; returns false when the batch is full. */
  public boolean add(Bar bar) {
    return add(bar.instrumentId(), bar.interval(), bar.start().toEpochMilli(), bar.open(), bar.high(), bar.low(),
        bar.close(), bar.volume(), bar.vwap().orElse(Double.NaN));
  }

  /** Returns the number of rows. */
  public int size() {
    return size;
  }

  /** Returns the capacity. */
  public int capacity() {
    return capacity;
  }

  /** Returns true when no more rows fit. */
  public boolean isFull() {
    return size == capacity;
  }

  /** Empties the batch for reuse. */
  public void clear() {
    Arrays.fill(instrumentIds, 0, size, null);
    size = 0;
  }
}
