package dev.parapet.data;

/** The database engines a {@link JdbcHistoryStore} runs on, by the same code. */
public enum Engine {
  /** SQLite (xerial sqlite-jdbc): the embedded default, one file, no set-up. */
  SQLITE,
  /** PostgreSQL: production, pooled through HikariCP, bulk ingest through the COPY protocol. */
  POSTGRESQL
}
