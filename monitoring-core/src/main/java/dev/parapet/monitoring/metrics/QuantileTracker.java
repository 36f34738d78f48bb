package dev.parapet.monitoring.metrics;

import java.util.Arrays;

/**
 * Tracks the two order statistics around one fixed quantile {@code q} of an expanding series, exactly, with
 * two 4-ary heaps: a max-heap {@code low} holding the {@code k + 1} smallest values, where
 * {@code k = floor((n - 1) * q)}, and a min-heap {@code high} holding the rest. The top of {@code low} is the
 * k-th order statistic and the top of {@code high} the (k+1)-th, so the interpolated quantile is O(1) to read.
 * Optionally keeps the compensated sum of {@code low}, which gives the mean of the lower tail (expected
 * shortfall) in O(1).
 * <p>
 * <b>Cost.</b> {@link #add} is O(log n) worst case: one heap insertion (O(1) expected for values in random
 * order: a sift-up stops after a bounded expected number of levels) plus at most one move between
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
  /** The size {@code low} must have: {@code floor((n - 1) q) + 1}. */
  private int target;

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
    // floor((n - 1) q) + 1 grows by at most one per value; floor(v) >= t exactly when v >= t for an integer t,
    // so this keeps target equal to the batch calculator's Percentiles.lowerRank(n, q) + 1
    if (Percentiles.virtualIndex(n, q) >= target) {
      target++;
    }
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
    target = 0;
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
  // 4-ary heaps: children of i are 4i+1..4i+4, parent (i-1)/4. Half the depth of a binary heap, and the four
  // children share a cache line or two, so a sift-down through a large heap misses the cache half as often
  // (LaMarca and Ladner 1996, "The influence of caches on the performance of heaps", ACM JEA 1).

  private void pushLow(double x) {
    if (lowSize == low.length) {
      low = Arrays.copyOf(low, low.length * 2);
    }
    int i = lowSize++;
    while (i > 0) {
      int parent = (i - 1) >>> 2;
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
    double[] h = low;
    double top = h[0];
    int size = --lowSize;
    double last = h[size];
    int i = 0;
    while (true) {
      int c = (i << 2) + 1;
      if (c >= size) {
        break;
      }
      int end = Math.min(c + 4, size);
      int best = c;
      double bv = h[c];
      for (int j = c + 1; j < end; j++) {
        if (h[j] > bv) {
          bv = h[j];
          best = j;
        }
      }
      if (bv <= last) {
        break;
      }
      h[i] = bv;
      i = best;
    }
    if (size > 0) {
      h[i] = last;
    }
    if (trackLowSum) {
      lowSum.add(-top);
      updatesSinceAnchor++;
    }
    return top;
  }

  private void pushHigh(double x) {
    if (highSize == high.length) {
      high = Arrays.copyOf(high, high.length * 2);
    }
    int i = highSize++;
    while (i > 0) {
      int parent = (i - 1) >>> 2;
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
    double[] h = high;
    double top = h[0];
    int size = --highSize;
    double last = h[size];
    int i = 0;
    while (true) {
      int c = (i << 2) + 1;
      if (c >= size) {
        break;
      }
      int end = Math.min(c + 4, size);
      int best = c;
      double bv = h[c];
      for (int j = c + 1; j < end; j++) {
        if (h[j] < bv) {
          bv = h[j];
          best = j;
        }
      }
      if (bv >= last) {
        break;
      }
      h[i] = bv;
      i = best;
    }
    if (size > 0) {
      h[i] = last;
    }
    return top;
  }
}
