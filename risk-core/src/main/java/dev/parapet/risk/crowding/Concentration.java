package dev.parapet.risk.crowding;

import dev.parapet.api.Checks;
import dev.parapet.api.InvalidValueException;
import java.util.Arrays;

/**
 * Concentration measures of exposures (see {@link ConcentrationMetrics}).
 * <p>
 * HHI: Herfindahl (1950) / Hirschman (1945) on absolute weights; effective N is its reciprocal (the number
 * of equal positions with the same HHI). Gini: with the {@code n} non-zero absolute weights sorted
 * ascending, {@code G = sum_i (2i - n - 1) w_(i) / (n sum_i w_(i))} for {@code i = 1..n} (the mean absolute
 * difference over twice the mean; Damgaard and Weiner 2000, "Describing inequality in plant size or
 * fecundity", Ecology 81(4), eq. 1): 0 for equal weights, {@code (n - 1)/n} for one position among n.
 * Zero exposures are left out, so holding a flat position changes nothing. Stateless and thread-safe.
 */
public final class Concentration {

  private Concentration() {
  }

  /**
   * Measures the concentration of exposures.
   *
   * @param exposures signed exposures, finite (absolute values are used)
   * @param topN the N of the top-N share, &gt; 0
   */
  public static ConcentrationMetrics of(double[] exposures, int topN) {
    Checks.notNull(exposures, "exposures");
    Checks.positive(topN, "topN");
    double[] a = new double[exposures.length];
    int n = 0;
    double total = 0;
    for (int i = 0; i < exposures.length; i++) {
      if (!Double.isFinite(exposures[i])) {
        throw new InvalidValueException("exposures[" + i + "]", Double.toString(exposures[i]), "a finite number", null);
      }
      if (exposures[i] != 0) {
        a[n++] = Math.abs(exposures[i]);
        total += Math.abs(exposures[i]);
      }
    }
    if (n == 0) {
      return new ConcentrationMetrics(0, 0, 0, 0, topN, 0);
    }
    a = Arrays.copyOf(a, n);
    Arrays.sort(a);
    double hhi = 0;
    double giniNumerator = 0;
    for (int i = 0; i < n; i++) {
      double w = a[i] / total;
      hhi += w * w;
      giniNumerator += (2.0 * (i + 1) - n - 1) * w;
    }
    double top = 0;
    for (int i = n - 1; i >= Math.max(0, n - topN); i--) {
      top += a[i] / total;
    }
    double gini = Math.max(0, giniNumerator / n);
    return new ConcentrationMetrics(n, Math.min(hhi, 1), 1 / hhi, Math.min(gini, 1), topN, Math.min(top, 1));
  }
}
