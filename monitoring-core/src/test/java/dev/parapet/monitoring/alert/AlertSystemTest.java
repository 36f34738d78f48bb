package dev.parapet.monitoring.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.api.InvalidValueException;
import dev.parapet.api.alert.Alert;
import dev.parapet.api.alert.AlertCategory;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The alert system's behaviour under a simulated clock: every timing below is exact because nothing moves
 * unless the test advances the clock and ticks.
 */
class AlertSystemTest {

  private static final Instant T0 = Instant.parse("2025-03-03T15:00:00Z");

  private final SimulatedClock clock = SimulatedClock.at(T0);

  /** Records what it receives. */
  static final class Captured implements AlertReceiver {
    final List<Notification> received = new CopyOnWriteArrayList<>();

    @Override
    public void deliver(Notification n) {
      received.add(n);
    }

    List<Notification> drain() {
      List<Notification> out = new ArrayList<>(received);
      received.clear();
      return out;
    }
  }

  private static Alert alert(String name, Severity severity, AlertCategory category, String account) {
    return Alert.builder(name, severity, category).label(Alert.ACCOUNT, account)
        .summary(name + " on " + account).startsAt(T0).build();
  }

  private static Alert rejected(String account) {
    return alert("OrderRejected", Severity.HIGH, AlertCategory.EXECUTION, account);
  }

  private static List<String> names(List<Alert> alerts) {
    List<String> out = new ArrayList<>();
    for (Alert a : alerts) {
      out.add(a.name() + "/" + a.labels().get(Alert.ACCOUNT));
    }
    return out;
  }

  private void advance(long seconds) {
    clock.advance(Duration.ofSeconds(seconds));
  }

  private AlertSystem.Builder standard(Captured ops) {
    return AlertSystem.builder(clock).receiver("ops", ops)
        .route(Route.to("ops").groupBy("account").groupWait(Duration.ofSeconds(30))
            .groupInterval(Duration.ofMinutes(5)).repeatInterval(Duration.ofHours(1)));
  }

  // ----------------------------------------------------------------------------------------------
  // dedup and grouping timing

