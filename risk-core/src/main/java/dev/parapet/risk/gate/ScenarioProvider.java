package dev.parapet.risk.gate;

import java.util.Optional;

/**
 * Per-instrument return scenarios for the {@link RiskGate}: for each instrument, the same number of equally
 * likely scenarios, aligned (scenario {@code s} is the same historical day or simulated state for every
 * instrument). A value is the P&amp;L of one unit of signed exposure, e.g. a one-day simple return.
 * <p>
 * The host feeds it (or the orchestrator, from the data module's return matrix); risk-core does not read
 * history itself. Implementations must be thread-safe and must change {@link #version()} whenever any
 * scenario changes, so that the gate knows to rebuild its cache.
 */
public interface ScenarioProvider {

  /** Returns a number that changes whenever the scenarios change. */
  long version();

  /** Returns the number of scenarios every instrument has. */
  int scenarioCount();

  /**
   * Returns an instrument's scenarios, if it has any. The caller may keep the array but must not change it
   * (implementations may return their own copy).
   *
   * @param instrumentId the instrument
   * @return {@link #scenarioCount()} finite returns, or empty when the instrument has no history
   */
  Optional<double[]> findReturns(String instrumentId);
}
