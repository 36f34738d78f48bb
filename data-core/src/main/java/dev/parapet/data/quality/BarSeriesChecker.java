package dev.parapet.data.quality;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Runs the data-quality checks over one instrument's bar series of one interval, in a single pass plus a
 * sort for the robust outlier statistics. The calendar enters as primitive arrays of the window's sessions
 * so that a run over a million bars allocates little beyond the issues it raises.
 * <p>
 * Not thread-safe: confined to one run (it reuses scratch arrays).
 */
public final class BarSeriesChecker {

  static final long DAY_MS = 86_400_000L;
  /** Common split ratios (new shares per old); reverse splits are their inverses. */
  private static final double[] SPLIT_RATIOS = {1.5, 2, 3, 4, 5, 8, 10, 20};
  private static final double[] LOG_SPLIT_RATIOS = new double[SPLIT_RATIOS.length];

  static {
    for (int i = 0; i < SPLIT_RATIOS.length; i++) {
      LOG_SPLIT_RATIOS[i] = Math.log(SPLIT_RATIOS[i]);
    }
  }
  /** 0.6745 = Phi^-1(0.75): makes the MAD a consistent estimator of sigma (Iglewicz and Hoaglin 1993, 3.3). */
  private static final double MAD_SCALE = 0.6745;
  /** 1.253314 = sqrt(pi / 2): scales the mean absolute deviation to sigma when the MAD is zero (ibid.). */
  private static final double MEAN_AD_SCALE = 1.253314;

  private final QualityConfig config;
  private double[] returns = new double[256];
  private int[] returnDays = new int[256];
  private double[] scratch = new double[256];

  /** Creates a checker with thresholds. */
  public BarSeriesChecker(QualityConfig config) {
    this.config = Checks.notNull(config, "config");
  }

  /**
   * Checks a daily series: prices and volume, OHLC consistency, duplicate dates, sessions missing between
   * the first and last bar, stale closes, unmatched splits and outlier returns (adjusted for the recorded
   * splits).
   *
   * @param instrumentId the instrument
   * @param bars the daily rows, sorted by start
   * @param sessionDays the calendar's session dates of the checked window as epoch days, increasing
   * @param splitDays the ex-dates (epoch days, increasing) of the instrument's recorded splits
   * @param splitRatios the ratios of those splits
   * @param out where issues go
   */
  public void checkDaily(String instrumentId, BarColumns bars, int[] sessionDays, int[] splitDays,
      double[] splitRatios, IssueCollector out) {
    int n = bars.size;
    if (n == 0) {
      return;
    }
    ensure(n);
    int prevDay = Integer.MIN_VALUE;
    int lastUsable = -1;
    int staleRun = 0;
    int splitPtr = 0;
    int m = 0;
    int sessionPtr = 0;
    for (int k = 0; k < n; k++) {
      long ts = bars.startMillis[k];
      int day = (int) Math.floorDiv(ts, DAY_MS);
      boolean usable = checkRow(instrumentId, bars, k, day, out);
      if (day == prevDay) {
        out.add(QualityIssue.of(QualityCheck.DUPLICATE_TIMESTAMP, instrumentId, LocalDate.ofEpochDay(day),
            "two daily bars on " + LocalDate.ofEpochDay(day) + " (starts " + Instant.ofEpochMilli(bars.startMillis[k - 1])
                + " and " + Instant.ofEpochMilli(ts) + ")"));
        continue;
      }
      if (prevDay != Integer.MIN_VALUE) {
        sessionPtr = missingSessions(instrumentId, sessionDays, sessionPtr, prevDay, day, out);
      } else {
        while (sessionPtr < sessionDays.length && sessionDays[sessionPtr] <= day) {
          sessionPtr++;
        }
      }
      prevDay = day;
      if (!usable) {
        continue;
      }
      if (lastUsable >= 0) {
        int lastDay = (int) Math.floorDiv(bars.startMillis[lastUsable], DAY_MS);
        double adj = 1.0;
        boolean splitRecorded = false;
        while (splitPtr < splitDays.length && splitDays[splitPtr] <= day) {
          if (splitDays[splitPtr] > lastDay) {
            adj *= splitRatios[splitPtr];
            splitRecorded = true;
          }
          splitPtr++;
        }
        double prevClose = bars.close[lastUsable];
        double c = bars.close[k];
        double q = c / prevClose;
        boolean splitLike = false;
        double lq = Math.log(q);
        // the smallest candidate is 1.5: a smaller move cannot look like a split
        if (!splitRecorded && Math.abs(lq) >= LOG_SPLIT_RATIOS[0] - config.splitTolerance()) {
          for (int ri = 0; ri < SPLIT_RATIOS.length; ri++) {
            double r = SPLIT_RATIOS[ri];
            double lr = LOG_SPLIT_RATIOS[ri];
            if (Math.abs(lq + lr) <= config.splitTolerance() || Math.abs(lq - lr) <= config.splitTolerance()) {
              splitLike = true;
              boolean forward = lq < 0;
              out.add(QualityIssue.of(QualityCheck.UNMATCHED_SPLIT, instrumentId, LocalDate.ofEpochDay(day),
                  String.format(Locale.ROOT, "close %s -> %s (ratio %.4f) looks like a %s split with none recorded",
                      prevClose, c, q, forward ? fmtRatio(r) + ":1" : "1:" + fmtRatio(r))));
              break;
            }
          }
        }
        if (!splitLike) {
          returns[m] = adj == 1.0 ? lq : Math.log(q * adj);
          returnDays[m] = day;
          m++;
        }
        if (c == prevClose) {
          staleRun++;
          if (staleRun == config.staleRun()) {
            out.add(QualityIssue.of(QualityCheck.STALE_PRICE, instrumentId, LocalDate.ofEpochDay(day),
                staleRun + " identical closes of " + c + " ending " + LocalDate.ofEpochDay(day)));
          }
        } else {
          staleRun = 1;
        }
      } else {
        staleRun = 1;
      }
      lastUsable = k;
    }
    outliers(instrumentId, m, out);
  }

