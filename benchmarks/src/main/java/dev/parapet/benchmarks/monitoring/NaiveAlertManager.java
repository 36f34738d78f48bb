package dev.parapet.benchmarks.monitoring;

import dev.parapet.api.alert.Alert;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The baseline alert ingest a first implementation would write with standard collections: a string identity
 * built from name and labels for deduplication, routes evaluated on every alert, a group key string per route,
 * groups in a {@code HashMap<String, List<Alert>>}.
 */
final class NaiveAlertManager {

  private final Map<String, Alert> byIdentity = new HashMap<>();
  private final Map<String, List<Alert>> groups = new HashMap<>();
  private final List<Predicate<Alert>> routes;
  private final List<String> routeNames;
  private final String[] groupBy;

  NaiveAlertManager(List<Predicate<Alert>> routes, List<String> routeNames, String... groupBy) {
    this.routes = routes;
    this.routeNames = routeNames;
    this.groupBy = groupBy;
  }

  synchronized void publish(Alert alert) {
    String identity = alert.name() + alert.labels();
    Alert previous = byIdentity.put(identity, alert);
    for (int r = 0; r < routes.size(); r++) {
      if (routes.get(r).test(alert)) {
        StringBuilder key = new StringBuilder(routeNames.get(r)).append('{');
        for (String l : groupBy) {
          key.append(l).append('=').append(alert.labels().getOrDefault(l, "")).append(',');
        }
        List<Alert> group = groups.computeIfAbsent(key.append('}').toString(), k -> new ArrayList<>());
        if (previous == null) {
          group.add(alert);
        } else {
          group.set(group.indexOf(previous), alert);
        }
      }
    }
  }

  synchronized int size() {
    return byIdentity.size();
  }
}
