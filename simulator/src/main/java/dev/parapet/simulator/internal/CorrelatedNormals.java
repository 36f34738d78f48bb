package dev.parapet.simulator.internal;

import dev.parapet.api.Checks;
import dev.parapet.api.InvalidValueException;
import dev.parapet.simulator.InstrumentProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws vectors of standard normals with a target correlation matrix, either from a factor model
 * (market factor, one factor per sector, idiosyncratic noise; O(n) per draw) or from the Cholesky factor
 * of an explicit matrix (O(n^2) per draw). Immutable; the caller supplies the random stream.
 */
public final class CorrelatedNormals {

  private final int n;
  private final double[][] correlation;
  // factor model
  private final double[] market;
  private final double[] sectorLoading;
  private final double[] idio;
  private final int[] sectorOf;
  private final int sectors;
  // Cholesky
  private final double[][] lower;

  private CorrelatedNormals(int n, double[][] correlation, double[] market, double[] sectorLoading, double[] idio,
      int[] sectorOf, int sectors, double[][] lower) {
    this.n = n;
    this.correlation = correlation;
    this.market = market;
    this.sectorLoading = sectorLoading;
    this.idio = idio;
    this.sectorOf = sectorOf;
    this.sectors = sectors;
    this.lower = lower;
  }

  /** Builds the factor model from the profiles' loadings; sectors are the instruments' sector names. */
  public static CorrelatedNormals factorModel(List<InstrumentProfile> profiles) {
    int n = profiles.size();
    double[] m = new double[n];
    double[] s = new double[n];
    double[] e = new double[n];
    int[] sectorOf = new int[n];
    Map<String, Integer> sectorIds = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      InstrumentProfile p = profiles.get(i);
      m[i] = p.marketLoading();
      s[i] = p.sectorLoading();
      e[i] = Math.sqrt(1.0 - m[i] * m[i] - s[i] * s[i]);
      sectorOf[i] = sectorIds.computeIfAbsent(p.instrument().sector(), k -> sectorIds.size());
    }
    double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        c[i][j] = i == j ? 1.0 : m[i] * m[j] + (sectorOf[i] == sectorOf[j] ? s[i] * s[j] : 0.0);
      }
    }
    return new CorrelatedNormals(n, c, m, s, e, sectorOf, sectorIds.size(), null);
  }

  /**
   * Builds the Cholesky sampler of an explicit correlation matrix.
   *
   * @throws InvalidValueException if the matrix is not square of size {@code n}, not symmetric, lacks a
   *     unit diagonal, has entries outside [-1, 1] or is not positive definite
   */
  public static CorrelatedNormals cholesky(double[][] correlation, int n) {
    Checks.notNull(correlation, "correlation");
    Checks.check(correlation.length == n, "correlation", correlation.length + " rows", n + " rows (one per instrument)");
    double[][] c = new double[n][];
    for (int i = 0; i < n; i++) {
      Checks.check(correlation[i] != null && correlation[i].length == n, "correlation[" + i + "]",
          correlation[i] == null ? "null" : correlation[i].length + " columns", n + " columns");
      c[i] = correlation[i].clone();
    }
    for (int i = 0; i < n; i++) {
      Checks.check(Math.abs(c[i][i] - 1.0) <= 1e-12, "correlation[" + i + "][" + i + "]", c[i][i], "1");
      for (int j = 0; j < n; j++) {
        Checks.inRange(c[i][j], -1.0, 1.0, "correlation[" + i + "][" + j + "]");
        Checks.check(Math.abs(c[i][j] - c[j][i]) <= 1e-12, "correlation[" + i + "][" + j + "]", c[i][j],
            "equal to correlation[" + j + "][" + i + "] = " + c[j][i] + " (symmetric)");
      }
    }
    return new CorrelatedNormals(n, c, null, null, null, null, 0, choleskyFactor(c));
  }

  /**
   * Returns the lower-triangular {@code L} with {@code L L^T = c} (Cholesky-Banachiewicz; Golub &amp; Van
   * Loan, Matrix Computations, 4th ed., §4.2.5).
   */
  static double[][] choleskyFactor(double[][] c) {
    int n = c.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = c[i][j];
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(sum > 1e-12)) {
            throw new InvalidValueException("correlation", "a matrix with pivot " + sum + " at row " + i,
                "positive definite", null);
          }
          l[i][i] = Math.sqrt(sum);
        } else {
          l[i][j] = sum / l[j][j];
        }
      }
    }
    return l;
  }

  /** Returns the number of variables. */
  public int size() {
    return n;
  }

  /** Returns a copy of the target correlation matrix. */
  public double[][] correlation() {
    double[][] out = new double[n][];
    for (int i = 0; i < n; i++) {
      out[i] = correlation[i].clone();
    }
    return out;
  }

  /**
   * Fills {@code out} with correlated standard normals; {@code scratch} must hold at least
   * {@link #scratchSize()} doubles. Draws the same number of variates from {@code rng} every call.
   */
  public void next(Rng rng, double[] out, double[] scratch) {
    if (lower == null) {
      double f = rng.nextGaussian();
      for (int k = 0; k < sectors; k++) {
        scratch[k] = rng.nextGaussian();
      }
      for (int i = 0; i < n; i++) {
        out[i] = market[i] * f + sectorLoading[i] * scratch[sectorOf[i]] + idio[i] * rng.nextGaussian();
      }
    } else {
      for (int i = 0; i < n; i++) {
        scratch[i] = rng.nextGaussian();
      }
      for (int i = 0; i < n; i++) {
        double[] row = lower[i];
        double sum = 0;
        for (int k = 0; k <= i; k++) {
          sum += row[k] * scratch[k];
        }
        out[i] = sum;
      }
    }
  }

  /** Returns the scratch length {@link #next} needs. */
  public int scratchSize() {
    return Math.max(n, sectors);
  }
}
