package dev.parapet.risk.crowding;

import dev.parapet.api.Checks;
import dev.parapet.api.InvalidValueException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The Pearson correlation matrix of instruments' returns (EJML), with the average pairwise correlation and
 * the absorption ratio.
 * <p>
 * Each row of returns is centred and scaled to unit length, and the matrix is {@code Z Z^T}, computed with
 * EJML's symmetric inner product ({@code CommonOps_DDRM.multInner}), which does half the work of a general
 * product. An instrument
 * whose returns never move has no defined correlation; it is given correlation 0 with every other
 * instrument (and 1 with itself), so it neither adds nor hides crowding. This class is immutable and
 * thread-safe.
 */
public final class CorrelationMatrix {

  private final List<String> instrumentIds;
  private final Map<String, Integer> index;
  private final DMatrixRMaj correlation;
  private final double[] standardDeviations;
  private final int observations;

  private CorrelationMatrix(List<String> instrumentIds, Map<String, Integer> index, DMatrixRMaj correlation,
      double[] standardDeviations, int observations) {
    this.instrumentIds = instrumentIds;
    this.index = index;
    this.correlation = correlation;
    this.standardDeviations = standardDeviations;
    this.observations = observations;
  }

  /**
   * Computes the correlation matrix.
   *
   * @param instrumentIds distinct ids, one per row
   * @param returns {@code returns[i][t]}: instrument i on day t; rows of equal length, at least 2, finite
   */
  public static CorrelationMatrix of(List<String> instrumentIds, double[][] returns) {
    Checks.notNull(instrumentIds, "instrumentIds");
    Checks.notNull(returns, "returns");
    Checks.check(returns.length == instrumentIds.size(), "returns", returns.length,
        "one row per instrument id (" + instrumentIds.size() + ")");
    Checks.check(returns.length > 0, "returns", 0, "at least one instrument");
    List<String> ids = List.copyOf(instrumentIds);
    int n = ids.size();
    int t = Checks.notNull(returns[0], "returns[0]").length;
    Checks.check(t >= 2, "returns[0].length", t, "at least 2 days");
    Map<String, Integer> index = new HashMap<>();
    // Z^T (days by instruments), so that Z Z^T = (Z^T)^T (Z^T) is EJML's symmetric inner product
    DMatrixRMaj zt = new DMatrixRMaj(t, n);
    double[] column = new double[t];
    double[] sd = new double[n];
    double[] data = zt.data;
    for (int i = 0; i < n; i++) {
      String id = Checks.notBlank(ids.get(i), "instrumentIds[" + i + "]");
      Checks.check(index.put(id, i) == null, "instrumentIds", id, "distinct ids");
      double[] row = Checks.notNull(returns[i], "returns[" + i + "]");
      Checks.check(row.length == t, "returns[" + i + "].length", row.length, t + " days like returns[0]");
      double mean = 0;
      for (int k = 0; k < t; k++) {
        if (!Double.isFinite(row[k])) {
          throw new InvalidValueException("returns[" + i + "][" + k + "]", Double.toString(row[k]), "a finite number",
              "instrument " + id);
        }
        mean += row[k];
      }
      mean /= t;
      double ss = 0;
      for (int k = 0; k < t; k++) {
        double d = row[k] - mean;
        column[k] = d;
        ss += d * d;
      }
      sd[i] = Math.sqrt(ss / (t - 1));
      double norm = Math.sqrt(ss);
      for (int k = 0; k < t; k++) {
        data[k * n + i] = norm > 0 ? column[k] / norm : 0;
      }
    }
    DMatrixRMaj c = new DMatrixRMaj(n, n);
    CommonOps_DDRM.multInner(zt, c);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double v = i == j ? 1 : Math.max(-1, Math.min(1, c.unsafe_get(i, j)));
        c.unsafe_set(i, j, v);
      }
    }
    return new CorrelationMatrix(ids, Map.copyOf(index), c, sd, t);
  }

  /** Returns the instrument ids, in row order. */
  public List<String> instrumentIds() {
    return instrumentIds;
  }

  /** Returns the number of instruments. */
  public int size() {
    return instrumentIds.size();
  }

  /** Returns the number of observations (days) per instrument. */
  public int observations() {
    return observations;
  }

  /** Returns the correlation of rows {@code i} and {@code j}. */
  public double get(int i, int j) {
    return correlation.get(i, j);
  }

  /** Returns the correlation of two instruments by id. */
  public double get(String first, String second) {
    return correlation.get(indexOf(first), indexOf(second));
  }

  /** Returns the sample standard deviation ({@code n - 1}) of row {@code i}'s returns. */
  public double standardDeviation(int i) {
    return standardDeviations[i];
  }

  /** Returns the matrix as a new array. */
  public double[][] toArray() {
    int n = size();
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        out[i][j] = correlation.unsafe_get(i, j);
      }
    }
    return out;
  }

  /** Returns the mean of the off-diagonal correlations (0 for a single instrument). */
  public double averagePairwiseCorrelation() {
    int n = size();
    if (n < 2) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        sum += correlation.unsafe_get(i, j);
      }
    }
    return sum / (n * (n - 1) / 2.0);
  }

  /** Returns the default number of eigenvectors of the absorption ratio: a fifth of the instruments, at least 1. */
  public static int defaultEigenvectors(int instruments) {
    return Math.max(1, (int) Math.round(instruments / 5.0));
  }

  /**
   * Returns the absorption ratio: the share of the total variance of the instruments' returns explained by
   * the {@code eigenvectors} largest eigenvalues of their covariance matrix,
   * {@code sum_(i <= k) lambda_i / trace} (Kritzman, Li, Page and Rigobon 2011, "Principal components as a
   * measure of systemic risk", J. Portfolio Management 37(4), eq. 1). The covariance is
   * {@code D R D} with {@code R} this matrix and {@code D} the standard deviations; eigenvalues by EJML's
   * symmetric QR algorithm.
   *
   * @param eigenvectors the number of eigenvectors, in [1, size]
   * @return the ratio in [0, 1]; 0 when no instrument's returns move
   */
  public double absorptionRatio(int eigenvectors) {
    int n = size();
    Checks.check(eigenvectors >= 1 && eigenvectors <= n, "eigenvectors", eigenvectors, "in [1, " + n + "]");
    DMatrixRMaj cov = new DMatrixRMaj(n, n);
    double trace = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        cov.unsafe_set(i, j, correlation.unsafe_get(i, j) * standardDeviations[i] * standardDeviations[j]);
      }
      trace += standardDeviations[i] * standardDeviations[i];
    }
    if (!(trace > 0)) {
      return 0;
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
    if (!eig.decompose(cov)) {
      throw new IllegalStateException("eigen decomposition of the " + n + "x" + n + " covariance matrix failed");
    }
    double[] values = new double[eig.getNumberOfEigenvalues()];
    for (int i = 0; i < values.length; i++) {
      values[i] = eig.getEigenvalue(i).getReal();
    }
    Arrays.sort(values);
    double top = 0;
    for (int i = values.length - 1; i >= Math.max(0, values.length - eigenvectors); i--) {
      top += values[i];
    }
    return Math.max(0, Math.min(1, top / trace));
  }

  private int indexOf(String id) {
    Integer i = index.get(id);
    if (i == null) {
      throw new InvalidValueException("instrumentId", id, "an instrument of the correlation matrix", null);
    }
    return i;
  }
}
