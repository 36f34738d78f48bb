package dev.parapet.benchmarks.compliance;

import dev.parapet.api.fixtures.TestInstruments;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Side;
import dev.parapet.compliance.journal.AuditJournal;
import dev.parapet.compliance.journal.AuditRecords;
import dev.parapet.compliance.journal.Durability;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The audit journal: records per second with group commit (target at least 200,000), and the cost of one
 * record forced to the device, each beside a naive baseline: JSON lines appended to a file with no
 * checksum or hash chain, forced at the same points.
 * <p>
 * The record is a realistic {@code decision} payload of about 420 bytes (an order rejected with two
 * reasons). {@code groupCommit}: one thread appends bursts of 20,000 records with {@code appendAsync}
 * while the flusher commits, then waits until the last is durable ({@code awaitDurable}), so every
 * record counted was forced to the device. {@code groupCommitBatchWait}: batches of 1,000, each waiting
 * for its own last record, so appending and forcing never overlap. The journal commits every 2 ms.
 * {@code naiveGroupCommit}: bursts of 20,000 JSON lines through a {@code BufferedOutputStream}, then one
 * flush and {@code FileDescriptor.sync()}. {@code everyRecord}:
 * one {@code append} with {@link Durability#everyRecord()} (write and {@code fdatasync}).
 * {@code naiveEveryRecord}: one JSON line written and {@code FileDescriptor.sync()} ({@code fsync}).
 * Files go to {@code java.io.tmpdir} and are deleted afterwards.
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar AuditJournalBenchmark -prof gc}
 */
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AuditJournalBenchmark {

  private static final int BATCH = 1000;
  private static final int BURST = 20_000;

  private Path dir;
  private AuditJournal group;
  private AuditJournal every;
  private FileOutputStream naiveFile;
  private BufferedOutputStream naiveBuffered;
  private FileOutputStream naiveSyncFile;
  private String payload;
  private long naiveSequence;

  /** Opens the journals and the baseline files in a fresh temporary directory. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("parapet-journal-bench");
    group = AuditJournal.builder(dir.resolve("group")).clock(InstantSource.system())
        .durability(Durability.groupCommit(Duration.ofMillis(2))).open();
    every = AuditJournal.builder(dir.resolve("every")).clock(InstantSource.system())
        .durability(Durability.everyRecord()).open();
    naiveFile = new FileOutputStream(dir.resolve("naive-group.jsonl").toFile(), true);
    naiveBuffered = new BufferedOutputStream(naiveFile, 1 << 16);
    naiveSyncFile = new FileOutputStream(dir.resolve("naive-every.jsonl").toFile(), true);
    OrderRequest order = TestInstruments.limit("O-20240305-000123", "FUND-A", TestInstruments.AAPL, Side.BUY, 25_000,
        190.55);
    GateDecision.Builder b = GateDecision.builder().reset(order.clientOrderId());
    b.reject(ReasonCode.MAX_ORDER_NOTIONAL, "compliance/fat-finger",
        "order notional 4763750 exceeds the maximum 1000000", 1_000_000, 4_763_750);
    b.warn(ReasonCode.ADV_PARTICIPATION, "compliance/adv-participation",
        "order quantity 25000 is 0.045455% of the average daily volume 55000000 of AAPL", 0.01, 0.045455);
    payload = AuditRecords.decision(order, b.build());
  }

  /** Closes everything and deletes the files. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    group.close();
    every.close();
    naiveBuffered.close();
    naiveSyncFile.close();
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /**
   * Records per second with group commit every 2 ms: one thread appends a burst of {@value #BURST}
   * records with {@code appendAsync} (the flusher commits while it appends; back-pressure holds the
   * appender when 8 MiB wait) and then waits until the last is durable, so every record counted was
   * forced to the device within the measured time.
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(BURST)
  public long groupCommit() {
    long last = 0;
    for (int i = 0; i < BURST; i++) {
      last = group.appendAsync(AuditRecords.DECISION, payload);
    }
    group.awaitDurable(last);
    return last;
  }

  /**
   * Records per second with group commit every 2 ms, strictly: each batch of 1,000 waits until its last
   * record is durable before the next starts (no overlap; what one thread that must see each batch
   * acknowledged gets).
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(BATCH)
  public long groupCommitBatchWait() {
    long last = 0;
    for (int i = 0; i < BATCH; i++) {
      last = group.appendAsync(AuditRecords.DECISION, payload);
    }
    group.awaitDurable(last);
    return last;
  }

  /** The baseline: JSON lines, buffered, one fsync per burst of 20,000. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(BURST)
  public long naiveGroupCommit() throws IOException {
    for (int i = 0; i < BURST; i++) {
      naiveBuffered.write(line().getBytes(StandardCharsets.UTF_8));
    }
    naiveBuffered.flush();
    naiveFile.getFD().sync();
    return naiveSequence;
  }

  /** The cost of one record forced to the device before it is acknowledged. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public long everyRecord() {
    return every.append(AuditRecords.DECISION, payload);
  }

  /** The baseline: one JSON line written and fsynced. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public long naiveEveryRecord() {
    try {
      naiveSyncFile.write(line().getBytes(StandardCharsets.UTF_8));
      naiveSyncFile.getFD().sync();
      return naiveSequence;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String line() {
    return "{\"sequence\":" + (++naiveSequence) + ",\"time\":\"" + Instant.now() + "\",\"type\":\"decision\","
        + "\"payload\":" + payload + "}\n";
  }
}
