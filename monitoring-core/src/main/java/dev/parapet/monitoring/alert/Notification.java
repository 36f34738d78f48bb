package dev.parapet.monitoring.alert;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Alert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a receiver gets: one group's firing and resolved alerts, an escalation of one unacknowledged critical
 * alert, or a storm summary folding the notifications a rate limit held back.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param kind what the notification is
 * @param receiver the receiver's name
 * @param groupKey the group's identity: the route's position in the tree and the group labels; for an
 *     escalation {@code escalation/<fingerprint>}, for a summary {@code storm-summary/<receiver>}
 * @param groupLabels the values of the route's {@code groupBy} labels (the alert's labels for an escalation)
 * @param firing the firing alerts, latest versions
 * @param resolved the alerts resolved since the last notification of the group
 * @param time when the notification was produced
 * @param foldedNotifications for a storm summary, how many notifications were held back; 0 otherwise
 * @param foldedAlerts for a storm summary, how many alerts those notifications carried; 0 otherwise
 */
public record Notification(Kind kind, String receiver, String groupKey, Map<String, String> groupLabels,
    List<Alert> firing, List<Alert> resolved, Instant time, int foldedNotifications, int foldedAlerts) {

  /** What a notification is. */
  public enum Kind {
    /** A group's notification. */
    GROUP,
    /** A critical alert not acknowledged in time, sent to the escalation receiver. */
    ESCALATION,
    /** One summary of the notifications a receiver's rate limit held back in a window. */
    STORM_SUMMARY
  }

  /** Validates and copies the fields. */
  public Notification {
    Checks.notNull(kind, "kind");
    Checks.notBlank(receiver, "receiver");
    Checks.notBlank(groupKey, "groupKey");
    groupLabels = Map.copyOf(Checks.notNull(groupLabels, "groupLabels"));
    firing = List.copyOf(Checks.notNull(firing, "firing"));
    resolved = List.copyOf(Checks.notNull(resolved, "resolved"));
    Checks.notNull(time, "time");
    Checks.nonNegative(foldedNotifications, "foldedNotifications");
    Checks.nonNegative(foldedAlerts, "foldedAlerts");
  }

  /** Returns {@code firing} when any alert fires, else {@code resolved} (Alertmanager's group status). */
  public String status() {
    return firing.isEmpty() ? "resolved" : "firing";
  }

  /** Returns the firing then the resolved alerts. */
  public List<Alert> alerts() {
    List<Alert> all = new ArrayList<>(firing);
    all.addAll(resolved);
    return List.copyOf(all);
  }
}
