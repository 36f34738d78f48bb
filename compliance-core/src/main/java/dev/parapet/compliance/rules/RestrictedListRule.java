package dev.parapet.compliance.rules;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.compliance.rule.AbstractComplianceRule;
import dev.parapet.compliance.rule.BreachSink;
import dev.parapet.compliance.rule.Enforcement;
import java.util.Set;

/**
 * Rule 1, restricted list and watch list: an order in a restricted instrument, or in any instrument of
 * a restricted issuer, is a breach ({@link ReasonCode#RESTRICTED_INSTRUMENT}); one on the watch list
 * is always only a warning ({@link ReasonCode#WATCH_LIST}), whatever the rule's enforcement. Post-trade,
 * holding a restricted instrument is a breach (the list may change after the position was taken).
 * Immutable.
 */
final class RestrictedListRule extends AbstractComplianceRule {

  private final Set<String> restrictedInstruments;
  private final Set<String> restrictedIssuers;
  private final Set<String> watchInstruments;
  private final Set<String> watchIssuers;

  RestrictedListRule(String id, String description, Severity severity, Enforcement enforcement,
      Set<String> restrictedInstruments, Set<String> restrictedIssuers, Set<String> watchInstruments,
      Set<String> watchIssuers) {
    super(id, description, severity, enforcement);
    this.restrictedInstruments = copy(restrictedInstruments, "restrictedInstruments");
    this.restrictedIssuers = copy(restrictedIssuers, "restrictedIssuers");
    this.watchInstruments = copy(watchInstruments, "watchInstruments");
    this.watchIssuers = copy(watchIssuers, "watchIssuers");
    Checks.check(!(this.restrictedInstruments.isEmpty() && this.restrictedIssuers.isEmpty()
            && this.watchInstruments.isEmpty() && this.watchIssuers.isEmpty()), "restrictedInstruments", "[]",
        "at least one non-empty list among restrictedInstruments, restrictedIssuers, watchInstruments, watchIssuers",
        "rule " + id);
  }

  private static Set<String> copy(Set<String> names, String field) {
    Checks.notNull(names, field);
    for (String n : names) {
      Checks.notBlank(n, field + " element");
    }
    return Set.copyOf(names);
  }

  @Override
  public void checkOrder(OrderRequest order, PortfolioView portfolio, GateDecision.Builder decision) {
    // hot path: allocation-free (see ComplianceGateBenchmark)
    Instrument instrument = order.instrument();
    if (restrictedInstruments.contains(instrument.id())) {
      breach(decision, ReasonCode.RESTRICTED_INSTRUMENT,
          "instrument " + instrument.id() + " is on the restricted list", Double.NaN, Double.NaN);
    } else if (restrictedIssuers.contains(instrument.issuer())) {
      breach(decision, ReasonCode.RESTRICTED_INSTRUMENT, "issuer '" + instrument.issuer() + "' of instrument "
          + instrument.id() + " is on the restricted list", Double.NaN, Double.NaN);
    }
    if (watchInstruments.contains(instrument.id()) || watchIssuers.contains(instrument.issuer())) {
      decision.warn(ReasonCode.WATCH_LIST, source(), "instrument " + instrument.id() + " (issuer '"
          + instrument.issuer() + "') is on the watch list", Double.NaN, Double.NaN);
    }
  }

  @Override
  public void checkBook(String account, PortfolioView portfolio, BreachSink breaches) {
    portfolio.forEachPosition(account, (instrument, quantity, pendingBuy, pendingSell, mark, cost) -> {
      if (quantity != 0 && (restrictedInstruments.contains(instrument.id())
          || restrictedIssuers.contains(instrument.issuer()))) {
        breaches.breach(this, instrument.id(), ReasonCode.RESTRICTED_INSTRUMENT, "account " + account + " holds "
            + quantity + " of restricted instrument " + instrument.id(), Double.NaN, quantity);
      }
    });
  }
}
