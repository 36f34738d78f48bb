package dev.parapet.monitoring.metrics;

import java.util.Arrays;

/**
 * Tracks the two order statistics around one fixed quantile {@code q} of an expanding series, exactly, with
 * two binary heaps: a max-heap {@code low} holding the {@code k + 1} smallest values, where
 * {@code k = floor((n - 1) * q)}, and a min-heap {@code high} holding the rest. The top of {@code low} is the
 * k-th order statistic and the top of {@code high} the (k+1)-th, so the interpolated quantile is O(1) to read.
 * Optionally keeps the compensated sum of {@code low}, which gives the mean of the lower tail (expected
 * shortfall) in O(1).
 * <p>
 * <b>Cost.</b> {@link #add} is O(log n) worst case: one heap insertion (O(1) expected for values in random
 * order, since a binary-heap sift-up stops after about 1.6 levels on average) plus at most one move between
 * the heaps (a sift-down, O(log n)); as {@code k} grows by one every {@code 1/q} values, moves happen on a
 * fraction of about {@code 2q(1-q)} of the additions for exchangeable data. Memory is 8 bytes per value: the
 * two heaps together hold every value, because any stored value may later become the quantile.
 * <p>
 * <b>Allocation.</b> None, except doubling an array when the series outgrows the initial capacity (amortised
 * O(1) per value); size the capacity for the expected series length to stay allocation-free.
 * <p>
 * <b>Sum drift.</b> The lower-heap sum is re-anchored (recomputed from the heap in O(size)) whenever the
 * number of updates since the last anchor exceeds the heap size, which bounds rounding drift at O(1)
 * amortised cost. Not thread-safe; confined to its calculator.
 */
final class QuantileTracker {

  private final double q;
  private final boolean trackLowSum;
  private double[] low;
  private int lowSize;
  private double[] high;
  private int highSize;
  private final CompensatedSum lowSum = new CompensatedSum();
  private int updatesSinceAnchor;

  QuantileTracker(double q, int initialCapacity, boolean trackLowSum) {
    this.q = q;
    this.trackLowSum = trackLowSum;
    int lowCapacity = Math.max(16, (int) Math.min(initialCapacity, Math.ceil(initialCapacity * q) + 16));
    int highCapacity = Math.max(16, (int) Math.min(initialCapacity, Math.ceil(initialCapacity * (1 - q)) + 16));
    this.low = new double[lowCapacity];
    this.high = new double[highCapacity];
  }

  // hot path: allocation-free (see MetricsUpdateBenchmark)
  void add(double x) {
    long n = (long) lowSize + highSize + 1;
    int target = Percentiles.lowerRank(n, q) + 1;
    if (lowSize > 0 && x <= low[0]) {
      pushLow(x);
    } else {
      pushHigh(x);
    }
    while (lowSize > target) {
      pushHigh(popLow());
    }
    while (lowSize < target) {
      pushLow(popHigh());
    }
    if (trackLowSum && updatesSinceAnchor > Math.max(64, lowSize)) {
      reanchor();
    }
  }

  long count() {
    return (long) lowSize + highSize;
  }

  /** Returns the interpolated quantile; requires count() &gt;= 1. */
  double quantile() {
    long n = count();
    double v = Percentiles.virtualIndex(n, q);
    double t = v - Math.floor(v);
    double a = low[0];
    double b = highSize > 0 ? high[0] : a;
    return Percentiles.lerp(a, b, t);
  }

  /** Returns the mean of the {@code floor((n - 1) q) + 1} smallest values; requires a tracked sum and count() &gt;= 1. */
  double lowerTailMean() {
    return lowSum.value() / lowSize;
  }

  void reset() {
    lowSize = 0;
    highSize = 0;
    lowSum.reset();
    updatesSinceAnchor = 0;
  }

  private void reanchor() {
    lowSum.reset();
    for (int i = 0; i < lowSize; i++) {
      lowSum.add(low[i]);
    }
    updatesSinceAnchor = 0;
  }

  // ----------------------------------------------------------------------------------------------
  // max-heap `low`

  private void pushLow(double x) {
    if (lowSize == low.length) {
      low = Arrays.copyOf(low, low.length * 2);
    }
    int i = lowSize++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      double pv = low[parent];
      if (pv >= x) {
        break;
      }
      low[i] = pv;
      i = parent;
    }
    low[i] = x;
    if (trackLowSum) {
      lowSum.add(x);
      updatesSinceAnchor++;
    }
  }

  private double popLow() {
    double top = low[0];
    double last = low[--lowSize];
    int size = lowSize;
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && low[child + 1] > low[child]) {
        child++;
      }
      if (low[child] <= last) {
        break;
      }
      low[i] = low[child];
      i = child;
    }
    if (size > 0) {
      low[i] = last;
    }
    if (trackLowSum) {
      lowSum.add(-top);
      updatesSinceAnchor++;
    }
    return top;
  }

  // ----------------------------------------------------------------------------------------------
  // min-heap `high`

  private void pushHigh(double x) {
    if (highSize == high.length) {
      high = Arrays.copyOf(high, high.length * 2);
    }
    int i = highSize++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      double pv = high[parent];
      if (pv <= x) {
        break;
      }
      high[i] = pv;
      i = parent;
    }
    high[i] = x;
  }

  private double popHigh() {
    double top = high[0];
    double last = high[--highSize];
    int size = highSize;
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && high[child + 1] < high[child]) {
        child++;
      }
      if (high[child] >= last) {
        break;
      }
      high[i] = high[child];
      i = child;
    }
    if (size > 0) {
      high[i] = last;
    }
    return top;
  }
}
