package dev.parapet.monitoring.alert;

import dev.parapet.api.Checks;
import dev.parapet.api.InvalidValueException;
import dev.parapet.api.alert.Alert;
import dev.parapet.api.alert.AlertSink;
import dev.parapet.api.alert.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert system: the {@link AlertSink} every capability publishes to, turning alerts into notifications
 * the way Prometheus Alertmanager does (https://prometheus.io/docs/alerting/latest/alertmanager/).
 * <ul>
 *   <li><b>Deduplication.</b> Alerts are identified by {@link Alert#fingerprint()}; publishing a firing
 *       fingerprint again updates the stored alert (annotations, severity) without a new notification.
 *       Publishing it with an end time resolves it.</li>
 *   <li><b>Routing.</b> Each alert walks the {@link Route} tree (with {@code continue}); context conditions
 *       ({@link RouteCondition}, e.g. outside market hours) are sampled on each {@link #tick()}.</li>
 *   <li><b>Grouping.</b> Per route, alerts with equal {@code groupBy} values form a group with
 *       {@code group_wait}, {@code group_interval} and {@code repeat_interval} timing; one notification per
 *       group carries its firing and newly resolved alerts.</li>
 *   <li><b>Inhibition</b> ({@link InhibitRule}) and <b>silences</b> ({@link #createSilence}) mute alerts at
 *       notification time.</li>
 *   <li><b>Escalation.</b> A CRITICAL alert not acknowledged ({@link #acknowledge}) within the configured
 *       time after it was first received is sent once to the escalation receiver.</li>
 *   <li><b>Storm protection.</b> A per-receiver rate limit (N notifications per window) holds back the
 *       overflow and sends one {@link Notification.Kind#STORM_SUMMARY} per window instead.</li>
 * </ul>
 * <b>Time.</b> All timing comes from the {@link InstantSource} given to the builder. Nothing runs by itself:
 * the host (the orchestrator) calls {@link #tick()} regularly, e.g. every second; group timers, escalation,
 * resolve timeouts and storm windows are evaluated then, so they are honoured to the tick's granularity. This
 * keeps the system deterministic under a simulated clock.
 * <p>
 * <b>Threading.</b> Thread-safe. {@link #publish} takes a short lock, does no I/O and never blocks on
 * receivers; in steady state (a known fingerprint re-firing) it allocates nothing. {@link #tick()} computes
 * notifications under the lock, then delivers them outside it, in order, on the calling thread; concurrent
 * ticks are serialised. Receivers doing I/O use their own executors (see the {@code receiver} package).
 */
public final class AlertSystem implements AlertSink, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AlertSystem.class);
  private static final int SUMMARY_SAMPLE = 50;
  private static final Membership[] NO_MEMBERSHIPS = new Membership[0];

  private final InstantSource clock;
  private final Map<String, AlertReceiver> receivers;
  private final RouteNode root;
  private final RouteNode[] conditioned;
  private final boolean[] conditionValues;
  private final List<InhibitRule> inhibitRules;
  private final long escalateAfterMillis;
  private final String escalationReceiver;
  private final long resolveTimeoutMillis;
  private final Map<String, RateLimit> rateLimits;

  private final Object stateLock = new Object();
  private final Object deliveryLock = new Object();
  private final LongObjectMap<AlertEntry> entries;
  private final HashMap<String, AlertGroup> groups = new HashMap<>();
  private final ArrayList<AlertGroup> groupList = new ArrayList<>();
  private final ArrayList<Silence> silences = new ArrayList<>();
  private final RouteNode[] routeScratch = new RouteNode[64];
  private long routeEpoch;
  private Inhibitions tickInhibitions;
  private long silenceSequence;
  private long firing;

  private long received;
  private long deduplicated;
  private long resolvedCount;
  private long notifications;
  private long suppressed;
  private long folded;
  private long escalations;
  private final AtomicLong deliveryErrors = new AtomicLong();

  private AlertSystem(Builder b) {
    this.clock = b.clock;
    this.receivers = Collections.unmodifiableMap(new LinkedHashMap<>(b.receivers));
    Checks.check(b.route != null, "route", null, "a root route (Builder.route)");
    Checks.check(b.route.matchers().isEmpty() && b.route.findCondition().isEmpty(), "root route", b.route,
        "without matchers or condition (the root takes every alert)");
    Checks.check(b.route.findReceiver().isPresent(), "root route receiver", b.route, "set");
    List<RouteNode> cond = new ArrayList<>();
    this.root = RouteNode.compile(b.route, "0", null, cond);
    this.conditioned = cond.toArray(new RouteNode[0]);
    this.conditionValues = new boolean[conditioned.length];
    checkReceivers(root);
    this.inhibitRules = List.copyOf(b.inhibitRules);
    this.escalateAfterMillis = b.escalateAfter == null ? -1 : b.escalateAfter.toMillis();
    this.escalationReceiver = b.escalationReceiver;
    if (escalationReceiver != null) {
      requireReceiver(escalationReceiver, "escalation receiver");
    }
    this.resolveTimeoutMillis = b.resolveTimeout == null ? -1 : b.resolveTimeout.toMillis();
    Map<String, RateLimit> limits = new HashMap<>();
    for (Map.Entry<String, long[]> e : b.rateLimits.entrySet()) {
      requireReceiver(e.getKey(), "rate-limited receiver");
      limits.put(e.getKey(), new RateLimit((int) e.getValue()[0], e.getValue()[1]));
    }
    this.rateLimits = Collections.unmodifiableMap(limits);
    this.entries = new LongObjectMap<>(b.expectedAlerts);
    sampleConditions(clock.instant());
  }

  /** Returns a builder of an alert system driven by a time source. */
  public static Builder builder(InstantSource clock) {
    return new Builder(clock);
  }

  private void checkReceivers(RouteNode node) {
    requireReceiver(node.receiver, "receiver of " + node);
    for (RouteNode c : node.children) {
      checkReceivers(c);
    }
  }

  private void requireReceiver(String name, String what) {
    Checks.check(name != null && receivers.containsKey(name), what, name,
        "a registered receiver, one of " + receivers.keySet());
  }

  // ----------------------------------------------------------------------------------------------
  // ingest

  /**
   * Publishes a firing or resolved alert. Never blocks on I/O and never throws for a non-null alert.
   */
  // hot path: allocation-free for a known firing fingerprint (see AlertIngestBenchmark)
  @Override
  public void publish(Alert alert) {
    Checks.notNull(alert, "alert");
    long now = clock.millis();
    synchronized (stateLock) {
      received++;
      long fp = alert.fingerprint();
      AlertEntry e = entries.get(fp);
      if (alert.isResolved()) {
        if (e != null && e.resolvedMillis < 0) {
          e.alert = alert;
          e.updatedMillis = now;
          e.resolvedMillis = now;
          firing--;
          resolvedCount++;
        }
        return;
      }
      if (e == null) {
        e = new AlertEntry(fp, alert, now);
        entries.put(fp, e);
        firing++;
        route(e, now);
        return;
      }
      if (e.resolvedMillis >= 0) {
        // re-fired before its resolution was notified: it keeps firing, same episode
        e.resolvedMillis = -1;
        firing++;
      } else {
        deduplicated++;
      }
      e.alert = alert;
      e.updatedMillis = now;
      if (e.routeEpoch != routeEpoch || e.routedSeverity != alert.severity()) {
        route(e, now);
      }
    }
  }

  /** Routes an entry: joins the groups of the routes it matches now and leaves those it no longer matches. */
  private void route(AlertEntry e, long nowMillis) {
    int n = collectRoutes(root, e.alert, 0);
    Membership[] current = e.memberships;
    for (int i = 0; i < e.membershipCount; i++) {
      Membership m = current[i];
      boolean keep = false;
      for (int j = 0; j < n; j++) {
        // labels are fixed per fingerprint, so the group key only changes when it includes the severity
        if (routeScratch[j] == m.group.route
            && (!m.group.route.keyDependsOnSeverity || m.group.key.equals(groupKey(routeScratch[j], e.alert)))) {
          keep = true;
          break;
        }
      }
      if (!keep) {
        leave(m);
        i--;
      }
    }
    for (int j = 0; j < n; j++) {
      RouteNode node = routeScratch[j];
      boolean member = false;
      for (int i = 0; i < e.membershipCount; i++) {
        if (e.memberships[i].group.route == node) {
          member = true;
          break;
        }
      }
      if (!member) {
        join(e, node, nowMillis);
      }
    }
    e.routeEpoch = routeEpoch;
    e.routedSeverity = e.alert.severity();
  }

  private int collectRoutes(RouteNode node, Alert alert, int count) {
    boolean matchedChild = false;
    for (RouteNode child : node.children) {
      if (child.matches(alert, conditionValues)) {
        count = collectRoutes(child, alert, count);
        matchedChild = true;
        if (!child.continueMatching) {
          break;
        }
      }
    }
    if (!matchedChild && count < routeScratch.length) {
      routeScratch[count++] = node;
    }
    return count;
  }

  private static String groupKey(RouteNode node, Alert alert) {
    StringBuilder sb = new StringBuilder(node.id).append('{');
    if (node.groupByAll) {
      sb.append("fingerprint=").append(Long.toHexString(alert.fingerprint()));
    } else {
      for (int i = 0; i < node.groupBy.length; i++) {
        sb.append(i == 0 ? "" : ",").append(node.groupBy[i]).append("=\"")
            .append(Matcher.labelValue(alert, node.groupBy[i])).append('"');
      }
    }
    return sb.append('}').toString();
  }

  private static Map<String, String> groupLabels(RouteNode node, Alert alert) {
    TreeMap<String, String> labels = new TreeMap<>();
    if (node.groupByAll) {
      labels.putAll(alert.labels());
      labels.put(Matcher.ALERTNAME, alert.name());
    } else {
      for (String l : node.groupBy) {
        labels.put(l, Matcher.labelValue(alert, l));
      }
    }
    return labels;
  }

  private void join(AlertEntry e, RouteNode node, long nowMillis) {
    String key = groupKey(node, e.alert);
    AlertGroup g = groups.get(key);
    if (g == null) {
      g = new AlertGroup(node, key, groupLabels(node, e.alert), nowMillis + node.groupWaitMillis);
      groups.put(key, g);
      groupList.add(g);
    }
    Membership m = new Membership(e, g);
    g.members.add(m);
    if (e.membershipCount == e.memberships.length) {
      e.memberships = java.util.Arrays.copyOf(e.memberships, Math.max(2, e.memberships.length * 2));
    }
    e.memberships[e.membershipCount++] = m;
  }

  /** Removes a membership from its entry and its group, dropping the group when empty. */
  private void leave(Membership m) {
    AlertEntry e = m.entry;
    for (int i = 0; i < e.membershipCount; i++) {
      if (e.memberships[i] == m) {
        System.arraycopy(e.memberships, i + 1, e.memberships, i, e.membershipCount - i - 1);
        e.memberships[--e.membershipCount] = null;
        break;
      }
    }
    AlertGroup g = m.group;
    g.members.remove(m);
    if (g.members.isEmpty()) {
      groups.remove(g.key);
      groupList.remove(g);
    }
  }

  // ----------------------------------------------------------------------------------------------
  // timing

  /**
   * Runs the timers at the clock's current time: samples route conditions (re-routing firing alerts when one
   * changed), resolves alerts past the resolve timeout, flushes due groups, escalates unacknowledged critical
   * alerts, closes storm windows, and delivers the resulting notifications in order.
   *
   * @return the number of notifications delivered (or attempted)
   */
  public int tick() {
    synchronized (deliveryLock) {
      List<Notification> out = new ArrayList<>();
      synchronized (stateLock) {
        Instant now = clock.instant();
        long nowMillis = now.toEpochMilli();
        tickInhibitions = null;
        if (sampleConditions(now)) {
          rerouteAll(nowMillis);
        }
        expireStale(nowMillis);
        List<AlertGroup> due = new ArrayList<>();
        for (AlertGroup g : groupList) {
          if (nowMillis >= g.nextFlushMillis) {
            due.add(g);
          }
        }
        for (AlertGroup g : due) {
          flush(g, now, out);
        }
        escalate(now, out);
        for (Map.Entry<String, RateLimit> e : rateLimits.entrySet()) {
          e.getValue().closeWindowIfDue(e.getKey(), nowMillis, now, out);
        }
        dropFinished();
      }
      for (Notification n : out) {
        AlertReceiver r = receivers.get(n.receiver());
        try {
          r.deliver(n);
        } catch (RuntimeException ex) {
          deliveryErrors.incrementAndGet();
          LOG.warn("alert receiver '{}' failed to deliver {} notification {}: {}", n.receiver(), n.kind(),
              n.groupKey(), ex.toString());
        }
      }
      return out.size();
    }
  }

  private boolean sampleConditions(Instant now) {
    boolean changed = false;
    for (int i = 0; i < conditioned.length; i++) {
      boolean v;
      try {
        v = conditioned[i].condition.test(now);
      } catch (RuntimeException ex) {
        LOG.warn("route condition of {} failed; treating it as false: {}", conditioned[i], ex.toString());
        v = false;
      }
      if (v != conditionValues[i]) {
        conditionValues[i] = v;
        changed = true;
      }
    }
    if (changed) {
      routeEpoch++;
    }
    return changed;
  }

  private void rerouteAll(long nowMillis) {
    for (int s = 0; s < entries.slots(); s++) {
      AlertEntry e = entries.valueAt(s);
      if (e != null && e.resolvedMillis < 0) {
        route(e, nowMillis);
      }
    }
  }

  private void expireStale(long nowMillis) {
    if (resolveTimeoutMillis < 0) {
      return;
    }
    for (int s = 0; s < entries.slots(); s++) {
      AlertEntry e = entries.valueAt(s);
      if (e != null && e.resolvedMillis < 0 && nowMillis - e.updatedMillis >= resolveTimeoutMillis) {
        e.alert = e.alert.resolvedAt(Instant.ofEpochMilli(nowMillis));
        e.resolvedMillis = nowMillis;
        firing--;
        resolvedCount++;
      }
    }
  }

  private boolean muted(AlertEntry e, long nowMillis) {
    for (int i = 0, n = silences.size(); i < n; i++) {
      if (silences.get(i).mutes(e.alert, nowMillis)) {
        return true;
      }
    }
    if (inhibitRules.isEmpty()) {
      return false;
    }
    if (tickInhibitions == null) {
      tickInhibitions = new Inhibitions(inhibitRules, entries);
    }
    return tickInhibitions.inhibits(e);
  }

  private void flush(AlertGroup g, Instant now, List<Notification> out) {
    long nowMillis = now.toEpochMilli();
    List<Alert> firingAlerts = new ArrayList<>();
    List<Alert> resolvedAlerts = new ArrayList<>();
    List<Membership> notifiedNow = new ArrayList<>();
    List<Membership> finished = new ArrayList<>();
    boolean changed = false;
    for (Membership m : g.members) {
      AlertEntry e = m.entry;
      if (e.resolvedMillis >= 0) {
        if (m.notifiedFiring) {
          resolvedAlerts.add(e.alert);
          changed = true;
        }
        finished.add(m);
      } else if (muted(e, nowMillis)) {
        suppressed++;
      } else {
        firingAlerts.add(e.alert);
        notifiedNow.add(m);
        if (!m.notifiedFiring) {
          changed = true;
        }
      }
    }
    if (!changed && !firingAlerts.isEmpty() && g.lastNotifiedMillis != Long.MIN_VALUE
        && nowMillis - g.lastNotifiedMillis >= g.route.repeatIntervalMillis) {
      changed = true;
    }
    if (changed) {
      emit(new Notification(Notification.Kind.GROUP, g.route.receiver, g.key, g.labels, firingAlerts,
          resolvedAlerts, now, 0, 0), nowMillis, out);
      for (Membership m : notifiedNow) {
        m.notifiedFiring = true;
      }
      g.lastNotifiedMillis = nowMillis;
    }
    for (Membership m : finished) {
      leave(m);
    }
    g.nextFlushMillis = nowMillis + g.route.groupIntervalMillis;
  }

  private void escalate(Instant now, List<Notification> out) {
    if (escalateAfterMillis < 0) {
      return;
    }
    long nowMillis = now.toEpochMilli();
    for (int s = 0; s < entries.slots(); s++) {
      AlertEntry e = entries.valueAt(s);
      if (e == null || e.resolvedMillis >= 0 || e.escalated || e.acknowledgement != null
          || e.alert.severity() != Severity.CRITICAL || nowMillis - e.receivedMillis < escalateAfterMillis
          || muted(e, nowMillis)) {
        continue;
      }
      e.escalated = true;
      escalations++;
      emit(new Notification(Notification.Kind.ESCALATION, escalationReceiver,
          "escalation/" + Long.toHexString(e.fingerprint), e.alert.labels(), List.of(e.alert), List.of(), now, 0, 0),
          nowMillis, out);
    }
  }

  /** Hands a notification to the rate limiter of its receiver, if any. */
  private void emit(Notification n, long nowMillis, List<Notification> out) {
    RateLimit limit = rateLimits.get(n.receiver());
    if (limit == null || limit.admit(n.receiver(), n, nowMillis, out)) {
      out.add(n);
      notifications++;
    } else {
      folded++;
    }
  }

  /** Drops entries whose resolution every group has notified (or that belong to no group). */
  private void dropFinished() {
    List<AlertEntry> done = null;
    for (int s = 0; s < entries.slots(); s++) {
      AlertEntry e = entries.valueAt(s);
      if (e != null && e.resolvedMillis >= 0 && e.membershipCount == 0) {
        if (done == null) {
          done = new ArrayList<>();
        }
        done.add(e);
      }
    }
    if (done != null) {
      for (AlertEntry e : done) {
        entries.remove(e.fingerprint);
      }
    }
  }

  // ----------------------------------------------------------------------------------------------
  // acknowledgement, silences, queries

  /**
   * Acknowledges a firing alert, which stops its escalation.
   *
   * @param fingerprint the alert's fingerprint
   * @param by who acknowledges
   * @param comment a note, may be empty
   * @return false if no such alert is firing
   */
  public boolean acknowledge(long fingerprint, String by, String comment) {
    Acknowledgement ack = new Acknowledgement(by, comment, clock.instant());
    synchronized (stateLock) {
      AlertEntry e = entries.get(fingerprint);
      if (e == null || e.resolvedMillis >= 0) {
        return false;
      }
      e.acknowledgement = ack;
      return true;
    }
  }

  /**
   * Creates a silence.
   *
   * @param matchers the matchers, all of which must match; not empty
   * @param startsAt when it starts
   * @param endsAt when it ends, after {@code startsAt}
   * @param createdBy who creates it
   * @param comment why
   * @return the silence with its id
   */
  public Silence createSilence(List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy,
      String comment) {
    Checks.notNull(endsAt, "endsAt");
    Checks.check(endsAt.isAfter(Checks.notNull(startsAt, "startsAt")), "endsAt", endsAt, "after startsAt " + startsAt);
    synchronized (stateLock) {
      Silence s = new Silence("silence-" + (++silenceSequence), matchers, startsAt, endsAt, createdBy, comment);
      silences.add(s);
      return s;
    }
  }

  /** Creates a silence starting now and lasting {@code duration}. */
  public Silence createSilence(List<Matcher> matchers, Duration duration, String createdBy, String comment) {
    Instant now = clock.instant();
    return createSilence(matchers, now, now.plus(Checks.notNull(duration, "duration")), createdBy, comment);
  }

  /**
   * Expires a silence now: it stops muting at once (a pending one never starts).
   *
   * @return false if there is no such silence or it had already expired
   */
  public boolean expireSilence(String id) {
    Instant now = clock.instant();
    synchronized (stateLock) {
      for (int i = 0; i < silences.size(); i++) {
        Silence s = silences.get(i);
        if (s.id().equals(id)) {
          if (s.state(now) == Silence.State.EXPIRED) {
            return false;
          }
          Instant start = s.startsAt().isAfter(now) ? now : s.startsAt();
          silences.set(i, new Silence(s.id(), s.matchers(), start, now, s.createdBy(), s.comment()));
          return true;
        }
      }
      return false;
    }
  }

  /** Returns every silence created, expired ones included, in creation order. */
  public List<Silence> silences() {
    synchronized (stateLock) {
      return List.copyOf(silences);
    }
  }

  /** Returns a silence by id. */
  public Optional<Silence> findSilence(String id) {
    synchronized (stateLock) {
      for (Silence s : silences) {
        if (s.id().equals(id)) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }
  }

  /** Returns the status of every alert the system holds (firing, suppressed, or resolved but not yet notified). */
  public List<AlertStatus> alerts() {
    synchronized (stateLock) {
      long now = clock.millis();
      Inhibitions inhibitions = new Inhibitions(inhibitRules, entries);
      List<AlertStatus> out = new ArrayList<>();
      for (int s = 0; s < entries.slots(); s++) {
        AlertEntry e = entries.valueAt(s);
        if (e != null) {
          out.add(status(e, now, inhibitions));
        }
      }
      out.sort((a, b) -> a.receivedAt().compareTo(b.receivedAt()));
      return out;
    }
  }

  /** Returns the status of one alert by fingerprint. */
  public Optional<AlertStatus> findAlert(long fingerprint) {
    synchronized (stateLock) {
      AlertEntry e = entries.get(fingerprint);
      return e == null ? Optional.empty()
          : Optional.of(status(e, clock.millis(), new Inhibitions(inhibitRules, entries)));
    }
  }

  private AlertStatus status(AlertEntry e, long now, Inhibitions inhibitions) {
    List<String> silencedBy = new ArrayList<>();
    for (Silence s : silences) {
      if (s.mutes(e.alert, now)) {
        silencedBy.add(s.id());
      }
    }
    boolean inhibited = e.resolvedMillis < 0 && inhibitions.inhibits(e);
    AlertStatus.State state = e.resolvedMillis >= 0 ? AlertStatus.State.RESOLVED
        : (silencedBy.isEmpty() && !inhibited ? AlertStatus.State.FIRING : AlertStatus.State.SUPPRESSED);
    List<String> routedTo = new ArrayList<>();
    for (int i = 0; i < e.membershipCount; i++) {
      routedTo.add(e.memberships[i].group.route.receiver);
    }
    return new AlertStatus(e.alert, state, silencedBy, inhibited, Optional.ofNullable(e.acknowledgement),
        e.escalated, Instant.ofEpochMilli(e.receivedMillis), Instant.ofEpochMilli(e.updatedMillis), routedTo);
  }

  /** Returns the counters. */
  public AlertSystemStats stats() {
    synchronized (stateLock) {
      return new AlertSystemStats(received, deduplicated, resolvedCount, firing, groupList.size(), notifications,
          suppressed, folded, escalations, deliveryErrors.get());
    }
  }

  /** Returns the registered receivers by name. */
  public Map<String, AlertReceiver> receivers() {
    return receivers;
  }

  /** Closes every receiver (stopping webhook threads, closing files). */
  @Override
  public void close() {
    for (Map.Entry<String, AlertReceiver> e : receivers.entrySet()) {
      try {
        e.getValue().close();
      } catch (RuntimeException ex) {
        LOG.warn("closing alert receiver '{}' failed: {}", e.getKey(), ex.toString());
      }
    }
  }

  // ----------------------------------------------------------------------------------------------
  // state

  /** One fingerprint's state. Guarded by the state lock. */
  private static final class AlertEntry {
    final long fingerprint;
    Alert alert;
    long receivedMillis;
    long updatedMillis;
    long resolvedMillis = -1;
    long routeEpoch = -1;
    Severity routedSeverity;
    Membership[] memberships = NO_MEMBERSHIPS;
    int membershipCount;
    Acknowledgement acknowledgement;
    boolean escalated;

    AlertEntry(long fingerprint, Alert alert, long now) {
      this.fingerprint = fingerprint;
      this.alert = alert;
      this.receivedMillis = now;
      this.updatedMillis = now;
    }
  }

  /** An alert's place in one group, remembering whether the group has notified it as firing. */
  private static final class Membership {
    final AlertEntry entry;
    final AlertGroup group;
    boolean notifiedFiring;

    Membership(AlertEntry entry, AlertGroup group) {
      this.entry = entry;
      this.group = group;
    }
  }

  /** An aggregation group: one route and one set of group-by values. */
  private static final class AlertGroup {
    final RouteNode route;
    final String key;
    final Map<String, String> labels;
    final ArrayList<Membership> members = new ArrayList<>();
    long nextFlushMillis;
    long lastNotifiedMillis = Long.MIN_VALUE;

    AlertGroup(RouteNode route, String key, Map<String, String> labels, long firstFlushMillis) {
      this.route = route;
      this.key = key;
      this.labels = Map.copyOf(labels);
      this.nextFlushMillis = firstFlushMillis;
    }
  }

  /** The firing sources of every inhibition rule, indexed by their equal-label values; built once per tick. */
  private static final class Inhibitions {
    private final List<InhibitRule> rules;
    private final List<Map<String, List<AlertEntry>>> sources = new ArrayList<>();

    Inhibitions(List<InhibitRule> rules, LongObjectMap<AlertEntry> entries) {
      this.rules = rules;
      for (InhibitRule rule : rules) {
        Map<String, List<AlertEntry>> byKey = new HashMap<>();
        for (int s = 0; s < entries.slots(); s++) {
          AlertEntry e = entries.valueAt(s);
          if (e != null && e.resolvedMillis < 0 && rule.sourceMatches(e.alert)) {
            byKey.computeIfAbsent(rule.equalKey(e.alert), k -> new ArrayList<>()).add(e);
          }
        }
        sources.add(byKey);
      }
    }

    boolean inhibits(AlertEntry target) {
      for (int r = 0; r < rules.size(); r++) {
        InhibitRule rule = rules.get(r);
        Map<String, List<AlertEntry>> byKey = sources.get(r);
        if (byKey.isEmpty() || !rule.targetMatches(target.alert)) {
          continue;
        }
        List<AlertEntry> candidates = byKey.get(rule.equalKey(target.alert));
        if (candidates == null) {
          continue;
        }
        boolean twoSided = rule.sourceMatches(target.alert);
        for (AlertEntry s : candidates) {
          if (s != target && !(twoSided && rule.targetMatches(s.alert))) {
            return true;
          }
        }
      }
      return false;
    }
  }

  /** A fixed-window rate limit of one receiver, folding the overflow into one summary per window. */
  private final class RateLimit {
    final int max;
    final long windowMillis;
    long windowStart = Long.MIN_VALUE;
    int sent;
    int foldedNotifications;
    int foldedAlerts;
    final LinkedHashMap<Long, Alert> sample = new LinkedHashMap<>();

    RateLimit(int max, long windowMillis) {
      this.max = max;
      this.windowMillis = windowMillis;
    }

    boolean admit(String receiver, Notification n, long nowMillis, List<Notification> out) {
      if (windowStart == Long.MIN_VALUE || nowMillis - windowStart >= windowMillis) {
        closeWindow(receiver, Instant.ofEpochMilli(nowMillis), out);
        windowStart = nowMillis;
      }
      if (sent < max) {
        sent++;
        return true;
      }
      foldedNotifications++;
      foldedAlerts += n.firing().size() + n.resolved().size();
      for (Alert a : n.firing()) {
        if (sample.size() < SUMMARY_SAMPLE || sample.containsKey(a.fingerprint())) {
          sample.put(a.fingerprint(), a);
        }
      }
      return false;
    }

    void closeWindowIfDue(String receiver, long nowMillis, Instant now, List<Notification> out) {
      if (windowStart != Long.MIN_VALUE && nowMillis - windowStart >= windowMillis) {
        closeWindow(receiver, now, out);
        windowStart = Long.MIN_VALUE;
      }
    }

    private void closeWindow(String receiver, Instant now, List<Notification> out) {
      if (foldedNotifications > 0) {
        out.add(new Notification(Notification.Kind.STORM_SUMMARY, receiver, "storm-summary/" + receiver, Map.of(),
            new ArrayList<>(sample.values()), List.of(), now, foldedNotifications, foldedAlerts));
        notifications++;
      }
      sent = 0;
      foldedNotifications = 0;
      foldedAlerts = 0;
      sample.clear();
    }
  }

  // ----------------------------------------------------------------------------------------------

  /** Builds an {@link AlertSystem}; not thread-safe. */
  public static final class Builder {
    private final InstantSource clock;
    private final Map<String, AlertReceiver> receivers = new LinkedHashMap<>();
    private Route route;
    private final List<InhibitRule> inhibitRules = new ArrayList<>();
    private Duration escalateAfter;
    private String escalationReceiver;
    private Duration resolveTimeout;
    private final Map<String, long[]> rateLimits = new LinkedHashMap<>();
    private int expectedAlerts = 1024;

    private Builder(InstantSource clock) {
      this.clock = Checks.notNull(clock, "clock");
    }

    /** Registers a receiver under a name that routes refer to. */
    public Builder receiver(String name, AlertReceiver receiver) {
      Checks.notBlank(name, "receiver name");
      Checks.notNull(receiver, "receiver", name);
      if (receivers.containsKey(name)) {
        throw new InvalidValueException("receiver name", name, "unique", null);
      }
      receivers.put(name, receiver);
      return this;
    }

    /** Sets the root of the routing tree (it must name a receiver and have no matchers). */
    public Builder route(Route root) {
      this.route = Checks.notNull(root, "route");
      return this;
    }

    /** Sets the root of the routing tree. */
    public Builder route(Route.Builder root) {
      return route(root.build());
    }

    /** Adds an inhibition rule. */
    public Builder inhibit(InhibitRule rule) {
      inhibitRules.add(Checks.notNull(rule, "rule"));
      return this;
    }

    /**
     * Escalates CRITICAL alerts not acknowledged within {@code after} of being first received: they are sent
     * once to the named receiver.
     */
    public Builder escalateUnacknowledged(Duration after, String receiver) {
      Checks.notNull(after, "after");
      Checks.check(!after.isNegative(), "after", after, "not negative");
      this.escalateAfter = after;
      this.escalationReceiver = Checks.notBlank(receiver, "escalation receiver");
      return this;
    }

    /**
     * Resolves a firing alert that has not been published again for {@code timeout} (Alertmanager's
     * {@code resolve_timeout}); by default alerts fire until published with an end time.
     */
    public Builder resolveTimeout(Duration timeout) {
      Checks.notNull(timeout, "timeout");
      Checks.check(!timeout.isNegative() && !timeout.isZero(), "timeout", timeout, "> 0");
      this.resolveTimeout = timeout;
      return this;
    }

    /**
     * Limits a receiver to {@code maxNotifications} per {@code window}; the overflow is folded into one
     * {@link Notification.Kind#STORM_SUMMARY} sent when the window closes.
     */
    public Builder rateLimit(String receiver, int maxNotifications, Duration window) {
      Checks.notBlank(receiver, "receiver");
      Checks.positive(maxNotifications, "maxNotifications");
      Checks.notNull(window, "window");
      Checks.check(!window.isNegative() && !window.isZero(), "window", window, "> 0");
      rateLimits.put(receiver, new long[] {maxNotifications, window.toMillis()});
      return this;
    }

    /** Sizes the fingerprint table for a number of distinct alerts (default 1024; it grows as needed). */
    public Builder expectedAlerts(int count) {
      this.expectedAlerts = Checks.positive(count, "expectedAlerts");
      return this;
    }

    /**
     * Builds the alert system.
     *
     * @throws InvalidValueException if the routes, escalation or rate limits name unregistered receivers, or
     *     the root route is missing or has matchers
     */
    public AlertSystem build() {
      return new AlertSystem(this);
    }
  }
}
