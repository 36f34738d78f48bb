package dev.parapet.api.report;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The day's compliance record: pre-trade decisions, approvals and rejections by rule, violations found
 * by the continuous sweep, kill-switch events and policy changes.
 * <p>
 * {@code violations} holds every violation opened or resolved during the day and every one still open at
 * the close; the report derives the counts opened, resolved and open in the exchange's time zone.
 * This class is immutable and thread-safe.
 *
 * @param approvals orders approved (including approvals with warnings)
 * @param rejections orders rejected
 * @param warnings approvals that carried at least one warning
 * @param byRule rejections and warnings per rule (one order may count under several rules)
 * @param violations violations as described above
 * @param killSwitchEvents kill-switch engagements and resets, oldest first
 * @param policyChanges policy reloads, oldest first
 * @param killSwitchEngagedAtClose whether the kill switch was engaged at the close
 */
public record ComplianceSection(
    long approvals,
    long rejections,
    long warnings,
    List<RuleCount> byRule,
    List<Violation> violations,
    List<KillSwitchEvent> killSwitchEvents,
    List<PolicyChange> policyChanges,
    boolean killSwitchEngagedAtClose) {

  /** Validates and copies the fields. */
  public ComplianceSection {
    Checks.nonNegative(approvals, "approvals", "compliance");
    Checks.nonNegative(rejections, "rejections", "compliance");
    Checks.nonNegative(warnings, "warnings", "compliance");
    Checks.check(warnings <= approvals, "warnings", warnings, "<= approvals=" + approvals, "compliance");
    byRule = Values.list(byRule, "byRule", "compliance");
    violations = Values.list(violations, "violations", "compliance");
    killSwitchEvents = Values.list(killSwitchEvents, "killSwitchEvents", "compliance");
    policyChanges = Values.list(policyChanges, "policyChanges", "compliance");
  }

  /**
   * Rejections and warnings attributed to one rule.
   *
   * @param ruleId the rule id or reason code, e.g. {@code MAX_ORDER_NOTIONAL}
   * @param rejections orders it rejected
   * @param warnings orders it warned about
   */
  public record RuleCount(String ruleId, long rejections, long warnings) {

    /** Validates the fields. */
    public RuleCount {
      Checks.notBlank(ruleId, "ruleId");
      Checks.nonNegative(rejections, "rejections", "rule " + ruleId);
      Checks.nonNegative(warnings, "warnings", "rule " + ruleId);
    }
  }

  /**
   * A post-trade violation's life.
   *
   * @param violationId its id
   * @param ruleId the rule breached
   * @param subject what breached it (account, instrument, issuer, sector)
   * @param severity how serious
   * @param openedAt when it was first found
   * @param resolvedAt when it was found resolved, if it was
   * @param detail the breach in a sentence (limit and value)
   */
  public record Violation(String violationId, String ruleId, String subject, Severity severity, Instant openedAt,
      Optional<Instant> resolvedAt, String detail) {

    /** Validates the fields. */
    public Violation {
      Checks.notBlank(violationId, "violationId");
      String ctx = "violation " + violationId;
      Checks.notBlank(ruleId, "ruleId", ctx);
      Checks.notBlank(subject, "subject", ctx);
      Checks.notNull(severity, "severity", ctx);
      Checks.notNull(openedAt, "openedAt", ctx);
      Values.optional(resolvedAt, "resolvedAt", ctx);
      resolvedAt.ifPresent(r -> Checks.check(!r.isBefore(openedAt), "resolvedAt", r, "not before openedAt " + openedAt, ctx));
      Checks.notNull(detail, "detail", ctx);
    }
  }

  /** What happened to the kill switch. */
  public enum KillSwitchAction {
    /** Engaged: every new order blocked. */
    ENGAGED,
    /** Reset: trading allowed again. */
    RESET
  }

  /**
   * A kill-switch engagement or reset.
   *
   * @param time when
   * @param action engaged or reset
   * @param trigger what caused it, e.g. {@code MANUAL}, {@code DAILY_LOSS_LIMIT}, {@code REJECTION_RATE}
   * @param actor who (a user, or {@code system})
   * @param reason the reason given
   */
  public record KillSwitchEvent(Instant time, KillSwitchAction action, String trigger, String actor, String reason) {

    /** Validates the fields. */
    public KillSwitchEvent {
      Checks.notNull(time, "time", "kill-switch event");
      Checks.notNull(action, "action", "kill-switch event at " + time);
      Checks.notBlank(trigger, "trigger", "kill-switch event at " + time);
      Checks.notBlank(actor, "actor", "kill-switch event at " + time);
      Checks.notNull(reason, "reason", "kill-switch event at " + time);
    }
  }

  /**
   * A policy reload.
   *
   * @param time when it took effect
   * @param policyVersion the new policy's version or digest
   * @param actor who loaded it
   * @param summary what changed, in a sentence
   */
  public record PolicyChange(Instant time, String policyVersion, String actor, String summary) {

    /** Validates the fields. */
    public PolicyChange {
      Checks.notNull(time, "time", "policy change");
      Checks.notBlank(policyVersion, "policyVersion", "policy change at " + time);
      Checks.notBlank(actor, "actor", "policy change at " + time);
      Checks.notNull(summary, "summary", "policy change at " + time);
    }
  }
}
