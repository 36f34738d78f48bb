package dev.parapet.api.report;

/**
 * Thrown when a report cannot be rendered, written or read; the store is left as it was before the
 * failed operation.
 */
public class ReportException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message and a cause (which may be null). */
  public ReportException(String message, Throwable cause) {
    super(message, cause);
  }
}
