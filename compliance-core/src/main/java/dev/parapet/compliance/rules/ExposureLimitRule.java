package dev.parapet.compliance.rules;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.book.ExposureBasis;
import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.book.PositionVisitor;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.compliance.rule.AbstractComplianceRule;
import dev.parapet.compliance.rule.BreachSink;
import dev.parapet.compliance.rule.Enforcement;
import dev.parapet.compliance.rule.Limits;

/**
 * Rule 8, gross and net exposure limits (SEC Rule 15c3-5(c)(1)(i) credit and capital thresholds, with
 * orders counted before they fill): the account's worst-case gross exposure after the order may not
 * exceed {@code maxGross} (an amount) or {@code maxGrossPercentOfNav}, and the magnitude of its
 * worst-case net exposure may not exceed {@code maxNet} or {@code maxNetPercentOfNav}
 * ({@link ReasonCode#GROSS_EXPOSURE}, {@link ReasonCode#NET_EXPOSURE}). At least one limit is set.
 * <p>
 * Worst case means {@link ExposureBasis#WORST_CASE} plus the order: the order's units are added to
 * the pending side. Net exposure with pending orders ranges over {@code [netLow, netHigh]} (all sells
 * fill, all buys fill); a buy of notional {@code n} makes it {@code max(|netHigh + n|, |netLow|)}.
 * Since {@code |W| + n} (W being the worst-case net the view reports) bounds that from above, the rule
 * only scans the book for the exact {@code netHigh} and {@code netLow} when the bound is over a limit.
 * An order that does not increase the measure is never rejected. Post-trade, filled gross and net
 * are checked. Not thread-safe (a reusable scanner): invoked under the rule context lock.
 */
final class ExposureLimitRule extends AbstractComplianceRule {

  private final double maxGross;
  private final double maxNet;
  private final double maxGrossPercentOfNav;
  private final double maxNetPercentOfNav;
  private final NetScanner scanner = new NetScanner();

  /** Creates the rule; NaN marks an unset limit; at least one must be set. */
  ExposureLimitRule(String id, String description, Severity severity, Enforcement enforcement, double maxGross,
      double maxNet, double maxGrossPercentOfNav, double maxNetPercentOfNav) {
    super(id, description, severity, enforcement);
    String ctx = "rule " + id;
    Checks.check(!(Double.isNaN(maxGross) && Double.isNaN(maxNet) && Double.isNaN(maxGrossPercentOfNav)
        && Double.isNaN(maxNetPercentOfNav)), "maxGross", "absent",
        "at least one of maxGross, maxNet, maxGrossPercentOfNav, maxNetPercentOfNav set", ctx);
    this.maxGross = optionalPositive(maxGross, "maxGross", ctx);
    this.maxNet = optionalPositive(maxNet, "maxNet", ctx);
    this.maxGrossPercentOfNav = optionalPositive(maxGrossPercentOfNav, "maxGrossPercentOfNav", ctx);
    this.maxNetPercentOfNav = optionalPositive(maxNetPercentOfNav, "maxNetPercentOfNav", ctx);
  }

  static double optionalPositive(double v, String field, String ctx) {
    return Double.isNaN(v) ? v : Checks.positive(v, field, ctx);
  }

  private boolean hasGross() {
    return !Double.isNaN(maxGross) || !Double.isNaN(maxGrossPercentOfNav);
  }

  private boolean hasNet() {
    return !Double.isNaN(maxNet) || !Double.isNaN(maxNetPercentOfNav);
  }

