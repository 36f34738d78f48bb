package dev.parapet.compliance.rules;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.book.ExposureBasis;
import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.compliance.rule.AbstractComplianceRule;
import dev.parapet.compliance.rule.BreachSink;
import dev.parapet.compliance.rule.Enforcement;
import dev.parapet.compliance.rule.Limits;

/**
 * Rule 9, leverage limit: gross leverage, worst-case gross exposure after the order divided by NAV, may
 * not exceed {@code maxLeverage} ({@link ReasonCode#LEVERAGE}); e.g. 2.0 for a 200% gross book (the
 * commitment approach of the UCITS global exposure limit, CESR/10-788 Box 1, caps it at 2.0 including
 * the fund's own assets). An order that does not increase the worst-case gross is never rejected; a NAV
 * at or below zero makes any increase a breach. Post-trade, filled gross leverage is checked.
 * Immutable.
 */
final class LeverageRule extends AbstractComplianceRule {

  private final double maxLeverage;

  LeverageRule(String id, String description, Severity severity, Enforcement enforcement, double maxLeverage) {
    super(id, description, severity, enforcement);
    this.maxLeverage = Checks.positive(maxLeverage, "maxLeverage", "rule " + id);
  }

  @Override
  public void checkOrder(OrderRequest order, PortfolioView portfolio, GateDecision.Builder decision) {
    // hot path: allocation-free (see ComplianceGateBenchmark)
    long units = OrderMath.addedGrossUnits(order, portfolio);
    if (units == 0) {
      return;
    }
    double price = OrderMath.valuationPrice(order, portfolio);
    if (Double.isNaN(price)) {
      breach(decision, ReasonCode.NO_REFERENCE_PRICE, "no mark price for " + order.instrument().id()
          + " to value the exposure", maxLeverage, Double.NaN);
      return;
    }
    String account = order.account();
    double nav = portfolio.nav(account);
    double gross = portfolio.grossExposure(account, ExposureBasis.WORST_CASE) + order.instrument().notional(units, price);
    double leverage = nav > 0 ? gross / nav : Double.POSITIVE_INFINITY;
    if (Limits.exceeds(leverage, maxLeverage)) {
      breach(decision, ReasonCode.LEVERAGE, "worst-case gross leverage would be " + OrderMath.fmt(leverage)
          + " (gross " + OrderMath.fmt(gross) + " / NAV " + OrderMath.fmt(nav) + "), above the limit of "
          + OrderMath.fmt(maxLeverage), maxLeverage, leverage);
    }
  }

  @Override
  public void checkBook(String account, PortfolioView portfolio, BreachSink breaches) {
    double gross = portfolio.grossExposure(account, ExposureBasis.FILLED);
    if (gross == 0) {
      return;
    }
    double nav = portfolio.nav(account);
    double leverage = nav > 0 ? gross / nav : Double.POSITIVE_INFINITY;
    if (Limits.exceeds(leverage, maxLeverage)) {
      breaches.breach(this, "leverage", ReasonCode.LEVERAGE, "gross leverage of account " + account + " is "
          + OrderMath.fmt(leverage) + ", above the limit of " + OrderMath.fmt(maxLeverage), maxLeverage, leverage);
    }
  }
}
