package dev.parapet.cli.data;

import dev.parapet.api.calendar.MarketCalendar;
import dev.parapet.api.data.HistoryStoreException;
import dev.parapet.cli.UserException;
import dev.parapet.data.JdbcHistoryStore;
import java.time.InstantSource;
import picocli.CommandLine.Option;

/** The options every {@code parapet data} command shares: where the store is. */
final class StoreOptions {

  @Option(names = "--db", required = true, paramLabel = "URL",
      description = "A JDBC URL (jdbc:postgresql://..., jdbc:sqlite:FILE) or a path: a directory holds "
          + JdbcHistoryStore.EMBEDDED_FILE + ", anything else is the embedded database file itself.")
  String db;

  @Option(names = "--schema", paramLabel = "NAME", description = "PostgreSQL schema to use (created if missing).")
  String schema;

  /** Opens the store, turning a failure to open into a user error. */
  JdbcHistoryStore open(MarketCalendar calendar) {
    try {
      JdbcHistoryStore.Builder b = JdbcHistoryStore.builder().location(db).calendar(calendar)
          .clock(InstantSource.system());
      if (schema != null) {
        b.schema(schema);
      }
      return b.build();
    } catch (HistoryStoreException e) {
      throw new UserException("cannot open the history store --db " + db + ": " + e.getMessage(), e);
    }
  }
}