  @Override
  public void checkOrder(OrderRequest order, PortfolioView portfolio, GateDecision.Builder decision) {
    // hot path: allocation-free (see ComplianceGateBenchmark)
    Instrument instrument = order.instrument();
    double price = OrderMath.valuationPrice(order, portfolio);
    if (Double.isNaN(price)) {
      breach(decision, ReasonCode.NO_REFERENCE_PRICE, "no mark price for " + instrument.id()
          + " to value the exposure", Double.NaN, Double.NaN);
      return;
    }
    String account = order.account();
    double nav = Double.isNaN(maxGrossPercentOfNav) && Double.isNaN(maxNetPercentOfNav) ? Double.NaN
        : portfolio.nav(account);
    if (hasGross()) {
      long units = OrderMath.addedGrossUnits(order, portfolio);
      if (units > 0) {
        double after = portfolio.grossExposure(account, ExposureBasis.WORST_CASE) + instrument.notional(units, price);
        check(decision, ReasonCode.GROSS_EXPOSURE, "gross", after, nav, maxGross, maxGrossPercentOfNav);
      }
    }
    if (hasNet()) {
      double n = instrument.notional(order.quantity(), price);
      double upper = Math.abs(portfolio.netExposure(account, ExposureBasis.WORST_CASE)) + n;
      double limit = Double.POSITIVE_INFINITY;
      if (!Double.isNaN(maxNet)) {
        limit = maxNet;
      }
      if (!Double.isNaN(maxNetPercentOfNav)) {
        limit = Math.min(limit, nav > 0 ? maxNetPercentOfNav / 100.0 * nav : 0);
      }
      if (Limits.exceeds(upper, limit)) {
        scanner.scan(account, portfolio);
        double hi = scanner.netHigh;
        double lo = scanner.netLow;
        double before = Math.max(Math.abs(hi), Math.abs(lo));
        double after = order.side().isBuy() ? Math.max(Math.abs(hi + n), Math.abs(lo))
            : Math.max(Math.abs(hi), Math.abs(lo - n));
        if (Limits.increases(before, after)) {
          check(decision, ReasonCode.NET_EXPOSURE, "net", after, nav, maxNet, maxNetPercentOfNav);
        }
      }
    }
  }

  private void check(GateDecision.Builder decision, ReasonCode code, String what, double after, double nav,
      double maxAmount, double maxPercent) {
    if (!Double.isNaN(maxAmount) && Limits.exceeds(after, maxAmount)) {
      breach(decision, code, "worst-case " + what + " exposure would be " + OrderMath.fmt(after)
          + ", above the limit of " + OrderMath.fmt(maxAmount), maxAmount, after);
    }
    if (!Double.isNaN(maxPercent)) {
      double percent = nav > 0 ? after / nav * 100.0 : Double.POSITIVE_INFINITY;
      if (Limits.exceeds(percent, maxPercent)) {
        breach(decision, code, "worst-case " + what + " exposure would be " + OrderMath.fmt(percent)
            + "% of NAV " + OrderMath.fmt(nav) + ", above the limit of " + OrderMath.fmt(maxPercent) + "%",
            maxPercent, percent);
      }
    }
  }

  @Override
  public void checkBook(String account, PortfolioView portfolio, BreachSink breaches) {
    double nav = portfolio.nav(account);
    double gross = portfolio.grossExposure(account, ExposureBasis.FILLED);
    double net = Math.abs(portfolio.netExposure(account, ExposureBasis.FILLED));
    report(account, breaches, ReasonCode.GROSS_EXPOSURE, "gross", gross, nav, maxGross, maxGrossPercentOfNav);
    report(account, breaches, ReasonCode.NET_EXPOSURE, "net", net, nav, maxNet, maxNetPercentOfNav);
  }

  private void report(String account, BreachSink breaches, ReasonCode code, String what, double value, double nav,
      double maxAmount, double maxPercent) {
    if (!Double.isNaN(maxAmount) && Limits.exceeds(value, maxAmount)) {
      breaches.breach(this, what, code, what + " exposure of account " + account + " is " + OrderMath.fmt(value)
          + ", above the limit of " + OrderMath.fmt(maxAmount), maxAmount, value);
    }
    if (!Double.isNaN(maxPercent) && value > 0) {
      double percent = nav > 0 ? value / nav * 100.0 : Double.POSITIVE_INFINITY;
      if (Limits.exceeds(percent, maxPercent)) {
        breaches.breach(this, what + "-percent", code, what + " exposure of account " + account + " is "
            + OrderMath.fmt(percent) + "% of NAV, above the limit of " + OrderMath.fmt(maxPercent) + "%",
            maxPercent, percent);
      }
    }
  }

  /** Sums the net exposure with all buys filled ({@code netHigh}) and all sells filled ({@code netLow}). */
  private static final class NetScanner implements PositionVisitor {
    double netHigh;
    double netLow;

    void scan(String account, PortfolioView portfolio) {
      netHigh = 0;
      netLow = 0;
      portfolio.forEachPosition(account, this);
    }

    @Override
    public void visit(Instrument instrument, long quantity, long pendingBuy, long pendingSell, double markPrice,
        double averageCost) {
      netHigh += instrument.notional(quantity + pendingBuy, markPrice);
      netLow += instrument.notional(quantity - pendingSell, markPrice);
    }
  }
}
