package dev.parapet.compliance.rules;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.compliance.rule.AbstractComplianceRule;
import dev.parapet.compliance.rule.BreachSink;
import dev.parapet.compliance.rule.Enforcement;
import dev.parapet.compliance.rule.Limits;

/**
 * Rule 5, position limit per instrument: the worst-case absolute position after the order, counting
 * the pending quantities of approved open orders ({@code max(|q + pendingBuy|, |q - pendingSell|)}
 * with the order added), may not exceed {@code maxQuantity} units nor {@code maxNotional} at the mark
 * ({@link ReasonCode#POSITION_LIMIT}). At least one limit is set. An order that does not increase the
 * worst case (a reducing trade) is never rejected, so a position already over its limit can be cut.
 * Post-trade, the filled position is checked against both limits. Immutable.
 */
final class PositionLimitRule extends AbstractComplianceRule {

  private final long maxQuantity;
  private final double maxNotional;

  /** Creates the rule; pass 0 for no quantity limit and NaN for no notional limit. */
  PositionLimitRule(String id, String description, Severity severity, Enforcement enforcement, long maxQuantity,
      double maxNotional) {
    super(id, description, severity, enforcement);
    String ctx = "rule " + id;
    Checks.check(maxQuantity != 0 || !Double.isNaN(maxNotional), "maxQuantity", "absent",
        "set, or maxNotional set", ctx);
    if (maxQuantity != 0) {
      Checks.positive(maxQuantity, "maxQuantity", ctx);
    }
    if (!Double.isNaN(maxNotional)) {
      Checks.positive(maxNotional, "maxNotional", ctx);
    }
    this.maxQuantity = maxQuantity;
    this.maxNotional = maxNotional;
  }

  @Override
  public void checkOrder(OrderRequest order, PortfolioView portfolio, GateDecision.Builder decision) {
    // hot path: allocation-free (see ComplianceGateBenchmark)
    String account = order.account();
    String id = order.instrument().id();
    long q = portfolio.quantity(account, id);
    long pb = portfolio.pendingBuyQuantity(account, id);
    long ps = portfolio.pendingSellQuantity(account, id);
    long before = OrderMath.worstGross(q, pb, ps);
    long after = OrderMath.worstGrossAfter(q, pb, ps, order);
    if (after <= before) {
      return;
    }
    if (maxQuantity != 0 && after > maxQuantity) {
      breach(decision, ReasonCode.POSITION_LIMIT, "worst-case position in " + id + " would be " + after
          + " units, above the limit of " + maxQuantity, maxQuantity, after);
    }
    if (!Double.isNaN(maxNotional)) {
      double price = OrderMath.valuationPrice(order, portfolio);
      if (Double.isNaN(price)) {
        breach(decision, ReasonCode.NO_REFERENCE_PRICE, "no mark price for " + id + " to value the position",
            maxNotional, Double.NaN);
        return;
      }
      double notional = order.instrument().notional(after, price);
      if (Limits.exceeds(notional, maxNotional)) {
        breach(decision, ReasonCode.POSITION_LIMIT, "worst-case position in " + id + " would be worth "
            + OrderMath.fmt(notional) + ", above the limit of " + OrderMath.fmt(maxNotional), maxNotional, notional);
      }
    }
  }

  @Override
  public void checkBook(String account, PortfolioView portfolio, BreachSink breaches) {
    portfolio.forEachPosition(account, (instrument, quantity, pendingBuy, pendingSell, mark, cost) -> {
      long abs = Math.abs(quantity);
      if (maxQuantity != 0 && abs > maxQuantity) {
        breaches.breach(this, instrument.id() + "/quantity", ReasonCode.POSITION_LIMIT, "position in "
            + instrument.id() + " is " + quantity + " units, above the limit of " + maxQuantity, maxQuantity, abs);
      }
      if (!Double.isNaN(maxNotional)) {
        double notional = instrument.notional(abs, mark);
        if (Limits.exceeds(notional, maxNotional)) {
          breaches.breach(this, instrument.id() + "/notional", ReasonCode.POSITION_LIMIT, "position in "
              + instrument.id() + " is worth " + OrderMath.fmt(notional) + ", above the limit of "
              + OrderMath.fmt(maxNotional), maxNotional, notional);
        }
      }
    });
  }
}
