package dev.parapet.compliance.monitor;

/** Where a violation is in its life. */
public enum ViolationStatus {
  /** Found by this sweep and not by the one before: alerted and journalled. */
  NEW,
  /** Found by this sweep and the one before: neither alerted nor journalled again. */
  ONGOING,
  /** Found by the sweep before but not by this one: the alert is resolved and the close journalled. */
  RESOLVED
}
