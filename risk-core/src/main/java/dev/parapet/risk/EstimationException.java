package dev.parapet.risk;

/**
 * Thrown when a model cannot give a finite estimate from the data it was given, for example a fitted
 * generalised Pareto tail with shape {@code xi >= 1}, whose expected shortfall is infinite. The message
 * names the model, the fitted figure and why it is unusable.
 */
public final class EstimationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed and why
   */
  public EstimationException(String message) {
    super(message);
  }
}
