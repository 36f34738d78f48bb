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
 * Rule 15, duplicate order detection (SEC Rule 15c3-5(c)(1)(ii) "duplicative orders"): an order with
 * the same account, instrument, side, quantity and price (the same limit, or both market) as an order
 * accepted within the last {@code windowMillis} is a breach ({@link ReasonCode#DUPLICATE_ORDER}). The
 * window is {@code (now - windowMillis, now]}: an order accepted exactly {@code windowMillis} ago no
 * longer counts. Immutable.
 */
final class DuplicateOrderRule extends AbstractComplianceRule {

  private final long windowMillis;
  private final OrderActivity activity;
  private final InstantSource clock;

  DuplicateOrderRule(String id, String description, Severity severity, Enforcement enforcement, long windowMillis,
      OrderActivity activity, InstantSource clock) {
    super(id, description, severity, enforcement);
    this.windowMillis = Checks.positive(windowMillis, "windowMillis", "rule " + id);
    this.activity = Checks.notNull(activity, "activity");
    this.clock = Checks.notNull(clock, "clock");
  }

  @Override
  public void checkOrder(OrderRequest order, PortfolioView portfolio, GateDecision.Builder decision) {
    // hot path: allocation-free (see ComplianceGateBenchmark)
    long after = clock.millis() - windowMillis;
    if (activity.hasDuplicate(order, after)) {
      breach(decision, ReasonCode.DUPLICATE_ORDER, "order duplicates " + activity.findDuplicateOf(order, after)
          .orElse("?") + " (same account, instrument, side, quantity and price) accepted within the last "
          + windowMillis + " ms", windowMillis, Double.NaN);
    }
  }
}
