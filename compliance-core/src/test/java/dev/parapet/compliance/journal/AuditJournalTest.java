package dev.parapet.compliance.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.api.time.SimulatedClock;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditJournalTest {

  @TempDir
  Path dir;

  private final SimulatedClock clock = SimulatedClock.at(Instant.parse("2024-03-05T15:00:00.123456789Z"));

  private AuditJournal open(Durability durability) {
    return AuditJournal.builder(dir).durability(durability).clock(clock).open();
  }

  private static String payload(int i) {
    return "{\"n\":" + i + ",\"text\":\"record " + i + " \u00e9\"}";
  }

  private List<JournalRecord> readAll() {
    try (Stream<JournalRecord> s = AuditJournal.read(dir)) {
      return s.toList();
    }
  }

  /** The record layout as the format documents it, rebuilt here independently of the writer. */
  private static int recordLength(String type, String payload) {
    return 4 + 8 + 8 + 2 + type.length() + payload.getBytes(StandardCharsets.UTF_8).length + 32 + 4;
  }

  private Path onlySegment() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().reduce((a, b) -> b).orElseThrow();
    }
  }

  @Test
  void round_trips_records_in_every_durability_mode_and_matches_the_documented_format() throws Exception {
    List<Durability> modes = List.of(Durability.everyRecord(), Durability.groupCommit(Duration.ofMillis(1)),
        Durability.osBuffered());
    int n = 0;
    for (Durability mode : modes) {
      try (AuditJournal j = open(mode)) {
        for (int i = 0; i < 5; i++) {
          n++;
          assertThat(j.append("test.record", payload(n))).isEqualTo(n);
          assertThat(j.durableSequence()).isGreaterThanOrEqualTo(n);
          clock.advance(Duration.ofMillis(3));
        }
      }
    }
    List<JournalRecord> records = readAll();
    assertThat(records).hasSize(15);
    // Independent chain check: SHA-256(prev || seq | time | typeLength | type | payload), from 32 zero bytes.
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] prev = new byte[32];
    Instant t = Instant.parse("2024-03-05T15:00:00.123456789Z");
    for (int i = 0; i < 15; i++) {
      JournalRecord r = records.get(i);
      assertThat(r.sequence()).isEqualTo(i + 1);
      assertThat(r.type()).isEqualTo("test.record");
      assertThat(r.payload()).isEqualTo(payload(i + 1));
      assertThat(r.time()).isEqualTo(t.plusMillis(3L * i));
      byte[] p = r.payload().getBytes(StandardCharsets.UTF_8);
      ByteBuffer body = ByteBuffer.allocate(18 + 11 + p.length);
      long nanos = r.time().getEpochSecond() * 1_000_000_000L + r.time().getNano();
      body.putLong(i + 1).putLong(nanos).putShort((short) 11).put("test.record".getBytes(StandardCharsets.US_ASCII))
          .put(p);
      sha.reset();
      sha.update(prev);
      prev = sha.digest(body.array());
      assertThat(r.hash()).isEqualTo(HexFormat.of().formatHex(prev));
    }
    JournalVerification v = AuditJournal.verify(dir);
    assertThat(v.intact()).isTrue();
    assertThat(v.records()).isEqualTo(15);
    assertThat(v.lastSequence()).isEqualTo(15);
    assertThat(v.lastHash()).isEqualTo(HexFormat.of().formatHex(prev));
    // one segment: 64-byte header plus the records
    long expectedSize = 64;
    for (int i = 1; i <= 15; i++) {
      expectedSize += recordLength("test.record", payload(i));
    }
    assertThat(Files.size(onlySegment())).isEqualTo(expectedSize);
    assertThat(records.get(0).toJson()).startsWith("{\"sequence\":1,\"time\":\"2024-03-05T15:00:00.123456789Z\","
        + "\"type\":\"test.record\",\"hash\":\"").endsWith("\"payload\":" + payload(1) + "}");
  }

  @Test
  void group_commit_acknowledges_through_await_durable() {
    try (AuditJournal j = open(Durability.groupCommit(Duration.ofMillis(5)))) {
      long last = 0;
      for (int i = 1; i <= 100; i++) {
        last = j.appendAsync("t", payload(i));
      }
      assertThat(last).isEqualTo(100);
      assertThat(j.lastSequence()).isEqualTo(100);
      j.awaitDurable(last);
      assertThat(j.durableSequence()).isEqualTo(100);
      assertThatThrownBy(() -> j.awaitDurable(101)).hasMessageContaining("sequence");
    }
    assertThat(AuditJournal.verify(dir).records()).isEqualTo(100);
  }

  @Test
  void concurrent_appenders_get_distinct_consecutive_sequences() throws Exception {
    int threads = 8;
    int each = 250;
    Set<Long> seen = ConcurrentHashMap.newKeySet();
    try (AuditJournal j = open(Durability.groupCommit(Duration.ofMillis(1)))) {
      List<Thread> ts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        Thread th = new Thread(() -> {
          for (int i = 0; i < each; i++) {
            seen.add(j.append("t", "{\"thread\":" + id + ",\"i\":" + i + "}"));
          }
        });
        ts.add(th);
        th.start();
      }
      for (Thread th : ts) {
        th.join();
      }
    }
    assertThat(seen).hasSize(threads * each);
    assertThat(seen).allSatisfy(s -> assertThat(s).isBetween(1L, (long) threads * each));
    assertThat(AuditJournal.verify(dir).intact()).isTrue();
    assertThat(readAll()).hasSize(threads * each);
  }

  @Test
  void reopening_continues_the_sequence_and_the_chain_across_segments() throws Exception {
    for (int round = 0; round < 3; round++) {
      try (AuditJournal j = AuditJournal.builder(dir).clock(clock).durability(Durability.osBuffered())
          .segmentBytes(4096).open()) {
        for (int i = 0; i < 40; i++) {
          j.append("t", payload(round * 40 + i + 1) + " ".repeat(60));
        }
      }
    }
    List<Path> segments;
    try (Stream<Path> s = Files.list(dir)) {
      segments = s.sorted().toList();
    }
    assertThat(segments.size()).isGreaterThanOrEqualTo(4);
    assertThat(segments.get(0).getFileName().toString()).isEqualTo("journal-00000000000000000001.log");
    JournalVerification v = AuditJournal.verify(dir);
    assertThat(v.intact()).isTrue();
    assertThat(v.records()).isEqualTo(120);
    assertThat(readAll()).extracting(JournalRecord::sequence).containsExactlyElementsOf(
        java.util.stream.LongStream.rangeClosed(1, 120).boxed().toList());
    // archiving the oldest segment keeps the rest verifiable: each header anchors its chain
    Files.delete(segments.get(0));
    JournalVerification archived = AuditJournal.verify(dir);
    assertThat(archived.intact()).isTrue();
    assertThat(archived.firstSequence()).isGreaterThan(1);
    assertThat(archived.lastSequence()).isEqualTo(120);
    // losing a segment in the middle is a gap
    Files.delete(segments.get(2));
    JournalVerification gap = AuditJournal.verify(dir);
    assertThat(gap.firstBreak()).hasValueSatisfying(b -> assertThat(b.kind()).isEqualTo(JournalBreak.Kind.SEQUENCE_GAP));
  }

  @Test
  void a_torn_tail_is_reported_then_truncated_on_open_and_the_journal_goes_on() throws Exception {
    try (AuditJournal j = open(Durability.everyRecord())) {
      for (int i = 1; i <= 10; i++) {
        j.append("t", payload(i));
      }
    }
    Path seg = onlySegment();
    long intactSize = Files.size(seg);
    // a crash in the middle of writing record 11: its first 30 bytes reached the file
    byte[] partial = new byte[30];
    ByteBuffer.wrap(partial).putInt(200).putLong(11);
    Files.write(seg, partial, StandardOpenOption.APPEND);
    JournalVerification torn = AuditJournal.verify(dir);
    assertThat(torn.intact()).isFalse();
    assertThat(torn.onlyTornTail()).isTrue();
    assertThat(torn.records()).isEqualTo(10);
    assertThat(torn.firstBreak()).hasValueSatisfying(b -> {
      assertThat(b.sequence()).isEqualTo(11);
      assertThat(b.offset()).isEqualTo(intactSize);
    });
    try (Stream<JournalRecord> s = AuditJournal.read(dir)) {
      assertThat(s.count()).isEqualTo(10); // reading stops quietly at a torn tail
    }
    try (AuditJournal j = open(Durability.everyRecord())) {
      assertThat(j.truncatedBytes()).isEqualTo(30);
      assertThat(j.openReport().onlyTornTail()).isTrue();
      assertThat(Files.size(seg)).isEqualTo(intactSize);
      assertThat(j.append("t", payload(11))).isEqualTo(11);
    }
    assertThat(AuditJournal.verify(dir).intact()).isTrue();
    assertThat(readAll()).hasSize(11);
  }

  @Test
  void flipping_any_single_byte_breaks_verification_at_the_record_that_holds_it() throws Exception {
    int records = 12;
    try (AuditJournal j = open(Durability.osBuffered())) {
      for (int i = 1; i <= records; i++) {
        j.append("t", payload(i));
      }
    }
    Path seg = onlySegment();
    byte[] original = Files.readAllBytes(seg);
    long[] starts = new long[records + 2];
    starts[1] = 64;
    for (int i = 1; i <= records; i++) {
      starts[i + 1] = starts[i] + recordLength("t", payload(i));
    }
    long seed = System.nanoTime();
    System.out.println("flipping_any_single_byte seed " + seed);
    Random random = new Random(seed);
    List<Integer> offsets = new ArrayList<>(List.of(0, 10, 63, 64, 65, 70, original.length - 1, original.length - 40));
    for (int k = 0; k < 40; k++) {
      offsets.add(random.nextInt(original.length));
    }
    for (int offset : offsets) {
      byte[] copy = original.clone();
      copy[offset] ^= (byte) (1 << random.nextInt(8));
      Files.write(seg, copy);
      long expected = 1;
      for (int i = 1; i <= records; i++) {
        if (offset >= starts[i]) {
          expected = i;
        }
      }
      JournalVerification v = AuditJournal.verify(dir);
      assertThat(v.intact()).as("flip at %d", offset).isFalse();
      assertThat(v.firstBreak().orElseThrow().sequence()).as("flip at %d: %s", offset, v.firstBreak())
          .isEqualTo(expected);
      if (!v.onlyTornTail()) {
        assertThatThrownBy(() -> open(Durability.osBuffered())).as("flip at %d", offset)
            .isInstanceOf(JournalCorruptedException.class).hasMessageContaining("record " + expected);
      }
    }
    Files.write(seg, original);
    assertThat(AuditJournal.verify(dir).intact()).isTrue();
  }

  @Test
  void rewriting_a_record_with_a_valid_checksum_breaks_the_hash_chain() throws Exception {
    try (AuditJournal j = open(Durability.osBuffered())) {
      j.append("t", "{\"amount\":100}");
      j.append("t", "{\"amount\":200}");
      j.append("t", "{\"amount\":300}");
    }
    Path seg = onlySegment();
    byte[] bytes = Files.readAllBytes(seg);
    int second = 64 + recordLength("t", "{\"amount\":100}");
    int payloadAt = second + 4 + 18 + 1;
    bytes[payloadAt + 10] = '9'; // {"amount":200} -> {"amount":900}
    int length = recordLength("t", "{\"amount\":900}");
    CRC32C crc = new CRC32C();
    crc.update(bytes, second, length - 4);
    ByteBuffer.wrap(bytes).putInt(second + length - 4, (int) crc.getValue());
    Files.write(seg, bytes);
    JournalVerification v = AuditJournal.verify(dir);
    assertThat(v.firstBreak()).hasValueSatisfying(b -> {
      assertThat(b.kind()).isEqualTo(JournalBreak.Kind.HASH_MISMATCH);
      assertThat(b.sequence()).isEqualTo(2);
    });
    // reading streams the good records, then fails at the break
    List<JournalRecord> got = new ArrayList<>();
    assertThatThrownBy(() -> {
      try (Stream<JournalRecord> records = AuditJournal.read(dir)) {
        records.forEach(got::add);
      }
    }).isInstanceOf(JournalCorruptedException.class).hasMessageContaining("record 2");
    assertThat(got).extracting(JournalRecord::payload).containsExactly("{\"amount\":100}");
  }

  @Test
  void refuses_bad_types_oversized_payloads_and_appends_after_close() throws IOException {
    AuditJournal j = open(Durability.everyRecord());
    assertThatThrownBy(() -> j.append("Bad Type", "{}")).hasMessageContaining("type");
    assertThatThrownBy(() -> j.append("", "{}")).hasMessageContaining("type");
    j.close();
    assertThatThrownBy(() -> j.append("t", "{}")).isInstanceOf(JournalException.class).hasMessageContaining("closed");
    j.close();
    try (RandomAccessFile f = new RandomAccessFile(onlySegment().toFile(), "r")) {
      assertThat(f.length()).isEqualTo(64);
    }
  }
}
