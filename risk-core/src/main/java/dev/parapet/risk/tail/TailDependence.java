package dev.parapet.risk.tail;

import dev.parapet.api.Checks;
import dev.parapet.api.InvalidValueException;
import dev.parapet.risk.InsufficientHistoryException;
import dev.parapet.risk.internal.TailMath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Empirical tail dependence coefficients.
 * <p>
 * For series {@code x} and {@code y} of length {@code n} and a quantile {@code q}, let {@code k = floor(q n)}
 * and let {@code A} be the days of {@code x}'s {@code k} lowest values and {@code B} those of {@code y}'s. The
 * lower coefficient is {@code |A and B| / k}, i.e. the empirical copula's {@code C_n(q, q) / q}; the upper
 * coefficient uses the {@code k} highest values. As {@code n} grows and {@code q} shrinks they converge to
 * {@code lambda_L = lim C(u, u) / u} and {@code lambda_U = lim (1 - 2u + C(u, u)) / (1 - u)} as u tends to 0
 * and 1 (Joe 1997, Multivariate Models and Dependence Concepts, Section 2.1.10; Schmidt and Stadtmueller 2006,
 * "Non-parametric estimation of tail dependence", Scand. J. Statistics 33(2), Section 3).
 * <p>
 * Only ranks matter, so prices' returns, P&amp;L or uniforms give the same answer. Values tied at a tail
 * boundary are admitted in an order that is pseudo-random but fixed per series, so that ties (for example
 * many zero returns on the same days) neither create nor hide co-movement. Stateless and thread-safe.
 */
public final class TailDependence {

  private TailDependence() {
  }

  /**
   * Estimates the lower and upper tail dependence of two aligned series.
   *
   * @param x the first series, finite values
   * @param y the second series, the same length
   * @param quantile the quantile in (0, 0.5], e.g. 0.05
   * @throws InsufficientHistoryException if {@code floor(quantile n) < 1}
   */
  public static TailDependenceEstimate estimate(double[] x, double[] y, double quantile) {
    check(x, "x");
    check(y, "y");
    Checks.check(x.length == y.length, "y.length", y.length, "equal to x.length " + x.length);
    int k = tailCount(x.length, quantile);
    long[] xl = tailSet(x, k, false, 1);
    long[] yl = tailSet(y, k, false, 2);
    long[] xu = tailSet(x, k, true, 1);
    long[] yu = tailSet(y, k, true, 2);
    return new TailDependenceEstimate((double) common(xl, yl) / k, (double) common(xu, yu) / k, quantile, k, x.length);
  }

  /** Returns the lower tail dependence of two aligned series at a quantile. */
  public static double lower(double[] x, double[] y, double quantile) {
    return estimate(x, y, quantile).lower();
  }

  /** Returns the upper tail dependence of two aligned series at a quantile. */
  public static double upper(double[] x, double[] y, double quantile) {
    return estimate(x, y, quantile).upper();
  }

  /**
   * Computes the pairwise matrix.
   *
   * @param instrumentIds distinct ids, one per row of {@code returns}
   * @param returns {@code returns[i][t]}: instrument i on day t, rows of equal length
   * @param quantile the quantile in (0, 0.5]
   */
  public static TailDependenceMatrix matrix(List<String> instrumentIds, double[][] returns, double quantile) {
    List<String> ids = checkRows(instrumentIds, returns);
    int n = ids.size();
    int k = tailCount(returns[0].length, quantile);
    long[][] lowSets = new long[n][];
    long[][] highSets = new long[n][];
    for (int i = 0; i < n; i++) {
      lowSets[i] = tailSet(returns[i], k, false, i + 1);
      highSets[i] = tailSet(returns[i], k, true, i + 1);
    }
    double[][] lower = new double[n][n];
    double[][] upper = new double[n][n];
    for (int i = 0; i < n; i++) {
      lower[i][i] = 1;
      upper[i][i] = 1;
      for (int j = i + 1; j < n; j++) {
        lower[i][j] = lower[j][i] = (double) common(lowSets[i], lowSets[j]) / k;
        upper[i][j] = upper[j][i] = (double) common(highSets[i], highSets[j]) / k;
      }
    }
    return new TailDependenceMatrix(ids, quantile, lower, upper);
  }

  /**
   * Analyses a portfolio without a benchmark; see {@link #analyze(List, double[][], double[], double[], double, double)}.
   */
  public static TailDependenceReport analyze(List<String> instrumentIds, double[][] returns, double[] weights,
      double quantile, double threshold) {
    return analyze(instrumentIds, returns, weights, null, quantile, threshold);
  }

