package dev.parapet.compliance.journal;

import dev.parapet.api.Checks;
import java.time.Instant;

/**
 * One journal record read back: its sequence number, the time it was appended, its type, its JSON
 * payload and its chain hash. Immutable and thread-safe.
 *
 * @param sequence the sequence number, from 1, consecutive
 * @param time when it was appended, from the journal's clock
 * @param type the record type, e.g. {@code decision}
 * @param payload the payload, a JSON object as text
 * @param hash the record's SHA-256 chain hash in hex
 */
public record JournalRecord(long sequence, Instant time, String type, String payload, String hash) {

  /** Validates the fields. */
  public JournalRecord {
    Checks.positive(sequence, "sequence");
    Checks.notNull(time, "time");
    Checks.notBlank(type, "type");
    Checks.notNull(payload, "payload");
    Checks.notNull(hash, "hash");
  }

  /**
   * Returns the record as one JSON object:
   * {@code {"sequence":1,"time":"...","type":"...","hash":"...","payload":{...}}}. The payload is
   * embedded as stored.
   */
  public String toJson() {
    return "{\"sequence\":" + sequence + ",\"time\":\"" + time + "\",\"type\":\"" + type + "\",\"hash\":\"" + hash
        + "\",\"payload\":" + (payload.isBlank() ? "null" : payload) + "}";
  }
}
