package dev.parapet.monitoring.alert;

import dev.parapet.api.Checks;
import java.time.Instant;

/**
 * Someone's acknowledgement of a firing alert: it stops the alert's escalation. This class is immutable and
 * thread-safe.
 *
 * @param by who acknowledged
 * @param comment a note
 * @param at when
 */
public record Acknowledgement(String by, String comment, Instant at) {

  /** Validates the fields. */
  public Acknowledgement {
    Checks.notBlank(by, "by");
    Checks.notNull(comment, "comment");
    Checks.notNull(at, "at");
  }
}