  @Test
  void same_fingerprint_firing_again_updates_without_notifying_again() {
    Captured ops = new Captured();
    AlertSystem system = standard(ops).build();
    Alert first = rejected("ACC1");
    Alert updated = Alert.builder("OrderRejected", Severity.HIGH, AlertCategory.EXECUTION)
        .label(Alert.ACCOUNT, "ACC1").summary("rejected again").startsAt(T0).build();
    assertThat(updated.fingerprint()).isEqualTo(first.fingerprint());
    system.publish(first);
    system.publish(first);
    system.publish(updated);
    advance(30);
    assertThat(system.tick()).isEqualTo(1);
    List<Notification> sent = ops.drain();
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).firing()).containsExactly(updated);
    assertThat(system.stats().received()).isEqualTo(3);
    assertThat(system.stats().deduplicated()).isEqualTo(2);

    // firing again after the notification: nothing new at the next group interval
    system.publish(updated);
    advance(300);
    system.tick();
    assertThat(ops.drain()).isEmpty();
  }

  @Test
  void group_wait_batches_alerts_arriving_together() {
    Captured ops = new Captured();
    AlertSystem system = standard(ops).build();
    system.publish(rejected("ACC1"));
    advance(10);
    system.publish(alert("LimitBreached", Severity.MEDIUM, AlertCategory.RISK, "ACC1"));
    advance(19); // 29 s after the group was created
    system.tick();
    assertThat(ops.drain()).isEmpty();
    advance(1); // 30 s: group_wait elapsed
    system.tick();
    List<Notification> sent = ops.drain();
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).kind()).isEqualTo(Notification.Kind.GROUP);
    assertThat(sent.get(0).groupLabels()).containsEntry("account", "ACC1").hasSize(1);
    assertThat(names(sent.get(0).firing())).containsExactlyInAnyOrder("OrderRejected/ACC1", "LimitBreached/ACC1");
    assertThat(sent.get(0).time()).isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void group_by_separates_accounts() {
    Captured ops = new Captured();
    AlertSystem system = standard(ops).build();
    system.publish(rejected("ACC1"));
    system.publish(rejected("ACC2"));
    advance(30);
    system.tick();
    List<Notification> sent = ops.drain();
    assertThat(sent).hasSize(2);
    assertThat(sent).extracting(n -> n.groupLabels().get("account")).containsExactlyInAnyOrder("ACC1", "ACC2");
    assertThat(system.stats().groups()).isEqualTo(2);
  }

  @Test
  void group_interval_delays_alerts_added_to_a_notified_group() {
    Captured ops = new Captured();
    AlertSystem system = standard(ops).build();
    system.publish(rejected("ACC1"));
    advance(30);
    system.tick(); // first notification at 30 s; next evaluation at 330 s
    ops.drain();
    advance(60);
    system.publish(alert("LimitBreached", Severity.MEDIUM, AlertCategory.RISK, "ACC1"));
    system.tick();
    assertThat(ops.drain()).as("not before group_interval").isEmpty();
    advance(239); // 329 s
    system.tick();
    assertThat(ops.drain()).isEmpty();
    advance(1); // 330 s
    system.tick();
    List<Notification> sent = ops.drain();
    assertThat(sent).hasSize(1);
    assertThat(names(sent.get(0).firing())).containsExactlyInAnyOrder("OrderRejected/ACC1", "LimitBreached/ACC1");
  }

  @Test
  void repeat_interval_resends_unchanged_firing_alerts() {
    Captured ops = new Captured();
    AlertSystem system = standard(ops).build();
    system.publish(rejected("ACC1"));
    advance(30);
    system.tick(); // notified at 30 s
    ops.drain();
    // evaluations every 5 minutes: 330, 630, ..., 3330 s (< 1 h after 30 s), 3630 s (= 1 h after 30 s)
    for (int t = 330; t <= 3330; t += 300) {
      clock.set(T0.plusSeconds(t));
      system.tick();
      assertThat(ops.drain()).as("at %d s", t).isEmpty();
    }
    clock.set(T0.plusSeconds(3630));
    system.tick();
    List<Notification> sent = ops.drain();
    assertThat(sent).hasSize(1);
    assertThat(names(sent.get(0).firing())).containsExactly("OrderRejected/ACC1");
  }

  @Test
  void resolution_is_notified_at_the_next_group_interval_then_the_group_ends() {
    Captured ops = new Captured();
    AlertSystem system = standard(ops).build();
    Alert a = rejected("ACC1");
    system.publish(a);
    advance(30);
    system.tick();
    ops.drain();
    advance(100);
    system.publish(a.resolvedAt(clock.instant()));
    assertThat(system.stats().firing()).isZero();
    system.tick();
    assertThat(ops.drain()).isEmpty();
    advance(200); // 330 s
    system.tick();
    List<Notification> sent = ops.drain();
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).status()).isEqualTo("resolved");
    assertThat(sent.get(0).firing()).isEmpty();
    assertThat(sent.get(0).resolved()).hasSize(1);
    assertThat(sent.get(0).resolved().get(0).isResolved()).isTrue();
    assertThat(system.stats().groups()).isZero();
    assertThat(system.alerts()).isEmpty();
    // a resolved alert that was never notified (fired and resolved within group_wait) is dropped silently
    Alert b = rejected("ACC2");
    system.publish(b);
    advance(5);
    system.publish(b.resolvedAt(clock.instant()));
    advance(30);
    system.tick();
    assertThat(ops.drain()).isEmpty();
    assertThat(system.stats().groups()).isZero();
  }

  @Test
  void resolve_timeout_resolves_alerts_not_published_again() {
    Captured ops = new Captured();
    AlertSystem system = standard(ops).resolveTimeout(Duration.ofMinutes(5)).build();
    system.publish(rejected("ACC1"));
    advance(30);
    system.tick();
    ops.drain();
    advance(269); // 299 s after the publish
    system.tick();
    assertThat(system.stats().firing()).isEqualTo(1);
    advance(1); // 300 s: resolved, and the group is due at 330 s
    system.tick();
    assertThat(system.stats().firing()).isZero();
    advance(30);
    system.tick();
    assertThat(ops.drain()).singleElement().satisfies(n -> assertThat(n.resolved()).hasSize(1));
  }

  // ----------------------------------------------------------------------------------------------
  // inhibition and silences

  @Test
  void critical_kill_switch_inhibits_order_rejections_of_the_same_account() {
    Captured ops = new Captured();
    AlertSystem system = AlertSystem.builder(clock).receiver("ops", ops)
        .route(Route.to("ops").groupByAll().groupWait(Duration.ZERO).groupInterval(Duration.ofMinutes(1)))
        .inhibit(InhibitRule.of(List.of(Matcher.alertName("KillSwitchEngaged"), Matcher.severity(Severity.CRITICAL)),
            List.of(Matcher.alertName("OrderRejected"), Matcher.severity(Severity.HIGH)), List.of("account")))
        .build();
    Alert kill = alert("KillSwitchEngaged", Severity.CRITICAL, AlertCategory.COMPLIANCE, "ACC1");
    system.publish(kill);
    system.publish(rejected("ACC1"));
    system.publish(rejected("ACC2"));
    system.tick();
    List<Notification> sent = ops.drain();
    List<String> notified = new ArrayList<>();
    for (Notification n : sent) {
      notified.addAll(names(n.firing()));
    }
    assertThat(notified).containsExactlyInAnyOrder("KillSwitchEngaged/ACC1", "OrderRejected/ACC2");
    assertThat(system.stats().suppressed()).isEqualTo(1);
    assertThat(system.findAlert(rejected("ACC1").fingerprint())).hasValueSatisfying(s -> {
      assertThat(s.state()).isEqualTo(AlertStatus.State.SUPPRESSED);
      assertThat(s.inhibited()).isTrue();
    });

    // the kill switch is released: the rejection of ACC1 is notified at its group's next evaluation
    system.publish(kill.resolvedAt(clock.instant()));
    advance(60);
    system.tick();
    notified.clear();
    for (Notification n : ops.drain()) {
      notified.addAll(names(n.firing()));
    }
    assertThat(notified).containsExactly("OrderRejected/ACC1");
  }

  @Test
  void an_alert_matching_both_sides_does_not_inhibit_itself() {
    Captured ops = new Captured();
    AlertSystem system = AlertSystem.builder(clock).receiver("ops", ops)
        .route(Route.to("ops").groupByAll().groupWait(Duration.ZERO))
        .inhibit(InhibitRule.of(List.of(Matcher.regex("alertname", "Order.*")),
            List.of(Matcher.regex("alertname", "Order.*")), List.of("account")))
        .build();
    system.publish(rejected("ACC1"));
    system.tick();
    assertThat(ops.drain()).hasSize(1);
    // a second alert matching both sides neither inhibits nor is inhibited by the first (two-sided rule)
    system.publish(alert("OrderTimeout", Severity.HIGH, AlertCategory.EXECUTION, "ACC1"));
    advance(300);
    system.tick();
    assertThat(ops.drain()).hasSize(1);
    assertThat(system.stats().suppressed()).isZero();
  }

  @Test
  void silences_mute_matching_alerts_until_expired() {
    Captured ops = new Captured();
    AlertSystem system = standard(ops).build();
    Silence s = system.createSilence(List.of(Matcher.equal("account", "ACC1")), Duration.ofHours(2), "jane",
        "maintenance");
    assertThat(s.id()).isEqualTo("silence-1");
    assertThat(s.state(clock.instant())).isEqualTo(Silence.State.ACTIVE);
    system.publish(rejected("ACC1"));
    system.publish(rejected("ACC2"));
    advance(30);
    system.tick();
    List<Notification> sent = ops.drain();
    assertThat(sent).hasSize(1);
    assertThat(names(sent.get(0).firing())).containsExactly("OrderRejected/ACC2");
    assertThat(system.findAlert(rejected("ACC1").fingerprint()).orElseThrow().silencedBy()).containsExactly("silence-1");

    advance(60);
    assertThat(system.expireSilence(s.id())).isTrue();
    assertThat(system.expireSilence(s.id())).isFalse();
    assertThat(system.findSilence(s.id()).orElseThrow().state(clock.instant())).isEqualTo(Silence.State.EXPIRED);
    advance(240); // the ACC1 group's next evaluation, 330 s
    system.tick();
    sent = ops.drain();
    assertThat(sent).hasSize(1);
    assertThat(names(sent.get(0).firing())).containsExactly("OrderRejected/ACC1");
  }

  @Test
  void a_pending_silence_does_not_mute_until_it_starts() {
    Captured ops = new Captured();
    AlertSystem system = AlertSystem.builder(clock).receiver("ops", ops)
        .route(Route.to("ops").groupByAll().groupWait(Duration.ZERO).groupInterval(Duration.ofMinutes(1))
            .repeatInterval(Duration.ofMinutes(1)))
        .build();
    Silence s = system.createSilence(List.of(Matcher.alertName("OrderRejected")), T0.plusSeconds(120),
        T0.plusSeconds(600), "jane", "window");
    assertThat(s.state(clock.instant())).isEqualTo(Silence.State.PENDING);
    system.publish(rejected("ACC1"));
    system.tick();
    assertThat(ops.drain()).hasSize(1);
    advance(60);
    system.tick(); // repeat interval reached, silence still pending
    assertThat(ops.drain()).hasSize(1);
    advance(60); // 120 s: silence active, repeat muted
    system.tick();
    assertThat(ops.drain()).isEmpty();
    assertThat(system.silences()).hasSize(1);
    assertThatThrownBy(() -> system.createSilence(List.of(), Duration.ofMinutes(1), "jane", ""))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("matchers must be not empty");
  }

  // ----------------------------------------------------------------------------------------------
  // routing

  @Test
  void routing_tree_with_continue_reaches_several_receivers() {
    Captured log = new Captured();
    Captured pager = new Captured();
    Captured riskDesk = new Captured();
    AlertSystem system = AlertSystem.builder(clock)
        .receiver("log", log).receiver("pager", pager).receiver("risk-desk", riskDesk)
        .route(Route.to("log").groupBy("alertname").groupWait(Duration.ZERO)
            .child(Route.to("pager").match(Matcher.severity(Severity.CRITICAL)).continueMatching(true))
            .child(Route.to("risk-desk").matchEqual("category", "RISK"))
            .child(Route.to("pager").matchEqual("category", "COMPLIANCE")))
        .build();
    system.publish(alert("VarBreach", Severity.CRITICAL, AlertCategory.RISK, "ACC1"));
    system.publish(alert("DrawdownTier", Severity.HIGH, AlertCategory.RISK, "ACC1"));
    system.publish(alert("SlowFill", Severity.LOW, AlertCategory.EXECUTION, "ACC1"));
    system.publish(alert("RuleBreach", Severity.MEDIUM, AlertCategory.COMPLIANCE, "ACC1"));
    system.tick();
    assertThat(alertNames(pager)).containsExactlyInAnyOrder("VarBreach", "RuleBreach");
    assertThat(alertNames(riskDesk)).containsExactlyInAnyOrder("VarBreach", "DrawdownTier");
    assertThat(alertNames(log)).containsExactly("SlowFill");
    assertThat(system.findAlert(alert("VarBreach", Severity.CRITICAL, AlertCategory.RISK, "ACC1").fingerprint())
        .orElseThrow().receivers()).containsExactlyInAnyOrder("pager", "risk-desk");
  }

  private static List<String> alertNames(Captured c) {
    List<String> out = new ArrayList<>();
    for (Notification n : c.drain()) {
      for (Alert a : n.firing()) {
        out.add(a.name());
      }
    }
    return out;
  }

  @Test
  void outside_market_hours_non_critical_alerts_go_to_the_digest() {
    Captured oncall = new Captured();
    Captured digest = new Captured();
    AtomicBoolean marketOpen = new AtomicBoolean(true);
    AlertSystem system = AlertSystem.builder(clock).receiver("oncall", oncall).receiver("digest", digest)
        .route(Route.to("oncall").groupBy("alertname").groupWait(Duration.ZERO).groupInterval(Duration.ofMinutes(1))
            .child(Route.to("digest").match(Matcher.notEqual("severity", "CRITICAL"))
                .when(now -> !marketOpen.get()).groupInterval(Duration.ofHours(1))))
        .build();
    system.publish(rejected("ACC1"));
    system.tick();
    assertThat(alertNames(oncall)).containsExactly("OrderRejected");

    marketOpen.set(false); // the session closes
    advance(60);
    system.tick(); // conditions sampled: the firing rejection moves to the digest route
    system.publish(alert("DataGap", Severity.MEDIUM, AlertCategory.DATA, "ACC1"));
    system.publish(alert("KillSwitchEngaged", Severity.CRITICAL, AlertCategory.COMPLIANCE, "ACC1"));
    advance(60);
    system.tick();
    assertThat(alertNames(oncall)).containsExactly("KillSwitchEngaged");
    assertThat(alertNames(digest)).containsExactlyInAnyOrder("OrderRejected", "DataGap");
  }

  @Test
  void market_calendar_conditions_follow_the_calendar() {
    Instant open = Instant.parse("2025-03-03T14:30:00Z");
    Instant close = Instant.parse("2025-03-03T21:00:00Z");
    dev.parapet.api.calendar.MarketCalendar calendar = new StubCalendar(open, close);
    RouteCondition closed = RouteCondition.marketClosed(calendar);
    RouteCondition isOpen = RouteCondition.marketOpen(calendar);
    assertThat(closed.test(T0)).isFalse();
    assertThat(isOpen.test(T0)).isTrue();
    assertThat(closed.test(close)).isTrue();
    assertThat(isOpen.negate().test(close)).isTrue();
  }

  // ----------------------------------------------------------------------------------------------
  // escalation and acknowledgement

  @Test
  void unacknowledged_critical_alert_escalates_once() {
    Captured ops = new Captured();
    Captured pager = new Captured();
    AlertSystem system = standard(ops).receiver("pager", pager)
        .escalateUnacknowledged(Duration.ofMinutes(5), "pager").build();
    Alert critical = alert("KillSwitchEngaged", Severity.CRITICAL, AlertCategory.COMPLIANCE, "ACC1");
    Alert acked = alert("KillSwitchEngaged", Severity.CRITICAL, AlertCategory.COMPLIANCE, "ACC2");
    Alert high = rejected("ACC3");
    system.publish(critical);
    system.publish(acked);
    system.publish(high);
    advance(60);
    assertThat(system.acknowledge(acked.fingerprint(), "jane", "on it")).isTrue();
    advance(239);
    system.tick();
    assertThat(pager.drain()).isEmpty();
    advance(1); // 300 s after receipt
    system.tick();
    List<Notification> escalated = pager.drain();
    assertThat(escalated).singleElement().satisfies(n -> {
      assertThat(n.kind()).isEqualTo(Notification.Kind.ESCALATION);
      assertThat(n.firing()).containsExactly(critical);
      assertThat(n.groupKey()).isEqualTo("escalation/" + Long.toHexString(critical.fingerprint()));
    });
    advance(600);
    system.tick();
    assertThat(pager.drain()).isEmpty();
    assertThat(system.stats().escalations()).isEqualTo(1);
    AlertStatus status = system.findAlert(acked.fingerprint()).orElseThrow();
    assertThat(status.acknowledgement()).hasValueSatisfying(a -> {
      assertThat(a.by()).isEqualTo("jane");
      assertThat(a.at()).isEqualTo(T0.plusSeconds(60));
    });
    assertThat(system.findAlert(critical.fingerprint()).orElseThrow().escalated()).isTrue();
  }

  @Test
  void acknowledging_an_unknown_alert_returns_false() {
    AlertSystem system = standard(new Captured()).build();
    assertThat(system.acknowledge(42L, "jane", "")).isFalse();
  }

  // ----------------------------------------------------------------------------------------------
  // storm protection and delivery failures

  @Test
  void rate_limit_folds_the_overflow_into_one_summary_per_window() {
    Captured ops = new Captured();
    AlertSystem system = standard(ops).rateLimit("ops", 2, Duration.ofMinutes(1)).build();
    for (int i = 1; i <= 5; i++) {
      system.publish(rejected("ACC" + i));
    }
    advance(30);
    system.tick();
    List<Notification> sent = ops.drain();
    assertThat(sent).hasSize(2).allSatisfy(n -> assertThat(n.kind()).isEqualTo(Notification.Kind.GROUP));
    assertThat(system.stats().folded()).isEqualTo(3);
    advance(59);
    system.tick();
    assertThat(ops.drain()).isEmpty();
    advance(1); // the window closes
    system.tick();
    sent = ops.drain();
    assertThat(sent).singleElement().satisfies(n -> {
      assertThat(n.kind()).isEqualTo(Notification.Kind.STORM_SUMMARY);
      assertThat(n.foldedNotifications()).isEqualTo(3);
      assertThat(n.foldedAlerts()).isEqualTo(3);
      assertThat(n.firing()).hasSize(3);
    });
  }

  @Test
  void a_failing_receiver_is_counted_and_does_not_stop_the_others() {
    Captured ops = new Captured();
    AlertSystem system = AlertSystem.builder(clock)
        .receiver("broken", n -> {
          throw new IllegalStateException("down");
        })
        .receiver("ops", ops)
        .route(Route.to("ops").groupWait(Duration.ZERO)
            .child(Route.to("broken").matchEqual("account", "ACC1").continueMatching(true))
            .child(Route.to("ops").match(Matcher.regex("account", ".+"))))
        .build();
    system.publish(rejected("ACC1"));
    assertThat(system.tick()).isEqualTo(2);
    assertThat(ops.drain()).hasSize(1);
    assertThat(system.stats().deliveryErrors()).isEqualTo(1);
  }

  // ----------------------------------------------------------------------------------------------
  // building and status

  @Test
  void build_rejects_unknown_receivers_and_a_filtering_root() {
    assertThatThrownBy(() -> AlertSystem.builder(clock).receiver("ops", new Captured())
        .route(Route.to("ops").child(Route.to("pager"))).build())
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("pager");
    assertThatThrownBy(() -> AlertSystem.builder(clock).receiver("ops", new Captured())
        .route(Route.to("ops").matchEqual("account", "A")).build())
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("root route");
    assertThatThrownBy(() -> AlertSystem.builder(clock).receiver("ops", new Captured())
        .route(Route.to("ops")).escalateUnacknowledged(Duration.ofMinutes(1), "pager").build())
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("escalation receiver");
    assertThatThrownBy(() -> AlertSystem.builder(clock).receiver("ops", new Captured())
        .route(Route.to("ops")).rateLimit("pager", 1, Duration.ofMinutes(1)).build())
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> AlertSystem.builder(clock).receiver("ops", new Captured()).build())
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("root route");
  }

  @Test
  void alerts_reports_states() {
    Captured ops = new Captured();
    AlertSystem system = standard(ops).build();
    Alert a = rejected("ACC1");
    Alert b = rejected("ACC2");
    system.publish(a);
    system.publish(b);
    system.createSilence(List.of(Matcher.equal("account", "ACC2")), Duration.ofHours(1), "jane", "");
    advance(10);
    system.publish(a.resolvedAt(clock.instant()));
    assertThat(system.alerts()).extracting(s -> s.alert().labels().get("account") + ":" + s.state())
        .containsExactlyInAnyOrder("ACC1:RESOLVED", "ACC2:SUPPRESSED");
    AlertStatus sb = system.findAlert(b.fingerprint()).orElseThrow();
    assertThat(sb.receivedAt()).isEqualTo(T0);
    assertThat(sb.receivers()).containsExactly("ops");
    assertThat(system.findAlert(7L)).isEmpty();
  }

  @Test
  void matchers_parse_alertmanager_syntax() {
    Alert a = rejected("ACC1");
    assertThat(Matcher.parse("severity=\"HIGH\"").matches(a)).isTrue();
    assertThat(Matcher.parse("account!=ACC1").matches(a)).isFalse();
    assertThat(Matcher.parse("alertname=~\"Order.*\"").matches(a)).isTrue();
    assertThat(Matcher.parse("alertname!~Order").matches(a)).isTrue();
    assertThat(Matcher.parse("team=\"\"").matches(a)).as("missing label is empty").isTrue();
    assertThat(Matcher.severityAtLeast(Severity.HIGH).matches(a)).isTrue();
    assertThat(Matcher.severityAtLeast(Severity.CRITICAL).matches(a)).isFalse();
    assertThat(Matcher.parse("severity=~\"HIGH|CRITICAL\"")).isEqualTo(Matcher.regex("severity", "HIGH|CRITICAL"));
    assertThatThrownBy(() -> Matcher.parse("severity")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> Matcher.regex("a", "(")).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("valid regular expression");
  }
}
