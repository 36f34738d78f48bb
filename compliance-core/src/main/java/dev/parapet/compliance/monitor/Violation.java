package dev.parapet.compliance.monitor;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.compliance.rule.Enforcement;
import java.time.Instant;
import java.util.Optional;

/**
 * One compliance violation found by the post-trade sweep, identified by account, rule and subject,
 * with its latest figures and its life so far. Immutable and thread-safe.
 *
 * @param account the account
 * @param ruleId the rule that found it
 * @param subject what it is about (an instrument id, {@code issuer:NAME}, {@code gross}, ...)
 * @param code the reason code
 * @param severity the rule's severity
 * @param enforcement the rule's enforcement (a soft rule's violation is a warning)
 * @param message the latest explanation
 * @param limit the limit, or NaN
 * @param value the latest value, or NaN
 * @param status NEW, ONGOING or RESOLVED
 * @param openedAt when a sweep first found it
 * @param resolvedAt when a sweep found it gone (RESOLVED only)
 */
public record Violation(String account, String ruleId, String subject, ReasonCode code, Severity severity,
    Enforcement enforcement, String message, double limit, double value, ViolationStatus status, Instant openedAt,
    Optional<Instant> resolvedAt) {

  /** Validates the fields. */
  public Violation {
    Checks.notBlank(account, "account");
    Checks.notBlank(ruleId, "ruleId");
    Checks.notBlank(subject, "subject");
    Checks.notNull(code, "code");
    Checks.notNull(severity, "severity");
    Checks.notNull(enforcement, "enforcement");
    Checks.notNull(message, "message");
    Checks.notNull(status, "status");
    Checks.notNull(openedAt, "openedAt");
    Checks.notNull(resolvedAt, "resolvedAt");
    Checks.check(resolvedAt.isPresent() == (status == ViolationStatus.RESOLVED), "resolvedAt", resolvedAt,
        "present exactly when the status is RESOLVED");
  }

  /** Returns the identity {@code account|ruleId|subject}. */
  public String key() {
    return account + "|" + ruleId + "|" + subject;
  }
}
