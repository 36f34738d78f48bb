package dev.parapet.compliance.journal;

import dev.parapet.api.Checks;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What verifying a journal found: how many records were read and verified, the sequence range, the
 * hash of the last good record, and the first break if any. Immutable and thread-safe.
 *
 * @param directory the journal directory
 * @param segments the number of segment files
 * @param records the number of records read and verified before the first break (all if none)
 * @param firstSequence the first sequence number present (0 when there are no records)
 * @param lastSequence the last good sequence number (0 when there are none)
 * @param lastHash the SHA-256 of the last good record in hex (the chain head; anchor it elsewhere to
 *     detect a rewrite of the whole chain), or the empty string when there are no records
 * @param firstBreak the first break, if any
 */
public record JournalVerification(Path directory, int segments, long records, long firstSequence,
    long lastSequence, String lastHash, Optional<JournalBreak> firstBreak) {

  /** Validates the fields. */
  public JournalVerification {
    Checks.notNull(directory, "directory");
    Checks.notNull(lastHash, "lastHash");
    Checks.notNull(firstBreak, "firstBreak");
  }

  /** Returns true when every byte of every segment belongs to a verified record. */
  public boolean intact() {
    return firstBreak.isEmpty();
  }

  /** Returns true when the only problem is a torn tail, which opening the journal truncates. */
  public boolean onlyTornTail() {
    return firstBreak.isPresent() && firstBreak.get().kind() == JournalBreak.Kind.TORN_TAIL;
  }
}
