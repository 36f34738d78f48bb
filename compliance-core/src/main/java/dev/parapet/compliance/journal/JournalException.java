package dev.parapet.compliance.journal;

/** Thrown when the audit journal cannot write, force, read or open its files, or is closed. */
public class JournalException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public JournalException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates the exception. */
  public JournalException(String message) {
    super(message);
  }
}
