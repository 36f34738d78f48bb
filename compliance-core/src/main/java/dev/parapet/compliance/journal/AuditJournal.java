package dev.parapet.compliance.journal;

import dev.parapet.api.Checks;
import dev.parapet.api.InvalidValueException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit journal: an append-only sequence of records in segment files of one directory, each record
 * length-prefixed, CRC32C-checksummed and SHA-256 hash-chained to the one before it (format in the
 * package's {@code JournalFormat}: {@code journal-<first sequence>.log} files of a 64-byte header and
 * back-to-back records).
 * <p>
 * <b>Acknowledged.</b> A record is acknowledged when {@link #append} returns its sequence number, or
 * when {@link #awaitDurable} returns for a sequence at or after it. What acknowledged guarantees is set
 * by the {@link Durability}: with {@link Durability#everyRecord()} and
 * {@link Durability#groupCommit(java.time.Duration)} the record has been written and forced to the
 * device ({@code fdatasync}); with {@link Durability#osBuffered()} it has been handed to the operating
 * system. {@link #appendAsync} returns a sequence number that is not yet acknowledged under group
 * commit. An acknowledged record is never lost by a crash of the process; nothing is acknowledged
 * after an I/O failure, after which every call throws {@link JournalException}.
 * <p>
 * <b>Opening</b> verifies every segment (CRC, sequence, hash chain), truncates a torn tail left by a
 * crash (an incomplete last record, which was never acknowledged), and refuses a journal with any other
 * break by throwing {@link JournalCorruptedException}; {@link #openReport()} says what was found.
 * Verification reads every byte, so opening costs time proportional to the journal's size.
 * <p>
 * <b>Reading</b>: {@link #read(Path)} streams the records (stopping silently at a torn tail, so it
 * may run while a writer appends) and {@link #verify(Path)} checks a directory without changing it.
 * <p>
 * Thread-safe: any number of threads may append; sequence order is the order appends take the lock.
 * One writer per directory (the caller's duty: two processes appending to the same directory would
 * break the chain).
 */
public final class AuditJournal implements AuditTrail, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AuditJournal.class);
  private static final int INITIAL_BUFFER = 1 << 20;

  private final Path directory;
  private final Durability durability;
  private final InstantSource clock;
  private final long segmentBytes;
  private final int maxPendingBytes;
  private final JournalVerification openReport;
  private final long truncatedBytes;

  private final ReentrantLock lock = new ReentrantLock();
  /** Signalled to wake the flusher early (back-pressure, close). */
  private final Condition flushNeeded = lock.newCondition();
  /** Signalled when the durable sequence advances or the journal fails or closes. */
  private final Condition progress = lock.newCondition();
  private final MessageDigest digest = JournalFormat.sha256();
  private final CRC32C crc = new CRC32C();
  private final byte[] chain = new byte[JournalFormat.HASH_LENGTH];
  // guarded by lock
  private ByteBuffer active = ByteBuffer.allocate(INITIAL_BUFFER);
  private ByteBuffer spare = ByteBuffer.allocate(INITIAL_BUFFER);
  private long lastSequence;
  private long durableSequence;
  private long activeFirstSequence;
  private final byte[] activePrevHash = new byte[JournalFormat.HASH_LENGTH];
  private boolean closed;
  private Throwable failure;
  // segment state: owned by the writer (the appender under lock, or the flusher thread)
  private FileChannel channel;
  private long segmentSize;
  private final Thread flusher;

  private AuditJournal(Builder b) {
    this.directory = b.directory;
    this.durability = b.durability;
    this.clock = b.clock;
    this.segmentBytes = b.segmentBytes;
    this.maxPendingBytes = b.maxPendingBytes;
    try {
      Files.createDirectories(directory);
      JournalScanner.Result r = JournalScanner.scan(directory);
      this.openReport = r.verification();
      if (r.firstBreak != null && r.firstBreak.kind() != JournalBreak.Kind.TORN_TAIL) {
        throw new JournalCorruptedException(openReport);
      }
      long truncated = 0;
      if (r.firstBreak != null) {
        Path torn = r.firstBreak.segment();
        truncated = Files.size(torn) - r.lastSegmentValidLength;
        if (r.lastSegmentValidLength < JournalFormat.HEADER_LENGTH) {
          Files.delete(torn);
        } else {
          try (FileChannel ch = FileChannel.open(torn, StandardOpenOption.WRITE)) {
            ch.truncate(r.lastSegmentValidLength);
            ch.force(true);
          }
        }
        LOG.warn("audit journal {}: truncated a torn tail of {} bytes ({})", directory, truncated, r.firstBreak);
      }
      this.truncatedBytes = truncated;
      System.arraycopy(r.lastHash, 0, chain, 0, chain.length);
      lastSequence = r.anyRecord ? r.lastSequence : r.firstSequence > 0 ? r.firstSequence - 1 : 0;
      durableSequence = lastSequence;
      Path lastSegment = JournalScanner.listSegments(directory).stream().reduce((x, y) -> y).orElse(null);
      if (lastSegment == null) {
        openNewSegment(lastSequence + 1, chain);
      } else {
        channel = FileChannel.open(lastSegment, StandardOpenOption.WRITE);
        segmentSize = channel.size();
        channel.position(segmentSize);
      }
    } catch (IOException e) {
      throw new JournalException("cannot open audit journal " + directory + ": " + e.getMessage(), e);
    }
    if (durability.mode() == Durability.Mode.GROUP_COMMIT) {
      flusher = new Thread(this::flushLoop, "parapet-journal-flusher");
      flusher.setDaemon(true);
      flusher.start();
    } else {
      flusher = null;
    }
  }

  /** Returns a builder for a journal in a directory (created if missing). */
  public static Builder builder(Path directory) {
    return new Builder(directory);
  }

  /**
   * Verifies a journal directory without changing it.
   *
   * @throws JournalException if the files cannot be read
   */
  public static JournalVerification verify(Path directory) {
    Checks.notNull(directory, "directory");
    try {
      return JournalScanner.scan(directory).verification();
    } catch (IOException e) {
      throw new JournalException("cannot read audit journal " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads every record in order, as a lazy stream that must be closed (it holds a file open). The records
   * are verified as they are read; the stream ends quietly at a torn tail and throws
   * {@link JournalCorruptedException} at a break, after the records before it.
   */
  public static Stream<JournalRecord> read(Path directory) {
    Checks.notNull(directory, "directory");
    JournalScanner scanner;
    try {
      scanner = new JournalScanner(directory, true);
    } catch (IOException e) {
      throw new JournalException("cannot read audit journal " + directory + ": " + e.getMessage(), e);
    }
    Spliterator<JournalRecord> it = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
        Spliterator.ORDERED | Spliterator.NONNULL) {
      @Override
      public boolean tryAdvance(Consumer<? super JournalRecord> action) {
        boolean more;
        try {
          more = scanner.advance();
        } catch (IOException e) {
          throw new JournalException("cannot read audit journal " + directory + ": " + e.getMessage(), e);
        }
        if (more) {
          action.accept(scanner.current());
          return true;
        }
        JournalScanner.Result r = scanner.result();
        if (r.firstBreak != null && r.firstBreak.kind() != JournalBreak.Kind.TORN_TAIL) {
          throw new JournalCorruptedException(r.verification());
        }
        return false;
      }
    };
    return StreamSupport.stream(it, false).onClose(() -> {
      try {
        scanner.close();
      } catch (IOException e) {
        throw new JournalException("cannot close audit journal " + directory, e);
      }
    });
  }

  // ----------------------------------------------------------------------------------------------
  // appending

  /**
   * Appends a record and returns its sequence number once it is acknowledged (see the class comment).
   *
   * @param type the record type: lower case letters, digits, '.' and '-', starting with a letter, at
   *     most 64 characters
   * @param jsonPayload the payload, a JSON object (not parsed here)
   * @return the sequence number
   * @throws JournalException if the journal is closed or failed
   */
  public long append(String type, String jsonPayload) {
    long seq = appendAsync(type, jsonPayload);
    awaitDurable(seq);
    return seq;
  }

  @Override
  public long record(String type, String jsonPayload) {
    return append(type, jsonPayload);
  }

  /**
   * Appends a record and returns its sequence number at once. Under group commit the record is not yet
   * acknowledged: call {@link #awaitDurable(long)}. Under the other policies it already is.
   *
   * @throws JournalException if the journal is closed or failed
   */
  public long appendAsync(String type, String jsonPayload) {
    // hot path: allocation-free apart from the clock's Instant (see AuditJournalBenchmark)
    Checks.notNull(type, "type");
    if (!JournalFormat.validType(type)) {
      throw new InvalidValueException("type", "'" + type + "'",
          "lower case letters, digits, '.' and '-', starting with a letter, at most 64 characters", null);
    }
    Checks.notNull(jsonPayload, "jsonPayload");
    int payloadBytes = JournalFormat.utf8Length(jsonPayload);
    int length = JournalFormat.recordLength(type.length(), payloadBytes);
    if (length - JournalFormat.RECORD_OVERHEAD > JournalFormat.MAX_BODY) {
      throw new InvalidValueException("jsonPayload", payloadBytes + " bytes", "at most "
          + (JournalFormat.MAX_BODY - 100) + " bytes of UTF-8", null);
    }
    Instant now = clock.instant();
    long nanos = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
    lock.lock();
    try {
      checkUsable();
      if (durability.mode() == Durability.Mode.GROUP_COMMIT) {
        while (active.position() >= maxPendingBytes && failure == null && !closed) {
          flushNeeded.signal();
          awaitProgress();
        }
        checkUsable();
      }
      if (active.position() == 0) {
        activeFirstSequence = lastSequence + 1;
        System.arraycopy(chain, 0, activePrevHash, 0, chain.length);
      }
      if (active.remaining() < length) {
        ByteBuffer grown = ByteBuffer.allocate(Math.max(active.capacity() * 2, active.position() + length));
        active.flip();
        grown.put(active);
        active = grown;
      }
      long seq = lastSequence + 1;
      JournalFormat.encode(active, seq, nanos, type, jsonPayload, payloadBytes, chain, digest, crc);
      lastSequence = seq;
      if (durability.mode() != Durability.Mode.GROUP_COMMIT) {
        try {
          writeBatch(active, activeFirstSequence, activePrevHash, durability.mode() == Durability.Mode.EVERY_RECORD);
        } catch (IOException e) {
          fail(e);
          throw new JournalException("audit journal " + directory + " failed to write record " + seq, e);
        } finally {
          active.clear();
        }
        durableSequence = seq;
      }
      return seq;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until every record up to {@code sequence} is acknowledged.
   *
   * @throws JournalException if the journal fails or closes before, or the thread is interrupted
   *     (the interrupt flag is kept)
   */
  public void awaitDurable(long sequence) {
    lock.lock();
    try {
      if (sequence > lastSequence) {
        throw new InvalidValueException("sequence", Long.toString(sequence), "<= the last appended sequence "
            + lastSequence, null);
      }
      while (durableSequence < sequence) {
        if (failure != null) {
          throw new JournalException("audit journal " + directory + " failed; record " + sequence
              + " is not durable", failure);
        }
        if (closed && flusher == null) {
          throw new JournalException("audit journal " + directory + " is closed");
        }
        awaitProgress();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Returns the sequence number of the last record appended (acknowledged or not), 0 if none. */
  public long lastSequence() {
    lock.lock();
    try {
      return lastSequence;
    } finally {
      lock.unlock();
    }
  }

  /** Returns the sequence number up to which every record is acknowledged. */
  public long durableSequence() {
    lock.lock();
    try {
      return durableSequence;
    } finally {
      lock.unlock();
    }
  }

  /** Returns the durability policy. */
  public Durability durability() {
    return durability;
  }

  /** Returns the directory. */
  public Path directory() {
    return directory;
  }

  /** Returns what verification found when the journal was opened (before any torn tail was truncated). */
  public JournalVerification openReport() {
    return openReport;
  }

  /** Returns the number of bytes of torn tail truncated on open (0 if none). */
  public long truncatedBytes() {
    return truncatedBytes;
  }

  /** Flushes and forces what is pending, stops the flusher and closes the files. Idempotent. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      flushNeeded.signal();
      progress.signalAll();
    } finally {
      lock.unlock();
    }
    if (flusher != null) {
      try {
        flusher.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    lock.lock();
    try {
      if (failure == null) {
        channel.force(true);
      }
      channel.close();
    } catch (IOException e) {
      fail(e);
      throw new JournalException("audit journal " + directory + " failed to close", e);
    } finally {
      lock.unlock();
    }
  }

  // ----------------------------------------------------------------------------------------------
  // writing (the appender under lock, or the flusher thread)

  private void flushLoop() {
    long intervalNanos = durability.interval().toNanos();
    byte[] batchPrev = new byte[JournalFormat.HASH_LENGTH];
    long deadline = System.nanoTime() + intervalNanos;
    while (true) {
      ByteBuffer batch;
      long batchLast;
      long batchFirst;
      lock.lock();
      try {
        // commits start every interval (measured from the start of the previous one); when a commit took
        // longer than the interval, the next starts at once with everything that gathered meanwhile
        long left = deadline - System.nanoTime();
        while (!closed && failure == null && active.position() < maxPendingBytes && left > 0) {
          try {
            left = flushNeeded.awaitNanos(left);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
            return;
          }
        }
        if (failure != null) {
          return;
        }
        deadline = System.nanoTime() + intervalNanos;
        if (active.position() == 0) {
          if (closed) {
            progress.signalAll();
            return;
          }
          continue;
        }
        batch = active;
        active = spare;
        spare = null;
        batchLast = lastSequence;
        batchFirst = activeFirstSequence;
        System.arraycopy(activePrevHash, 0, batchPrev, 0, batchPrev.length);
        progress.signalAll(); // appenders held back by a full buffer may go on
      } finally {
        lock.unlock();
      }
      try {
        writeBatch(batch, batchFirst, batchPrev, true);
      } catch (IOException | RuntimeException e) {
        lock.lock();
        try {
          fail(e);
        } finally {
          lock.unlock();
        }
        return;
      }
      lock.lock();
      try {
        durableSequence = batchLast;
        batch.clear();
        spare = batch;
        progress.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Writes a buffer of whole records (rolling to a new segment first if the current one is full) and
   * forces it if asked. The buffer is flipped for writing; the caller clears it.
   */
  private void writeBatch(ByteBuffer batch, long firstSequence, byte[] prevHash, boolean force) throws IOException {
    if (segmentSize >= segmentBytes && segmentSize > JournalFormat.HEADER_LENGTH) {
      channel.force(true);
      channel.close();
      openNewSegment(firstSequence, prevHash);
    }
    batch.flip();
    while (batch.hasRemaining()) {
      segmentSize += channel.write(batch);
    }
    if (force) {
      channel.force(false);
    }
  }

  private void openNewSegment(long firstSequence, byte[] prevHash) throws IOException {
    Path file = directory.resolve(JournalFormat.segmentName(firstSequence));
    channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    ByteBuffer header = JournalFormat.header(firstSequence, prevHash);
    while (header.hasRemaining()) {
      channel.write(header);
    }
    channel.force(true);
    segmentSize = JournalFormat.HEADER_LENGTH;
    forceDirectory();
  }

  /** Makes a new file's directory entry durable; a no-op where directories cannot be opened (Windows). */
  private void forceDirectory() {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug("cannot force directory {}: {}", directory, e.toString());
    }
  }

  private void checkUsable() {
    if (failure != null) {
      throw new JournalException("audit journal " + directory + " has failed and accepts no more records", failure);
    }
    if (closed) {
      throw new JournalException("audit journal " + directory + " is closed");
    }
  }

  /** Records the first failure and wakes everyone; the caller holds the lock. */
  private void fail(Throwable e) {
    if (failure == null) {
      failure = e;
      LOG.error("audit journal {} failed: nothing more will be acknowledged", directory, e);
    }
    progress.signalAll();
    flushNeeded.signal();
  }

  /** Waits for progress; the caller holds the lock. */
  private void awaitProgress() {
    try {
      progress.await(100, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JournalException("interrupted while waiting for audit journal " + directory, e);
    }
  }

  @Override
  public String toString() {
    return "AuditJournal[" + directory + ", " + durability + "]";
  }

  /** A builder of {@link AuditJournal}; not thread-safe. */
  public static final class Builder {
    private final Path directory;
    private Durability durability = Durability.groupCommit(java.time.Duration.ofMillis(2));
    private InstantSource clock;
    private long segmentBytes = 256L * 1024 * 1024;
    private int maxPendingBytes = 8 * 1024 * 1024;

    private Builder(Path directory) {
      this.directory = Checks.notNull(directory, "directory");
    }

    /** Sets the durability policy (default: group commit every 2 ms). */
    public Builder durability(Durability durability) {
      this.durability = Checks.notNull(durability, "durability");
      return this;
    }

    /** Sets the clock that stamps records (required). */
    public Builder clock(InstantSource clock) {
      this.clock = clock;
      return this;
    }

    /** Sets the size after which a new segment file is started (default 256 MiB; at least 4 KiB). */
    public Builder segmentBytes(long segmentBytes) {
      this.segmentBytes = Checks.positive(segmentBytes, "segmentBytes");
      Checks.check(segmentBytes >= 4096, "segmentBytes", segmentBytes, ">= 4096");
      return this;
    }

    /**
     * Sets how many bytes may wait for a group commit before appenders block (default 8 MiB): the
     * back-pressure that bounds memory when appends outrun the device.
     */
    public Builder maxPendingBytes(int maxPendingBytes) {
      this.maxPendingBytes = Checks.positive(maxPendingBytes, "maxPendingBytes");
      return this;
    }

    /**
     * Opens the journal: verifies it, truncates a torn tail and positions for appending.
     *
     * @throws JournalCorruptedException if the journal has a break other than a torn tail
     * @throws JournalException if the files cannot be opened
     */
    public AuditJournal open() {
      Checks.notNull(clock, "clock");
      return new AuditJournal(this);
    }
  }
}