  /**
   * Checks an intraday series: prices and volume, OHLC consistency, two bars in one interval slot, and gaps
   * between bars of the same session.
   *
   * @param instrumentId the instrument
   * @param intervalSeconds the interval length, seconds
   * @param bars the rows, sorted by start
   * @param sessionDays the calendar's session dates of the checked window as epoch days, increasing
   * @param sessionOpen the sessions' opens, epoch milliseconds
   * @param sessionClose the sessions' closes, epoch milliseconds
   * @param out where issues go
   */
  public void checkIntraday(String instrumentId, int intervalSeconds, BarColumns bars, int[] sessionDays,
      long[] sessionOpen, long[] sessionClose, IssueCollector out) {
    long ivl = intervalSeconds * 1000L;
    int s = 0;
    int prevSession = -1;
    long prevTs = Long.MIN_VALUE;
    for (int k = 0; k < bars.size; k++) {
      long ts = bars.startMillis[k];
      while (s < sessionClose.length && sessionClose[s] <= ts) {
        s++;
      }
      int session = s < sessionOpen.length && sessionOpen[s] <= ts ? s : -1;
      int day = session >= 0 ? sessionDays[session] : (int) Math.floorDiv(ts, DAY_MS);
      checkRow(instrumentId, bars, k, day, out);
      if (prevTs != Long.MIN_VALUE && Math.floorDiv(ts, ivl) == Math.floorDiv(prevTs, ivl)) {
        out.add(QualityIssue.of(QualityCheck.DUPLICATE_TIMESTAMP, instrumentId, LocalDate.ofEpochDay(day),
            "two " + intervalSeconds + "s bars in one slot: " + Instant.ofEpochMilli(prevTs) + " and "
                + Instant.ofEpochMilli(ts)));
      } else if (session >= 0 && session == prevSession && ts - prevTs > ivl) {
        long missing = (ts - prevTs) / ivl - 1;
        if (missing > 0) {
          out.add(new QualityIssue(QualityCheck.INTRADAY_GAP, instrumentId, LocalDate.ofEpochDay(day),
              missing >= 6 ? Severity.MEDIUM : Severity.LOW,
              missing + " bar(s) missing between " + Instant.ofEpochMilli(prevTs) + " and " + Instant.ofEpochMilli(ts)));
        }
      }
      prevSession = session;
      prevTs = ts;
    }
  }

  /** Checks one row's values; returns true if its prices are usable for returns. */
  private boolean checkRow(String id, BarColumns b, int k, int epochDay, IssueCollector out) {
    double o = b.open[k];
    double h = b.high[k];
    double l = b.low[k];
    double c = b.close[k];
    if (b.volume[k] < 0) {
      out.add(QualityIssue.of(QualityCheck.NEGATIVE_VOLUME, id, LocalDate.ofEpochDay(epochDay), "volume " + b.volume[k] + " < 0"));
    }
    if (!(o > 0 && h > 0 && l > 0 && c > 0) || Double.isInfinite(o + h + l + c)) {
      out.add(QualityIssue.of(QualityCheck.NON_POSITIVE_PRICE, id, LocalDate.ofEpochDay(epochDay),
          "prices must be finite and > 0: open " + o + " high " + h + " low " + l + " close " + c));
      return false;
    }
    double v = b.vwap[k];
    if (l > Math.min(o, c) || h < Math.max(o, c) || l > h || (!Double.isNaN(v) && (v < l || v > h))) {
      out.add(QualityIssue.of(QualityCheck.OHLC_INCONSISTENT, id, LocalDate.ofEpochDay(epochDay),
          "open " + o + " high " + h + " low " + l + " close " + c + (Double.isNaN(v) ? "" : " vwap " + v)
              + ": need low <= min(open, close), high >= max(open, close), vwap in [low, high]"));
    }
    return true;
  }

