package dev.parapet.reporting;

/**
 * Thrown when a JSON day record is malformed: the message starts with the JSON path of the offending
 * value, e.g. {@code $.pnl.lines[2].realizedPnl: expected a number, was "abc"}.
 */
public final class DayRecordFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String path;

  /**
   * Creates the exception.
   *
   * @param path the JSON path of the offending value, e.g. {@code $.pnl.nav}
   * @param message what is wrong and what was expected
   */
  public DayRecordFormatException(String path, String message) {
    super(path + ": " + message);
    this.path = path;
  }

  /** Returns the JSON path of the offending value. */
  public String path() {
    return path;
  }
}
