package dev.parapet.compliance.rules;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.book.ExposureBasis;
import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.compliance.rule.AbstractComplianceRule;
import dev.parapet.compliance.rule.BreachSink;
import dev.parapet.compliance.rule.Enforcement;
import dev.parapet.compliance.rule.Limits;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rule 7, sector (industry) concentration, in the spirit of the 1940 Act's 25% industry concentration
 * policy (Section 8(b)(1)(E) and Form N-1A Item 16): the worst-case gross exposure to the order's
 * sector after the order may not exceed {@code maxPercentOfNav} percent of NAV
 * ({@link ReasonCode#SECTOR_CONCENTRATION}). An order that does not increase the sector's worst case
 * is never rejected; a NAV at or below zero makes any increase a breach. Post-trade, filled exposure
 * per sector is checked. Immutable.
 */
final class SectorConcentrationRule extends AbstractComplianceRule {

  private final double maxPercentOfNav;

  SectorConcentrationRule(String id, String description, Severity severity, Enforcement enforcement,
      double maxPercentOfNav) {
    super(id, description, severity, enforcement);
    String ctx = "rule " + id;
    this.maxPercentOfNav = Checks.inRange(Checks.positive(maxPercentOfNav, "maxPercentOfNav", ctx), 0, 100,
        "maxPercentOfNav", ctx);
  }

  @Override
  public void checkOrder(OrderRequest order, PortfolioView portfolio, GateDecision.Builder decision) {
    // hot path: allocation-free (see ComplianceGateBenchmark)
    long units = OrderMath.addedGrossUnits(order, portfolio);
    if (units == 0) {
      return;
    }
    Instrument instrument = order.instrument();
    double price = OrderMath.valuationPrice(order, portfolio);
    if (Double.isNaN(price)) {
      breach(decision, ReasonCode.NO_REFERENCE_PRICE, "no mark price for " + instrument.id()
          + " to value the sector exposure", maxPercentOfNav, Double.NaN);
      return;
    }
    double nav = portfolio.nav(order.account());
    if (!(nav > 0)) {
      breach(decision, ReasonCode.SECTOR_CONCENTRATION, "NAV of account " + order.account() + " is "
          + OrderMath.fmt(nav) + ", not positive: no sector exposure may be added", maxPercentOfNav,
          Double.POSITIVE_INFINITY);
      return;
    }
    double after = portfolio.sectorExposure(order.account(), instrument.sector(), ExposureBasis.WORST_CASE)
        + instrument.notional(units, price);
    double percent = after / nav * 100.0;
    if (Limits.exceeds(percent, maxPercentOfNav)) {
      breach(decision, ReasonCode.SECTOR_CONCENTRATION, "exposure to sector '" + instrument.sector()
          + "' would be " + OrderMath.fmt(percent) + "% of NAV, above the limit of "
          + OrderMath.fmt(maxPercentOfNav) + "%", maxPercentOfNav, percent);
    }
  }

  @Override
  public void checkBook(String account, PortfolioView portfolio, BreachSink breaches) {
    double nav = portfolio.nav(account);
    Map<String, double[]> bySector = new TreeMap<>();
    portfolio.forEachPosition(account, (instrument, quantity, pendingBuy, pendingSell, mark, cost) ->
        bySector.computeIfAbsent(instrument.sector(), k -> new double[1])[0] +=
            instrument.notional(Math.abs(quantity), mark));
    for (Map.Entry<String, double[]> e : bySector.entrySet()) {
      double exposure = e.getValue()[0];
      if (exposure == 0) {
        continue;
      }
      double percent = nav > 0 ? exposure / nav * 100.0 : Double.POSITIVE_INFINITY;
      if (Limits.exceeds(percent, maxPercentOfNav)) {
        breaches.breach(this, "sector:" + e.getKey(), ReasonCode.SECTOR_CONCENTRATION, "exposure to sector '"
            + e.getKey() + "' is " + OrderMath.fmt(percent) + "% of NAV, above the limit of "
            + OrderMath.fmt(maxPercentOfNav) + "%", maxPercentOfNav, percent);
      }
    }
  }
}
