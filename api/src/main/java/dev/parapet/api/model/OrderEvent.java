package dev.parapet.api.model;

import dev.parapet.api.Checks;
import java.time.Instant;

/**
 * A non-fill event on a child order reported by the host's broker adapter: an acknowledgement, a
 * reject, a cancel confirmation or an expiry.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param childOrderId the child order the event is about, not blank
 * @param type what happened
 * @param reason free text from the venue (empty when none), never null
 * @param timestamp when it happened
 */
public record OrderEvent(String childOrderId, Type type, String reason, Instant timestamp) {

  /** What happened to a child order. */
  public enum Type {
    /** The venue accepted the order. */
    ACKNOWLEDGED,
    /** The venue refused the order; nothing of it will fill. */
    REJECTED,
    /** The order was cancelled; what was not filled will not fill. */
    CANCELLED,
    /** The order expired at the end of its time in force. */
    EXPIRED
  }

  /** Validates every field. */
  public OrderEvent {
    Checks.notBlank(childOrderId, "childOrderId");
    Checks.notNull(type, "type", "event on " + childOrderId);
    Checks.notNull(reason, "reason", "event on " + childOrderId);
    Checks.notNull(timestamp, "timestamp", "event on " + childOrderId);
  }
}
