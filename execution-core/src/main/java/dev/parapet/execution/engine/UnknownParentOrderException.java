package dev.parapet.execution.engine;

import java.util.NoSuchElementException;

/** Thrown by {@link ExecutionEngine#getParent} when the engine holds no parent order of that id. */
public final class UnknownParentOrderException extends NoSuchElementException {

  private static final long serialVersionUID = 1L;

  private final String clientOrderId;

  /** Creates the exception for a client order id. */
  public UnknownParentOrderException(String clientOrderId) {
    super("no parent order " + clientOrderId + " in the execution engine");
    this.clientOrderId = clientOrderId;
  }

  /** Returns the id that was not found. */
  public String clientOrderId() {
    return clientOrderId;
  }
}
