package dev.parapet.benchmarks.data;

import dev.parapet.api.alert.AlertSink;
import dev.parapet.api.calendar.MarketCalendar;
import dev.parapet.api.calendar.MarketCalendars;
import dev.parapet.api.data.ImputationPolicy;
import dev.parapet.api.data.ReturnMatrix;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.BarInterval;
import dev.parapet.data.BarBatch;
import dev.parapet.data.JdbcHistoryStore;
import dev.parapet.data.quality.QualityConfig;
import dev.parapet.data.quality.QualityReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH benchmarks of the history store against the targets of issue 7, each beside a naive baseline:
 * bulk ingest (SQLite batched upserts, PostgreSQL COPY; baseline: one INSERT per row), quality checks over
 * 1,000,000 bars (baseline: reading the same bars as {@link Bar} objects through the store API, no checks),
 * the 500 x 500 aligned return matrix (baseline: per-instrument {@code getDailyBars} and a map from date
 * to close), and a one instrument-year range read (baseline: literal SQL with a join on the instrument id,
 * read with {@code getObject}).
 * <p>
 * PostgreSQL runs only when {@code PARAPET_TEST_POSTGRES_URL} is set (each state in a schema of its own,
 * dropped afterwards). Run:
 * {@code java -jar benchmarks/target/benchmarks.jar HistoryStoreBenchmark -f 1 -wi 2 -i 5 -w 1s -r 1s}.
 */
public class HistoryStoreBenchmark {

  static final MarketCalendar CAL = MarketCalendars.XNYS;
  static final LocalDate FIRST = LocalDate.of(2015, 1, 2);
  static final String PG_URL = System.getenv("PARAPET_TEST_POSTGRES_URL");

  /** Returns a plain JDBC URL of the same database as a store opened by {@link #open}. */
  static String rawUrl(String engine, List<Runnable> cleanup) {
    return engine.equals("POSTGRESQL") ? PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + lastSchema
        : "jdbc:sqlite:" + lastDir.resolve(JdbcHistoryStore.EMBEDDED_FILE);
  }

  static Path lastDir;
  static String lastSchema;

