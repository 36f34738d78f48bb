package dev.parapet.execution.impact;

import dev.parapet.api.Checks;

/**
 * One least-squares estimate of an impact coefficient with its standard error.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param name the coefficient's name, e.g. {@code eta}
 * @param value the estimate
 * @param standardError the OLS standard error of the estimate, &gt;= 0
 * @param observations how many observations were fitted
 */
public record CoefficientFit(String name, double value, double standardError, int observations) {

  /** Validates the fields. */
  public CoefficientFit {
    Checks.notBlank(name, "name");
    Checks.finite(value, "value", name);
    Checks.nonNegative(standardError, "standardError", name);
    Checks.check(observations > 0, "observations", observations, "> 0", name);
  }

  /** Returns the t statistic {@code value / standardError} (infinite for an exact fit). */
  public double tStatistic() {
    return value / standardError;
  }
}
