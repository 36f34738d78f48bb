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

/**
 * Rule 11, wash-trade and self-cross prevention (MAR Annex I(1)(a) and the FIA's self-match prevention
 * guidance): an order that could trade against a resting opposite order of the same account in the same
 * instrument is a breach ({@link ReasonCode#WASH_TRADE}). A buy at limit {@code P} crosses a resting
 * sell at limit {@code S <= P}; a sell at {@code P} crosses a resting buy at {@code B >= P}; a market
 * order crosses every resting opposite order, and a resting market order is crossed by every opposite
 * order. Resting orders are the account's accepted, not-yet-done orders (see
 * {@link dev.parapet.compliance.rule.RuleContext#onOrderAccepted}). Immutable.
 */
final class WashTradeRule extends AbstractComplianceRule {

  private final OrderActivity activity;

  WashTradeRule(String id, String description, Severity severity, Enforcement enforcement, OrderActivity activity) {
    super(id, description, severity, enforcement);
    this.activity = Checks.notNull(activity, "activity");
  }

  @Override
  public void checkOrder(OrderRequest order, PortfolioView portfolio, GateDecision.Builder decision) {
    // hot path: allocation-free (see ComplianceGateBenchmark)
    String account = order.account();
    String id = order.instrument().id();
    boolean buy = order.side().isBuy();
    double price = order.isLimit() ? order.limitPrice().getAsDouble()
        : buy ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    boolean crosses;
    double opposite;
    if (buy) {
      opposite = activity.minRestingSellPrice(account, id);
      crosses = opposite != Double.POSITIVE_INFINITY && opposite <= price;
    } else {
      opposite = activity.maxRestingBuyPrice(account, id);
      crosses = opposite != Double.NEGATIVE_INFINITY && opposite >= price;
    }
    if (crosses) {
      String other = activity.findCrossingOrder(account, id, order.side(), price).orElse("?");
      breach(decision, ReasonCode.WASH_TRADE, order.side() + " order in " + id + " at "
          + (order.isLimit() ? OrderMath.fmt(price) : "market") + " would trade against resting order " + other
          + " of the same account " + account, opposite, price);
    }
  }
}
