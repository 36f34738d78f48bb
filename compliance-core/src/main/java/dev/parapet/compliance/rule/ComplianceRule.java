package dev.parapet.compliance.rule;

import dev.parapet.api.alert.Severity;
import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.model.OrderRequest;

/**
 * One compliance rule: a pre-trade check of an order against the portfolio and, optionally, a
 * post-trade check of the book.
 * <p>
 * <b>Contract.</b>
 * <ul>
 *   <li>Pure and fast: a check reads the order, the view and the {@link RuleContext}'s state, and
 *       records what it finds; it changes nothing. State moves only through the context's hooks.</li>
 *   <li>A breach is recorded as a reason whose source is {@value #SOURCE_PREFIX}{@code <id>}: blocking
 *       when the rule's {@link #enforcement()} is {@link Enforcement#HARD}, a warning when it is
 *       {@link Enforcement#SOFT}. Record every breach the rule finds, not just the first.</li>
 *   <li>Fail-closed: a check that throws becomes a blocking
 *       {@link dev.parapet.api.gate.ReasonCode#INTERNAL_ERROR} reason naming the rule (the gate and
 *       the sweep catch it).</li>
 *   <li>Hot path: on the passing path {@link #checkOrder} allocates nothing.</li>
 *   <li>Threading: the gate and the sweep invoke rules under the {@link RuleContext#lock()}, one call
 *       at a time, so a rule need not be thread-safe.</li>
 * </ul>
 * Hosts add their own rules by implementing this interface (usually through
 * {@link AbstractComplianceRule}) and registering a factory in the policy's rule catalogue.
 */
public interface ComplianceRule {

  /** The prefix of the {@link dev.parapet.api.gate.Reason#source()} of every reason a rule records. */
  String SOURCE_PREFIX = "compliance/";

  /** Returns the rule's id, unique within a policy scope, e.g. {@code fat-finger}. */
  String id();

  /** Returns a one-line description of what the rule enforces. */
  String description();

  /** Returns the severity of the alert raised when the post-trade sweep finds a breach. */
  Severity severity();

  /** Returns whether a breach blocks the order or only warns. */
  Enforcement enforcement();

  /** Returns true when a breach blocks the order. */
  default boolean isHard() {
    return enforcement() == Enforcement.HARD;
  }

  /**
   * Checks an order before it is sent and records every breach into {@code decision}.
   *
   * @param order the order
   * @param portfolio the portfolio including the reservations of approved open orders
   * @param decision the decision being built (may hold reasons of other rules and gates)
   */
  void checkOrder(OrderRequest order, PortfolioView portfolio, GateDecision.Builder decision);

  /**
   * Checks one account's book as it stands (a passive breach: prices moved, NAV fell) and reports
   * each breach to {@code breaches}. Rules about orders only (throttle, duplicates, ...) keep the
   * default, which finds nothing. Not a hot path: may allocate.
   *
   * @param account the account
   * @param portfolio the book
   * @param breaches where to report breaches
   */
  default void checkBook(String account, PortfolioView portfolio, BreachSink breaches) {
  }
}
