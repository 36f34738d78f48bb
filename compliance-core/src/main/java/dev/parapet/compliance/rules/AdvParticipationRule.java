package dev.parapet.compliance.rules;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.compliance.rule.AbstractComplianceRule;
import dev.parapet.compliance.rule.AdvTable;
import dev.parapet.compliance.rule.Enforcement;
import dev.parapet.compliance.rule.Limits;

/**
 * Rule 14, ADV participation: the order quantity may be at most {@code maxPercentOfAdv} percent of the
 * instrument's average daily volume ({@link ReasonCode#ADV_PARTICIPATION}); a large share of ADV is a
 * market-impact and market-abuse concern (FIA guidance on order size relative to liquidity). When the
 * ADV is unknown, {@code missingAdv} decides: {@code REJECT} (the default, fail-closed) or
 * {@code ALLOW}. Immutable.
 */
final class AdvParticipationRule extends AbstractComplianceRule {

  /** What to do when an instrument's ADV is unknown. */
  enum MissingAdv {
    /** Treat as a breach. */
    REJECT,
    /** Let the order pass this rule. */
    ALLOW
  }

  private final double maxPercentOfAdv;
  private final MissingAdv missingAdv;
  private final AdvTable adv;

  AdvParticipationRule(String id, String description, Severity severity, Enforcement enforcement,
      double maxPercentOfAdv, MissingAdv missingAdv, AdvTable adv) {
    super(id, description, severity, enforcement);
    String ctx = "rule " + id;
    this.maxPercentOfAdv = Checks.inRange(Checks.positive(maxPercentOfAdv, "maxPercentOfAdv", ctx), 0, 100,
        "maxPercentOfAdv", ctx);
    this.missingAdv = Checks.notNull(missingAdv, "missingAdv", ctx);
    this.adv = Checks.notNull(adv, "adv");
  }

  @Override
  public void checkOrder(OrderRequest order, PortfolioView portfolio, GateDecision.Builder decision) {
    // hot path: allocation-free (see ComplianceGateBenchmark)
    double volume = adv.adv(order.instrument().id());
    if (Double.isNaN(volume)) {
      if (missingAdv == MissingAdv.REJECT) {
        breach(decision, ReasonCode.ADV_PARTICIPATION, "no average daily volume known for "
            + order.instrument().id(), maxPercentOfAdv, Double.NaN);
      }
      return;
    }
    double percent = order.quantity() / volume * 100.0;
    if (Limits.exceeds(percent, maxPercentOfAdv)) {
      breach(decision, ReasonCode.ADV_PARTICIPATION, "order quantity " + order.quantity() + " is "
          + OrderMath.fmt(percent) + "% of the average daily volume " + OrderMath.fmt(volume)
          + " of " + order.instrument().id() + ", above the limit of " + OrderMath.fmt(maxPercentOfAdv) + "%",
          maxPercentOfAdv, percent);
    }
  }
}
