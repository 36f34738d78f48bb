package dev.parapet.risk.drawdown;

/** How a de-leverage instruction spreads the reduction of gross exposure over positions. */
public enum ReductionPolicy {
  /** Every position is cut by the same fraction. */
  PRO_RATA,
  /** Positions are closed in decreasing order of risk contribution until the target is met. */
  LARGEST_RISK_FIRST
}
