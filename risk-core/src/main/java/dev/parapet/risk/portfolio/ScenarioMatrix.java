package dev.parapet.risk.portfolio;

import dev.parapet.api.Checks;
import dev.parapet.api.InvalidValueException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Scenarios of returns for a set of instruments: one row per instrument, one column per scenario, every
 * scenario equally likely. A value is the P&amp;L of one unit of signed exposure (one currency unit of
 * notional) in that scenario, e.g. a historical one-day simple return; with exposures of 1 the rows may
 * equally hold each position's P&amp;L directly.
 * <p>
 * Stored row-major in one array so that an instrument's scenarios are contiguous. This class is immutable
 * and thread-safe.
 */
public final class ScenarioMatrix {

  private final List<String> instrumentIds;
  private final Map<String, Integer> index;
  private final int scenarioCount;
  private final double[] values;

  private ScenarioMatrix(List<String> instrumentIds, Map<String, Integer> index, int scenarioCount, double[] values) {
    this.instrumentIds = instrumentIds;
    this.index = index;
    this.scenarioCount = scenarioCount;
    this.values = values;
  }

  /**
   * Creates a matrix from one row of scenarios per instrument (copied).
   *
   * @param instrumentIds distinct, non-blank instrument ids
   * @param rows {@code rows[i][s]} is the return of instrument {@code i} in scenario {@code s}; every row the
   *     same length, at least 1, every value finite
   * @return the matrix
   */
  public static ScenarioMatrix of(List<String> instrumentIds, double[][] rows) {
    Checks.notNull(instrumentIds, "instrumentIds");
    Checks.notNull(rows, "rows");
    Checks.check(rows.length == instrumentIds.size(), "rows", rows.length,
        "one row per instrument id (" + instrumentIds.size() + ")");
    Checks.check(rows.length > 0, "rows", 0, "at least one instrument");
    int s = Checks.notNull(rows[0], "rows[0]").length;
    Checks.check(s > 0, "rows[0].length", 0, "at least one scenario");
    List<String> ids = List.copyOf(instrumentIds);
    Map<String, Integer> index = new HashMap<>();
    double[] values = new double[ids.size() * s];
    for (int i = 0; i < ids.size(); i++) {
      String id = Checks.notBlank(ids.get(i), "instrumentIds[" + i + "]");
      Checks.check(index.put(id, i) == null, "instrumentIds", id, "distinct ids");
      double[] row = Checks.notNull(rows[i], "rows[" + i + "]");
      Checks.check(row.length == s, "rows[" + i + "].length", row.length, s + " scenarios like rows[0]");
      for (int j = 0; j < s; j++) {
        if (!Double.isFinite(row[j])) {
          throw new InvalidValueException("rows[" + i + "][" + j + "]", Double.toString(row[j]), "a finite number",
              "instrument " + id);
        }
        values[i * s + j] = row[j];
      }
    }
    return new ScenarioMatrix(ids, Map.copyOf(index), s, values);
  }

  /** Returns the instrument ids, in row order. */
  public List<String> instrumentIds() {
    return instrumentIds;
  }

  /** Returns the number of instruments (rows). */
  public int instrumentCount() {
    return instrumentIds.size();
  }

  /** Returns the number of scenarios (columns). */
  public int scenarioCount() {
    return scenarioCount;
  }

  /** Returns the row of an instrument, if it is in the matrix. */
  public OptionalInt findIndex(String instrumentId) {
    Integer i = index.get(instrumentId);
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /**
   * Returns the row of an instrument.
   *
   * @throws InvalidValueException if the instrument is not in the matrix
   */
  public int getIndex(String instrumentId) {
    Integer i = index.get(instrumentId);
    if (i == null) {
      throw new InvalidValueException("instrumentId", instrumentId, "an instrument of the scenario matrix", null);
    }
    return i;
  }

  /** Returns the return of instrument row {@code instrument} in scenario {@code scenario}. */
  public double value(int instrument, int scenario) {
    return values[instrument * scenarioCount + scenario];
  }

  /** Returns a copy of one instrument's row of scenarios. */
  public double[] row(int instrument) {
    Checks.check(instrument >= 0 && instrument < instrumentIds.size(), "instrument", instrument,
        "in [0, " + instrumentIds.size() + ")");
    double[] out = new double[scenarioCount];
    System.arraycopy(values, instrument * scenarioCount, out, 0, scenarioCount);
    return out;
  }

  /** Returns the backing array, row-major; package-private so callers cannot change it. */
  double[] values() {
    return values;
  }
}
