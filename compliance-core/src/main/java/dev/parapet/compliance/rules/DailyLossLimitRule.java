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
import dev.parapet.compliance.rule.StartOfDayNav;

/**
 * Rule 17, daily loss limit (FIA guidance on kill switches; SEC Rule 15c3-5(c)(1)(i) capital
 * thresholds): the day's loss, start-of-day NAV minus current NAV (positive is a loss; NAV includes
 * unrealized P&amp;L at the marks), may not exceed {@code maxLoss} (an amount) nor
 * {@code maxLossPercentOfStartNav} percent of the start-of-day NAV ({@link ReasonCode#DAILY_LOSS_LIMIT}).
 * A loss exactly at the limit passes. At least one limit is set.
 * <p>
 * A hard breach trips the kill switch: the {@code ComplianceGate} (pre-trade) and the
 * {@code ComplianceSweep} (post-trade) engage it when this rule reports a breach with figures. Without a
 * start-of-day NAV ({@link dev.parapet.compliance.rule.RuleContext#onSessionStart} not called) the loss
 * cannot be known: pre-trade that is a breach without figures (fail-closed, but it does not trip the
 * kill switch); post-trade it is skipped. Immutable.
 */
final class DailyLossLimitRule extends AbstractComplianceRule {

  private final double maxLoss;
  private final double maxLossPercentOfStartNav;
  private final StartOfDayNav startOfDay;

  /** Creates the rule; NaN marks an unset limit, at least one must be set. */
  DailyLossLimitRule(String id, String description, Severity severity, Enforcement enforcement, double maxLoss,
      double maxLossPercentOfStartNav, StartOfDayNav startOfDay) {
    super(id, description, severity, enforcement);
    String ctx = "rule " + id;
    Checks.check(!Double.isNaN(maxLoss) || !Double.isNaN(maxLossPercentOfStartNav), "maxLoss", "absent",
        "set, or maxLossPercentOfStartNav set", ctx);
    this.maxLoss = ExposureLimitRule.optionalPositive(maxLoss, "maxLoss", ctx);
    this.maxLossPercentOfStartNav = Double.isNaN(maxLossPercentOfStartNav) ? Double.NaN
        : Checks.inRange(Checks.positive(maxLossPercentOfStartNav, "maxLossPercentOfStartNav", ctx), 0, 100,
            "maxLossPercentOfStartNav", ctx);
    this.startOfDay = Checks.notNull(startOfDay, "startOfDay");
  }

  @Override
  public void checkOrder(OrderRequest order, PortfolioView portfolio, GateDecision.Builder decision) {
    // hot path: allocation-free (see ComplianceGateBenchmark)
    String account = order.account();
    double start = startOfDay.nav(account);
    if (Double.isNaN(start)) {
      breach(decision, ReasonCode.DAILY_LOSS_LIMIT, "no start-of-day NAV recorded for account " + account
          + ": the daily loss cannot be checked (call onSessionStart)", Double.NaN, Double.NaN);
      return;
    }
    double loss = start - portfolio.nav(account);
    if (!Double.isNaN(maxLoss) && Limits.exceeds(loss, maxLoss)) {
      breach(decision, ReasonCode.DAILY_LOSS_LIMIT, "daily loss of account " + account + " is "
          + OrderMath.fmt(loss) + ", above the limit of " + OrderMath.fmt(maxLoss), maxLoss, loss);
    }
    if (!Double.isNaN(maxLossPercentOfStartNav)) {
      double percent = start > 0 ? loss / start * 100.0 : loss > 0 ? Double.POSITIVE_INFINITY : 0;
      if (Limits.exceeds(percent, maxLossPercentOfStartNav)) {
        breach(decision, ReasonCode.DAILY_LOSS_LIMIT, "daily loss of account " + account + " is "
            + OrderMath.fmt(percent) + "% of the start-of-day NAV " + OrderMath.fmt(start) + ", above the limit of "
            + OrderMath.fmt(maxLossPercentOfStartNav) + "%", maxLossPercentOfStartNav, percent);
      }
    }
  }

  @Override
  public void checkBook(String account, PortfolioView portfolio, BreachSink breaches) {
    double start = startOfDay.nav(account);
    if (Double.isNaN(start)) {
      return;
    }
    double loss = start - portfolio.nav(account);
    if (!Double.isNaN(maxLoss) && Limits.exceeds(loss, maxLoss)) {
      breaches.breach(this, "daily-loss", ReasonCode.DAILY_LOSS_LIMIT, "daily loss of account " + account + " is "
          + OrderMath.fmt(loss) + ", above the limit of " + OrderMath.fmt(maxLoss), maxLoss, loss);
    } else if (!Double.isNaN(maxLossPercentOfStartNav)) {
      double percent = start > 0 ? loss / start * 100.0 : loss > 0 ? Double.POSITIVE_INFINITY : 0;
      if (Limits.exceeds(percent, maxLossPercentOfStartNav)) {
        breaches.breach(this, "daily-loss", ReasonCode.DAILY_LOSS_LIMIT, "daily loss of account " + account + " is "
            + OrderMath.fmt(percent) + "% of the start-of-day NAV, above the limit of "
            + OrderMath.fmt(maxLossPercentOfStartNav) + "%", maxLossPercentOfStartNav, percent);
      }
    }
  }
}
