package dev.parapet.compliance.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that writes the journal ({@code Process.destroyForcibly()}, SIGKILL on Linux) at
 * random moments, several rounds, alternating every-record and group-commit durability. After each
 * kill: every record the child reported acknowledged is present with its payload, the chain verifies
 * (a torn tail is the only problem allowed), and the next child truncates the torn tail on open. Some
 * rounds add a torn record by hand (the kernel rarely leaves a partial write behind a SIGKILL), so the
 * truncation path is exercised deterministically.
 */
class JournalCrashTest {

  @TempDir
  Path dir;

  private record Ack(long sequence, String token) {
  }

  @Test
  void every_acknowledged_record_survives_kill_9_and_the_torn_tail_is_truncated() throws Exception {
    long seed = System.nanoTime();
    System.out.println("JournalCrashTest seed " + seed);
    Random random = new Random(seed);
    String javaExe = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("java.class.path");
    Map<Long, String> acknowledged = new HashMap<>();
    long injectedTorn = -1;
    int rounds = 6;
    for (int round = 1; round <= rounds; round++) {
      String mode = round % 2 == 1 ? "every" : "group";
      int threads = mode.equals("every") ? 1 : 4;
      Process child = new ProcessBuilder(javaExe, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classpath,
          JournalWriterMain.class.getName(), dir.toString(), mode, Integer.toString(round), Integer.toString(threads))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      List<String> lines = new ArrayList<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
            StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            synchronized (lines) {
              lines.add(line);
              lines.notifyAll();
            }
          }
        } catch (Exception e) {
          // the pipe closes when the child is killed
        }
      });
      reader.start();
      int target = 20 + random.nextInt(200);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      synchronized (lines) {
        while (lines.size() < target + 1 && System.nanoTime() < deadline && child.isAlive()) {
          lines.wait(50);
        }
      }
      Thread.sleep(random.nextInt(15));
      child.destroyForcibly();
      assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
      reader.join();
      List<String> got;
      synchronized (lines) {
        got = new ArrayList<>(lines);
      }
      assertThat(got).as("round %d output", round).isNotEmpty();
      String[] open = got.get(0).split(" ");
      assertThat(open[0]).isEqualTo("OPEN");
      if (injectedTorn > 0) {
        assertThat(Long.parseLong(open[2])).as("round %d truncated the injected torn record", round)
            .isEqualTo(injectedTorn);
      }
      injectedTorn = -1;
      List<Ack> acks = new ArrayList<>();
      for (String line : got.subList(1, got.size())) {
        String[] p = line.split(" ");
        if (p.length == 3 && p[0].equals("ACK")) {
          acks.add(new Ack(Long.parseLong(p[1]), p[2]));
        }
      }
      assertThat(acks).as("round %d acknowledged records", round).isNotEmpty();
      for (Ack a : acks) {
        acknowledged.put(a.sequence(), a.token());
      }

      JournalVerification v = AuditJournal.verify(dir);
      assertThat(v.intact() || v.onlyTornTail()).as("round %d: %s", round, v).isTrue();
      Map<Long, String> present = new HashMap<>();
      try (Stream<JournalRecord> records = AuditJournal.read(dir)) {
        records.forEach(r -> present.put(r.sequence(), r.payload()));
      }
      for (Map.Entry<Long, String> a : acknowledged.entrySet()) {
        assertThat(present).as("round %d: acknowledged record %d", round, a.getKey()).containsKey(a.getKey());
        assertThat(present.get(a.getKey())).contains("\"token\":\"" + a.getValue() + "\"");
      }
      System.out.printf("round %d (%s): %d acknowledged, %d present, %s%n", round, mode, acks.size(), present.size(),
          v.intact() ? "intact" : "torn tail " + v.firstBreak().orElseThrow());

      if (v.intact() && round % 3 != 0) {
        injectedTorn = injectTornRecord(random, v.lastSequence() + 1);
      }
    }
    try (AuditJournal j = AuditJournal.builder(dir).clock(java.time.InstantSource.system()).open()) {
      assertThat(j.lastSequence()).isGreaterThanOrEqualTo(acknowledged.keySet().stream().mapToLong(x -> x).max()
          .orElseThrow());
    }
    JournalVerification last = AuditJournal.verify(dir);
    assertThat(last.intact()).as("%s", last).isTrue();
  }

  /** Appends the first bytes of a would-be record to the last segment, as a crash mid-write leaves them. */
  private long injectTornRecord(Random random, long sequence) throws Exception {
    Path last;
    try (Stream<Path> s = Files.list(dir)) {
      last = s.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().reduce((a, b) -> b).orElseThrow();
    }
    int length = 1 + random.nextInt(120);
    ByteBuffer b = ByteBuffer.allocate(Math.max(length, 12));
    b.putInt(200).putLong(sequence);
    byte[] bytes = new byte[length];
    System.arraycopy(b.array(), 0, bytes, 0, length);
    Files.write(last, bytes, StandardOpenOption.APPEND);
    return length;
  }
}
