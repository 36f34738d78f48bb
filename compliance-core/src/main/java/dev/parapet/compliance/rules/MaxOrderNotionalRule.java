package dev.parapet.compliance.rules;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.compliance.rule.AbstractComplianceRule;
import dev.parapet.compliance.rule.Enforcement;
import dev.parapet.compliance.rule.Limits;

/**
 * Rule 3, maximum order notional, the fat-finger check (SEC Rule 15c3-5(c)(1)(ii); RTS 6 Article
 * 15(1)(b) maximum order values): {@code quantity * price * multiplier} above {@code maxNotional} is a
 * breach ({@link ReasonCode#MAX_ORDER_NOTIONAL}). The price is the limit price of a limit order and the
 * mark of a market order; a market order in an instrument without a mark cannot be valued and is a
 * {@link ReasonCode#NO_REFERENCE_PRICE} breach. Immutable.
 */
final class MaxOrderNotionalRule extends AbstractComplianceRule {

  private final double maxNotional;

  MaxOrderNotionalRule(String id, String description, Severity severity, Enforcement enforcement, double maxNotional) {
    super(id, description, severity, enforcement);
    this.maxNotional = Checks.positive(maxNotional, "maxNotional", "rule " + id);
  }

  @Override
  public void checkOrder(OrderRequest order, PortfolioView portfolio, GateDecision.Builder decision) {
    // hot path: allocation-free (see ComplianceGateBenchmark)
    double price = OrderMath.orderPrice(order, portfolio);
    if (Double.isNaN(price)) {
      breach(decision, ReasonCode.NO_REFERENCE_PRICE, "market order in " + order.instrument().id()
          + " has no mark price to value its notional", maxNotional, Double.NaN);
      return;
    }
    double notional = order.instrument().notional(order.quantity(), price);
    if (Limits.exceeds(notional, maxNotional)) {
      breach(decision, ReasonCode.MAX_ORDER_NOTIONAL, "order notional " + OrderMath.fmt(notional)
          + " exceeds the maximum " + OrderMath.fmt(maxNotional), maxNotional, notional);
    }
  }
}
