package dev.parapet.benchmarks.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The measurement that chose the embedded engine of the history store: H2, SQLite (xerial) and DuckDB
 * on the store's workload, each through plain JDBC with the same schema (a bar table keyed by instrument,
 * interval and start) and each engine's fastest standard bulk path (a batched prepared insert, one
 * transaction per batch).
 * <p>
 * Measures: bulk ingest (bars/s), the aligned 500 x 500 close-matrix read, a one instrument-year range
 * read, durability after a crash (a child JVM ingesting batches is killed with SIGKILL; every batch it
 * reported committed must be present and no partial batch), and the driver jar size. Timings are wall
 * clock, best of several repetitions after warm-up; this is a harness, not JMH, because the crash test
 * needs a child process. Run: {@code java -cp benchmarks.jar dev.parapet.benchmarks.data.EmbeddedEngineComparison [dir]}.
 */
public final class EmbeddedEngineComparison {

  static final int INSTRUMENTS = 500;
  static final int DAYS = 2000;
  static final int BATCH = 50_000;
  static final long DAY_MS = 86_400_000L;
  static final long START_MS = 1_262_304_000_000L; // 2010-01-01T00:00Z

  /** The engines compared. */
  enum Engine {
    SQLITE("org.sqlite.JDBC", "org/xerial/sqlite-jdbc/3.51.1.0/sqlite-jdbc-3.51.1.0.jar"),
    H2("org.h2.Driver", "com/h2database/h2/2.3.232/h2-2.3.232.jar"),
    DUCKDB("org.duckdb.DuckDBDriver", "org/duckdb/duckdb_jdbc/1.4.4.0/duckdb_jdbc-1.4.4.0.jar");

    final String driverClass;
    /** The driver jar in the local Maven repository (versions as managed in the parent pom). */
    final String repositoryPath;

    Engine(String driverClass, String repositoryPath) {
      this.driverClass = driverClass;
      this.repositoryPath = repositoryPath;
    }

    String url(Path dir) {
      switch (this) {
        case SQLITE: return "jdbc:sqlite:" + dir.resolve("bars.sqlite");
        case H2: return "jdbc:h2:file:" + dir.resolve("bars-h2").toAbsolutePath();
        default: return "jdbc:duckdb:" + dir.resolve("bars.duckdb");
      }
    }

    Connection open(Path dir) throws SQLException {
      Connection c = DriverManager.getConnection(url(dir));
      try (Statement s = c.createStatement()) {
        if (this == SQLITE) {
          s.execute("PRAGMA journal_mode=WAL");
          s.execute("PRAGMA synchronous=FULL");
        }
      }
      return c;
    }

