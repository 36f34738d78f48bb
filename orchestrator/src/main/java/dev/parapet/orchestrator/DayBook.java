package dev.parapet.orchestrator;

import dev.parapet.api.execution.ParentOrderView;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.Reason;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.compliance.monitor.SweepReport;
import dev.parapet.compliance.monitor.Violation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What happened during one trading day, gathered for the end-of-day report: decisions by rule, the
 * day's fills and finished parent orders, NAV at the start of the day, and the NAV and ES series.
 * Thread-safe (every method synchronised); cleared at each session start.
 */
final class DayBook {

  private LocalDate date;
  private long approved;
  private long rejected;
  private long warnings;
  private final Map<String, Long> rejectionsByRule = new TreeMap<>();
  private final Map<String, Long> warningsByRule = new TreeMap<>();
  private final List<Fill> fills = new ArrayList<>();
  private final Map<String, OrderRequest> approvedOrders = new LinkedHashMap<>();
  private final Map<String, ParentOrderView> finishedParents = new LinkedHashMap<>();
  private final Map<String, Double> startNav = new HashMap<>();
  private final Map<String, Double> startRealized = new HashMap<>();
  private final Map<String, Map<String, double[]>> startPositionPnl = new HashMap<>();
  private final List<String[]> killSwitchEvents = new ArrayList<>();
  // for the end-of-day report (EodReporter)
  private long approvedWithWarnings;
  private final Set<String> pricedToday = ConcurrentHashMap.newKeySet();
  private final Map<String, Violation> violationsToday = new LinkedHashMap<>();
  /** The strategy that last had an order approved per account and instrument; kept across days. */
  private final Map<String, String> lastStrategy = new HashMap<>();

  synchronized void startDay(LocalDate date, Map<String, Double> navByAccount, Map<String, Double> realizedByAccount,
      Map<String, Map<String, double[]>> pnlByAccountAndInstrument) {
    this.date = date;
    approved = 0;
    rejected = 0;
    warnings = 0;
    rejectionsByRule.clear();
    warningsByRule.clear();
    fills.clear();
    approvedOrders.clear();
    finishedParents.clear();
    killSwitchEvents.clear();
    approvedWithWarnings = 0;
    pricedToday.clear();
    violationsToday.clear();
    startNav.clear();
    startNav.putAll(navByAccount);
    startRealized.clear();
    startRealized.putAll(realizedByAccount);
    startPositionPnl.clear();
    startPositionPnl.putAll(pnlByAccountAndInstrument);
  }

  synchronized void onDecision(OrderRequest order, GateDecision decision) {
    if (decision.approved()) {
      approved++;
      if (!decision.reasons().isEmpty()) { // an approval carries only warnings
        approvedWithWarnings++;
      }
    } else {
      rejected++;
    }
    for (Reason r : decision.reasons()) {
      Map<String, Long> target = r.blocking() ? rejectionsByRule : warningsByRule;
      target.merge(r.source(), 1L, Long::sum);
      if (!r.blocking()) {
        warnings++;
      }
    }
  }

  synchronized void onApproved(OrderRequest order) {
    approvedOrders.put(order.clientOrderId(), order);
    lastStrategy.put(order.account() + '\u0000' + order.instrument().id(), order.strategy());
  }

  /** Notes that a price (quote or bar) of the instrument arrived today; lock-free, no allocation once seen. */
  void onPrice(String instrumentId) {
    pricedToday.add(instrumentId);
  }

  /** Keeps the violations a sweep opened or resolved. */
  synchronized void onSweep(SweepReport report) {
    for (Violation v : report.opened()) {
      violationsToday.put(v.key() + '@' + v.openedAt(), v);
    }
    for (Violation v : report.resolved()) {
      violationsToday.put(v.key() + '@' + v.openedAt(), v);
    }
  }

  synchronized void onFill(Fill fill) {
    fills.add(fill);
  }

  synchronized void onParentDone(ParentOrderView parent) {
    finishedParents.put(parent.clientOrderId(), parent);
  }

  synchronized void onKillSwitch(Instant time, String action, String by, String reason) {
    onKillSwitch(time, action, "unknown", by, reason);
  }

  /** Records a kill-switch change: {time, action, by, reason, trigger}. */
  synchronized void onKillSwitch(Instant time, String action, String trigger, String by, String reason) {
    killSwitchEvents.add(new String[] {time.toString(), action, by, reason, trigger});
  }

  synchronized LocalDate date() {
    return date;
  }

  synchronized long approved() {
    return approved;
  }

  synchronized long rejected() {
    return rejected;
  }

  synchronized long warnings() {
    return warnings;
  }

  /** Approved orders that carried at least one warning. */
  synchronized long approvedWithWarnings() {
    return approvedWithWarnings;
  }

  /** Instruments that had a quote or a bar since the day started. */
  Set<String> pricedToday() {
    return Set.copyOf(pricedToday);
  }

  /** Violations opened or resolved by today's sweeps, latest state, in the order first seen. */
  synchronized List<Violation> violationsToday() {
    return List.copyOf(violationsToday.values());
  }

  /** The strategy of the last approved order of an account in an instrument, if any (kept across days). */
  synchronized String lastStrategy(String account, String instrumentId) {
    return lastStrategy.get(account + '\u0000' + instrumentId);
  }

  synchronized Map<String, Long> rejectionsByRule() {
    return Map.copyOf(rejectionsByRule);
  }

  synchronized Map<String, Long> warningsByRule() {
    return Map.copyOf(warningsByRule);
  }

  synchronized List<Fill> fills() {
    return List.copyOf(fills);
  }

  synchronized Map<String, OrderRequest> approvedOrders() {
    return new LinkedHashMap<>(approvedOrders);
  }

  synchronized List<ParentOrderView> finishedParents() {
    return List.copyOf(finishedParents.values());
  }

  synchronized Map<String, Double> startNav() {
    return Map.copyOf(startNav);
  }

  synchronized Map<String, Double> startRealized() {
    return Map.copyOf(startRealized);
  }

  /** Per account, per instrument: {realized, unrealized} P&amp;L at the start of the day. */
  synchronized Map<String, Map<String, double[]>> startPositionPnl() {
    return Map.copyOf(startPositionPnl);
  }

  synchronized List<String[]> killSwitchEvents() {
    return List.copyOf(killSwitchEvents);
  }
}
