package dev.parapet.data;

import dev.parapet.api.data.ImputationPolicy;
import dev.parapet.api.data.ReturnMatrix;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link ReturnMatrix} from raw closes and corporate actions on a grid of sessions: adjusts prices
 * into a total-return index, imputes gaps by policy, and keeps the columns every instrument can fill.
 * <p>
 * The grid is {@code lookback} sessions before the base session, the base session (the one before the
 * window) and the window's sessions. The total-return index of an instrument is
 * {@code A_k = C_k * M_k} with {@code M_k = M_(k-1) * splitRatio_k * (1 + dividend_k / C_k)}, so that
 * {@code A_k / A_(k-1) - 1 = (C_k * s + D * s) / C_(k-1) - 1}, the CRSP holding-period total return
 * (CRSP US Stock Database Guide, "Holding Period Total Return"; with no split, {@code (C_k + D) / C_(k-1) - 1}).
 * Confined to one call.
 */
final class ReturnMatrixBuilder {

  private ReturnMatrixBuilder() {
  }

  /**
   * Builds the matrix.
   *
   * @param ids instrument ids, one per row
   * @param gridDays the session dates of the grid as epoch days, increasing
   * @param firstWindowIndex index in the grid of the first window session (the base is the one before), &gt;= 1
   * @param closes raw closes {@code [instrument][grid]}, NaN where missing; not modified
   * @param splitRatios product of split ratios going ex on each grid session (1 where none); not modified
   * @param dividends dividends per share going ex on each grid session (0 where none); not modified
   * @param policy the imputation policy
   * @return the matrix
   */
  static ReturnMatrix build(List<String> ids, int[] gridDays, int firstWindowIndex, double[][] closes,
      double[][] splitRatios, double[][] dividends, ImputationPolicy policy) {
    int n = ids.size();
    int g = gridDays.length;
    double[][] index = new double[n][g];
    boolean[][] imputedPrice = new boolean[n][g];
    for (int i = 0; i < n; i++) {
      double m = 1.0;
      double lastClose = Double.NaN;
      for (int k = 0; k < g; k++) {
        double c = closes[i][k];
        if (k > 0) {
          m *= splitRatios[i][k];
          double d = dividends[i][k];
          if (d > 0) {
            // the ex-date close, or the last observed close when the ex-date itself is missing
            double ref = c > 0 ? c : lastClose * (1.0 / splitRatios[i][k]);
            if (ref > 0) {
              m *= 1.0 + d / ref;
            }
          }
        }
        if (c > 0) {
          lastClose = c;
        }
        index[i][k] = c > 0 ? c * m : Double.NaN;
      }
      impute(index[i], imputedPrice[i], policy);
    }
    boolean[] keep = new boolean[g];
    int kept = 0;
    for (int k = firstWindowIndex; k < g; k++) {
      boolean ok = true;
      for (int i = 0; i < n && ok; i++) {
        ok = !Double.isNaN(index[i][k]) && !Double.isNaN(index[i][k - 1]);
      }
      keep[k] = ok;
      if (ok) {
        kept++;
      }
    }
    List<LocalDate> dates = new ArrayList<>(kept);
    for (int k = firstWindowIndex; k < g; k++) {
      if (keep[k]) {
        dates.add(LocalDate.ofEpochDay(gridDays[k]));
      }
    }
    double[][] returns = new double[n][kept];
    boolean[][] imputed = new boolean[n][kept];
    for (int i = 0; i < n; i++) {
      int t = 0;
      for (int k = firstWindowIndex; k < g; k++) {
        if (keep[k]) {
          returns[i][t] = index[i][k] / index[i][k - 1] - 1.0;
          imputed[i][t] = imputedPrice[i][k] || imputedPrice[i][k - 1];
          t++;
        }
      }
    }
    int excluded = (g - firstWindowIndex) - kept;
    return ReturnMatrix.of(ids, dates, returns, imputed, policy, excluded);
  }

  /** Fills NaN gaps of one adjusted price series in place by policy, marking what it fills. */
  static void impute(double[] a, boolean[] marked, ImputationPolicy policy) {
    switch (policy) {
      case EXCLUDE:
        return;
      case FORWARD_FILL: {
        double last = Double.NaN;
        for (int k = 0; k < a.length; k++) {
          if (!Double.isNaN(a[k])) {
            last = a[k];
          } else if (!Double.isNaN(last)) {
            a[k] = last;
            marked[k] = true;
          }
        }
        return;
      }
      case LINEAR: {
        int prev = -1;
        for (int k = 0; k < a.length; k++) {
          if (Double.isNaN(a[k])) {
            continue;
          }
          if (prev >= 0 && k - prev > 1) {
            for (int j = prev + 1; j < k; j++) {
              a[j] = a[prev] + (a[k] - a[prev]) * (j - prev) / (k - prev);
              marked[j] = true;
            }
          }
          prev = k;
        }
        return;
      }
      default:
        throw new IllegalStateException("unhandled policy " + policy);
    }
  }
}
