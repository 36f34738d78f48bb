package dev.parapet.compliance.rule;

import dev.parapet.api.gate.ReasonCode;

/**
 * Receives the breaches a rule finds in a post-trade check of the book
 * ({@link ComplianceRule#checkBook}).
 * <p>
 * A breach is identified by its rule, account and {@code subject} (what the breach is about: an
 * instrument id, {@code issuer:NAME}, {@code sector:NAME}, {@code gross}, ...), so that the same
 * condition found by consecutive sweeps is one violation that stays open.
 */
@FunctionalInterface
public interface BreachSink {

  /**
   * Records one breach.
   *
   * @param rule the rule that found it
   * @param subject what it is about, stable across sweeps
   * @param code the reason code
   * @param message a human-readable explanation naming the figures
   * @param limit the limit, or NaN
   * @param value the value found, or NaN
   */
  void breach(ComplianceRule rule, String subject, ReasonCode code, String message, double limit, double value);
}
