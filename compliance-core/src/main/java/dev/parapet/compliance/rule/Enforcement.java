package dev.parapet.compliance.rule;

/** Whether a breached rule blocks the order (hard limit) or only warns (soft limit). */
public enum Enforcement {
  /** A breach is a blocking reason: the order is rejected. */
  HARD,
  /** A breach is a non-blocking warning: the order may proceed. */
  SOFT
}
