package dev.parapet.data;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parapet.api.data.HistoryStoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteDataSource;

/**
 * The connections of one store and the few places the engines differ.
 * <p>
 * SQLite: one connection, serialised by a lock (SQLite has one writer at a time anyway), in WAL mode with
 * {@code synchronous=FULL} so that a committed transaction survives a crash of the process or the machine.
 * PostgreSQL: a HikariCP pool. Thread-safe.
 */
final class Database implements AutoCloseable {

  private final Engine engine;
  private final String description;
  private final Connection sqlite;
  private final ReentrantLock sqliteLock = new ReentrantLock();
  private final HikariDataSource pool;
  /** SQLite's prepared statements, reused across calls on its one connection; guarded by sqliteLock. */
  private final Map<String, PreparedStatement> sqliteStatements = new HashMap<>();
  private volatile boolean closed;

  private Database(Engine engine, String description, Connection sqlite, HikariDataSource pool) {
    this.engine = engine;
    this.description = description;
    this.sqlite = sqlite;
    this.pool = pool;
  }

  /** Opens (creating if needed) an SQLite file and migrates it. */
  static Database openSqlite(Path file) {
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    try {
      SQLiteDataSource ds = new SQLiteDataSource();
      ds.setUrl(url);
      migrate(ds, "classpath:db/history/sqlite", null);
      Connection c = DriverManager.getConnection(url);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("PRAGMA busy_timeout=10000");
        s.execute("PRAGMA cache_size=-65536");
        s.execute("PRAGMA temp_store=MEMORY");
      }
      return new Database(Engine.SQLITE, url, c, null);
    } catch (SQLException e) {
      throw new HistoryStoreException("cannot open the SQLite history store " + url, e);
    }
  }

  /** Opens a PostgreSQL pool on a JDBC URL, optionally in a schema (created if missing), and migrates it. */
  static Database openPostgres(String url, String schema, int poolSize) {
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(url);
    cfg.setMaximumPoolSize(poolSize);
    cfg.setMinimumIdle(1);
    cfg.setPoolName("parapet-history");
    cfg.setInitializationFailTimeout(-1);
    cfg.setConnectionTimeout(10_000);
    if (schema != null) {
      cfg.setSchema(schema);
    }
    HikariDataSource ds = new HikariDataSource(cfg);
    try {
      migrate(ds, "classpath:db/history/postgresql", schema);
      return new Database(Engine.POSTGRESQL, url + (schema == null ? "" : " schema " + schema), null, ds);
    } catch (RuntimeException e) {
      ds.close();
      throw e instanceof HistoryStoreException ? e
          : new HistoryStoreException("cannot open the PostgreSQL history store " + url + ": " + e.getMessage(), e);
    }
  }

  private static void migrate(DataSource ds, String location, String schema) {
    try {
      var cfg = Flyway.configure().dataSource(ds).locations(location).table("parapet_schema_history")
          .baselineOnMigrate(false);
      if (schema != null) {
        cfg = cfg.schemas(schema).defaultSchema(schema).createSchemas(true);
      }
      cfg.load().migrate();
    } catch (RuntimeException e) {
      throw new HistoryStoreException("schema migration failed (" + location + "): " + e.getMessage(), e);
    }
  }

  Engine engine() {
    return engine;
  }

  String description() {
    return description;
  }

  /** Runs work in one transaction, committed on success and rolled back on any failure. */
  <T> T inTransaction(String operation, SqlWork<T> work) {
    return withConnection(operation, c -> {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    });
  }

  /** Runs work on a connection in auto-commit mode (reads, and statements that refuse a transaction). */
  <T> T withConnection(String operation, SqlWork<T> work) {
    if (closed) {
      throw new HistoryStoreException(operation + " failed: the history store " + description + " is closed");
    }
    try {
      if (engine == Engine.SQLITE) {
        sqliteLock.lock();
        try {
          return work.run(sqlite);
        } finally {
          sqliteLock.unlock();
        }
      }
      try (Connection c = pool.getConnection()) {
        return work.run(c);
      }
    } catch (SQLException e) {
      throw new HistoryStoreException(operation + " failed on " + description + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns a prepared statement for a query on a connection obtained from this database, released when
   * the handle closes: on SQLite a cached statement reused by later calls (preparing costs more than a
   * short range read), on PostgreSQL a new one that is closed.
   */
  Stmt statement(Connection c, String sql) throws SQLException {
    if (engine == Engine.SQLITE) {
      PreparedStatement ps = sqliteStatements.get(sql);
      if (ps == null) {
        ps = c.prepareStatement(sql);
        sqliteStatements.put(sql, ps);
      }
      return new Stmt(ps, false);
    }
    return new Stmt(c.prepareStatement(sql), true);
  }

  /** A prepared statement borrowed from {@link #statement}. */
  static final class Stmt implements AutoCloseable {
    final PreparedStatement ps;
    private final boolean closeOnRelease;

    Stmt(PreparedStatement ps, boolean closeOnRelease) {
      this.ps = ps;
      this.closeOnRelease = closeOnRelease;
    }

    @Override
    public void close() throws SQLException {
      if (closeOnRelease) {
        ps.close();
      } else {
        ps.clearParameters();
      }
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (engine == Engine.SQLITE) {
      sqliteLock.lock();
      try {
        for (PreparedStatement ps : sqliteStatements.values()) {
          ps.close();
        }
        sqliteStatements.clear();
        sqlite.close();
      } catch (SQLException e) {
        throw new HistoryStoreException("closing " + description + " failed", e);
      } finally {
        sqliteLock.unlock();
      }
    } else {
      pool.close();
    }
  }
}
