package dev.parapet.risk.tail;

import dev.parapet.api.Checks;
import java.util.List;

/**
 * Pairwise empirical lower and upper tail dependence of a set of instruments at one quantile; symmetric
 * with 1 on the diagonal. Immutable and thread-safe.
 */
public final class TailDependenceMatrix {

  private final List<String> instrumentIds;
  private final double quantile;
  private final double[][] lower;
  private final double[][] upper;

  TailDependenceMatrix(List<String> instrumentIds, double quantile, double[][] lower, double[][] upper) {
    this.instrumentIds = instrumentIds;
    this.quantile = quantile;
    this.lower = lower;
    this.upper = upper;
  }

  /** Returns the instrument ids, in row order. */
  public List<String> instrumentIds() {
    return instrumentIds;
  }

  /** Returns the quantile. */
  public double quantile() {
    return quantile;
  }

  /** Returns the lower tail dependence of rows {@code i} and {@code j}. */
  public double lower(int i, int j) {
    return lower[i][j];
  }

  /** Returns the upper tail dependence of rows {@code i} and {@code j}. */
  public double upper(int i, int j) {
    return upper[i][j];
  }

  /** Returns the lower tail dependence of two instruments by id. */
  public double lower(String first, String second) {
    return lower[index(first)][index(second)];
  }

  /** Returns the upper tail dependence of two instruments by id. */
  public double upper(String first, String second) {
    return upper[index(first)][index(second)];
  }

  private int index(String id) {
    int i = instrumentIds.indexOf(id);
    Checks.check(i >= 0, "instrumentId", id, "an instrument of this matrix");
    return i;
  }
}
