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
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rule 6, issuer concentration: the worst-case gross exposure to one issuer after the order may not
 * exceed {@code maxPercentOfNav} percent of the account's NAV ({@link ReasonCode#ISSUER_CONCENTRATION}).
 * <p>
 * With {@code aggregateThresholdPercent} and {@code aggregateMaxPercent} it also enforces the UCITS
 * 5/10/40 rule (Directive 2009/65/EC, Article 52(1) and 52(2)): the exposures to the issuers each above
 * the threshold (5% of NAV) may together not exceed the aggregate maximum (40%), while each issuer stays
 * under {@code maxPercentOfNav} (10%). The aggregate needs every issuer's exposure; it is computed by
 * a pass over the book, cached per account, and refreshed whenever the book's positions version
 * changes (a fill or reservation) or {@code aggregateRefreshMillis} have passed (marks moved). Between
 * refreshes the order's own issuer is always valued fresh; the post-trade sweep checks the exact
 * figures.
 * <p>
 * An order that does not increase the issuer's worst-case exposure is never rejected. The NAV is the
 * book's (cash plus filled positions at the marks); a NAV at or below zero makes any increase a breach.
 * Post-trade, filled exposures per issuer and the aggregate are checked. Not thread-safe (the aggregate
 * cache): invoked under the rule context lock.
 */
final class IssuerConcentrationRule extends AbstractComplianceRule {

  private final double maxPercentOfNav;
  private final double aggregateThresholdPercent;
  private final double aggregateMaxPercent;
  private final long aggregateRefreshMillis;
  private final InstantSource clock;
  private final HashMap<String, AggregateCache> caches = new HashMap<>();
  private final Refresher refresher = new Refresher();

