package dev.parapet.cli;

/**
 * A mistake by the user of the command line (a missing file, an unparseable number, a bad option
 * value). {@link Main} prints its message on one line to stderr and exits with
 * {@link CliSupport#EXIT_USER_ERROR}, without a stack trace.
 */
public final class UserException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what was wrong and where. */
  public UserException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public UserException(String message, Throwable cause) {
    super(message, cause);
  }
}
