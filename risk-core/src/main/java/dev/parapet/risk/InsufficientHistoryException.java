package dev.parapet.risk;

/**
 * Thrown when an estimate needs more observations than it was given, with both counts: for example
 * {@code student-t ES needs at least 10 observations, got 4}.
 * <p>
 * Inside the {@code RiskGate} this never escapes: missing or short history becomes a rejection with
 * {@code ReasonCode.INSUFFICIENT_HISTORY}.
 */
public final class InsufficientHistoryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int required;
  private final int available;

  /**
   * Creates the exception.
   *
   * @param what what needed the history, e.g. {@code student-t ES}
   * @param required the number of observations needed
   * @param available the number of observations given
   */
  public InsufficientHistoryException(String what, int required, int available) {
    super(what + " needs at least " + required + " observations, got " + available);
    this.required = required;
    this.available = available;
  }

  /** Returns the number of observations needed. */
  public int required() {
    return required;
  }

  /** Returns the number of observations given. */
  public int available() {
    return available;
  }
}
