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
 * Rule 4, price collar (RTS 6 Article 15(1)(a) price collars; FIA guidance on price tolerance checks):
 * a limit price further from the reference (mark) price than {@code maxDeviationPercent} percent of
 * the reference, or than {@code maxDeviationTicks} ticks, on either side, is a breach
 * ({@link ReasonCode#PRICE_COLLAR}). Exactly one of the two parameters is set. Market orders have no
 * limit and pass; a limit order without a mark is a {@link ReasonCode#NO_REFERENCE_PRICE} breach.
 * Immutable.
 */
final class PriceCollarRule extends AbstractComplianceRule {

  private final double maxDeviationPercent;
  private final long maxDeviationTicks;

  /**
   * Creates the rule; pass NaN for an unused percent band and 0 for an unused tick band.
   */
  PriceCollarRule(String id, String description, Severity severity, Enforcement enforcement,
      double maxDeviationPercent, long maxDeviationTicks) {
    super(id, description, severity, enforcement);
    String ctx = "rule " + id;
    boolean percent = !Double.isNaN(maxDeviationPercent);
    boolean ticks = maxDeviationTicks != 0;
    Checks.check(percent ^ ticks, "maxDeviationPercent", percent ? maxDeviationPercent : "absent",
        "set exactly when maxDeviationTicks is not", ctx);
    if (percent) {
      Checks.positive(maxDeviationPercent, "maxDeviationPercent", ctx);
    } else {
      Checks.positive(maxDeviationTicks, "maxDeviationTicks", ctx);
    }
    this.maxDeviationPercent = maxDeviationPercent;
    this.maxDeviationTicks = maxDeviationTicks;
  }

  @Override
  public void checkOrder(OrderRequest order, PortfolioView portfolio, GateDecision.Builder decision) {
    // hot path: allocation-free (see ComplianceGateBenchmark)
    if (!order.isLimit()) {
      return;
    }
    double limit = order.limitPrice().getAsDouble();
    double reference = portfolio.markPrice(order.instrument().id());
    if (Double.isNaN(reference)) {
      breach(decision, ReasonCode.NO_REFERENCE_PRICE, "limit order in " + order.instrument().id()
          + " has no reference price for the price collar", Double.NaN, limit);
      return;
    }
    double deviation = Math.abs(limit - reference);
    if (maxDeviationTicks == 0) {
      double percent = deviation / reference * 100.0;
      if (Limits.exceeds(percent, maxDeviationPercent)) {
        breach(decision, ReasonCode.PRICE_COLLAR, "limit price " + OrderMath.fmt(limit) + " is "
            + OrderMath.fmt(percent) + "% from the reference " + OrderMath.fmt(reference) + ", beyond the collar of "
            + OrderMath.fmt(maxDeviationPercent) + "%", maxDeviationPercent, percent);
      }
    } else {
      double ticks = deviation / order.instrument().tickSize();
      if (Limits.exceeds(ticks, maxDeviationTicks)) {
        breach(decision, ReasonCode.PRICE_COLLAR, "limit price " + OrderMath.fmt(limit) + " is "
            + OrderMath.fmt(ticks) + " ticks from the reference " + OrderMath.fmt(reference)
            + ", beyond the collar of " + maxDeviationTicks + " ticks", maxDeviationTicks, ticks);
      }
    }
  }
}
