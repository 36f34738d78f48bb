package dev.parapet.api;

/**
 * Thrown when a value handed in at a boundary is invalid: it names the field, the value and what
 * was expected, e.g. {@code quantity must be > 0, was -5 (order ABC-17)}.
 * <p>
 * It extends {@link IllegalArgumentException} so that generic callers can treat it as one.
 */
public final class InvalidValueException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String value;
  private final String expected;

  /**
   * Creates the exception.
   *
   * @param field the name of the field or argument, e.g. {@code quantity}
   * @param value the offending value as text
   * @param expected what was expected, e.g. {@code > 0}
   * @param context optional context such as {@code order ABC-17}, or null
   */
  public InvalidValueException(String field, String value, String expected, String context) {
    super(field + " must be " + expected + ", was " + value + (context == null ? "" : " (" + context + ")"));
    this.field = field;
    this.value = value;
    this.expected = expected;
  }

  /** Returns the name of the invalid field. */
  public String field() {
    return field;
  }

  /** Returns the invalid value, as text. */
  public String value() {
    return value;
  }

  /** Returns what was expected. */
  public String expected() {
    return expected;
  }
}
