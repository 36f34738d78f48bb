package dev.parapet.api.data;

/**
 * Thrown when a {@link HistoryStore} cannot complete an operation because of its storage (a database
 * error, a lost connection, a failed migration). The message names the operation; the cause is the
 * underlying error. Whatever the operation wrote in its current transaction has been rolled back.
 */
public class HistoryStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the failed operation and its cause. */
  public HistoryStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates the exception with a message. */
  public HistoryStoreException(String message) {
    super(message);
  }
}
