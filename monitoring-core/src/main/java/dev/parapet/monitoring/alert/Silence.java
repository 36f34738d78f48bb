package dev.parapet.monitoring.alert;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Alert;
import java.time.Instant;
import java.util.List;

/**
 * A silence, as in Alertmanager: alerts matching every matcher are not notified while the silence is active,
 * {@code [startsAt, endsAt)}. Created and expired through {@link AlertSystem#createSilence} and
 * {@link AlertSystem#expireSilence}. This class is immutable and thread-safe.
 *
 * @param id the silence's id, assigned by the alert system
 * @param matchers the matchers, all of which must match, not empty
 * @param startsAt when the silence starts
 * @param endsAt when it ends, not before {@code startsAt}
 * @param createdBy who created it
 * @param comment why
 */
public record Silence(String id, List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy,
    String comment) {

  /** The lifecycle state of a silence at an instant. */
  public enum State {
    /** Not started yet. */
    PENDING,
    /** Muting matching alerts. */
    ACTIVE,
    /** Ended or expired. */
    EXPIRED
  }

  /** Validates and copies the fields. */
  public Silence {
    Checks.notBlank(id, "id");
    matchers = List.copyOf(Checks.notNull(matchers, "matchers", "silence " + id));
    Checks.check(!matchers.isEmpty(), "matchers", matchers, "not empty (a silence must say what it mutes)",
        "silence " + id);
    Checks.notNull(startsAt, "startsAt", "silence " + id);
    Checks.notNull(endsAt, "endsAt", "silence " + id);
    Checks.check(!endsAt.isBefore(startsAt), "endsAt", endsAt, "not before startsAt " + startsAt, "silence " + id);
    Checks.notBlank(createdBy, "createdBy", "silence " + id);
    Checks.notNull(comment, "comment", "silence " + id);
  }

  /** Returns the state at an instant. */
  public State state(Instant now) {
    if (now.isBefore(startsAt)) {
      return State.PENDING;
    }
    return now.isBefore(endsAt) ? State.ACTIVE : State.EXPIRED;
  }

  /** Returns true if the silence is active at the instant and matches the alert. */
  public boolean mutes(Alert alert, Instant now) {
    return state(now) == State.ACTIVE && InhibitRule.all(matchers, alert);
  }

  boolean mutes(Alert alert, long nowMillis) {
    return nowMillis >= startsAt.toEpochMilli() && nowMillis < endsAt.toEpochMilli() && InhibitRule.all(matchers, alert);
  }
}
