package dev.parapet.monitoring.alert;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Alert;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The alert system's view of one alert: its latest version, whether it is firing, muted (silenced or
 * inhibited) or resolved, its acknowledgement and escalation, and the receivers its routes lead to. This class
 * is immutable and thread-safe.
 *
 * @param alert the latest version published
 * @param state the state
 * @param silencedBy the ids of the active silences muting it
 * @param inhibited true if an inhibition rule mutes it
 * @param acknowledgement the acknowledgement, if any
 * @param escalated true once it was escalated
 * @param receivedAt when this episode of the alert was first received
 * @param updatedAt when it was last published
 * @param receivers the receivers of the routes it matched
 */
public record AlertStatus(Alert alert, State state, List<String> silencedBy, boolean inhibited,
    Optional<Acknowledgement> acknowledgement, boolean escalated, Instant receivedAt, Instant updatedAt,
    List<String> receivers) {

  /** The state of an alert. */
  public enum State {
    /** Firing and notified. */
    FIRING,
    /** Firing but muted by a silence or an inhibition rule. */
    SUPPRESSED,
    /** Resolved, its resolution not yet notified to every group. */
    RESOLVED
  }

  /** Validates and copies the fields. */
  public AlertStatus {
    Checks.notNull(alert, "alert");
    Checks.notNull(state, "state");
    silencedBy = List.copyOf(silencedBy);
    Checks.notNull(acknowledgement, "acknowledgement");
    Checks.notNull(receivedAt, "receivedAt");
    Checks.notNull(updatedAt, "updatedAt");
    receivers = List.copyOf(receivers);
  }
}
