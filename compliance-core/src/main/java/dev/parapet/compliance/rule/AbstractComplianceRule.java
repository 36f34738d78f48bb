package dev.parapet.compliance.rule;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.ReasonCode;

/**
 * A base for rules: holds the id, description, severity and enforcement, the constant reason source
 * {@code compliance/<id>}, and records a breach as a rejection or a warning according to the
 * enforcement.
 * <p>
 * Subclasses are immutable apart from any caches they document, and are invoked under the
 * {@link RuleContext#lock()}.
 */
public abstract class AbstractComplianceRule implements ComplianceRule {

  private final String id;
  private final String description;
  private final Severity severity;
  private final Enforcement enforcement;
  private final String source;

  /**
   * Creates the rule.
   *
   * @param id the id, not blank
   * @param description the description, not blank
   * @param severity the severity of post-trade alerts
   * @param enforcement hard (block) or soft (warn)
   */
  protected AbstractComplianceRule(String id, String description, Severity severity, Enforcement enforcement) {
    this.id = Checks.notBlank(id, "id");
    this.description = Checks.notBlank(description, "description", "rule " + id);
    this.severity = Checks.notNull(severity, "severity", "rule " + id);
    this.enforcement = Checks.notNull(enforcement, "enforcement", "rule " + id);
    this.source = SOURCE_PREFIX + id;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final Severity severity() {
    return severity;
  }

  @Override
  public final Enforcement enforcement() {
    return enforcement;
  }

  /** Returns the reason source, {@code compliance/<id>}. */
  public final String source() {
    return source;
  }

  /**
   * Records a breach: a blocking reason for a hard rule, a warning for a soft one.
   *
   * @param decision the decision
   * @param code the reason code
   * @param message the explanation, naming the figures
   * @param limit the limit, or NaN
   * @param value the value the order would reach, or NaN
   */
  protected final void breach(GateDecision.Builder decision, ReasonCode code, String message, double limit,
      double value) {
    if (enforcement == Enforcement.HARD) {
      decision.reject(code, source, message, limit, value);
    } else {
      decision.warn(code, source, message, limit, value);
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + id + ", " + enforcement + "]";
  }
}
