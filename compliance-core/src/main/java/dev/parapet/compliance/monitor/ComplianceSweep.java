package dev.parapet.compliance.monitor;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Alert;
import dev.parapet.api.alert.AlertCategory;
import dev.parapet.api.alert.AlertSink;
import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.book.PositionBook;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.compliance.gate.ComplianceGate;
import dev.parapet.compliance.journal.AuditRecords;
import dev.parapet.compliance.journal.AuditTrail;
import dev.parapet.compliance.policy.CompliancePolicy;
import dev.parapet.compliance.policy.RuleSet;
import dev.parapet.compliance.rule.ComplianceRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The continuous compliance monitor: sweeps the whole book against the post-trade checks of every rule
 * the policy in force applies to each account (the account-level rules; strategy scopes are pre-trade
 * only), to find passive breaches (prices moved, NAV fell), and tracks each violation's life.
 * <p>
 * A violation is identified by account, rule and subject. When a sweep first finds it, it is
 * {@link ViolationStatus#NEW}: an alert {@value #ALERT_NAME} (category COMPLIANCE, the rule's severity)
 * fires and a {@code violation} record is journalled. While later sweeps keep finding it, it is
 * {@link ViolationStatus#ONGOING}: nothing is sent again. When a sweep of its account no longer finds
 * it, it is {@link ViolationStatus#RESOLVED}: the alert is published resolved and the close journalled.
 * A hard daily-loss breach trips the kill switch. A rule whose post-trade check throws is itself a
 * violation ({@link ReasonCode#INTERNAL_ERROR}, subject {@code rule-failure}), so failures are never
 * silent. Journal and alert failures are logged and counted; the sweep goes on.
 * <p>
 * The orchestrator runs {@link #sweep(PositionBook)} every minute. Thread-safe: sweeps are serialized,
 * and rules run under the gate's rule-context lock.
 */
public final class ComplianceSweep {

  /** The name of violation alerts. */
  public static final String ALERT_NAME = "ComplianceViolation";

  private static final Logger LOG = LoggerFactory.getLogger(ComplianceSweep.class);

  private final ComplianceGate gate;
  private final AlertSink alerts;
  private final AuditTrail journal;
  private final Map<String, Open> open = new LinkedHashMap<>();

  private ComplianceSweep(Builder b) {
    this.gate = Checks.notNull(b.gate, "gate");
    this.alerts = b.alerts;
    this.journal = b.journal;
  }

  /** Returns a builder; the gate is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Sweeps every account of the book. */
  public SweepReport sweep(PositionBook book) {
    Checks.notNull(book, "book");
    synchronized (book.lock()) {
      return sweep(book, book.accounts());
    }
  }

  /**
   * Sweeps the given accounts. Violations of accounts not in the list are left as they are.
   *
   * @param book the book
   * @param accounts the accounts to sweep
   * @return the transitions
   */
  public synchronized SweepReport sweep(PortfolioView book, Collection<String> accounts) {
    Checks.notNull(book, "book");
    Checks.notNull(accounts, "accounts");
    Instant now = gate.context().clock().instant();
    Map<String, Found> found = new LinkedHashMap<>();
    Set<String> swept = new HashSet<>(accounts);
    synchronized (gate.context().lock()) {
      CompliancePolicy policy = gate.policy();
      for (String account : accounts) {
        RuleSet rules = policy.accountRules(account);
        for (int i = 0; i < rules.size(); i++) {
          ComplianceRule rule = rules.get(i);
          try {
            rule.checkBook(account, book, (r, subject, code, message, limit, value) -> {
              Found f = new Found(account, r, subject, code, message, limit, value);
              found.put(key(account, r.id(), subject), f);
            });
          } catch (RuntimeException | Error e) {
            found.put(key(account, rule.id(), "rule-failure"), new Found(account, rule, "rule-failure",
                ReasonCode.INTERNAL_ERROR, "post-trade check of rule " + rule.id() + " failed: " + e, Double.NaN,
                Double.NaN));
          }
        }
      }
    }
    List<Violation> opened = new ArrayList<>();
    List<Violation> ongoing = new ArrayList<>();
    List<Violation> resolved = new ArrayList<>();
    int journalFailures = 0;
    for (Map.Entry<String, Found> e : found.entrySet()) {
      Found f = e.getValue();
      Open o = open.get(e.getKey());
      if (o == null) {
        o = new Open(f, now);
        open.put(e.getKey(), o);
        Violation v = o.violation(ViolationStatus.NEW, null);
        opened.add(v);
        publish(o.alert(null));
        journalFailures += journal(v);
      } else {
        o.latest = f;
        ongoing.add(o.violation(ViolationStatus.ONGOING, null));
      }
      if (f.code == ReasonCode.DAILY_LOSS_LIMIT && f.rule.isHard()) {
        gate.killSwitch().trip(ComplianceGate.DAILY_LOSS_TRIGGER, f.message);
      }
    }
    for (var it = open.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Open> e = it.next();
      if (!found.containsKey(e.getKey()) && swept.contains(e.getValue().latest.account)) {
        Open o = e.getValue();
        it.remove();
        Instant at = now.isBefore(o.openedAt) ? o.openedAt : now;
        Violation v = o.violation(ViolationStatus.RESOLVED, at);
        resolved.add(v);
        publish(o.alert(at));
        journalFailures += journal(v);
      }
    }
    if (!opened.isEmpty() || !resolved.isEmpty()) {
      LOG.info("compliance sweep: {} new, {} ongoing, {} resolved violations", opened.size(), ongoing.size(),
          resolved.size());
    }
    return new SweepReport(now, accounts.size(), opened, ongoing, resolved, journalFailures);
  }

  /** Returns the violations open now, in the order they opened. */
  public synchronized List<Violation> openViolations() {
    List<Violation> out = new ArrayList<>();
    for (Open o : open.values()) {
      out.add(o.violation(ViolationStatus.ONGOING, null));
    }
    return List.copyOf(out);
  }

  private static String key(String account, String ruleId, String subject) {
    return account + "|" + ruleId + "|" + subject;
  }

  private int journal(Violation v) {
    try {
      journal.record(AuditRecords.VIOLATION, AuditRecords.violation(v.status().name(), v.account(), v.ruleId(),
          v.subject(), v.code().name(), v.message(), v.limit(), v.value(), v.openedAt(), v.resolvedAt().orElse(null)));
      return 0;
    } catch (RuntimeException e) {
      LOG.error("compliance sweep: violation {} could not be journalled", v.key(), e);
      return 1;
    }
  }

  private void publish(Alert alert) {
    try {
      alerts.publish(alert);
    } catch (RuntimeException e) {
      LOG.error("compliance sweep: publishing {} failed", alert, e);
    }
  }

  /** One breach found by this sweep. */
  private static final class Found {
    final String account;
    final ComplianceRule rule;
    final String subject;
    final ReasonCode code;
    final String message;
    final double limit;
    final double value;

    Found(String account, ComplianceRule rule, String subject, ReasonCode code, String message, double limit,
        double value) {
      this.account = account;
      this.rule = rule;
      this.subject = subject;
      this.code = code;
      this.message = message;
      this.limit = limit;
      this.value = value;
    }
  }

  /** An open violation. */
  private static final class Open {
    final Instant openedAt;
    Found latest;

    Open(Found f, Instant openedAt) {
      this.latest = f;
      this.openedAt = openedAt;
    }

    Violation violation(ViolationStatus status, Instant resolvedAt) {
      Found f = latest;
      return new Violation(f.account, f.rule.id(), f.subject, f.code, f.rule.severity(), f.rule.enforcement(),
          f.message, f.limit, f.value, status, openedAt, Optional.ofNullable(resolvedAt));
    }

    Alert alert(Instant resolvedAt) {
      Found f = latest;
      return Alert.builder(ALERT_NAME, f.rule.severity(), AlertCategory.COMPLIANCE)
          .label(Alert.ACCOUNT, f.account)
          .label("rule", f.rule.id())
          .label("subject", f.subject)
          .summary(f.message)
          .annotation("code", f.code.name())
          .annotation("enforcement", f.rule.enforcement().name())
          .annotation("limit", Double.toString(f.limit))
          .annotation("value", Double.toString(f.value))
          .startsAt(openedAt)
          .endsAt(resolvedAt)
          .build();
    }
  }

  /** A builder of {@link ComplianceSweep}; not thread-safe. */
  public static final class Builder {
    private ComplianceGate gate;
    private AlertSink alerts = AlertSink.discarding();
    private AuditTrail journal = AuditTrail.none();

    private Builder() {
    }

    /** Sets the gate whose policy, rule context and kill switch the sweep uses (required). */
    public Builder gate(ComplianceGate gate) {
      this.gate = gate;
      return this;
    }

    /** Sets where violation alerts go (default: discarded). */
    public Builder alertSink(AlertSink alerts) {
      this.alerts = Checks.notNull(alerts, "alerts");
      return this;
    }

    /** Sets the audit trail for violation transitions (default: none). */
    public Builder journal(AuditTrail journal) {
      this.journal = Checks.notNull(journal, "journal");
      return this;
    }

    /** Builds the sweep with no violations open. */
    public ComplianceSweep build() {
      return new ComplianceSweep(this);
    }
  }
}
