package dev.parapet.api.execution;

/**
 * The life-cycle state of a parent order worked by an execution engine.
 * <p>
 * {@link #NEW} becomes {@link #WORKING} when the first child order is sent and
 * {@link #PARTIALLY_FILLED} on the first fill. {@link #FILLED}, {@link #CANCELLED} and
 * {@link #EXPIRED} are terminal for the algorithm: no new child orders are sent. Fills that arrive
 * after a parent was cancelled or expired (from child orders still open at the venue) are still
 * counted, and a parent whose filled quantity reaches its quantity becomes {@link #FILLED}.
 */
public enum ParentOrderState {
  /** Accepted by the engine; no child order sent yet. */
  NEW,
  /** At least one child order sent; nothing filled yet. */
  WORKING,
  /** Some, but not all, of the quantity is filled. */
  PARTIALLY_FILLED,
  /** The whole quantity is filled. */
  FILLED,
  /** Cancelled by the host, or stopped by the engine (e.g. too many rejects, an algorithm fault). */
  CANCELLED,
  /** The parent's end time passed before it was filled. */
  EXPIRED;

  /** Returns true for {@link #FILLED}, {@link #CANCELLED} and {@link #EXPIRED}. */
  public boolean isTerminal() {
    return this == FILLED || this == CANCELLED || this == EXPIRED;
  }
}
