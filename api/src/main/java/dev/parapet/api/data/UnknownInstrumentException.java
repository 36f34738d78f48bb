package dev.parapet.api.data;

import java.util.NoSuchElementException;

/** Thrown when an operation names an instrument the {@link HistoryStore} does not know. */
public final class UnknownInstrumentException extends NoSuchElementException {

  private static final long serialVersionUID = 1L;

  private final String instrumentId;

  /** Creates the exception for an instrument id. */
  public UnknownInstrumentException(String instrumentId) {
    super("instrument must be registered in the history store, was '" + instrumentId + "'");
    this.instrumentId = instrumentId;
  }

  /** Returns the unknown instrument id. */
  public String instrumentId() {
    return instrumentId;
  }
}
