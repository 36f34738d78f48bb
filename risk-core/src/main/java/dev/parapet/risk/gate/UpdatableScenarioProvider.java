package dev.parapet.risk.gate;

import dev.parapet.risk.portfolio.ScenarioMatrix;
import java.util.Map;

/**
 * A {@link ScenarioProvider} whose scenarios the host replaces as history rolls forward (for example after
 * the nightly data load). Thread-safe: a replacement is atomic; readers see the old set or the new one.
 */
public interface UpdatableScenarioProvider extends ScenarioProvider {

  /**
   * Replaces every instrument's scenarios.
   *
   * @param returnsByInstrument scenarios by instrument id, every array the same length, finite (copied)
   */
  void replaceAll(Map<String, double[]> returnsByInstrument);

  /** Replaces every instrument's scenarios with the rows of a matrix. */
  void replaceAll(ScenarioMatrix matrix);
}