  /** Opens an empty store on an engine; the cleanup list gets what drops it. */
  static JdbcHistoryStore open(String engine, List<Runnable> cleanup) throws IOException {
    if (engine.equals("POSTGRESQL")) {
      if (PG_URL == null) {
        throw new IllegalStateException("set PARAPET_TEST_POSTGRES_URL to benchmark PostgreSQL");
      }
      String schema = "parapet_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      lastSchema = schema;
      cleanup.add(() -> {
        try (Connection c = DriverManager.getConnection(PG_URL); Statement s = c.createStatement()) {
          s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      return JdbcHistoryStore.builder().url(PG_URL).schema(schema).calendar(CAL).clock(InstantSource.system())
          .alertSink(AlertSink.discarding()).build();
    }
    Path dir = Files.createTempDirectory("parapet-bench");
    lastDir = dir;
    cleanup.add(() -> deleteTree(dir));
    return JdbcHistoryStore.openEmbedded(dir, CAL, InstantSource.system());
  }

  static void deleteTree(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toArray(Path[]::new)) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> ids(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(String.format("SYM%04d", i));
    }
    return ids;
  }

  static List<LocalDate> sessions(int n) {
    List<LocalDate> out = new ArrayList<>(n);
    for (LocalDate d = FIRST; out.size() < n; d = CAL.nextTradingDay(d)) {
      if (CAL.isTradingDay(d)) {
        out.add(d);
      }
    }
    return out;
  }

  /** Fills a store with random-walk daily bars, in batches of 50,000 through {@link JdbcHistoryStore#ingest}. */
  static void load(JdbcHistoryStore store, List<String> ids, List<LocalDate> days, long seed) {
    store.putInstruments(ids);
    SplittableRandom rnd = new SplittableRandom(seed);
    BarBatch batch = new BarBatch(50_000);
    for (String id : ids) {
      double p = 50 + rnd.nextInt(100);
      for (LocalDate d : days) {
        double o = p;
        p *= 1 + 0.02 * (rnd.nextDouble() - 0.5);
        if (!batch.add(id, BarInterval.DAILY, d.toEpochDay() * 86_400_000L, o, Math.max(o, p) * 1.005,
            Math.min(o, p) * 0.995, p, 1000 + rnd.nextInt(100_000), Double.NaN)) {
          store.ingest(batch);
          batch.clear();
          batch.add(id, BarInterval.DAILY, d.toEpochDay() * 86_400_000L, o, Math.max(o, p) * 1.005,
              Math.min(o, p) * 0.995, p, 1000 + rnd.nextInt(100_000), Double.NaN);
        }
      }
    }
    store.ingest(batch);
  }

  // ================================================================================================ reads

  /** 500 instruments x 520 sessions of daily bars. */
  @State(Scope.Benchmark)
  public static class ReadState {
    @Param({"SQLITE"})
    public String engine;

    final List<Runnable> cleanup = new ArrayList<>();
    JdbcHistoryStore store;
    List<String> ids;
    List<LocalDate> days;
    LocalDate from;
    LocalDate to;
    Connection raw;
    int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException, SQLException {
      store = open(engine, cleanup);
      ids = ids(500);
      days = sessions(520);
      load(store, ids, days, 1);
      from = days.get(19);
      to = days.get(518);
      raw = DriverManager.getConnection(rawUrl(engine, cleanup));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
      raw.close();
      store.close();
      cleanup.forEach(Runnable::run);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public ReturnMatrix returnMatrix500x500(ReadState s) {
    return s.store.returnMatrix(s.ids, s.from, s.to, ImputationPolicy.FORWARD_FILL);
  }

  /** Baseline: per-instrument Bar objects, a map from date to close, aligned on the calendar's sessions. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public double[][] returnMatrix500x500Naive(ReadState s) {
    List<LocalDate> window = new ArrayList<>();
    CAL.sessionsBetween(CAL.previousTradingDay(s.from), s.to).forEach(x -> window.add(x.date()));
    double[][] out = new double[s.ids.size()][window.size() - 1];
    for (int i = 0; i < s.ids.size(); i++) {
      Map<LocalDate, Double> closes = new HashMap<>();
      for (Bar b : s.store.getDailyBars(s.ids.get(i), window.get(0), s.to)) {
        closes.put(b.date(), b.close());
      }
      for (int t = 1; t < window.size(); t++) {
        Double c0 = closes.get(window.get(t - 1));
        Double c1 = closes.get(window.get(t));
        out[i][t - 1] = c0 == null || c1 == null ? Double.NaN : c1 / c0 - 1;
      }
    }
    return out;
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public List<Bar> rangeReadInstrumentYear(ReadState s) {
    String id = s.ids.get(s.next++ % 500);
    return s.store.getDailyBars(id, s.days.get(100), s.days.get(100).plusYears(1).minusDays(1));
  }

  /** Baseline: literal SQL joined on the instrument id, values read with getObject. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public void rangeReadInstrumentYearNaive(ReadState s, Blackhole bh) throws SQLException {
    String id = s.ids.get(s.next++ % 500);
    long from = s.days.get(100).toEpochDay() * 86_400_000L;
    long to = s.days.get(100).plusYears(1).toEpochDay() * 86_400_000L;
    try (Statement st = s.raw.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT b.* FROM bars b JOIN instruments i ON i.iid = b.iid WHERE i.instrument_id = '" + id
            + "' AND b.ivl = 86400 AND b.ts >= " + from + " AND b.ts < " + to + " ORDER BY b.ts")) {
      int cols = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int c = 1; c <= cols; c++) {
          bh.consume(rs.getObject(c));
        }
      }
    }
  }

  // ================================================================================================ ingest

  static final int INGEST_ROWS = 1_000_000;
  static final int NAIVE_ROWS = 50_000;

  /** A fresh, empty store for each ingest. */
  @State(Scope.Thread)
  public static class IngestState {
    @Param({"SQLITE"})
    public String engine;

    final List<Runnable> cleanup = new ArrayList<>();
    JdbcHistoryStore store;
    List<String> ids = ids(500);
    List<LocalDate> days = sessions(INGEST_ROWS / 500);
    String rawUrl;

    @Setup(Level.Invocation)
    public void setUp() throws IOException {
      store = open(engine, cleanup);
      store.putInstruments(ids);
      rawUrl = rawUrl(engine, cleanup);
    }

    @TearDown(Level.Invocation)
    public void tearDown() {
      store.close();
      cleanup.forEach(Runnable::run);
      cleanup.clear();
    }
  }

  /** 1,000,000 daily bars in batches of 50,000, each one transaction; the score is per bar. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @OperationsPerInvocation(INGEST_ROWS)
  public void ingestBars(IngestState s) {
    load(s.store, s.ids, s.days, 2);
  }

  /**
   * Baseline: 50,000 bars through plain JDBC, one INSERT statement executed per row (no batching, no COPY),
   * all in one transaction.
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @OperationsPerInvocation(NAIVE_ROWS)
  public void ingestBarsNaiveRowByRow(IngestState s) throws SQLException {
    SplittableRandom rnd = new SplittableRandom(3);
    try (Connection c = DriverManager.getConnection(s.rawUrl)) {
      c.setAutoCommit(false);
      Map<String, Integer> iids = new HashMap<>();
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT instrument_id, iid FROM instruments")) {
        while (rs.next()) {
          iids.put(rs.getString(1), rs.getInt(2));
        }
      }
      int n = 0;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO bars (iid, ivl, ts, open_px, high_px, low_px,"
          + " close_px, volume, vwap) VALUES (?, 86400, ?, ?, ?, ?, ?, ?, NULL)")) {
        outer:
        for (String id : s.ids) {
          double p = 100;
          for (LocalDate d : s.days) {
            double o = p;
            p *= 1 + 0.02 * (rnd.nextDouble() - 0.5);
            ps.setInt(1, iids.get(id));
            ps.setLong(2, d.toEpochDay() * 86_400_000L);
            ps.setDouble(3, o);
            ps.setDouble(4, Math.max(o, p) * 1.005);
            ps.setDouble(5, Math.min(o, p) * 0.995);
            ps.setDouble(6, p);
            ps.setLong(7, 1000);
            ps.executeUpdate();
            if (++n == NAIVE_ROWS) {
              break outer;
            }
          }
        }
      }
      c.commit();
    }
  }

  // ================================================================================================ checks

  /** 500 instruments x 2,000 sessions = 1,000,000 daily bars. */
  @State(Scope.Benchmark)
  public static class CheckState {
    @Param({"SQLITE"})
    public String engine;

    final List<Runnable> cleanup = new ArrayList<>();
    JdbcHistoryStore store;
    List<String> ids;
    List<LocalDate> days;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      store = open(engine, cleanup);
      ids = ids(500);
      days = sessions(2000);
      load(store, ids, days, 4);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      store.close();
      cleanup.forEach(Runnable::run);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public QualityReport qualityChecks1M(CheckState s) {
    QualityReport r = s.store.checkQuality(s.days.get(0), s.days.get(s.days.size() - 1), QualityConfig.defaults());
    if (r.barsChecked() != 1_000_000) {
      throw new IllegalStateException("checked " + r.barsChecked() + " bars");
    }
    return r;
  }

  /** Baseline: only reading the same bars as Bar objects through the store API, one instrument at a time. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long qualityChecks1MNaiveReadOnly(CheckState s) {
    long n = 0;
    Instant from = s.days.get(0).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = s.days.get(s.days.size() - 1).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    for (String id : s.ids) {
      n += s.store.getBars(id, BarInterval.DAILY, from, to).size();
    }
    return n;
  }
}