  /** Reports sessions strictly between two bar days that have no bar, grouped in runs. */
  private static int missingSessions(String id, int[] sessionDays, int ptr, int prevDay, int day, IssueCollector out) {
    int runStart = -1;
    int runLength = 0;
    while (ptr < sessionDays.length && sessionDays[ptr] <= day) {
      int s = sessionDays[ptr];
      if (s > prevDay && s < day) {
        if (runStart < 0) {
          runStart = s;
        }
        runLength++;
      }
      ptr++;
    }
    if (runLength > 0) {
      int last = runStart;
      for (int i = ptr - 1; i >= 0; i--) {
        if (sessionDays[i] < day) {
          last = sessionDays[i];
          break;
        }
      }
      out.add(new QualityIssue(QualityCheck.MISSING_SESSION, id, LocalDate.ofEpochDay(runStart),
          runLength >= 3 ? Severity.MEDIUM : Severity.LOW,
          runLength == 1 ? "no bar for session " + LocalDate.ofEpochDay(runStart)
              : "no bars for " + runLength + " sessions " + LocalDate.ofEpochDay(runStart) + ".." + LocalDate.ofEpochDay(last)));
    }
    return ptr;
  }

  /** Flags returns whose modified z-score exceeds the threshold (Iglewicz and Hoaglin 1993, 3.3). */
  private void outliers(String id, int m, IssueCollector out) {
    if (m < config.minReturnsForOutliers()) {
      return;
    }
    System.arraycopy(returns, 0, scratch, 0, m);
    double median = median(scratch, m);
    for (int i = 0; i < m; i++) {
      scratch[i] = Math.abs(returns[i] - median);
    }
    double mad = median(scratch, m);
    double sumAbs = 0;
    for (int i = 0; i < m; i++) {
      sumAbs += scratch[i];
    }
    double scale;
    if (mad > 0) {
      scale = mad / MAD_SCALE;
    } else {
      scale = MEAN_AD_SCALE * sumAbs / m;
      if (!(scale > 0)) {
        return;
      }
    }
    for (int i = 0; i < m; i++) {
      double z = (returns[i] - median) / scale;
      if (Math.abs(z) > config.outlierZ()) {
        out.add(new QualityIssue(QualityCheck.OUTLIER_RETURN, id, LocalDate.ofEpochDay(returnDays[i]),
            Math.abs(z) > 2 * config.outlierZ() ? Severity.HIGH : Severity.MEDIUM,
            String.format(Locale.ROOT, "log return %+.4f has robust z %.1f (median %+.5f, MAD %.5f)", returns[i], z,
                median, mad)));
      }
    }
  }

  /** Returns the median of the first {@code m} values, reordering them (quickselect, expected O(m)). */
  static double median(double[] a, int m) {
    int k = m / 2;
    select(a, m, k);
    if ((m & 1) == 1) {
      return a[k];
    }
    // the lower middle is the largest value left of k after the selection
    double lower = a[0];
    for (int i = 1; i < k; i++) {
      lower = Math.max(lower, a[i]);
    }
    return 0.5 * (lower + a[k]);
  }

  /** Reorders the first {@code m} values so that {@code a[k]} is the k-th smallest, smaller ones before it. */
  static void select(double[] a, int m, int k) {
    int lo = 0;
    int hi = m - 1;
    while (hi > lo) {
      int mid = (lo + hi) >>> 1;
      // median of three as the pivot
      if (a[mid] < a[lo]) {
        swap(a, mid, lo);
      }
      if (a[hi] < a[lo]) {
        swap(a, hi, lo);
      }
      if (a[hi] < a[mid]) {
        swap(a, hi, mid);
      }
      double pivot = a[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          swap(a, i, j);
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  private static String fmtRatio(double r) {
    return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
  }

  private void ensure(int n) {
    if (returns.length < n) {
      returns = new double[n];
      returnDays = new int[n];
      scratch = new double[n];
    }
  }
}
