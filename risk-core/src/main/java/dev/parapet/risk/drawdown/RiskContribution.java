package dev.parapet.risk.drawdown;

/**
 * The risk a position contributes, used to rank positions for {@link ReductionPolicy#LARGEST_RISK_FIRST};
 * for example its component ES. Must be thread-safe and must not throw.
 */
@FunctionalInterface
public interface RiskContribution {

  /**
   * Returns the risk of a position, larger meaning riskier.
   *
   * @param instrumentId the instrument
   * @param signedExposure the position's signed exposure at the mark
   */
  double of(String instrumentId, double signedExposure);

  /** Ranks positions by absolute exposure. */
  static RiskContribution absoluteExposure() {
    return (id, exposure) -> Math.abs(exposure);
  }
}
