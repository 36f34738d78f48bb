package dev.parapet.api.data;

import dev.parapet.api.Checks;

/**
 * What one ingest call did: ingest is idempotent, so loading the same rows again writes nothing.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param received the rows handed in, &gt;= 0
 * @param written the rows inserted or changed, &gt;= 0
 * @param unchanged the rows already stored with identical values, &gt;= 0
 */
public record IngestResult(long received, long written, long unchanged) {

  /** Validates the counts. */
  public IngestResult {
    Checks.nonNegative(received, "received");
    Checks.nonNegative(written, "written");
    Checks.nonNegative(unchanged, "unchanged");
    Checks.check(written + unchanged == received, "written + unchanged", written + unchanged,
        "equal to received " + received);
  }

  /** Returns the empty result. */
  public static IngestResult empty() {
    return new IngestResult(0, 0, 0);
  }

  /** Returns the sum of this result and another. */
  public IngestResult plus(IngestResult other) {
    return new IngestResult(received + other.received, written + other.written, unchanged + other.unchanged);
  }
}
