package dev.parapet.compliance.journal;

/**
 * Where compliance components write audit records: the {@link AuditJournal}, or {@link #none()} where
 * no trail is kept (tests, one-off command-line checks).
 * <p>
 * Contract: thread-safe; {@link #record} returns once the record is acknowledged (durable as the
 * trail's durability policy defines it) and throws {@link JournalException} if it cannot be.
 */
@FunctionalInterface
public interface AuditTrail {

  /**
   * Appends a record and waits until it is acknowledged.
   *
   * @param type the record type, e.g. {@code decision}
   * @param jsonPayload the payload, a JSON object
   * @return the record's sequence number ({@code 0} for {@link #none()})
   */
  long record(String type, String jsonPayload);

  /** Returns a trail that keeps nothing. */
  static AuditTrail none() {
    return (type, jsonPayload) -> 0;
  }
}
