package dev.parapet.compliance.rules;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Side;
import dev.parapet.compliance.rule.AbstractComplianceRule;
import dev.parapet.compliance.rule.Enforcement;
import dev.parapet.compliance.rule.LocateInventory;

/**
 * Rule 10, short sales need a locate (SEC Reg SHO Rule 203(b)(1)): a {@link Side#SELL_SHORT} order for
 * more than the account's available located quantity is a breach ({@link ReasonCode#NO_LOCATE}).
 * Accepted short sales consume their quantity from the {@link LocateInventory}; the unfilled part comes
 * back when the order is done.
 * <p>
 * With {@code checkLongSales} (the default), a {@link Side#SELL} for more than the long position not
 * already committed to pending sells ({@code q - pendingSell}) is also a breach: under Reg SHO Rule
 * 200(g) an order that is not long must be marked short (and then needs a locate). Immutable.
 */
final class ShortSaleLocateRule extends AbstractComplianceRule {

  private final LocateInventory locates;
  private final boolean checkLongSales;

  ShortSaleLocateRule(String id, String description, Severity severity, Enforcement enforcement,
      LocateInventory locates, boolean checkLongSales) {
    super(id, description, severity, enforcement);
    this.locates = Checks.notNull(locates, "locates");
    this.checkLongSales = checkLongSales;
  }

  @Override
  public void checkOrder(OrderRequest order, PortfolioView portfolio, GateDecision.Builder decision) {
    // hot path: allocation-free (see ComplianceGateBenchmark)
    String account = order.account();
    String id = order.instrument().id();
    if (order.side() == Side.SELL_SHORT) {
      long available = locates.available(account, id);
      if (order.quantity() > available) {
        breach(decision, ReasonCode.NO_LOCATE, "short sale of " + order.quantity() + " " + id
            + " exceeds the located quantity available, " + available + " (Reg SHO Rule 203(b)(1))",
            available, order.quantity());
      }
    } else if (checkLongSales && order.side() == Side.SELL) {
      long longAvailable = Math.max(0, portfolio.quantity(account, id) - portfolio.pendingSellQuantity(account, id));
      if (order.quantity() > longAvailable) {
        breach(decision, ReasonCode.NO_LOCATE, "sale of " + order.quantity() + " " + id
            + " exceeds the long position available, " + longAvailable
            + "; the excess is a short sale and must be marked SELL_SHORT (Reg SHO Rule 200(g))",
            longAvailable, order.quantity());
      }
    }
  }
}
