package dev.parapet.execution.algo;

import dev.parapet.api.Checks;
import dev.parapet.api.model.Urgency;
import dev.parapet.execution.impact.LinearImpactModel;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Parameters of the Implementation Shortfall algorithm (the Almgren–Chriss optimal trajectory).
 * <p>
 * The risk aversion is either an explicit {@code lambda} (per currency unit, the paper's units), or,
 * when absent, set from the parent's urgency so that {@code kappa T} equals the urgency's
 * {@code kappaT*} value: a dimensionless choice that does not depend on the order's size or price.
 * The impact coefficients are either given or, when absent, taken from Almgren and Chriss's rules of
 * thumb ({@link LinearImpactModel#ruleOfThumb}) with the spread and daily volume at the first decision.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param model the linear impact coefficients, or empty for the rule of thumb
 * @param lambda the risk aversion per currency unit, or empty to use the urgency's kappa T
 * @param intervals the number of intervals N for the discrete-time kappa, &gt; 0
 * @param kappaTLow the kappa T used for {@link Urgency#LOW}, &gt;= 0
 * @param kappaTMedium the kappa T used for {@link Urgency#MEDIUM}, &gt;= 0
 * @param kappaTHigh the kappa T used for {@link Urgency#HIGH}, &gt;= 0
 * @param recheck the interval between decisions, &gt; 0
 */
public record ImplementationShortfallParameters(Optional<LinearImpactModel> model, OptionalDouble lambda,
    int intervals, double kappaTLow, double kappaTMedium, double kappaTHigh, Duration recheck) {

  /** Validates the fields. */
  public ImplementationShortfallParameters {
    Checks.notNull(model, "model");
    Checks.notNull(lambda, "lambda");
    if (lambda.isPresent()) {
      Checks.nonNegative(lambda.getAsDouble(), "lambda");
    }
    Checks.positive(intervals, "intervals");
    Checks.nonNegative(kappaTLow, "kappaTLow");
    Checks.nonNegative(kappaTMedium, "kappaTMedium");
    Checks.nonNegative(kappaTHigh, "kappaTHigh");
    Checks.notNull(recheck, "recheck");
    Checks.check(!recheck.isNegative() && !recheck.isZero(), "recheck", recheck, "> 0");
  }

  /** Returns the defaults: rule-of-thumb impact, kappa T of 0.5 / 2 / 5 by urgency, 20 intervals, 30 s. */
  public static ImplementationShortfallParameters defaults() {
    return new ImplementationShortfallParameters(Optional.empty(), OptionalDouble.empty(), 20, 0.5, 2.0, 5.0,
        Duration.ofSeconds(30));
  }

  /** Returns a copy with explicit impact coefficients. */
  public ImplementationShortfallParameters withModel(LinearImpactModel model) {
    return new ImplementationShortfallParameters(Optional.of(model), lambda, intervals, kappaTLow, kappaTMedium,
        kappaTHigh, recheck);
  }

  /** Returns a copy with an explicit risk aversion, per currency unit. */
  public ImplementationShortfallParameters withLambda(double lambda) {
    return new ImplementationShortfallParameters(model, OptionalDouble.of(lambda), intervals, kappaTLow,
        kappaTMedium, kappaTHigh, recheck);
  }

  /** Returns a copy with another recheck interval. */
  public ImplementationShortfallParameters withRecheck(Duration recheck) {
    return new ImplementationShortfallParameters(model, lambda, intervals, kappaTLow, kappaTMedium, kappaTHigh,
        recheck);
  }

  /** Returns the kappa T for an urgency. */
  public double kappaT(Urgency urgency) {
    switch (urgency) {
      case LOW:
        return kappaTLow;
      case HIGH:
        return kappaTHigh;
      default:
        return kappaTMedium;
    }
  }
}
