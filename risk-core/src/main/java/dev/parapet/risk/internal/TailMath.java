package dev.parapet.risk.internal;

import java.util.Arrays;

/**
 * Tail arithmetic of historical expected shortfall with the Acerbi–Tasche convention, and an in-place
 * selection that finds the tail without sorting.
 * <p>
 * With {@code n} equally likely scenarios and confidence {@code alpha} the tail holds
 * {@code w = n(1 - alpha)} scenarios: the {@code floor(w)} largest losses with weight 1 and the next one with
 * the fractional weight {@code w - floor(w)}. Then
 * {@code ES = (L(1) + ... + L(m) + (w - m) L(m+1)) / w} with {@code m = floor(w)} and losses sorted in
 * decreasing order, and {@code VaR = L(m+1)}, the lower alpha-quantile of the empirical loss distribution
 * (Acerbi and Tasche 2002, "On the coherence of expected shortfall", J. Banking &amp; Finance 26(7),
 * Definition 2.6 and Proposition 4.1). Because {@code n(1 - alpha)} is computed in binary floating point,
 * a {@code w} within {@code 1e-9} of an integer is taken to be that integer (so 100 scenarios at 95% give
 * exactly 5 tail scenarios, not 5.000000000000004).
 * <p>
 * Stateless and thread-safe; every method works in place and allocates nothing.
 */
public final class TailMath {

  private static final double SNAP = 1e-9;

  private TailMath() {
  }

  /** Returns the tail size {@code w = n(1 - confidence)}, snapped to an integer when within 1e-9 of one. */
  public static double tailSize(int n, double confidence) {
    double w = n * (1.0 - confidence);
    double r = Math.rint(w);
    if (Math.abs(w - r) <= SNAP * Math.max(1.0, w)) {
      w = r;
    }
    return Math.min(Math.max(w, Double.MIN_NORMAL), n);
  }

  /** Returns {@code m = floor(w)}, the number of tail scenarios with full weight, capped at {@code n - 1}. */
  public static int fullTailCount(double w, int n) {
    return Math.min((int) Math.floor(w), n - 1);
  }

  /**
   * Historical VaR and ES of {@code losses[0..n)} in place (the array is permuted).
   *
   * @param losses losses as positive numbers, finite; permuted by the call
   * @param n how many entries to use
   * @param confidence the confidence level in (0, 1)
   * @param out receives {@code out[0] = VaR} and {@code out[1] = ES}
   */
  public static void historical(double[] losses, int n, double confidence, double[] out) {
    double w = tailSize(n, confidence);
    int m = fullTailCount(w, n);
    double var = nthLargest(losses, n, m);
    double sum = 0;
    for (int i = 0; i < m; i++) {
      sum += losses[i];
    }
    out[0] = var;
    out[1] = (sum + (w - m) * var) / w;
  }

  /**
   * Rearranges {@code a[0..n)} so that {@code a[m]} holds the {@code (m+1)}-th largest value, every
   * {@code a[i]} with {@code i < m} is at least it and every {@code a[i]} with {@code i > m} at most it, and
   * returns {@code a[m]}. Quickselect (Hoare 1961, "Algorithm 65: Find") with a median-of-three pivot,
   * expected O(n); after {@code 2 log2(n) + 8} partition rounds it sorts the remaining range, which bounds
   * the worst case at O(n log n).
   */
  public static double nthLargest(double[] a, int n, int m) {
    int lo = 0;
    int hi = n - 1;
    int budget = 2 * (32 - Integer.numberOfLeadingZeros(Math.max(n, 1))) + 8;
    while (hi > lo) {
      if (hi - lo < 16 || budget-- == 0) {
        sortDescending(a, lo, hi);
        break;
      }
      int mid = (lo + hi) >>> 1;
      // median of three, descending: a[lo] >= a[mid] >= a[hi]
      if (a[mid] > a[lo]) {
        swap(a, mid, lo);
      }
      if (a[hi] > a[lo]) {
        swap(a, hi, lo);
      }
      if (a[hi] > a[mid]) {
        swap(a, hi, mid);
      }
      double pivot = a[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] > pivot) {
          i++;
        }
        while (a[j] < pivot) {
          j--;
        }
        if (i <= j) {
          swap(a, i, j);
          i++;
          j--;
        }
      }
      if (m <= j) {
        hi = j;
      } else if (m >= i) {
        lo = i;
      } else {
        break;
      }
    }
    return a[m];
  }

  private static void sortDescending(double[] a, int lo, int hi) {
    if (hi - lo < 16) {
      for (int i = lo + 1; i <= hi; i++) {
        double v = a[i];
        int j = i - 1;
        while (j >= lo && a[j] < v) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = v;
      }
      return;
    }
    Arrays.sort(a, lo, hi + 1);
    for (int i = lo, j = hi; i < j; i++, j--) {
      swap(a, i, j);
    }
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
