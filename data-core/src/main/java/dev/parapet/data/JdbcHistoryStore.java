package dev.parapet.data;

import dev.parapet.api.Checks;
import dev.parapet.api.InvalidValueException;
import dev.parapet.api.alert.Alert;
import dev.parapet.api.alert.AlertCategory;
import dev.parapet.api.alert.AlertSink;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.calendar.MarketCalendar;
import dev.parapet.api.calendar.TradingSession;
import dev.parapet.api.data.CorporateAction;
import dev.parapet.api.data.CorporateActionType;
import dev.parapet.api.data.HistoryStore;
import dev.parapet.api.data.HistoryStoreException;
import dev.parapet.api.data.ImputationPolicy;
import dev.parapet.api.data.IngestResult;
import dev.parapet.api.data.ReturnMatrix;
import dev.parapet.api.data.UnknownInstrumentException;
import dev.parapet.api.data.VolumeProfile;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.BarInterval;
import dev.parapet.data.quality.BarColumns;
import dev.parapet.data.quality.BarSeriesChecker;
import dev.parapet.data.quality.IssueCollector;
import dev.parapet.data.quality.QualityCheck;
import dev.parapet.data.quality.QualityConfig;
import dev.parapet.data.quality.QualityReport;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link HistoryStore} over JDBC: an embedded SQLite file by default, PostgreSQL in production, by the
 * same code. Besides the store it runs bulk ingest ({@link #ingest(BarBatch)}: batched prepared upserts on
 * SQLite, the COPY protocol into a staging table on PostgreSQL), the data-quality checks
 * ({@link #checkQuality}) and the nightly maintenance ({@link #maintain}).
 * <p>
 * Open one with {@link #openEmbedded(Path, MarketCalendar, InstantSource)} (a directory, no set-up),
 * {@link #open(String, MarketCalendar, InstantSource)} (a JDBC URL or a file path) or {@link #builder()}.
 * The schema is created and migrated with Flyway on open.
 * <p>
 * Return matrices: a forward fill carries in the last close from at most {@value #LOOKBACK_SESSIONS}
 * sessions before the window; linear interpolation never looks past the window's last session (no
 * look-ahead), so a gap at the end of the window is excluded.
 * <p>
 * Bars are keyed by (instrument, interval, start) and written with an upsert that leaves identical rows
 * untouched, so ingest is idempotent and reports what it changed. The SQLite file runs in WAL mode with
 * {@code synchronous=FULL}: a committed batch survives a crash.
 * <p>
 * Thread-safe: on SQLite all calls are serialised on one connection; on PostgreSQL they run concurrently on
 * a HikariCP pool.
 */
public final class JdbcHistoryStore implements HistoryStore {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcHistoryStore.class);
  /** The file name of the embedded database inside a store directory. */
  public static final String EMBEDDED_FILE = "history.sqlite";
  static final long DAY_MS = 86_400_000L;
  static final int DAILY = 86_400;
  /** Sessions searched before a window for the last close a forward fill may carry in. */
  public static final int LOOKBACK_SESSIONS = 10;

  private static final String UPSERT_BAR = "INSERT INTO bars (iid, ivl, ts, open_px, high_px, low_px, close_px,"
      + " volume, vwap) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)" + " ON CONFLICT (iid, ivl, ts) DO UPDATE SET"
      + " open_px = excluded.open_px, high_px = excluded.high_px, low_px = excluded.low_px,"
      + " close_px = excluded.close_px, volume = excluded.volume, vwap = excluded.vwap"
      + " WHERE bars.open_px <> excluded.open_px OR bars.high_px <> excluded.high_px"
      + " OR bars.low_px <> excluded.low_px OR bars.close_px <> excluded.close_px"
      + " OR bars.volume <> excluded.volume OR bars.vwap IS DISTINCT FROM excluded.vwap";
  private static final String UPSERT_FROM_STAGE = "INSERT INTO bars (iid, ivl, ts, open_px, high_px, low_px,"
      + " close_px, volume, vwap) SELECT DISTINCT ON (iid, ivl, ts) iid, ivl, ts, open_px, high_px, low_px,"
      + " close_px, volume, vwap FROM parapet_bars_stage ORDER BY iid, ivl, ts, seq DESC"
      + " ON CONFLICT (iid, ivl, ts) DO UPDATE SET"
      + " open_px = excluded.open_px, high_px = excluded.high_px, low_px = excluded.low_px,"
      + " close_px = excluded.close_px, volume = excluded.volume, vwap = excluded.vwap"
      + " WHERE bars.open_px <> excluded.open_px OR bars.high_px <> excluded.high_px"
      + " OR bars.low_px <> excluded.low_px OR bars.close_px <> excluded.close_px"
      + " OR bars.volume <> excluded.volume OR bars.vwap IS DISTINCT FROM excluded.vwap";

  /**
   * The row checks of {@link BarSeriesChecker} as an SQL expression, the same on both engines: 0 for a
   * valid row, else 1 for a price not finite and positive, 2 for inconsistent OHLC or VWAP, plus 4 for a
   * negative volume. Flagged rows are read in full and checked again in Java for the detail.
   */
  static final String ROW_FLAGS = "(CASE WHEN open_px > 0 AND high_px > 0 AND low_px > 0 AND close_px > 0"
      + " AND open_px + high_px + low_px + close_px < 1e308 THEN"
      + " (CASE WHEN low_px > open_px OR low_px > close_px OR high_px < open_px OR high_px < close_px"
      + " OR low_px > high_px OR (vwap IS NOT NULL AND (vwap < low_px OR vwap > high_px)) THEN 2 ELSE 0 END)"
      + " ELSE 1 END) + (CASE WHEN volume < 0 THEN 4 ELSE 0 END)";

  private final Database db;
  private final MarketCalendar calendar;
  private final InstantSource clock;
  private final AlertSink alerts;
  private final Path embeddedFile;
  private final ConcurrentHashMap<String, Integer> iids = new ConcurrentHashMap<>();
  private volatile Map<Integer, String> idsByIid = Map.of();

  private JdbcHistoryStore(Database db, MarketCalendar calendar, InstantSource clock, AlertSink alerts,
      Path embeddedFile) {
    this.db = db;
    this.calendar = calendar;
    this.clock = clock;
    this.alerts = alerts;
    this.embeddedFile = embeddedFile;
    try {
      reloadInstruments();
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  // ================================================================================================ factories

  /**
   * Opens (creating if needed) the embedded store in a directory: the SQLite file {@value #EMBEDDED_FILE}.
   *
   * @param directory the directory, created if missing
   * @param calendar the market calendar
   * @param clock the time source for report and retention times
   * @return the store
   */
  public static JdbcHistoryStore openEmbedded(Path directory, MarketCalendar calendar, InstantSource clock) {
    return builder().directory(directory).calendar(calendar).clock(clock).build();
  }

  /**
   * Opens a store from a JDBC URL ({@code jdbc:postgresql:...} or {@code jdbc:sqlite:...}) or a plain path:
   * an existing directory, or a file for the embedded engine.
   */
  public static JdbcHistoryStore open(String urlOrPath, MarketCalendar calendar, InstantSource clock) {
    return builder().location(urlOrPath).calendar(calendar).clock(clock).build();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  // ================================================================================================ instruments

  @Override
  public MarketCalendar calendar() {
    return calendar;
  }

  /** Returns the engine this store runs on. */
  public Engine engine() {
    return db.engine();
  }

  @Override
  public void putInstruments(Collection<String> instrumentIds) {
    List<String> ids = new ArrayList<>(instrumentIds.size());
    for (String id : instrumentIds) {
      ids.add(Checks.notBlank(id, "instrumentId"));
    }
    db.inTransaction("register instruments", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO instruments (instrument_id) VALUES (?) ON CONFLICT (instrument_id) DO NOTHING")) {
        for (String id : ids) {
          if (!iids.containsKey(id)) {
            ps.setString(1, id);
            ps.addBatch();
          }
        }
        ps.executeBatch();
      }
      return null;
    });
    reloadInstruments();
  }

  @Override
  public List<String> instrumentIds() {
    List<String> out = new ArrayList<>(iids.keySet());
    out.sort(null);
    return out;
  }

  private void reloadInstruments() {
    db.withConnection("load instruments", c -> {
      Map<Integer, String> reverse = new HashMap<>();
      try (Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT iid, instrument_id FROM instruments")) {
        while (rs.next()) {
          iids.put(rs.getString(2), rs.getInt(1));
          reverse.put(rs.getInt(1), rs.getString(2));
        }
      }
      idsByIid = Map.copyOf(reverse);
      return null;
    });
  }

  private int iid(String instrumentId) {
    Integer iid = iids.get(Checks.notNull(instrumentId, "instrumentId"));
    if (iid == null) {
      throw new UnknownInstrumentException(instrumentId);
    }
    return iid;
  }

  // ================================================================================================ bars

  @Override
  public IngestResult putBars(Collection<Bar> bars) {
    BarBatch batch = new BarBatch(Math.max(1, bars.size()));
    for (Bar b : bars) {
      batch.add(Checks.notNull(b, "bar"));
    }
    return ingest(batch);
  }

  /**
   * Writes a batch of bars in one transaction: batched upserts on SQLite, COPY into a staging table and one
   * upsert on PostgreSQL. Within a batch a later row with the same key wins.
   *
   * @throws UnknownInstrumentException if a row's instrument is not registered (nothing is written)
   */
  public IngestResult ingest(BarBatch batch) {
    int n = batch.size;
    if (n == 0) {
      return IngestResult.empty();
    }
    int[] rowIids = new int[n];
    for (int i = 0; i < n; i++) {
      rowIids[i] = iid(batch.instrumentIds[i]);
    }
    long written = db.inTransaction("ingest " + n + " bars", c -> db.engine() == Engine.POSTGRESQL
        ? copyBars(c, batch, rowIids) : batchBars(c, batch, rowIids));
    return new IngestResult(n, written, n - written);
  }

  /** Rows per multi-row upsert on SQLite: fewer statement steps per row; 9 parameters a row stays far below SQLite's limit. */
  static final int ROWS_PER_STATEMENT = 64;

  /** Returns the upsert of {@code rows} rows in one statement. */
  static String upsertBars(int rows) {
    StringBuilder sb = new StringBuilder(UPSERT_BAR.length() + rows * 30);
    int values = UPSERT_BAR.indexOf(" VALUES ") + 8;
    sb.append(UPSERT_BAR, 0, values);
    for (int r = 0; r < rows; r++) {
      sb.append(r == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }
    int conflict = UPSERT_BAR.indexOf(" ON CONFLICT");
    sb.append(UPSERT_BAR, conflict, UPSERT_BAR.length());
    return sb.toString();
  }

  /** Batched multi-row upserts on SQLite; returns the rows inserted or changed. */
  private long batchBars(Connection c, BarBatch b, int[] rowIids) throws SQLException {
    long written = 0;
    int full = b.size / ROWS_PER_STATEMENT;
    int i = 0;
    if (full > 0) {
      try (Database.Stmt st = db.statement(c, upsertBars(ROWS_PER_STATEMENT))) {
        for (int s = 0; s < full; s++) {
          int p = 1;
          for (int r = 0; r < ROWS_PER_STATEMENT; r++, i++) {
            p = bindBar(st.ps, p, b, rowIids, i);
          }
          written += st.ps.executeUpdate();
        }
      }
    }
    int rest = b.size - i;
    if (rest > 0) {
      try (PreparedStatement ps = c.prepareStatement(upsertBars(rest))) {
        int p = 1;
        for (; i < b.size; i++) {
          p = bindBar(ps, p, b, rowIids, i);
        }
        written += ps.executeUpdate();
      }
    }
    return written;
  }

  private static int bindBar(PreparedStatement ps, int p, BarBatch b, int[] rowIids, int i) throws SQLException {
    ps.setInt(p, rowIids[i]);
    ps.setInt(p + 1, b.intervalSeconds[i]);
    ps.setLong(p + 2, b.startMillis[i]);
    ps.setDouble(p + 3, b.open[i]);
    ps.setDouble(p + 4, b.high[i]);
    ps.setDouble(p + 5, b.low[i]);
    ps.setDouble(p + 6, b.close[i]);
    ps.setLong(p + 7, b.volume[i]);
    if (Double.isNaN(b.vwap[i])) {
      ps.setNull(p + 8, Types.DOUBLE);
    } else {
      ps.setDouble(p + 8, b.vwap[i]);
    }
    return p + 9;
  }

  /**
   * COPY on PostgreSQL. First load: COPY straight into {@code bars} under a savepoint; if any key already
   * exists (or repeats in the batch) the COPY fails on the primary key, is rolled back to the savepoint, and
   * the batch goes through a staging table and one upsert instead, which writes only what changed.
   */
  private static long copyBars(Connection c, BarBatch b, int[] rowIids) throws SQLException {
    String rows = copyText(b, rowIids, false);
    java.sql.Savepoint sp = c.setSavepoint();
    try {
      long n = copy(c, "COPY bars (iid, ivl, ts, open_px, high_px, low_px, close_px, volume, vwap) FROM STDIN", rows);
      c.releaseSavepoint(sp);
      return n;
    } catch (SQLException e) {
      if (!"23505".equals(e.getSQLState())) {
        throw e;
      }
      c.rollback(sp);
    }
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TEMP TABLE IF NOT EXISTS parapet_bars_stage (seq INTEGER, iid INTEGER, ivl INTEGER,"
          + " ts BIGINT, open_px DOUBLE PRECISION, high_px DOUBLE PRECISION, low_px DOUBLE PRECISION,"
          + " close_px DOUBLE PRECISION, volume BIGINT, vwap DOUBLE PRECISION) ON COMMIT DELETE ROWS");
    }
    copy(c, "COPY parapet_bars_stage (seq, iid, ivl, ts, open_px, high_px, low_px, close_px, volume, vwap)"
        + " FROM STDIN", copyText(b, rowIids, true));
    try (Statement s = c.createStatement()) {
      return s.executeUpdate(UPSERT_FROM_STAGE);
    }
  }

  private static long copy(Connection c, String sql, String rows) throws SQLException {
    try {
      return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(rows));
    } catch (IOException e) {
      throw new SQLException("COPY failed: " + e.getMessage(), e);
    }
  }

  /** Formats a batch in COPY text format (tab-separated, \N for null). */
  private static String copyText(BarBatch b, int[] rowIids, boolean withSeq) {
    StringBuilder sb = new StringBuilder(b.size * 96);
    for (int i = 0; i < b.size; i++) {
      if (withSeq) {
        sb.append(i).append('\t');
      }
      sb.append(rowIids[i]).append('\t').append(b.intervalSeconds[i]).append('\t')
          .append(b.startMillis[i]).append('\t').append(b.open[i]).append('\t').append(b.high[i]).append('\t')
          .append(b.low[i]).append('\t').append(b.close[i]).append('\t').append(b.volume[i]).append('\t');
      if (Double.isNaN(b.vwap[i])) {
        sb.append("\\N");
      } else {
        sb.append(b.vwap[i]);
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  @Override
  public List<Bar> getBars(String instrumentId, BarInterval interval, Instant from, Instant toExclusive) {
    int iid = iid(instrumentId);
    Checks.notNull(interval, "interval");
    Checks.notNull(from, "from");
    Checks.notNull(toExclusive, "toExclusive");
    return db.withConnection("read bars of " + instrumentId, c -> {
      List<Bar> out = new ArrayList<>();
      try (Database.Stmt st = db.statement(c, "SELECT ts, open_px, high_px, low_px, close_px, volume, vwap"
          + " FROM bars WHERE iid = ? AND ivl = ? AND ts >= ? AND ts < ? ORDER BY ts")) {
        PreparedStatement ps = st.ps;
        ps.setInt(1, iid);
        ps.setInt(2, BarBatch.intervalSeconds(interval));
        ps.setLong(3, from.toEpochMilli());
        ps.setLong(4, toExclusive.toEpochMilli());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            double vwap = rs.getDouble(7);
            boolean noVwap = rs.wasNull();
            try {
              out.add(new Bar(instrumentId, interval, Instant.ofEpochMilli(rs.getLong(1)), rs.getDouble(2),
                  rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getLong(6),
                  noVwap ? OptionalDouble.empty() : OptionalDouble.of(vwap)));
            } catch (InvalidValueException e) {
              LOG.warn("skipping an invalid stored bar (run the quality checks): {}", e.getMessage());
            }
          }
        }
      }
      return out;
    });
  }

  // ================================================================================================ actions

  @Override
  public IngestResult putCorporateActions(Collection<CorporateAction> actions) {
    List<CorporateAction> list = List.copyOf(actions);
    int[] rowIids = new int[list.size()];
    for (int i = 0; i < rowIids.length; i++) {
      rowIids[i] = iid(list.get(i).instrumentId());
    }
    if (list.isEmpty()) {
      return IngestResult.empty();
    }
    long written = db.inTransaction("write corporate actions", c -> {
      long w = 0;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO corporate_actions (iid, ex_day, kind, amount)"
          + " VALUES (?, ?, ?, ?) ON CONFLICT (iid, ex_day, kind) DO UPDATE SET amount = excluded.amount"
          + " WHERE corporate_actions.amount <> excluded.amount")) {
        for (int i = 0; i < rowIids.length; i++) {
          CorporateAction a = list.get(i);
          ps.setInt(1, rowIids[i]);
          ps.setInt(2, (int) a.exDate().toEpochDay());
          ps.setString(3, a.type().name());
          ps.setDouble(4, a.value());
          ps.addBatch();
        }
        for (int count : ps.executeBatch()) {
          w += Math.max(0, count);
        }
      }
      return w;
    });
    return new IngestResult(list.size(), written, list.size() - written);
  }

  @Override
  public List<CorporateAction> getCorporateActions(String instrumentId, LocalDate from, LocalDate to) {
    int iid = iid(instrumentId);
    return db.withConnection("read corporate actions of " + instrumentId, c -> {
      List<CorporateAction> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT ex_day, kind, amount FROM corporate_actions"
          + " WHERE iid = ? AND ex_day >= ? AND ex_day <= ? ORDER BY ex_day, kind")) {
        ps.setInt(1, iid);
        ps.setInt(2, (int) from.toEpochDay());
        ps.setInt(3, (int) to.toEpochDay());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new CorporateAction(instrumentId, LocalDate.ofEpochDay(rs.getInt(1)),
                CorporateActionType.valueOf(rs.getString(2)), rs.getDouble(3)));
          }
        }
      }
      return out;
    });
  }

  // ================================================================================================ derived reads

  @Override
  public ReturnMatrix returnMatrix(List<String> instrumentIds, LocalDate from, LocalDate to,
      ImputationPolicy policy) {
    Checks.notNull(from, "from");
    Checks.notNull(to, "to");
    Checks.check(!to.isBefore(from), "to", to, "not before from " + from);
    Checks.notNull(policy, "policy");
    List<String> ids = List.copyOf(instrumentIds);
    Set<String> seen = new HashSet<>();
    int[] rowIids = new int[ids.size()];
    for (int i = 0; i < rowIids.length; i++) {
      Checks.check(seen.add(ids.get(i)), "instrumentIds", ids.get(i), "unique");
      rowIids[i] = iid(ids.get(i));
    }
    List<TradingSession> window = calendar.sessionsBetween(from, to);
    if (window.isEmpty()) {
      return ReturnMatrix.of(ids, List.of(), new double[ids.size()][0], new boolean[ids.size()][0], policy, 0);
    }
    // grid: LOOKBACK sessions, the base session, then the window
    int[] grid = new int[LOOKBACK_SESSIONS + 1 + window.size()];
    LocalDate d = window.get(0).date();
    for (int k = LOOKBACK_SESSIONS; k >= 0; k--) {
      d = calendar.previousTradingDay(d);
      grid[k] = (int) d.toEpochDay();
    }
    for (int k = 0; k < window.size(); k++) {
      grid[LOOKBACK_SESSIONS + 1 + k] = (int) window.get(k).date().toEpochDay();
    }
    int firstDay = grid[0];
    int lastDay = grid[grid.length - 1];
    int[] dayToIndex = new int[lastDay - firstDay + 1];
    Arrays.fill(dayToIndex, -1);
    for (int k = 0; k < grid.length; k++) {
      dayToIndex[grid[k] - firstDay] = k;
    }
    int n = ids.size();
    int g = grid.length;
    double[][] closes = new double[n][g];
    double[][] splits = new double[n][g];
    double[][] dividends = new double[n][g];
    db.withConnection("read the return matrix", c -> {
      Map<Integer, Integer> rowOf = new HashMap<>();
      for (int i = 0; i < n; i++) {
        Arrays.fill(closes[i], Double.NaN);
        Arrays.fill(splits[i], 1.0);
        rowOf.put(rowIids[i], i);
      }
      if (db.engine() == Engine.SQLITE) {
        // one clustered range scan per instrument on a cached statement: no round trips to save
        try (Database.Stmt st = db.statement(c, "SELECT ts, close_px FROM bars"
            + " WHERE iid = ? AND ivl = " + DAILY + " AND ts >= ? AND ts <= ?")) {
          PreparedStatement ps = st.ps;
          for (int i = 0; i < n; i++) {
            double[] row = closes[i];
            ps.setInt(1, rowIids[i]);
            ps.setLong(2, firstDay * DAY_MS);
            ps.setLong(3, lastDay * DAY_MS + DAY_MS - 1);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                int k = dayToIndex[(int) (Math.floorDiv(rs.getLong(1), DAY_MS) - firstDay)];
                if (k >= 0) {
                  row[k] = rs.getDouble(2);
                }
              }
            }
          }
        }
      } else if (n > 0) {
        // one round trip for all instruments
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
          boxed[i] = rowIids[i];
        }
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("SELECT iid, ts, close_px FROM bars"
            + " WHERE iid = ANY(?) AND ivl = " + DAILY + " AND ts >= ? AND ts <= ?")) {
          ps.setFetchSize(50_000);
          ps.setArray(1, c.createArrayOf("integer", boxed));
          ps.setLong(2, firstDay * DAY_MS);
          ps.setLong(3, lastDay * DAY_MS + DAY_MS - 1);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              int k = dayToIndex[(int) (Math.floorDiv(rs.getLong(2), DAY_MS) - firstDay)];
              if (k >= 0) {
                closes[rowOf.get(rs.getInt(1))][k] = rs.getDouble(3);
              }
            }
          }
        } finally {
          c.rollback();
          c.setAutoCommit(true);
        }
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT iid, ex_day, kind, amount FROM corporate_actions"
          + " WHERE ex_day > ? AND ex_day <= ?")) {
        ps.setInt(1, firstDay);
        ps.setInt(2, lastDay);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Integer i = rowOf.get(rs.getInt(1));
            if (i == null) {
              continue;
            }
            int k = firstSessionOnOrAfter(grid, rs.getInt(2));
            if (CorporateActionType.valueOf(rs.getString(3)) == CorporateActionType.SPLIT) {
              splits[i][k] *= rs.getDouble(4);
            } else {
              dividends[i][k] += rs.getDouble(4);
            }
          }
        }
      }
      return null;
    });
    return ReturnMatrixBuilder.build(ids, grid, LOOKBACK_SESSIONS + 1, closes, splits, dividends, policy);
  }

  private static int firstSessionOnOrAfter(int[] grid, int day) {
    int k = Arrays.binarySearch(grid, day);
    return k >= 0 ? k : -k - 1;
  }

  /** Returns the last {@code count} sessions ending at {@code asOf} (inclusive), oldest first. */
  private List<LocalDate> lastSessions(LocalDate asOf, int count) {
    Checks.positive(count, "sessions");
    LocalDate[] out = new LocalDate[count];
    LocalDate d = calendar.isTradingDay(asOf) ? asOf : calendar.previousTradingDay(asOf);
    for (int k = count - 1; k >= 0; k--) {
      out[k] = d;
      if (k > 0) {
        d = calendar.previousTradingDay(d);
      }
    }
    return Arrays.asList(out);
  }

  @Override
  public OptionalDouble findAverageDailyVolume(String instrumentId, LocalDate asOf, int sessions) {
    int iid = iid(instrumentId);
    List<LocalDate> window = lastSessions(Checks.notNull(asOf, "asOf"), sessions);
    Set<Long> sessionDays = new HashSet<>();
    for (LocalDate s : window) {
      sessionDays.add(s.toEpochDay());
    }
    long first = window.get(0).toEpochDay();
    long last = window.get(window.size() - 1).toEpochDay();
    return db.withConnection("average daily volume of " + instrumentId, c -> {
      List<long[]> splitDays = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT ex_day, amount FROM corporate_actions"
          + " WHERE iid = ? AND kind = 'SPLIT' AND ex_day > ? AND ex_day <= ?")) {
        ps.setInt(1, iid);
        ps.setLong(2, first);
        ps.setLong(3, last);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            splitDays.add(new long[] {rs.getLong(1)});
            ratios.add(rs.getDouble(2));
          }
        }
      }
      double sum = 0;
      int count = 0;
      try (PreparedStatement ps = c.prepareStatement("SELECT ts, volume FROM bars"
          + " WHERE iid = ? AND ivl = " + DAILY + " AND ts >= ? AND ts < ?")) {
        ps.setInt(1, iid);
        ps.setLong(2, first * DAY_MS);
        ps.setLong(3, (last + 1) * DAY_MS);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long day = Math.floorDiv(rs.getLong(1), DAY_MS);
            if (!sessionDays.contains(day)) {
              continue;
            }
            double v = rs.getLong(2);
            for (int s = 0; s < splitDays.size(); s++) {
              if (splitDays.get(s)[0] > day) {
                v *= ratios.get(s);
              }
            }
            sum += v;
            count++;
          }
        }
      }
      return count == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / count);
    });
  }

  @Override
  public Optional<VolumeProfile> findVolumeProfile(String instrumentId, BarInterval interval, LocalDate asOf,
      int sessions) {
    int iid = iid(instrumentId);
    Checks.notNull(interval, "interval");
    Checks.check(interval.isIntraday(), "interval", interval, "intraday");
    List<LocalDate> days = lastSessions(Checks.notNull(asOf, "asOf"), sessions);
    int s = days.size();
    long[] open = new long[s];
    long[] close = new long[s];
    long ivl = interval.duration().toMillis();
    int buckets = 0;
    for (int k = 0; k < s; k++) {
      TradingSession ts = calendar.getSession(days.get(k));
      open[k] = ts.open().toInstant().toEpochMilli();
      close[k] = ts.close().toInstant().toEpochMilli();
      buckets = (int) Math.max(buckets, (close[k] - open[k] + ivl - 1) / ivl);
    }
    double[][] vol = new double[s][buckets];
    db.withConnection("volume profile of " + instrumentId, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT ts, volume FROM bars"
          + " WHERE iid = ? AND ivl = ? AND ts >= ? AND ts < ? ORDER BY ts")) {
        ps.setInt(1, iid);
        ps.setInt(2, BarBatch.intervalSeconds(interval));
        ps.setLong(3, open[0]);
        ps.setLong(4, close[s - 1]);
        try (ResultSet rs = ps.executeQuery()) {
          int k = 0;
          while (rs.next()) {
            long t = rs.getLong(1);
            while (k < s && close[k] <= t) {
              k++;
            }
            if (k < s && t >= open[k]) {
              long v = rs.getLong(2);
              if (v > 0) {
                vol[k][(int) ((t - open[k]) / ivl)] += v;
              }
            }
          }
        }
      }
      return null;
    });
    double[] fractions = new double[buckets];
    int used = 0;
    for (int k = 0; k < s; k++) {
      double total = 0;
      for (double v : vol[k]) {
        total += v;
      }
      if (total > 0) {
        used++;
        for (int b = 0; b < buckets; b++) {
          fractions[b] += vol[k][b] / total;
        }
      }
    }
    if (used == 0) {
      return Optional.empty();
    }
    double sum = 0;
    for (int b = 0; b < buckets; b++) {
      fractions[b] /= used;
      sum += fractions[b];
    }
    for (int b = 0; b < buckets; b++) {
      fractions[b] /= sum;
    }
    return Optional.of(VolumeProfile.of(instrumentId, interval, fractions, used));
  }

  // ================================================================================================ quality

  /**
   * Runs the data-quality checks over the bars with session dates in {@code [from, to]}, stores the report
   * in the database, and publishes a {@code DataQualityIssues} alert (category DATA, at the worst issue's
   * severity) when issues of MEDIUM or worse were found, or a resolved one when none were.
   *
   * @return the report
   */
  public QualityReport checkQuality(LocalDate from, LocalDate to, QualityConfig config) {
    Checks.notNull(from, "from");
    Checks.notNull(to, "to");
    Checks.check(!to.isBefore(from), "to", to, "not before from " + from);
    Instant runAt = clock.instant();
    List<TradingSession> sessions = calendar.sessionsBetween(from, to);
    int[] sessionDays = new int[sessions.size()];
    long[] opens = new long[sessions.size()];
    long[] closes = new long[sessions.size()];
    for (int k = 0; k < sessionDays.length; k++) {
      TradingSession s = sessions.get(k);
      sessionDays[k] = (int) s.date().toEpochDay();
      opens[k] = s.open().toInstant().toEpochMilli();
      closes[k] = s.close().toInstant().toEpochMilli();
    }
    IssueCollector issues = new IssueCollector(config.worstIssuesKept());
    BarSeriesChecker checker = new BarSeriesChecker(config);
    Map<Integer, String> names = idsByIid;
    long[] counts = new long[2];
    db.withConnection("quality checks", c -> {
      Map<Integer, List<double[]>> splitsByIid = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT iid, ex_day, amount FROM corporate_actions"
          + " WHERE kind = 'SPLIT' AND ex_day >= ? AND ex_day <= ? ORDER BY iid, ex_day")) {
        ps.setLong(1, from.toEpochDay());
        ps.setLong(2, to.toEpochDay());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            splitsByIid.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                .add(new double[] {rs.getInt(2), rs.getDouble(3)});
          }
        }
      }
      boolean pg = db.engine() == Engine.POSTGRESQL;
      if (pg) {
        c.setAutoCommit(false); // lets the driver stream with a fetch size
      }
      // the row checks run in the database as a flag, so clean rows cost five columns instead of nine
      try (PreparedStatement ps = c.prepareStatement("SELECT iid, ivl, ts, close_px, " + ROW_FLAGS + ","
          + " open_px, high_px, low_px, volume, vwap FROM bars WHERE ts >= ? AND ts < ? ORDER BY iid, ivl, ts")) {
        ps.setFetchSize(10_000);
        ps.setLong(1, from.toEpochDay() * DAY_MS);
        ps.setLong(2, (to.toEpochDay() + 1) * DAY_MS);
        BarColumns series = new BarColumns(1024);
        Set<Integer> instruments = new HashSet<>();
        int curIid = Integer.MIN_VALUE;
        int curIvl = -1;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            int iid = rs.getInt(1);
            int ivl = rs.getInt(2);
            if (iid != curIid || ivl != curIvl) {
              runChecks(checker, names, splitsByIid, curIid, curIvl, series, sessionDays, opens, closes, issues);
              series.clear();
              curIid = iid;
              curIvl = ivl;
              instruments.add(iid);
            }
            long ts = rs.getLong(3);
            double close = rs.getDouble(4);
            if (rs.getInt(5) == 0) {
              // valid row: the placeholders pass the row checks, which the database already ran
              series.add(ts, close, close, close, close, 0, Double.NaN);
            } else {
              double vwap = rs.getDouble(10);
              if (rs.wasNull()) {
                vwap = Double.NaN;
              }
              series.add(ts, rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), close, rs.getLong(9), vwap);
            }
            counts[0]++;
          }
        }
        runChecks(checker, names, splitsByIid, curIid, curIvl, series, sessionDays, opens, closes, issues);
        counts[1] = instruments.size();
      } finally {
        if (pg) {
          c.rollback();
          c.setAutoCommit(true);
        }
      }
      return null;
    });
    QualityReport report = issues.toReport(runAt, from, to, (int) counts[1], counts[0]);
    db.inTransaction("store the quality report", c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO quality_reports (run_at, from_day, to_day,"
          + " bars_checked, issue_count, report_json) VALUES (?, ?, ?, ?, ?, ?)")) {
        ps.setLong(1, runAt.toEpochMilli());
        ps.setLong(2, from.toEpochDay());
        ps.setLong(3, to.toEpochDay());
        ps.setLong(4, report.barsChecked());
        ps.setLong(5, report.issueCount());
        ps.setString(6, report.toJson());
        ps.executeUpdate();
      }
      return null;
    });
    publishQualityAlert(report);
    return report;
  }

  private static void runChecks(BarSeriesChecker checker, Map<Integer, String> names,
      Map<Integer, List<double[]>> splitsByIid, int iid, int ivl, BarColumns series, int[] sessionDays,
      long[] opens, long[] closes, IssueCollector issues) {
    if (series.size() == 0) {
      return;
    }
    String id = names.getOrDefault(iid, "#" + iid);
    if (ivl == DAILY) {
      List<double[]> splits = splitsByIid.getOrDefault(iid, List.of());
      int[] days = new int[splits.size()];
      double[] ratios = new double[splits.size()];
      for (int k = 0; k < days.length; k++) {
        days[k] = (int) splits.get(k)[0];
        ratios[k] = splits.get(k)[1];
      }
      checker.checkDaily(id, series, sessionDays, days, ratios, issues);
    } else {
      checker.checkIntraday(id, ivl, series, sessionDays, opens, closes, issues);
    }
  }

  private void publishQualityAlert(QualityReport report) {
    boolean serious = report.maxSeverity().map(s -> s.atLeast(Severity.MEDIUM)).orElse(false);
    Alert.Builder b = Alert.builder("DataQualityIssues", serious ? report.maxSeverity().get() : Severity.INFO,
        AlertCategory.DATA).startsAt(report.runAt())
        .summary(report.issueCount() + " data-quality issue(s) in " + report.barsChecked() + " bars "
            + report.from() + ".." + report.to());
    for (QualityCheck check : QualityCheck.values()) {
      if (report.count(check) > 0) {
        b.annotation(check.name(), Long.toString(report.count(check)));
      }
    }
    if (!serious) {
      b.endsAt(report.runAt());
    }
    alerts.publish(b.build());
  }

  /** Returns the most recent stored quality report, if any. */
  public Optional<QualityReport> findLatestQualityReport() {
    return db.withConnection("read the latest quality report", c -> {
      try (Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT report_json FROM quality_reports ORDER BY report_id DESC LIMIT 1")) {
        return rs.next() ? Optional.of(QualityReport.fromJson(rs.getString(1))) : Optional.<QualityReport>empty();
      }
    });
  }

  // ================================================================================================ maintenance

  /**
   * Runs maintenance: quality checks over the last {@link MaintenancePolicy#checkSessions()} sessions up to
   * today (exchange time), pruning of intraday bars older than the retention, statistics refresh
   * ({@code ANALYZE}; on SQLite also {@code PRAGMA optimize}) and space reclamation ({@code VACUUM} on
   * PostgreSQL; on SQLite a WAL checkpoint, and a {@code VACUUM} when enough of the file is free pages).
   * The summary is stored in the database; a failure publishes a {@code DataMaintenanceFailed} alert and
   * is rethrown.
   *
   * @return what the run did
   */
  public MaintenanceSummary maintain(MaintenancePolicy policy) {
    Checks.notNull(policy, "policy");
    Instant started = clock.instant();
    try {
      long sizeBefore = size();
      LocalDate today = LocalDate.ofInstant(started, calendar.zone());
      List<LocalDate> window = lastSessions(today, policy.checkSessions());
      QualityReport quality = checkQuality(window.get(0), today, policy.quality());
      Instant cutoff = started.minus(policy.intradayRetention());
      long pruned = db.inTransaction("prune intraday bars", c -> {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM bars WHERE ivl < " + DAILY + " AND ts < ?")) {
          ps.setLong(1, cutoff.toEpochMilli());
          return (long) ps.executeUpdate();
        }
      });
      List<String> steps = new ArrayList<>();
      steps.add("quality checks " + window.get(0) + ".." + today + ": " + quality.issueCount() + " issue(s)");
      steps.add("pruned " + pruned + " intraday bar(s) before " + cutoff);
      db.withConnection("refresh statistics and reclaim space", c -> {
        try (Statement s = c.createStatement()) {
          if (db.engine() == Engine.POSTGRESQL) {
            for (String table : List.of("bars", "corporate_actions", "instruments", "quality_reports",
                "maintenance_runs")) {
              s.execute("VACUUM (ANALYZE) " + table);
            }
            steps.add("VACUUM (ANALYZE) on 5 tables");
          } else {
            s.execute("ANALYZE");
            steps.add("ANALYZE");
            s.execute("PRAGMA optimize");
            steps.add("PRAGMA optimize");
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            steps.add("PRAGMA wal_checkpoint(TRUNCATE)");
            long pages = pragmaLong(s, "page_count");
            long free = pragmaLong(s, "freelist_count");
            double fraction = pages == 0 ? 0 : (double) free / pages;
            if (free > 0 && fraction >= policy.vacuumFreeFraction()) {
              s.execute("VACUUM");
              steps.add(String.format(Locale.ROOT, "VACUUM (%.1f%% free pages)", 100 * fraction));
            } else {
              steps.add(String.format(Locale.ROOT, "VACUUM skipped (%.1f%% free pages, threshold %.1f%%)",
                  100 * fraction, 100 * policy.vacuumFreeFraction()));
            }
          }
        }
        return null;
      });
      MaintenanceSummary summary = new MaintenanceSummary(started, clock.instant(), quality, pruned, cutoff, steps,
          sizeBefore, size());
      db.inTransaction("store the maintenance summary", c -> {
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO maintenance_runs (run_at, summary_json) VALUES (?, ?)")) {
          ps.setLong(1, started.toEpochMilli());
          ps.setString(2, summary.toJson());
          ps.executeUpdate();
        }
        return null;
      });
      LOG.info("history maintenance done: {}", steps);
      return summary;
    } catch (RuntimeException e) {
      alerts.publish(Alert.builder("DataMaintenanceFailed", Severity.HIGH, AlertCategory.DATA).startsAt(started)
          .summary("history maintenance failed: " + e.getMessage()).build());
      throw e;
    }
  }

  private static long pragmaLong(Statement s, String pragma) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** Returns the database size in bytes: the SQLite file (with its WAL), or the PostgreSQL tables' total size. */
  public long size() {
    if (embeddedFile != null) {
      long size = 0;
      for (String suffix : List.of("", "-wal")) {
        Path p = embeddedFile.resolveSibling(embeddedFile.getFileName() + suffix);
        try {
          size += Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
          throw new HistoryStoreException("cannot read the size of " + p, e);
        }
      }
      return size;
    }
    return db.withConnection("database size", c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(SUM("
          + "pg_total_relation_size(format('%I.%I', schemaname, tablename)::regclass)), 0) FROM pg_tables"
          + " WHERE schemaname = current_schema()")) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  /** Runs work on a connection; for tests and tools in this module that need raw SQL. */
  <T> T withConnection(String operation, SqlWork<T> work) {
    return db.withConnection(operation, work);
  }

  @Override
  public void close() {
    db.close();
  }

  @Override
  public String toString() {
    return "JdbcHistoryStore{" + db.description() + "}";
  }

  // ================================================================================================ builder

  /** A mutable builder of {@link JdbcHistoryStore}; not thread-safe. */
  public static final class Builder {
    private String url;
    private Path directory;
    private String schema;
    private int poolSize = 4;
    private MarketCalendar calendar;
    private InstantSource clock;
    private AlertSink alerts = AlertSink.discarding();

    private Builder() {
    }

    /** Uses the embedded engine in a directory (file {@value #EMBEDDED_FILE}, created if missing). */
    public Builder directory(Path directory) {
      this.directory = Checks.notNull(directory, "directory");
      this.url = null;
      return this;
    }

    /** Uses a JDBC URL ({@code jdbc:postgresql:} or {@code jdbc:sqlite:}). */
    public Builder url(String jdbcUrl) {
      this.url = Checks.notBlank(jdbcUrl, "url");
      this.directory = null;
      return this;
    }

    /**
     * Uses a JDBC URL if the text starts with {@code jdbc:}, otherwise a path: an existing directory holds
     * the embedded file {@value #EMBEDDED_FILE}, anything else is the embedded file itself.
     */
    public Builder location(String urlOrPath) {
      Checks.notBlank(urlOrPath, "db");
      if (urlOrPath.startsWith("jdbc:")) {
        return url(urlOrPath);
      }
      Path p = Path.of(urlOrPath);
      return Files.isDirectory(p) ? directory(p) : url("jdbc:sqlite:" + p.toAbsolutePath());
    }

    /** Sets the PostgreSQL schema to use (created if missing); default: the connection's current schema. */
    public Builder schema(String schema) {
      Checks.check(schema.matches("[A-Za-z_][A-Za-z0-9_]{0,62}"), "schema", schema, "a plain SQL identifier");
      this.schema = schema;
      return this;
    }

    /** Sets the PostgreSQL pool size; default 4. */
    public Builder poolSize(int poolSize) {
      this.poolSize = Checks.positive(poolSize, "poolSize");
      return this;
    }

    /** Sets the market calendar (required). */
    public Builder calendar(MarketCalendar calendar) {
      this.calendar = calendar;
      return this;
    }

    /** Sets the time source (required). */
    public Builder clock(InstantSource clock) {
      this.clock = clock;
      return this;
    }

    /** Sets where DATA alerts go; default: discarded. */
    public Builder alertSink(AlertSink alerts) {
      this.alerts = Checks.notNull(alerts, "alertSink");
      return this;
    }

    /**
     * Opens the store, creating and migrating the schema.
     *
     * @throws HistoryStoreException if the database cannot be opened or migrated
     */
    public JdbcHistoryStore build() {
      Checks.notNull(calendar, "calendar");
      Checks.notNull(clock, "clock");
      Checks.check(url != null || directory != null, "location", null, "a directory, a file path or a JDBC URL");
      if (directory != null) {
        try {
          Files.createDirectories(directory);
        } catch (IOException e) {
          throw new HistoryStoreException("cannot create the history directory " + directory, e);
        }
        Path file = directory.resolve(EMBEDDED_FILE);
        return new JdbcHistoryStore(Database.openSqlite(file), calendar, clock, alerts, file);
      }
      String lower = url.toLowerCase(Locale.ROOT);
      if (lower.startsWith("jdbc:sqlite:")) {
        Path file = Path.of(url.substring("jdbc:sqlite:".length()));
        Path parent = file.toAbsolutePath().getParent();
        try {
          Files.createDirectories(parent);
        } catch (IOException e) {
          throw new HistoryStoreException("cannot create the history directory " + parent, e);
        }
        return new JdbcHistoryStore(Database.openSqlite(file), calendar, clock, alerts, file);
      }
      if (lower.startsWith("jdbc:postgresql:")) {
        return new JdbcHistoryStore(Database.openPostgres(url, schema, poolSize), calendar, clock, alerts, null);
      }
      throw new InvalidValueException("db", url, "a jdbc:postgresql: or jdbc:sqlite: URL, or a file path", null);
    }
  }
}
