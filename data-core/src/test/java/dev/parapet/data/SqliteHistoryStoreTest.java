package dev.parapet.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded SQLite engine. */
class SqliteHistoryStoreTest extends HistoryStoreContractTest {

  @TempDir
  Path dir;

  @Override
  protected JdbcHistoryStore openStore() {
    return JdbcHistoryStore.builder().directory(dir).calendar(CAL).clock(clock).alertSink(alerts::add).build();
  }

  @Test
  void committed_data_survives_reopening_and_migrations_run_once() {
    store.putInstruments(List.of("AAA"));
    store.putBars(List.of(daily("AAA", D1, 100, 1)));
    store.close();
    store = openStore();
    assertThat(store.engine()).isEqualTo(Engine.SQLITE);
    assertThat(store.getDailyBars("AAA", D1, D1)).hasSize(1);
    assertThat(dir.resolve(JdbcHistoryStore.EMBEDDED_FILE)).exists();
  }

  @Test
  void a_plain_file_path_opens_the_embedded_engine() {
    Path file = dir.resolve("sub").resolve("other.db");
    try (JdbcHistoryStore s = JdbcHistoryStore.open(file.toString(), CAL, clock)) {
      s.putInstruments(List.of("X"));
      assertThat(s.engine()).isEqualTo(Engine.SQLITE);
    }
    assertThat(file).exists();
  }
}
