package dev.parapet.api.alert;

/** How serious an alert is, in increasing order. */
public enum Severity {
  /** For information; no action expected. */
  INFO,
  /** Worth a look when convenient. */
  LOW,
  /** Needs attention today. */
  MEDIUM,
  /** Needs attention now. */
  HIGH,
  /** Trading is or may be impaired; needs acknowledgement. */
  CRITICAL;

  /** Returns true if this severity is at least as serious as {@code other}. */
  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
