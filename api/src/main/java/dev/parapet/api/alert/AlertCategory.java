package dev.parapet.api.alert;

/** The capability an alert comes from; carried as the {@code category} label. */
public enum AlertCategory {
  /** Risk breaches, drawdown tiers, crowding. */
  RISK,
  /** Compliance violations and the kill switch. */
  COMPLIANCE,
  /** Execution rejects, timeouts, venue problems. */
  EXECUTION,
  /** Data-quality problems. */
  DATA,
  /** Failed or slow tasks and other system problems. */
  SYSTEM
}
