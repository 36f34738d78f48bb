package dev.parapet.benchmarks.data;

import dev.parapet.api.data.ImputationPolicy;
import dev.parapet.data.JdbcHistoryStore;
import dev.parapet.data.quality.QualityConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the issue-7 targets once, reporting wall time and the calling thread's CPU time side by side.
 * On a machine shared with other builds wall time swings with the load; the thread's CPU time (SQLite runs
 * in the calling thread through JNI, so it is included; fsync waits and the PostgreSQL server are not)
 * approximates what a quiet machine shows. The JMH benchmarks in {@link HistoryStoreBenchmark} are the
 * reference for comparisons with baselines. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.parapet.benchmarks.data.HistoryStoreTargets [SQLITE|POSTGRESQL]}.
 */
public final class HistoryStoreTargets {

  private HistoryStoreTargets() {
  }

  /** Runs the measurements. */
  public static void main(String[] args) throws Exception {
    String engine = args.length > 0 ? args[0] : "SQLITE";
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    List<Runnable> cleanup = new ArrayList<>();
    JdbcHistoryStore store = HistoryStoreBenchmark.open(engine, cleanup);
    try {
      List<String> ids = HistoryStoreBenchmark.ids(500);
      List<LocalDate> days = HistoryStoreBenchmark.sessions(2000);
      long c0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      HistoryStoreBenchmark.load(store, ids, days, 5);
      report(engine, "ingest 1,000,000 bars (bars/s)", 1e6 / ((System.nanoTime() - t0) / 1e9),
          1e6 / ((mx.getCurrentThreadCpuTime() - c0) / 1e9), "%,.0f");
      for (int r = 0; r < 3; r++) {
        c0 = mx.getCurrentThreadCpuTime();
        t0 = System.nanoTime();
        store.checkQuality(days.get(0), days.get(days.size() - 1), QualityConfig.defaults());
        report(engine, "quality checks, 1,000,000 bars (ms)", (System.nanoTime() - t0) / 1e6,
            (mx.getCurrentThreadCpuTime() - c0) / 1e6, "%.0f");
      }
      for (int r = 0; r < 5; r++) {
        c0 = mx.getCurrentThreadCpuTime();
        t0 = System.nanoTime();
        store.returnMatrix(ids, days.get(1000), days.get(1499), ImputationPolicy.FORWARD_FILL);
        report(engine, "500 x 500 return matrix (ms)", (System.nanoTime() - t0) / 1e6,
            (mx.getCurrentThreadCpuTime() - c0) / 1e6, "%.1f");
      }
      for (int r = 0; r < 5; r++) {
        c0 = mx.getCurrentThreadCpuTime();
        t0 = System.nanoTime();
        for (int k = 0; k < 500; k++) {
          store.getDailyBars(ids.get(k), days.get(100), days.get(100).plusYears(1).minusDays(1));
        }
        report(engine, "instrument-year range read (ms)", (System.nanoTime() - t0) / 1e6 / 500,
            (mx.getCurrentThreadCpuTime() - c0) / 1e6 / 500, "%.3f");
      }
    } finally {
      store.close();
      cleanup.forEach(Runnable::run);
    }
  }

  private static void report(String engine, String what, double wall, double cpu, String format) {
    System.out.println(String.format(Locale.ROOT, "| %s | %s | " + format + " | " + format + " |", engine, what, wall,
        cpu));
  }
}
