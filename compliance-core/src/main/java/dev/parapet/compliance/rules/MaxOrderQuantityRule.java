package dev.parapet.compliance.rules;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.compliance.rule.AbstractComplianceRule;
import dev.parapet.compliance.rule.Enforcement;

/**
 * Rule 2, maximum order quantity (SEC Rule 15c3-5(c)(1)(ii) erroneous-order controls; RTS 6 Article
 * 15(1)(c) maximum order volumes): an order above {@code maxQuantity} units is a breach
 * ({@link ReasonCode#MAX_ORDER_QUANTITY}); exactly at it passes. Immutable.
 */
final class MaxOrderQuantityRule extends AbstractComplianceRule {

  private final long maxQuantity;

  MaxOrderQuantityRule(String id, String description, Severity severity, Enforcement enforcement, long maxQuantity) {
    super(id, description, severity, enforcement);
    this.maxQuantity = Checks.positive(maxQuantity, "maxQuantity", "rule " + id);
  }

  @Override
  public void checkOrder(OrderRequest order, PortfolioView portfolio, GateDecision.Builder decision) {
    // hot path: allocation-free (see ComplianceGateBenchmark)
    if (order.quantity() > maxQuantity) {
      breach(decision, ReasonCode.MAX_ORDER_QUANTITY, "order quantity " + order.quantity()
          + " exceeds the maximum " + maxQuantity, maxQuantity, order.quantity());
    }
  }
}
