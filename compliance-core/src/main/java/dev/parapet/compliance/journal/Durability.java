package dev.parapet.compliance.journal;

import dev.parapet.api.Checks;
import java.time.Duration;
import java.util.Objects;

/**
 * When an appended journal record counts as acknowledged ("durable"), and so when
 * {@link AuditJournal#append} returns and {@link AuditJournal#awaitDurable} releases.
 * <ul>
 *   <li>{@link #everyRecord()}: the record is written and the file forced to the device
 *       ({@code FileChannel.force(false)}, i.e. {@code fdatasync}) before {@code appendAsync} returns.
 *       Survives a process crash and a power loss (as far as the device honours flushes). One device
 *       flush per record.</li>
 *   <li>{@link #groupCommit(Duration)}: records are gathered in memory and a background thread writes
 *       and forces them together every interval. {@code appendAsync} returns a sequence at once, before
 *       the record is durable; {@code append} and {@code awaitDurable} return after the group commit
 *       that contains it. Same guarantee as every-record once acknowledged; latency up to one interval
 *       plus one flush; one device flush per interval.</li>
 *   <li>{@link #osBuffered()}: each record is written to the operating system (page cache) before
 *       {@code appendAsync} returns, and forced only on close. Survives a crash of the process
 *       ({@code kill -9}) but not of the machine. For tests and for hosts that replicate elsewhere.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class Durability {

  /** The durability modes. */
  public enum Mode {
    /** Force to the device after every record. */
    EVERY_RECORD,
    /** Force groups of records every interval. */
    GROUP_COMMIT,
    /** Write to the operating system only. */
    OS_BUFFERED
  }

  private final Mode mode;
  private final Duration interval;

  private Durability(Mode mode, Duration interval) {
    this.mode = mode;
    this.interval = interval;
  }

  /** Returns the policy forcing every record to the device before it is acknowledged. */
  public static Durability everyRecord() {
    return new Durability(Mode.EVERY_RECORD, Duration.ZERO);
  }

  /**
   * Returns the group-commit policy.
   *
   * @param interval the commit interval, between 100 microseconds and 10 seconds (2 ms is a good start)
   */
  public static Durability groupCommit(Duration interval) {
    Checks.notNull(interval, "interval");
    Checks.check(interval.compareTo(Duration.ofNanos(100_000)) >= 0 && interval.compareTo(Duration.ofSeconds(10)) <= 0,
        "interval", interval, "between PT0.0001S and PT10S");
    return new Durability(Mode.GROUP_COMMIT, interval);
  }

  /** Returns the policy acknowledging records once the operating system has them. */
  public static Durability osBuffered() {
    return new Durability(Mode.OS_BUFFERED, Duration.ZERO);
  }

  /** Returns the mode. */
  public Mode mode() {
    return mode;
  }

  /** Returns the group-commit interval ({@link Duration#ZERO} for the other modes). */
  public Duration interval() {
    return interval;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Durability && ((Durability) o).mode == mode && ((Durability) o).interval.equals(interval);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mode, interval);
  }

  @Override
  public String toString() {
    return mode == Mode.GROUP_COMMIT ? "GROUP_COMMIT(" + interval + ")" : mode.name();
  }
}
