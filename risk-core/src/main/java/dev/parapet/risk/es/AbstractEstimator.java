package dev.parapet.risk.es;

import dev.parapet.api.Checks;
import dev.parapet.api.InvalidValueException;
import dev.parapet.risk.InsufficientHistoryException;

/** Validation shared by the estimators. */
abstract class AbstractEstimator implements RiskEstimator {

  private final EsMethod method;
  private final int minimumObservations;

  AbstractEstimator(EsMethod method, int minimumObservations) {
    this.method = method;
    this.minimumObservations = minimumObservations;
  }

  @Override
  public final EsMethod method() {
    return method;
  }

  @Override
  public final int minimumObservations() {
    return minimumObservations;
  }

  @Override
  public final RiskEstimate estimate(double[] pnl, double confidence) {
    validate(pnl, confidence, method.label(), minimumObservations);
    return compute(pnl, confidence);
  }

  abstract RiskEstimate compute(double[] pnl, double confidence);

  static void validate(double[] pnl, double confidence, String what, int minimum) {
    Checks.notNull(pnl, "pnl", what);
    Checks.openUnitInterval(confidence, "confidence");
    if (pnl.length < minimum) {
      throw new InsufficientHistoryException(what + " ES", minimum, pnl.length);
    }
    for (int i = 0; i < pnl.length; i++) {
      if (!Double.isFinite(pnl[i])) {
        throw new InvalidValueException("pnl[" + i + "]", Double.toString(pnl[i]), "a finite number", what);
      }
    }
  }

  @Override
  public String toString() {
    return method.label();
  }
}
