package dev.parapet.api.data;

import dev.parapet.api.Checks;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aligned daily returns of a set of instruments over a window of sessions of a market calendar: one
 * row per instrument, one column (scenario) per session, every row on the same dates. This is the
 * scenario matrix historical expected shortfall reads.
 * <p>
 * A return dated {@code d} is the split- and dividend-adjusted simple total return from the close of the
 * previous session to the close of {@code d}: {@code (close_d * splitRatio + dividend) / close_prev - 1}
 * (CRSP US Stock Database Guide, "Holding Period Total Return"). Returns are stored as {@code double}
 * for speed; an element computed from an imputed price is marked ({@link #isImputed(int, int)}) with the
 * matrix's {@link #policy()}, and sessions that could not be filled are left out and counted.
 * <p>
 * This class is immutable and thread-safe: accessors that return arrays return copies.
 */
public final class ReturnMatrix {

  private final List<String> instrumentIds;
  private final List<LocalDate> dates;
  private final double[][] returns;
  private final boolean[][] imputed;
  private final int[] imputedCounts;
  private final int imputedCount;
  private final ImputationPolicy policy;
  private final int excludedSessions;
  private final Map<String, Integer> index;

  private ReturnMatrix(List<String> instrumentIds, List<LocalDate> dates, double[][] returns, boolean[][] imputed,
      ImputationPolicy policy, int excludedSessions) {
    this.instrumentIds = List.copyOf(Checks.notNull(instrumentIds, "instrumentIds"));
    this.dates = List.copyOf(Checks.notNull(dates, "dates"));
    this.policy = Checks.notNull(policy, "policy");
    Checks.nonNegative(excludedSessions, "excludedSessions");
    this.excludedSessions = excludedSessions;
    int n = this.instrumentIds.size();
    int t = this.dates.size();
    Checks.check(returns.length == n, "returns.length", returns.length, "the instrument count " + n);
    Checks.check(imputed.length == n, "imputed.length", imputed.length, "the instrument count " + n);
    for (int k = 1; k < t; k++) {
      Checks.check(this.dates.get(k).isAfter(this.dates.get(k - 1)), "dates", this.dates.get(k),
          "strictly after " + this.dates.get(k - 1));
    }
    this.returns = new double[n][];
    this.imputed = new boolean[n][];
    this.imputedCounts = new int[n];
    this.index = new HashMap<>(n * 2);
    int total = 0;
    for (int i = 0; i < n; i++) {
      String id = this.instrumentIds.get(i);
      Checks.check(index.put(id, i) == null, "instrumentIds", id, "unique");
      Checks.check(returns[i].length == t, "returns[" + i + "].length", returns[i].length, "the date count " + t);
      Checks.check(imputed[i].length == t, "imputed[" + i + "].length", imputed[i].length, "the date count " + t);
      this.returns[i] = returns[i].clone();
      this.imputed[i] = imputed[i].clone();
      for (int k = 0; k < t; k++) {
        if (!Double.isFinite(this.returns[i][k])) {
          Checks.finite(this.returns[i][k], "return", id + " " + this.dates.get(k));
        }
        if (this.imputed[i][k]) {
          imputedCounts[i]++;
        }
      }
      if (policy == ImputationPolicy.EXCLUDE) {
        Checks.check(imputedCounts[i] == 0, "imputed count", imputedCounts[i], "0 under policy EXCLUDE", id);
      }
      total += imputedCounts[i];
    }
    this.imputedCount = total;
  }

  /**
   * Creates a matrix.
   *
   * @param instrumentIds the instruments, unique, one per row
   * @param dates the session dates, strictly increasing, one per column
   * @param returns {@code returns[instrument][scenario]}, finite; copied
   * @param imputed {@code imputed[instrument][scenario]}, true where the return touches an imputed price; copied
   * @param policy the imputation policy that produced the matrix
   * @param excludedSessions the sessions in the window left out because they could not be filled, &gt;= 0
   * @return the matrix
   */
  public static ReturnMatrix of(List<String> instrumentIds, List<LocalDate> dates, double[][] returns,
      boolean[][] imputed, ImputationPolicy policy, int excludedSessions) {
    return new ReturnMatrix(instrumentIds, dates, returns, imputed, policy, excludedSessions);
  }

  /** Returns the instrument ids, one per row. */
  public List<String> instrumentIds() {
    return instrumentIds;
  }

  /** Returns the session dates, one per column (scenario), increasing. */
  public List<LocalDate> dates() {
    return dates;
  }

  /** Returns the number of instruments (rows). */
  public int instrumentCount() {
    return instrumentIds.size();
  }

  /** Returns the number of scenarios (columns). */
  public int scenarioCount() {
    return dates.size();
  }

  /**
   * Returns the row of an instrument.
   *
   * @throws UnknownInstrumentException if the instrument is not in the matrix
   */
  public int indexOf(String instrumentId) {
    Integer i = index.get(instrumentId);
    if (i == null) {
      throw new UnknownInstrumentException(instrumentId);
    }
    return i;
  }

  /** Returns one return, as a fraction (0.01 is 1%). */
  public double get(int instrument, int scenario) {
    return returns[instrument][scenario];
  }

  /** Returns a copy of one instrument's returns over the scenarios. */
  public double[] returnsOf(int instrument) {
    return returns[instrument].clone();
  }

  /** Copies one instrument's returns into {@code target}, which must hold {@link #scenarioCount()} values. */
  public void copyReturnsInto(int instrument, double[] target) {
    System.arraycopy(returns[instrument], 0, target, 0, returns[instrument].length);
  }

  /** Returns a deep copy of the matrix as {@code [instrument][scenario]}. */
  public double[][] toArray() {
    double[][] out = new double[returns.length][];
    for (int i = 0; i < returns.length; i++) {
      out[i] = returns[i].clone();
    }
    return out;
  }

  /** Returns true if the return was computed from an imputed price under {@link #policy()}. */
  public boolean isImputed(int instrument, int scenario) {
    return imputed[instrument][scenario];
  }

  /** Returns the number of imputed returns of one instrument. */
  public int imputedCount(int instrument) {
    return imputedCounts[instrument];
  }

  /** Returns the number of imputed returns in the whole matrix. */
  public int imputedCount() {
    return imputedCount;
  }

  /** Returns the imputation policy that produced this matrix. */
  public ImputationPolicy policy() {
    return policy;
  }

  /** Returns the number of sessions of the window left out because the policy could not fill them. */
  public int excludedSessions() {
    return excludedSessions;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ReturnMatrix)) {
      return false;
    }
    ReturnMatrix m = (ReturnMatrix) o;
    return policy == m.policy && excludedSessions == m.excludedSessions && instrumentIds.equals(m.instrumentIds)
        && dates.equals(m.dates) && Arrays.deepEquals(returns, m.returns) && Arrays.deepEquals(imputed, m.imputed);
  }

  @Override
  public int hashCode() {
    return instrumentIds.hashCode() * 31 + dates.hashCode();
  }

  @Override
  public String toString() {
    return "ReturnMatrix{" + instrumentCount() + " instruments x " + scenarioCount() + " sessions"
        + (dates.isEmpty() ? "" : " " + dates.get(0) + ".." + dates.get(dates.size() - 1)) + ", policy " + policy
        + ", imputed " + imputedCount + ", excluded sessions " + excludedSessions + "}";
  }
}
