package dev.parapet.compliance.gate;

import dev.parapet.api.Checks;
import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.calendar.MarketCalendar;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.Reason;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.gate.TradeGate;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.compliance.journal.AuditRecords;
import dev.parapet.compliance.journal.AuditTrail;
import dev.parapet.compliance.killswitch.KillSwitch;
import dev.parapet.compliance.policy.CompliancePolicy;
import dev.parapet.compliance.policy.PolicyException;
import dev.parapet.compliance.policy.PolicyProblem;
import dev.parapet.compliance.policy.RuleCatalogue;
import dev.parapet.compliance.policy.RuleSet;
import dev.parapet.compliance.rule.ComplianceRule;
import dev.parapet.compliance.rule.RuleContext;
import dev.parapet.compliance.rules.StandardRules;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pre-trade compliance gate: checks each order against every rule the policy in force applies to
 * its account and strategy, and against the kill switch, and records every breach (not just the
 * first).
 * <p>
 * <b>Decision.</b> An engaged kill switch gives a blocking {@link ReasonCode#KILL_SWITCH_ENGAGED}; each
 * hard rule breach a blocking reason, each soft one a warning, with source {@code compliance/<rule id>}
 * and the limit and value. A rule that throws becomes a blocking {@link ReasonCode#INTERNAL_ERROR}
 * reason naming the rule (fail-closed); the other rules still run. When this gate rejects an order it
 * counts towards the kill switch's rejection-rate trigger, and a daily-loss breach with figures trips
 * the kill switch.
 * <p>
 * <b>Wiring</b> (what the orchestrator does):
 * <pre>{@code
 * RuleContext context = RuleContext.builder().clock(clock).calendar(MarketCalendars.XNYS).build();
 * KillSwitch killSwitch = KillSwitch.builder().clock(clock).alertSink(alerts).journal(journal)
 *     .canceller(ChildOrderCanceller.of(router, engine::workingChildOrderIds))
 *     .maxRejections(50, Duration.ofSeconds(10)).build();
 * ComplianceGate gate = ComplianceGate.builder().context(context).killSwitch(killSwitch)
 *     .journal(journal).policyFile(Path.of("policy.json")).build();
 * // per order, under the decision lock:  gate.check(order, book, decision)  (in the gate chain)
 * //   every decision of the chain -> journal.append(AuditRecords.DECISION, AuditRecords.decision(order, d))
 * //   approved by the whole chain and reserved in the book -> gate.onOrderAccepted(order)
 * //   parent order finished -> gate.onOrderDone(order.clientOrderId(), book.release(order.clientOrderId()))
 * // at session start: gate.onSessionStart(book, book.accounts())
 * // every minute: sweep.sweep(book)  (ComplianceSweep built on this gate)
 * }</pre>
 * <p>
 * <b>Policy reload</b> ({@link #reloadPolicy(String, String)}) is atomic: the new policy is parsed and
 * validated in full first; a refused policy leaves the old one in force and is recorded
 * ({@code policy-refused}); an accepted one is recorded ({@code policy-loaded}) and then swapped in, so
 * every check runs entirely under one policy.
 * <p>
 * Thread-safe: checks, hooks and the post-trade sweep are serialized on the {@link RuleContext#lock()};
 * the approved path of {@link #check(OrderRequest, PortfolioView, GateDecision.Builder)} allocates
 * nothing.
 */
public final class ComplianceGate implements TradeGate {

  /** The gate's name. */
  public static final String NAME = "compliance";
  /** The source of kill-switch reasons. */
  public static final String KILL_SWITCH_SOURCE = ComplianceRule.SOURCE_PREFIX + "kill-switch";
  /** The kill switch trigger name of the daily loss limit. */
  public static final String DAILY_LOSS_TRIGGER = StandardRules.DAILY_LOSS_LIMIT;

  private static final Logger LOG = LoggerFactory.getLogger(ComplianceGate.class);
  private static final String KILL_SWITCH_MESSAGE = "the kill switch is engaged: every new order is blocked";

  private final RuleContext context;
  private final RuleCatalogue catalogue;
  private final KillSwitch killSwitch;
  private final AuditTrail journal;
  private final MemoizingPortfolioView view = new MemoizingPortfolioView();
  private final Object reloadLock = new Object();
  private volatile CompliancePolicy policy;

  private ComplianceGate(Builder b, CompliancePolicy initial) {
    this.context = b.context;
    this.catalogue = b.catalogue;
    this.killSwitch = b.killSwitch;
    this.journal = b.journal;
    this.policy = initial;
  }

  /** Returns a builder; a policy and a context (or a clock) are required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void check(OrderRequest order, PortfolioView portfolio, GateDecision.Builder decision) {
    // hot path: allocation-free (see ComplianceGateBenchmark)
    synchronized (context.lock()) {
      int before = decision.reasonCount();
      try {
        if (killSwitch.isEngaged()) {
          decision.reject(ReasonCode.KILL_SWITCH_ENGAGED, KILL_SWITCH_SOURCE, KILL_SWITCH_MESSAGE);
        }
        RuleSet rules = policy.rulesFor(order.account(), order.strategy());
        view.reset(portfolio);
        try {
          for (int i = 0, n = rules.size(); i < n; i++) {
            ComplianceRule rule = rules.get(i);
            try {
              rule.checkOrder(order, view, decision);
            } catch (RuntimeException | Error e) {
              decision.reject(ReasonCode.INTERNAL_ERROR, ComplianceRule.SOURCE_PREFIX + rule.id(),
                  "rule " + rule.id() + " failed: " + e);
            }
          }
        } finally {
          view.release();
        }
      } catch (RuntimeException | Error e) {
        decision.reject(ReasonCode.INTERNAL_ERROR, NAME, "compliance gate failed: " + e);
      }
      if (decision.reasonCount() > before) {
        afterReasons(decision, before);
      }
    }
  }

  private void afterReasons(GateDecision.Builder decision, int before) {
    List<Reason> reasons = decision.reasons();
    boolean rejected = false;
    for (int i = before; i < reasons.size(); i++) {
      Reason r = reasons.get(i);
      if (r.blocking()) {
        rejected = true;
        if (r.code() == ReasonCode.DAILY_LOSS_LIMIT && r.hasFigures()) {
          killSwitch.trip(DAILY_LOSS_TRIGGER, r.message());
        }
      }
    }
    if (rejected) {
      killSwitch.recordRejection();
    }
  }

  // ----------------------------------------------------------------------------------------------
  // hooks

  /** Forwards to {@link RuleContext#onOrderAccepted}: call once an order passed the chain and was reserved. */
  public void onOrderAccepted(OrderRequest order) {
    context.onOrderAccepted(order);
  }

  /** Forwards to {@link RuleContext#onOrderDone}: call once a parent order is finished. */
  public void onOrderDone(String clientOrderId, long unfilledQuantity) {
    context.onOrderDone(clientOrderId, unfilledQuantity);
  }

  /** Forwards to {@link RuleContext#onSessionStart}: call at the start of each trading day. */
  public void onSessionStart(PortfolioView book, Collection<String> accounts) {
    context.onSessionStart(book, accounts);
  }

  /** Forwards to {@link RuleContext#recordMessage}: cancels, amendments, child orders for the throttle. */
  public void recordMessage(String account, String instrumentId) {
    context.recordMessage(account, instrumentId);
  }

  // ----------------------------------------------------------------------------------------------
  // policy

  /** Returns the policy in force. */
  public CompliancePolicy policy() {
    return policy;
  }

  /** Returns the rules the policy in force applies to an account and strategy. */
  public RuleSet rulesFor(String account, String strategy) {
    return policy.rulesFor(account, strategy);
  }

  /**
   * Replaces the policy, atomically: the old one stays in force unless the new one validates in full.
   * Both outcomes are written to the audit trail.
   *
   * @param json the new policy
   * @param sourceName where it came from, for messages and the audit record
   * @return the new policy, now in force
   * @throws PolicyException listing every problem, if refused (the old policy stays)
   * @throws dev.parapet.compliance.journal.JournalException if the reload cannot be recorded (the old
   *     policy stays)
   */
  public CompliancePolicy reloadPolicy(String json, String sourceName) {
    synchronized (reloadLock) {
      CompliancePolicy current = policy;
      CompliancePolicy next;
      try {
        next = CompliancePolicy.parse(json, sourceName, catalogue, context);
      } catch (PolicyException e) {
        List<String> problems = new ArrayList<>();
        for (PolicyProblem p : e.problems()) {
          problems.add(p.toString());
        }
        try {
          journal.record(AuditRecords.POLICY_REFUSED, AuditRecords.policyRefused(sourceName,
              sha256(json), problems, current.sha256()));
        } catch (RuntimeException journalFailure) {
          LOG.error("the refused policy reload from {} could not be recorded", sourceName, journalFailure);
          e.addSuppressed(journalFailure);
        }
        LOG.warn("policy reload from {} refused; {} stays in force: {}", sourceName, current, e.getMessage());
        throw e;
      }
      journal.record(AuditRecords.POLICY_LOADED, AuditRecords.policyLoaded(sourceName, next.name(), next.version(),
          next.sha256(), current.sha256()));
      policy = next;
      LOG.info("policy {} from {} now in force (was {})", next, sourceName, current);
      return next;
    }
  }

  /** Reloads the policy from a file; see {@link #reloadPolicy(String, String)}. */
  public CompliancePolicy reloadPolicy(Path file) {
    return reloadPolicy(CompliancePolicy.readText(file), file.toString());
  }

  /** Returns the rule context (state, reference data and hooks). */
  public RuleContext context() {
    return context;
  }

  /** Returns the kill switch. */
  public KillSwitch killSwitch() {
    return killSwitch;
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "ComplianceGate[" + policy + "]";
  }

  /** A builder of {@link ComplianceGate}; not thread-safe. */
  public static final class Builder {
    private RuleContext context;
    private InstantSource clock;
    private MarketCalendar calendar;
    private RuleCatalogue catalogue = StandardRules.catalogue();
    private KillSwitch killSwitch;
    private AuditTrail journal = AuditTrail.none();
    private String policyJson;
    private String policySource;

    private Builder() {
    }

    /** Sets the rule context (else one is built from {@link #clock} and {@link #calendar}). */
    public Builder context(RuleContext context) {
      this.context = Checks.notNull(context, "context");
      return this;
    }

    /** Sets the clock, used when no context is given. */
    public Builder clock(InstantSource clock) {
      this.clock = Checks.notNull(clock, "clock");
      return this;
    }

    /** Sets the market calendar, used when no context is given. */
    public Builder calendar(MarketCalendar calendar) {
      this.calendar = Checks.notNull(calendar, "calendar");
      return this;
    }

    /** Sets the rule catalogue (default: the standard rules); add host rule types to it. */
    public Builder catalogue(RuleCatalogue catalogue) {
      this.catalogue = Checks.notNull(catalogue, "catalogue");
      return this;
    }

    /** Sets the kill switch (default: one with no alerts, no journal and no canceller). */
    public Builder killSwitch(KillSwitch killSwitch) {
      this.killSwitch = Checks.notNull(killSwitch, "killSwitch");
      return this;
    }

    /** Sets the audit trail for policy loads (default: none). */
    public Builder journal(AuditTrail journal) {
      this.journal = Checks.notNull(journal, "journal");
      return this;
    }

    /** Sets the initial policy document. */
    public Builder policy(String json, String sourceName) {
      this.policyJson = Checks.notNull(json, "json");
      this.policySource = Checks.notBlank(sourceName, "sourceName");
      return this;
    }

    /** Sets the initial policy from a file. */
    public Builder policyFile(Path file) {
      return policy(CompliancePolicy.readText(file), file.toString());
    }

    /**
     * Compiles the policy and builds the gate.
     *
     * @throws PolicyException if the policy is refused
     */
    public ComplianceGate build() {
      Checks.check(policyJson != null, "policy", "absent", "set with policy(...) or policyFile(...)");
      if (context == null) {
        Checks.check(clock != null, "clock", "absent", "set when no context is given");
        RuleContext.Builder cb = RuleContext.builder().clock(clock);
        if (calendar != null) {
          cb.calendar(calendar);
        }
        context = cb.build();
      }
      if (killSwitch == null) {
        killSwitch = KillSwitch.builder().clock(context.clock()).journal(journal).build();
      }
      CompliancePolicy initial = CompliancePolicy.parse(policyJson, policySource, catalogue, context);
      journal.record(AuditRecords.POLICY_LOADED, AuditRecords.policyLoaded(policySource, initial.name(),
          initial.version(), initial.sha256(), null));
      return new ComplianceGate(this, initial);
    }
  }
}
