package dev.parapet.simulator;

/**
 * Thrown by {@link SimulatedMarket#step()} when a market-data or venue listener threw during the step.
 * The step itself completed and the simulation is consistent; the first listener exception is the cause
 * and any further ones are {@linkplain #getSuppressed() suppressed}.
 */
public final class SimulationListenerException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, e.g. the step's time
   * @param cause the first listener exception
   */
  public SimulationListenerException(String message, Throwable cause) {
    super(message, cause);
  }
}
