package dev.parapet.orchestrator;

import dev.parapet.api.execution.ParentOrderView;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.Reason;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.OrderRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
  }

  synchronized void onFill(Fill fill) {
    fills.add(fill);
  }

  synchronized void onParentDone(ParentOrderView parent) {
    finishedParents.put(parent.clientOrderId(), parent);
  }

  synchronized void onKillSwitch(Instant time, String action, String by, String reason) {
    killSwitchEvents.add(new String[] {time.toString(), action, by, reason});
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
