package dev.parapet.monitoring.alert;

import dev.parapet.api.alert.Alert;
import java.util.List;

/** A {@link Route} with inherited settings resolved, as the engine walks it. Immutable after construction. */
final class RouteNode {

  final String id;
  final Matcher[] matchers;
  final RouteCondition condition;
  final int conditionIndex;
  final String receiver;
  final String[] groupBy;
  final boolean groupByAll;
  /** True when the group key can differ between two versions of one fingerprint (grouping by severity). */
  final boolean keyDependsOnSeverity;
  final long groupWaitMillis;
  final long groupIntervalMillis;
  final long repeatIntervalMillis;
  final boolean continueMatching;
  final RouteNode[] children;

  RouteNode(String id, Route route, RouteNode parent, List<RouteNode> conditioned, int childCount) {
    this.id = id;
    this.matchers = route.matchers().toArray(new Matcher[0]);
    this.condition = route.findCondition().orElse(null);
    this.conditionIndex = condition == null ? -1 : conditioned.size();
    this.receiver = route.findReceiver().orElse(parent == null ? null : parent.receiver);
    this.groupBy = route.findGroupBy().map(l -> l.toArray(new String[0]))
        .orElse(parent == null ? new String[0] : parent.groupBy);
    this.groupByAll = route.findGroupBy().isPresent() ? route.isGroupByAll() : parent != null && parent.groupByAll;
    this.groupWaitMillis = route.findGroupWait().map(d -> d.toMillis())
        .orElse(parent == null ? Route.DEFAULT_GROUP_WAIT.toMillis() : parent.groupWaitMillis);
    this.groupIntervalMillis = route.findGroupInterval().map(d -> d.toMillis())
        .orElse(parent == null ? Route.DEFAULT_GROUP_INTERVAL.toMillis() : parent.groupIntervalMillis);
    this.repeatIntervalMillis = route.findRepeatInterval().map(d -> d.toMillis())
        .orElse(parent == null ? Route.DEFAULT_REPEAT_INTERVAL.toMillis() : parent.repeatIntervalMillis);
    this.keyDependsOnSeverity = java.util.Arrays.asList(groupBy).contains(Matcher.SEVERITY);
    this.continueMatching = route.continueMatching();
    this.children = new RouteNode[childCount];
    if (condition != null) {
      conditioned.add(this);
    }
  }

  static RouteNode compile(Route route, String id, RouteNode parent, List<RouteNode> conditioned) {
    RouteNode node = new RouteNode(id, route, parent, conditioned, route.children().size());
    for (int i = 0; i < route.children().size(); i++) {
      node.children[i] = compile(route.children().get(i), id + "." + i, node, conditioned);
    }
    return node;
  }

  boolean matches(Alert alert, boolean[] conditionValues) {
    if (conditionIndex >= 0 && !conditionValues[conditionIndex]) {
      return false;
    }
    for (Matcher m : matchers) {
      if (!m.matches(alert)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "route " + id + " -> " + receiver;
  }
}