    void createSchema(Connection c) throws SQLException {
      String tail = this == SQLITE ? " WITHOUT ROWID" : "";
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS bars (iid INTEGER NOT NULL, ivl INTEGER NOT NULL, ts BIGINT NOT NULL,"
            + " o DOUBLE PRECISION NOT NULL, h DOUBLE PRECISION NOT NULL, l DOUBLE PRECISION NOT NULL,"
            + " c DOUBLE PRECISION NOT NULL, v BIGINT NOT NULL, vwap DOUBLE PRECISION,"
            + " PRIMARY KEY (iid, ivl, ts))" + tail);
      }
    }
  }

  private EmbeddedEngineComparison() {
  }

  /** Runs the comparison and prints a Markdown table. */
  public static void main(String[] args) throws Exception {
    if (args.length >= 3 && args[0].equals("--child")) {
      childIngest(Engine.valueOf(args[1]), Path.of(args[2]));
      return;
    }
    Path root = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("parapet-engines");
    List<String> rows = new ArrayList<>();
    rows.add("| engine | ingest bars/s | 500x500 matrix read ms | instrument-year range read ms | crash: committed batches kept | driver jar MB |");
    rows.add("|---|---:|---:|---:|---|---:|");
    List<Engine> engines = new ArrayList<>();
    for (int a = 1; a < args.length; a++) {
      engines.add(Engine.valueOf(args[a]));
    }
    if (engines.isEmpty()) {
      engines.addAll(Arrays.asList(Engine.values()));
    }
    for (Engine e : engines) {
      Path dir = Files.createDirectories(root.resolve(e.name().toLowerCase(Locale.ROOT)));
      Class.forName(e.driverClass);
      double ingest = ingest(e, dir);
      double matrix = matrixRead(e, dir);
      double range = rangeRead(e, dir);
      String crash = crash(e, Files.createDirectories(root.resolve(e.name().toLowerCase(Locale.ROOT) + "-crash")));
      double jar = jarSize(e) / 1e6;
      String row = String.format(Locale.ROOT, "| %s | %,.0f | %.1f | %.3f | %s | %.1f |", e, ingest, matrix, range,
          crash, jar);
      System.out.println(row);
      rows.add(row);
    }
    System.out.println();
    rows.forEach(System.out::println);
    deleteTree(root);
  }

  /**
   * Returns the size of the engine's driver jar: its own jar when it runs from one, else (inside the shaded
   * benchmarks jar) the artifact in the local Maven repository; -1 when neither is found.
   */
  static long jarSize(Engine e) throws Exception {
    Path own = Path.of(Class.forName(e.driverClass).getProtectionDomain().getCodeSource().getLocation().toURI());
    if (own.getFileName().toString().startsWith(e.repositoryPath.substring(e.repositoryPath.lastIndexOf('/') + 1,
        e.repositoryPath.lastIndexOf('-')))) {
      return Files.size(own);
    }
    Path repo = Path.of(System.getProperty("user.home"), ".m2", "repository", e.repositoryPath);
    return Files.exists(repo) ? Files.size(repo) : -1;
  }

  static double ingest(Engine e, Path dir) throws SQLException {
    double best = 0;
    for (int rep = 0; rep < 2; rep++) {
      try (Connection c = e.open(dir)) {
        e.createSchema(c);
        try (Statement s = c.createStatement()) {
          s.execute("DELETE FROM bars");
        }
        c.setAutoCommit(false);
        long t0 = System.nanoTime();
        long n = e == Engine.DUCKDB ? appendAll(c, INSTRUMENTS, DAYS, null) : writeAll(c, INSTRUMENTS, DAYS, null);
        long t1 = System.nanoTime();
        best = Math.max(best, n / ((t1 - t0) / 1e9));
      }
    }
    return best;
  }

  /** Writes instruments x days daily bars in batches of {@link #BATCH}, one transaction each. */
  static long writeAll(Connection c, int instruments, int days, java.io.PrintStream report) throws SQLException {
    SplittableRandom rnd = new SplittableRandom(42);
    long n = 0;
    int inBatch = 0;
    int batches = 0;
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO bars (iid, ivl, ts, o, h, l, c, v, vwap)"
        + " VALUES (?, 6, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < instruments; i++) {
        double p = 100;
        for (int d = 0; d < days; d++) {
          double o = p;
          p *= 1 + 0.02 * (rnd.nextDouble() - 0.5);
          ps.setInt(1, i);
          ps.setLong(2, START_MS + d * DAY_MS);
          ps.setDouble(3, o);
          ps.setDouble(4, Math.max(o, p) * 1.01);
          ps.setDouble(5, Math.min(o, p) * 0.99);
          ps.setDouble(6, p);
          ps.setLong(7, 1000 + rnd.nextInt(100_000));
          ps.setDouble(8, (o + p) / 2);
          ps.addBatch();
          n++;
          if (++inBatch == BATCH) {
            ps.executeBatch();
            c.commit();
            batches++;
            inBatch = 0;
            if (report != null) {
              report.println("committed " + batches);
              report.flush();
            }
          }
        }
      }
      if (inBatch > 0) {
        ps.executeBatch();
        c.commit();
      }
    }
    return n;
  }

  /** DuckDB's own bulk path, the Appender, flushed and committed every {@link #BATCH} rows. */
  static long appendAll(Connection c, int instruments, int days, java.io.PrintStream report) throws SQLException {
    SplittableRandom rnd = new SplittableRandom(42);
    long n = 0;
    int inBatch = 0;
    int batches = 0;
    try (org.duckdb.DuckDBAppender app = c.unwrap(org.duckdb.DuckDBConnection.class).createAppender("bars")) {
      for (int i = 0; i < instruments; i++) {
        double p = 100;
        for (int d = 0; d < days; d++) {
          double o = p;
          p *= 1 + 0.02 * (rnd.nextDouble() - 0.5);
          app.beginRow().append(i).append(6).append(START_MS + d * DAY_MS).append(o).append(Math.max(o, p) * 1.01)
              .append(Math.min(o, p) * 0.99).append(p).append((long) (1000 + rnd.nextInt(100_000))).append((o + p) / 2)
              .endRow();
          n++;
          if (++inBatch == BATCH) {
            app.flush();
            c.commit();
            batches++;
            inBatch = 0;
            if (report != null) {
              report.println("committed " + batches);
              report.flush();
            }
          }
        }
      }
      app.flush();
      c.commit();
    }
    return n;
  }

  static double matrixRead(Engine e, Path dir) throws SQLException {
    int days = 501;
    long from = START_MS + (DAYS - days) * DAY_MS;
    double best = Double.MAX_VALUE;
    try (Connection c = e.open(dir);
         PreparedStatement ps = c.prepareStatement(
             "SELECT iid, ts, c FROM bars WHERE ivl = 6 AND iid BETWEEN ? AND ? AND ts >= ? AND ts < ?"
                 + " ORDER BY iid, ts")) {
      for (int rep = 0; rep < 8; rep++) {
        long t0 = System.nanoTime();
        double[][] closes = new double[INSTRUMENTS][days];
        ps.setInt(1, 0);
        ps.setInt(2, INSTRUMENTS - 1);
        ps.setLong(3, from);
        ps.setLong(4, from + days * DAY_MS);
        ps.setFetchSize(10_000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            closes[rs.getInt(1)][(int) ((rs.getLong(2) - from) / DAY_MS)] = rs.getDouble(3);
          }
        }
        double[][] ret = new double[INSTRUMENTS][days - 1];
        for (int i = 0; i < INSTRUMENTS; i++) {
          for (int d = 1; d < days; d++) {
            ret[i][d - 1] = closes[i][d] / closes[i][d - 1] - 1;
          }
        }
        if (ret[INSTRUMENTS - 1][days - 2] == 0 && closes[0][0] == 0) {
          throw new IllegalStateException("no data read");
        }
        best = Math.min(best, (System.nanoTime() - t0) / 1e6);
      }
    }
    return best;
  }

  static double rangeRead(Engine e, Path dir) throws SQLException {
    int reps = 2000;
    double best = Double.MAX_VALUE;
    SplittableRandom rnd = new SplittableRandom(7);
    try (Connection c = e.open(dir);
         PreparedStatement ps = c.prepareStatement(
             "SELECT ts, o, h, l, c, v, vwap FROM bars WHERE iid = ? AND ivl = 6 AND ts >= ? AND ts < ? ORDER BY ts")) {
      for (int round = 0; round < 3; round++) {
        long t0 = System.nanoTime();
        long rows = 0;
        for (int r = 0; r < reps; r++) {
          long from = START_MS + rnd.nextInt(DAYS - 365) * DAY_MS;
          ps.setInt(1, rnd.nextInt(INSTRUMENTS));
          ps.setLong(2, from);
          ps.setLong(3, from + 365 * DAY_MS);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              rows += rs.getLong(1) + rs.getLong(6) > 0 ? 1 : 0;
              rs.getDouble(2);
              rs.getDouble(3);
              rs.getDouble(4);
              rs.getDouble(5);
              rs.getDouble(7);
            }
          }
        }
        if (rows != reps * 365L) {
          throw new IllegalStateException("read " + rows + " rows, expected " + reps * 365L);
        }
        best = Math.min(best, (System.nanoTime() - t0) / 1e6 / reps);
      }
    }
    return best;
  }

  static String crash(Engine e, Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        EmbeddedEngineComparison.class.getName(), "--child", e.name(), dir.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    int committed = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("committed ")) {
          committed = Integer.parseInt(line.substring(10));
          if (committed == 5) {
            // SIGKILL mid-ingest: the child is writing batch 6 now
            p.destroyForcibly();
            break;
          }
        }
      }
    }
    p.waitFor(30, TimeUnit.SECONDS);
    long rows;
    try (Connection c = e.open(dir); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM bars")) {
      rs.next();
      rows = rs.getLong(1);
    }
    long expectedMin = (long) committed * BATCH;
    boolean ok = rows >= expectedMin && rows % BATCH == 0 && rows <= expectedMin + BATCH;
    return (ok ? "yes" : "NO") + " (" + committed + " reported, " + rows / (double) BATCH + " batches found)";
  }

  static void childIngest(Engine e, Path dir) throws Exception {
    Class.forName(e.driverClass);
    try (Connection c = e.open(dir)) {
      e.createSchema(c);
      c.setAutoCommit(false);
      if (e == Engine.DUCKDB) {
        appendAll(c, INSTRUMENTS, DAYS, System.out);
      } else {
        writeAll(c, INSTRUMENTS, DAYS, System.out);
      }
    }
  }

  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toArray(Path[]::new)) {
        Files.deleteIfExists(p);
      }
    }
  }

  static String describe(double[] xs) {
    return Arrays.toString(xs);
  }
}