  /**
   * Analyses a portfolio: the pairwise matrix, each instrument against the portfolio return series
   * {@code sum_i weights[i] returns[i][t]} and against the benchmark, and the pairs whose lower or upper
   * coefficient is strictly above {@code threshold}, strongest first.
   *
   * @param instrumentIds distinct ids, one per row of {@code returns}
   * @param returns {@code returns[i][t]}: instrument i on day t
   * @param weights portfolio weights (or signed exposures), one per instrument, finite
   * @param benchmark the benchmark's returns aligned with the rows, or null for none
   * @param quantile the quantile in (0, 0.5]
   * @param threshold the flagging threshold in [0, 1]
   */
  public static TailDependenceReport analyze(List<String> instrumentIds, double[][] returns, double[] weights,
      double[] benchmark, double quantile, double threshold) {
    Checks.inRange(threshold, 0, 1, "threshold");
    TailDependenceMatrix matrix = matrix(instrumentIds, returns, quantile);
    List<String> ids = matrix.instrumentIds();
    Checks.notNull(weights, "weights");
    Checks.check(weights.length == ids.size(), "weights.length", weights.length, "one per instrument (" + ids.size() + ")");
    int days = returns[0].length;
    double[] portfolio = new double[days];
    for (int i = 0; i < ids.size(); i++) {
      Checks.finite(weights[i], "weights[" + i + "]", "instrument " + ids.get(i));
      for (int t = 0; t < days; t++) {
        portfolio[t] += weights[i] * returns[i][t];
      }
    }
    Map<String, TailDependenceEstimate> versusPortfolio = new LinkedHashMap<>();
    Map<String, TailDependenceEstimate> versusBenchmark = new LinkedHashMap<>();
    if (benchmark != null) {
      Checks.check(benchmark.length == days, "benchmark.length", benchmark.length, "equal to the days " + days);
    }
    for (int i = 0; i < ids.size(); i++) {
      versusPortfolio.put(ids.get(i), estimate(returns[i], portfolio, quantile));
      if (benchmark != null) {
        versusBenchmark.put(ids.get(i), estimate(returns[i], benchmark, quantile));
      }
    }
    List<TailDependencePair> flagged = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        double lo = matrix.lower(i, j);
        double hi = matrix.upper(i, j);
        if (lo > threshold || hi > threshold) {
          flagged.add(new TailDependencePair(ids.get(i), ids.get(j), lo, hi));
        }
      }
    }
    flagged.sort(Comparator.comparingDouble((TailDependencePair p) -> Math.max(p.lower(), p.upper())).reversed());
    return new TailDependenceReport(matrix, Collections.unmodifiableMap(versusPortfolio),
        Collections.unmodifiableMap(versusBenchmark), threshold, flagged);
  }

  // ------------------------------------------------------------------------------------------------

  private static int tailCount(int n, double quantile) {
    Checks.check(quantile > 0 && quantile <= 0.5, "quantile", quantile, "in (0, 0.5]");
    int k = TailMath.fullTailCount(TailMath.tailSize(n, 1 - quantile), n + 1);
    if (k < 1) {
      throw new InsufficientHistoryException("tail dependence at quantile " + quantile, (int) Math.ceil(1 / quantile), n);
    }
    return k;
  }

  /** The days of the k lowest (or highest) values as a bit set. */
  private static long[] tailSet(double[] x, int k, boolean upperTail, long salt) {
    int n = x.length;
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = upperTail ? x[i] : -x[i];
    }
    double[] scratch = v.clone();
    double boundary = TailMath.nthLargest(scratch, n, k - 1);
    long[] set = new long[(n + 63) >>> 6];
    int taken = 0;
    int ties = 0;
    for (int i = 0; i < n; i++) {
      if (v[i] > boundary) {
        set[i >>> 6] |= 1L << i;
        taken++;
      } else if (v[i] == boundary) {
        ties++;
      }
    }
    int need = k - taken;
    if (need == ties) {
      for (int i = 0; i < n; i++) {
        if (v[i] == boundary) {
          set[i >>> 6] |= 1L << i;
        }
      }
    } else {
      long[] keys = new long[ties];
      int t = 0;
      for (int i = 0; i < n; i++) {
        if (v[i] == boundary) {
          // order ties by a per-series hash of the day; the day index is kept in the low 32 bits
          keys[t++] = (mix(i, salt) & 0xFFFF_FFFF_0000_0000L) | i;
        }
      }
      Arrays.sort(keys);
      for (int j = 0; j < need; j++) {
        int i = (int) (keys[j] & 0xFFFF_FFFFL);
        set[i >>> 6] |= 1L << i;
      }
    }
    return set;
  }

  private static long mix(long i, long salt) {
    long z = i * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return (z ^ (z >>> 31)) >>> 1;
  }

  private static int common(long[] a, long[] b) {
    int c = 0;
    for (int w = 0; w < a.length; w++) {
      c += Long.bitCount(a[w] & b[w]);
    }
    return c;
  }

  private static void check(double[] x, String field) {
    Checks.notNull(x, field);
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i])) {
        throw new InvalidValueException(field + "[" + i + "]", Double.toString(x[i]), "a finite number", null);
      }
    }
  }

  private static List<String> checkRows(List<String> instrumentIds, double[][] returns) {
    Checks.notNull(instrumentIds, "instrumentIds");
    Checks.notNull(returns, "returns");
    Checks.check(returns.length == instrumentIds.size(), "returns", returns.length,
        "one row per instrument id (" + instrumentIds.size() + ")");
    Checks.check(returns.length > 0, "returns", 0, "at least one instrument");
    List<String> ids = List.copyOf(instrumentIds);
    HashSet<String> seen = new HashSet<>();
    int days = Checks.notNull(returns[0], "returns[0]").length;
    for (int i = 0; i < ids.size(); i++) {
      Checks.check(seen.add(Checks.notBlank(ids.get(i), "instrumentIds[" + i + "]")), "instrumentIds", ids.get(i),
          "distinct ids");
      Checks.notNull(returns[i], "returns[" + i + "]");
      Checks.check(returns[i].length == days, "returns[" + i + "].length", returns[i].length, days + " days like returns[0]");
      check(returns[i], "returns[" + i + "]");
    }
    return ids;
  }
}
