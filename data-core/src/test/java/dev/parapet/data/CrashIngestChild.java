package dev.parapet.data;

import dev.parapet.api.fixtures.FakeCalendar;
import dev.parapet.api.model.BarInterval;
import dev.parapet.api.time.SimulatedClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The child JVM of {@link CrashDurabilityTest}: ingests batches forever, reporting each commit on stdout. */
public final class CrashIngestChild {

  static final int BATCH = 10_000;

  private CrashIngestChild() {
  }

  /** Args: the store directory. */
  public static void main(String[] args) {
    JdbcHistoryStore store = JdbcHistoryStore.openEmbedded(Path.of(args[0]), FakeCalendar.of2024(),
        SimulatedClock.at(Instant.parse("2024-01-01T00:00:00Z")));
    store.putInstruments(List.of("AAA"));
    BarBatch batch = new BarBatch(BATCH);
    long ts = 0;
    for (int b = 1; ; b++) {
      batch.clear();
      for (int i = 0; i < BATCH; i++) {
        batch.add("AAA", BarInterval.ONE_MINUTE, ts, 10, 11, 9, 10, 1, Double.NaN);
        ts += 60_000;
      }
      store.ingest(batch);
      System.out.println("committed " + b);
      System.out.flush();
    }
  }
}