  /** Creates the rule; pass NaN for both aggregate parameters to disable the aggregate test. */
  IssuerConcentrationRule(String id, String description, Severity severity, Enforcement enforcement,
      double maxPercentOfNav, double aggregateThresholdPercent, double aggregateMaxPercent,
      long aggregateRefreshMillis, InstantSource clock) {
    super(id, description, severity, enforcement);
    String ctx = "rule " + id;
    this.maxPercentOfNav = Checks.inRange(Checks.positive(maxPercentOfNav, "maxPercentOfNav", ctx), 0, 100,
        "maxPercentOfNav", ctx);
    Checks.check(Double.isNaN(aggregateThresholdPercent) == Double.isNaN(aggregateMaxPercent),
        "aggregateMaxPercent", Double.isNaN(aggregateMaxPercent) ? "absent" : aggregateMaxPercent,
        "set together with aggregateThresholdPercent", ctx);
    if (!Double.isNaN(aggregateThresholdPercent)) {
      Checks.inRange(Checks.positive(aggregateThresholdPercent, "aggregateThresholdPercent", ctx), 0,
          maxPercentOfNav, "aggregateThresholdPercent", ctx);
      Checks.inRange(Checks.positive(aggregateMaxPercent, "aggregateMaxPercent", ctx), maxPercentOfNav, 100,
          "aggregateMaxPercent", ctx);
    }
    this.aggregateThresholdPercent = aggregateThresholdPercent;
    this.aggregateMaxPercent = aggregateMaxPercent;
    this.aggregateRefreshMillis = Checks.positive(aggregateRefreshMillis, "aggregateRefreshMillis", ctx);
    this.clock = Checks.notNull(clock, "clock");
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
          + " to value the issuer exposure", maxPercentOfNav, Double.NaN);
      return;
    }
    String account = order.account();
    double nav = portfolio.nav(account);
    if (!(nav > 0)) {
      breach(decision, ReasonCode.ISSUER_CONCENTRATION, "NAV of account " + account + " is " + OrderMath.fmt(nav)
          + ", not positive: no issuer exposure may be added", maxPercentOfNav, Double.POSITIVE_INFINITY);
      return;
    }
    double before = portfolio.issuerExposure(account, instrument.issuer(), ExposureBasis.WORST_CASE);
    double after = before + instrument.notional(units, price);
    double percent = after / nav * 100.0;
    if (Limits.exceeds(percent, maxPercentOfNav)) {
      breach(decision, ReasonCode.ISSUER_CONCENTRATION, "exposure to issuer '" + instrument.issuer()
          + "' would be " + OrderMath.fmt(percent) + "% of NAV, above the limit of "
          + OrderMath.fmt(maxPercentOfNav) + "%", maxPercentOfNav, percent);
    }
    if (!Double.isNaN(aggregateMaxPercent)) {
      checkAggregate(account, instrument.issuer(), portfolio, nav, before, after, decision);
    }
  }

  private void checkAggregate(String account, String issuer, PortfolioView portfolio, double nav, double before,
      double after, GateDecision.Builder decision) {
    AggregateCache cache = caches.get(account);
    if (cache == null) {
      cache = new AggregateCache();
      caches.put(account, cache);
    }
    long now = clock.millis();
    long version = portfolio.positionsVersion();
    if (cache.version != version || now - cache.computedAt >= aggregateRefreshMillis || now < cache.computedAt) {
      refresher.refresh(account, portfolio, cache, aggregateThresholdPercent);
      cache.version = version;
      cache.computedAt = now;
    }
    double[] slot = cache.byIssuer.get(issuer);
    double cached = slot != null && slot[1] == cache.generation ? slot[0] : 0;
    double counted = Limits.exceeds(cached, aggregateThresholdPercent / 100.0 * cache.nav) ? cached : 0;
    double others = cache.aggregate - counted;
    double threshold = aggregateThresholdPercent / 100.0 * nav;
    double aggregateBefore = others + (Limits.exceeds(before, threshold) ? before : 0);
    double aggregateAfter = others + (Limits.exceeds(after, threshold) ? after : 0);
    double percent = aggregateAfter / nav * 100.0;
    if (Limits.exceeds(percent, aggregateMaxPercent) && Limits.increases(aggregateBefore, aggregateAfter)) {
      breach(decision, ReasonCode.ISSUER_CONCENTRATION, "issuers each above " + OrderMath.fmt(aggregateThresholdPercent)
          + "% of NAV would together be " + OrderMath.fmt(percent) + "% of NAV, above the limit of "
          + OrderMath.fmt(aggregateMaxPercent) + "% (UCITS Article 52(2))", aggregateMaxPercent, percent);
    }
  }

  @Override
  public void checkBook(String account, PortfolioView portfolio, BreachSink breaches) {
    double nav = portfolio.nav(account);
    Map<String, double[]> byIssuer = new TreeMap<>();
    portfolio.forEachPosition(account, (instrument, quantity, pendingBuy, pendingSell, mark, cost) ->
        byIssuer.computeIfAbsent(instrument.issuer(), k -> new double[1])[0] +=
            instrument.notional(Math.abs(quantity), mark));
    double aggregate = 0;
    for (Map.Entry<String, double[]> e : byIssuer.entrySet()) {
      double exposure = e.getValue()[0];
      if (exposure == 0) {
        continue;
      }
      double percent = nav > 0 ? exposure / nav * 100.0 : Double.POSITIVE_INFINITY;
      if (Limits.exceeds(percent, maxPercentOfNav)) {
        breaches.breach(this, "issuer:" + e.getKey(), ReasonCode.ISSUER_CONCENTRATION, "exposure to issuer '"
            + e.getKey() + "' is " + OrderMath.fmt(percent) + "% of NAV, above the limit of "
            + OrderMath.fmt(maxPercentOfNav) + "%", maxPercentOfNav, percent);
      }
      if (!Double.isNaN(aggregateThresholdPercent) && Limits.exceeds(percent, aggregateThresholdPercent)) {
        aggregate += exposure;
      }
    }
    if (!Double.isNaN(aggregateMaxPercent) && aggregate > 0) {
      double percent = nav > 0 ? aggregate / nav * 100.0 : Double.POSITIVE_INFINITY;
      if (Limits.exceeds(percent, aggregateMaxPercent)) {
        breaches.breach(this, "issuer-aggregate", ReasonCode.ISSUER_CONCENTRATION, "issuers each above "
            + OrderMath.fmt(aggregateThresholdPercent) + "% of NAV together are " + OrderMath.fmt(percent)
            + "% of NAV, above the limit of " + OrderMath.fmt(aggregateMaxPercent) + "% (UCITS Article 52(2))",
            aggregateMaxPercent, percent);
      }
    }
  }

  /** One account's cached issuer exposures (worst case) and the aggregate of those above the threshold. */
  private static final class AggregateCache {
    long version = Long.MIN_VALUE;
    long computedAt;
    long generation;
    double nav;
    double aggregate;
    // issuer -> {exposure, generation in which it was seen}
    final HashMap<String, double[]> byIssuer = new HashMap<>();
  }

  /** A reusable visitor that rebuilds an account's cache in one pass; allocates only for new issuers. */
  private static final class Refresher implements PositionVisitor {
    private String account;
    private PortfolioView portfolio;
    private AggregateCache cache;
    private double threshold;

    void refresh(String account, PortfolioView portfolio, AggregateCache cache, double thresholdPercent) {
      this.account = account;
      this.portfolio = portfolio;
      this.cache = cache;
      cache.generation++;
      cache.nav = portfolio.nav(account);
      cache.aggregate = 0;
      this.threshold = thresholdPercent / 100.0 * cache.nav;
      portfolio.forEachPosition(account, this);
      this.portfolio = null;
      this.cache = null;
    }

    @Override
    public void visit(Instrument instrument, long quantity, long pendingBuy, long pendingSell, double markPrice,
        double averageCost) {
      double[] slot = cache.byIssuer.get(instrument.issuer());
      if (slot == null) {
        slot = new double[2];
        slot[1] = -1;
        cache.byIssuer.put(instrument.issuer(), slot);
      }
      if (slot[1] == cache.generation) {
        return;
      }
      double exposure = portfolio.issuerExposure(account, instrument.issuer(), ExposureBasis.WORST_CASE);
      slot[0] = exposure;
      slot[1] = cache.generation;
      if (Limits.exceeds(exposure, threshold)) {
        cache.aggregate += exposure;
      }
    }
  }
}
