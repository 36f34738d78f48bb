package dev.parapet.compliance.rules;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.compliance.rule.AbstractComplianceRule;
import dev.parapet.compliance.rule.Enforcement;
import dev.parapet.compliance.rule.OrderActivity;
import java.time.InstantSource;

/**
 * Rule 12, message throttle (MiFID II RTS 6, Delegated Regulation (EU) 2017/589, Article 15(1)(d)
 * maximum messages limits; FIA guidance on message throttles): at most {@code maxMessagesPerAccount} messages per
 * account and {@code maxMessagesPerInstrument} per instrument (all accounts) within a sliding window of
 * {@code windowMillis} ({@link ReasonCode#THROTTLE}). The window is {@code (now - windowMillis, now]}:
 * a message exactly {@code windowMillis} old no longer counts. An order is a breach when the window
 * already holds the maximum, so the order that brings the count to exactly the maximum passes. Messages
 * are the accepted orders plus whatever the host reports through
 * {@link dev.parapet.compliance.rule.RuleContext#recordMessage}. At least one maximum is set.
 * Immutable.
 */
final class MessageThrottleRule extends AbstractComplianceRule {

  private final int maxMessagesPerAccount;
  private final int maxMessagesPerInstrument;
  private final long windowMillis;
  private final OrderActivity activity;
  private final InstantSource clock;

  /** Creates the rule; 0 disables a maximum, at least one must be set. */
  MessageThrottleRule(String id, String description, Severity severity, Enforcement enforcement,
      int maxMessagesPerAccount, int maxMessagesPerInstrument, long windowMillis, OrderActivity activity,
      InstantSource clock) {
    super(id, description, severity, enforcement);
    String ctx = "rule " + id;
    Checks.check(maxMessagesPerAccount != 0 || maxMessagesPerInstrument != 0, "maxMessagesPerAccount", "absent",
        "set, or maxMessagesPerInstrument set", ctx);
    Checks.nonNegative(maxMessagesPerAccount, "maxMessagesPerAccount", ctx);
    Checks.nonNegative(maxMessagesPerInstrument, "maxMessagesPerInstrument", ctx);
    this.maxMessagesPerAccount = maxMessagesPerAccount;
    this.maxMessagesPerInstrument = maxMessagesPerInstrument;
    this.windowMillis = Checks.positive(windowMillis, "windowMillis", ctx);
    this.activity = Checks.notNull(activity, "activity");
    this.clock = Checks.notNull(clock, "clock");
    activity.requireMessageHistory(Math.max(maxMessagesPerAccount, maxMessagesPerInstrument));
  }

  @Override
  public void checkOrder(OrderRequest order, PortfolioView portfolio, GateDecision.Builder decision) {
    // hot path: allocation-free (see ComplianceGateBenchmark)
    long after = clock.millis() - windowMillis;
    if (maxMessagesPerAccount > 0) {
      int n = activity.accountMessagesAfter(order.account(), after, maxMessagesPerAccount);
      if (n >= maxMessagesPerAccount) {
        breach(decision, ReasonCode.THROTTLE, "account " + order.account() + " already sent " + n
            + " messages in the last " + windowMillis + " ms, the maximum", maxMessagesPerAccount, n + 1);
      }
    }
    if (maxMessagesPerInstrument > 0) {
      int n = activity.instrumentMessagesAfter(order.instrument().id(), after, maxMessagesPerInstrument);
      if (n >= maxMessagesPerInstrument) {
        breach(decision, ReasonCode.THROTTLE, "instrument " + order.instrument().id() + " already had " + n
            + " messages in the last " + windowMillis + " ms, the maximum", maxMessagesPerInstrument, n + 1);
      }
    }
  }
}
