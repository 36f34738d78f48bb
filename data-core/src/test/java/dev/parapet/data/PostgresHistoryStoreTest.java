package dev.parapet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract on a real PostgreSQL server named by {@code PARAPET_TEST_POSTGRES_URL}, each test in a
 * schema of its own that is dropped afterwards. Skipped with a message when the variable is missing locally;
 * with {@code CI=true} a missing variable or a server that does not answer fails the run.
 */
class PostgresHistoryStoreTest extends HistoryStoreContractTest {

  static final String URL = System.getenv("PARAPET_TEST_POSTGRES_URL");
  private String schema;

  /** Why the tests are skipped locally, or null when the server answers. */
  private static String skipReason;

  @BeforeAll
  static void serverAnswers() {
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    if (URL == null || URL.isBlank()) {
      if (ci) {
        fail("CI=true but PARAPET_TEST_POSTGRES_URL is not set: the PostgreSQL contract tests must run in CI");
      }
      skipReason = "PostgreSQL tests skipped: set PARAPET_TEST_POSTGRES_URL (e.g. "
          + "jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to run them";
      System.err.println(skipReason);
      return;
    }
    try (Connection c = DriverManager.getConnection(URL)) {
      assertThat(c.isValid(5)).isTrue();
    } catch (SQLException e) {
      if (ci) {
        fail("PostgreSQL at " + URL + " does not answer: " + e.getMessage(), e);
      }
      skipReason = "PostgreSQL tests skipped: " + URL + " does not answer: " + e.getMessage();
      System.err.println(skipReason);
    }
  }

  @Override
  protected JdbcHistoryStore openStore() {
    // per test, so that every test shows as skipped with the reason
    Assumptions.assumeTrue(skipReason == null, () -> skipReason);
    schema = "parapet_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    return JdbcHistoryStore.builder().url(URL).schema(schema).poolSize(2).calendar(CAL).clock(clock)
        .alertSink(alerts::add).build();
  }

  @Override
  protected void cleanUp() {
    if (schema == null) {
      return;
    }
    try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test schema " + schema, e);
    }
  }

  @Test
  void runs_on_postgresql_in_its_own_schema() {
    assertThat(store.engine()).isEqualTo(Engine.POSTGRESQL);
    store.putInstruments(List.of("AAA"));
    Integer tables = store.withConnection("count", c -> {
      try (Statement s = c.createStatement(); var rs = s.executeQuery(
          "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + schema + "'")) {
        rs.next();
        return rs.getInt(1);
      }
    });
    assertThat(tables).isGreaterThanOrEqualTo(5);
  }
}
