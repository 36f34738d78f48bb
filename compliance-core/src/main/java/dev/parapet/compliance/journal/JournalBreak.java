package dev.parapet.compliance.journal;

import dev.parapet.api.Checks;
import java.nio.file.Path;

/**
 * The first place where a journal is not intact: the sequence number of the record expected there, the
 * segment file and byte offset, what is wrong, and a detail. Immutable and thread-safe.
 *
 * @param sequence the sequence number of the record at (or expected at) that place
 * @param segment the segment file
 * @param offset the byte offset in the segment
 * @param kind what is wrong
 * @param detail a human-readable detail
 */
public record JournalBreak(long sequence, Path segment, long offset, Kind kind, String detail) {

  /** What is wrong at a break. */
  public enum Kind {
    /** The end of the last segment holds an incomplete record (a crash during a write); recoverable. */
    TORN_TAIL,
    /** A segment header is damaged or does not match its file name. */
    BAD_SEGMENT_HEADER,
    /** A record's length field is impossible. */
    BAD_LENGTH,
    /** A record's CRC32C does not match its bytes. */
    CRC_MISMATCH,
    /** A record's SHA-256 does not chain from the previous record's hash. */
    HASH_MISMATCH,
    /** A record or segment does not carry the next sequence number. */
    SEQUENCE_GAP
  }

  /** Validates the fields. */
  public JournalBreak {
    Checks.notNull(segment, "segment");
    Checks.nonNegative(offset, "offset");
    Checks.notNull(kind, "kind");
    Checks.notNull(detail, "detail");
  }

  @Override
  public String toString() {
    return "record " + sequence + " in " + segment.getFileName() + " at offset " + offset + ": " + kind + " ("
        + detail + ")";
  }
}
