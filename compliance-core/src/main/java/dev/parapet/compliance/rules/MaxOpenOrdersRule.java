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
 * Rule 13, maximum open orders: the account's approved open orders
 * ({@link PortfolioView#openOrderCount}, the orders holding a reservation) plus this one may not
 * exceed {@code maxOpenOrders} ({@link ReasonCode#MAX_OPEN_ORDERS}); the order that brings the count to
 * exactly the maximum passes. Immutable.
 */
final class MaxOpenOrdersRule extends AbstractComplianceRule {

  private final int maxOpenOrders;

  MaxOpenOrdersRule(String id, String description, Severity severity, Enforcement enforcement, int maxOpenOrders) {
    super(id, description, severity, enforcement);
    this.maxOpenOrders = Checks.positive(maxOpenOrders, "maxOpenOrders");
  }

  @Override
  public void checkOrder(OrderRequest order, PortfolioView portfolio, GateDecision.Builder decision) {
    // hot path: allocation-free (see ComplianceGateBenchmark)
    int after = portfolio.openOrderCount(order.account()) + 1;
    if (after > maxOpenOrders) {
      breach(decision, ReasonCode.MAX_OPEN_ORDERS, "account " + order.account() + " would have " + after
          + " open orders, above the maximum of " + maxOpenOrders, maxOpenOrders, after);
    }
  }
}
