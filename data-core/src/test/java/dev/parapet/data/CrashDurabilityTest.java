package dev.parapet.data;

import dev.parapet.api.fixtures.FakeCalendar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.api.model.BarInterval;
import dev.parapet.api.time.SimulatedClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL) a child JVM in the middle of an ingest into the embedded store and checks that every
 * batch it reported committed is there, and no part of the batch it was writing.
 */
class CrashDurabilityTest {

  @TempDir
  Path dir;

  @Test
  void committed_batches_survive_a_kill_9_mid_ingest() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        CrashIngestChild.class.getName(), dir.toString()).redirectErrorStream(true).start();
    int committed = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("committed ")) {
          committed = Integer.parseInt(line.substring(10));
          if (committed == 3) {
            p.destroyForcibly(); // SIGKILL while batch 4 is being written
            break;
          }
        }
      }
    } finally {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(committed).isEqualTo(3);
    try (JdbcHistoryStore store = JdbcHistoryStore.openEmbedded(dir, FakeCalendar.of2024(),
        SimulatedClock.at(Instant.parse("2024-01-01T00:00:00Z")))) {
      int rows = store.getBars("AAA", BarInterval.ONE_MINUTE, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
          .size();
      // at least the 3 reported batches; whole batches only (batch 4 may have committed before the kill landed)
      assertThat(rows).isGreaterThanOrEqualTo(3 * CrashIngestChild.BATCH);
      assertThat(rows % CrashIngestChild.BATCH).isZero();
    }
  }
}
