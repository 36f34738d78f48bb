package dev.parapet.risk.es;

import dev.parapet.risk.EstimationException;
import dev.parapet.risk.InsufficientHistoryException;

/**
 * Estimates value at risk and expected shortfall of a P&amp;L or return series. The series has gains
 * positive and losses negative; the estimate reports losses as positive numbers.
 * <p>
 * Implementations are immutable and thread-safe; they validate the series (every value finite) and throw
 * {@link InsufficientHistoryException} when it is too short for the method.
 */
public interface RiskEstimator {

  /** The Basel FRTB expected-shortfall confidence level, 97.5% (BCBS d457, MAR33.2). */
  double DEFAULT_CONFIDENCE = 0.975;

  /** Returns the method. */
  EsMethod method();

  /** Returns the fewest observations the method accepts. */
  int minimumObservations();

  /**
   * Estimates VaR and ES at a confidence level.
   *
   * @param pnl the series, gains positive and losses negative, oldest first, every value finite
   * @param confidence the confidence level in (0, 1)
   * @return the estimate, losses positive
   * @throws InsufficientHistoryException if the series is shorter than {@link #minimumObservations()}
   * @throws EstimationException if the fitted model has no finite ES
   */
  RiskEstimate estimate(double[] pnl, double confidence);

  /** Estimates VaR and ES at the default confidence level of 97.5%. */
  default RiskEstimate estimate(double[] pnl) {
    return estimate(pnl, DEFAULT_CONFIDENCE);
  }
}
