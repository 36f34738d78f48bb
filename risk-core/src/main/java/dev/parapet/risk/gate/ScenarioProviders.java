package dev.parapet.risk.gate;

import dev.parapet.api.Checks;
import dev.parapet.api.InvalidValueException;
import dev.parapet.risk.portfolio.ScenarioMatrix;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Static factories of {@link ScenarioProvider}s held in memory. */
public final class ScenarioProviders {

  private ScenarioProviders() {
  }

  /**
   * Returns an immutable provider of the given scenarios (copied).
   *
   * @param returnsByInstrument scenarios by instrument id, every array the same length &gt; 0, finite
   */
  public static ScenarioProvider fixed(Map<String, double[]> returnsByInstrument) {
    return new Snapshot(copy(returnsByInstrument), 0);
  }

  /** Returns an immutable provider of a matrix's rows. */
  public static ScenarioProvider fixed(ScenarioMatrix matrix) {
    return new Snapshot(copy(Checks.notNull(matrix, "matrix")), 0);
  }

  /** Returns an updatable provider, empty (no instrument has history) until first replaced. */
  public static UpdatableScenarioProvider updatable() {
    return new Updatable();
  }

  static Map<String, double[]> copy(ScenarioMatrix matrix) {
    Map<String, double[]> m = new HashMap<>();
    for (int i = 0; i < matrix.instrumentCount(); i++) {
      m.put(matrix.instrumentIds().get(i), matrix.row(i));
    }
    return m;
  }

  static Map<String, double[]> copy(Map<String, double[]> source) {
    Checks.notNull(source, "returnsByInstrument");
    Map<String, double[]> m = new HashMap<>();
    int length = -1;
    for (Map.Entry<String, double[]> e : source.entrySet()) {
      String id = Checks.notBlank(e.getKey(), "instrumentId");
      double[] r = Checks.notNull(e.getValue(), "returns", "instrument " + id);
      if (length < 0) {
        length = r.length;
        Checks.check(length > 0, "returns.length", 0, "at least one scenario", "instrument " + id);
      }
      Checks.check(r.length == length, "returns.length", r.length, length + " scenarios like the other instruments",
          "instrument " + id);
      for (int s = 0; s < r.length; s++) {
        if (!Double.isFinite(r[s])) {
          throw new InvalidValueException("returns[" + s + "]", Double.toString(r[s]), "a finite number",
              "instrument " + id);
        }
      }
      m.put(id, r.clone());
    }
    return m;
  }

  /** An immutable set of scenarios. */
  static final class Snapshot implements ScenarioProvider {
    private final Map<String, double[]> returns;
    private final int scenarioCount;
    private final long version;

    Snapshot(Map<String, double[]> returns, long version) {
      this.returns = returns;
      this.scenarioCount = returns.isEmpty() ? 0 : returns.values().iterator().next().length;
      this.version = version;
    }

    @Override
    public long version() {
      return version;
    }

    @Override
    public int scenarioCount() {
      return scenarioCount;
    }

    @Override
    public Optional<double[]> findReturns(String instrumentId) {
      double[] r = returns.get(instrumentId);
      return r == null ? Optional.empty() : Optional.of(r.clone());
    }
  }

  /** Copy-on-write: each replacement publishes a new immutable snapshot through a volatile field. */
  static final class Updatable implements UpdatableScenarioProvider {
    private volatile Snapshot current = new Snapshot(Map.of(), 0);

    @Override
    public long version() {
      return current.version();
    }

    @Override
    public int scenarioCount() {
      return current.scenarioCount();
    }

    @Override
    public Optional<double[]> findReturns(String instrumentId) {
      return current.findReturns(instrumentId);
    }

    @Override
    public void replaceAll(Map<String, double[]> returnsByInstrument) {
      Map<String, double[]> copy = copy(returnsByInstrument);
      synchronized (this) {
        current = new Snapshot(copy, current.version() + 1);
      }
    }

    @Override
    public void replaceAll(ScenarioMatrix matrix) {
      Map<String, double[]> copy = copy(Checks.notNull(matrix, "matrix"));
      synchronized (this) {
        current = new Snapshot(copy, current.version() + 1);
      }
    }
  }
}
