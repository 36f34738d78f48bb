package dev.parapet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.api.calendar.MarketCalendars;
import dev.parapet.api.data.ImputationPolicy;
import dev.parapet.api.data.ReturnMatrix;
import dev.parapet.data.quality.QualityConfig;
import java.nio.file.Path;
import java.time.LocalDate;
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
  void on_the_xnys_calendar_a_holiday_is_not_a_missing_session() {
    try (JdbcHistoryStore s = JdbcHistoryStore.openEmbedded(dir.resolve("xnys"), MarketCalendars.XNYS, clock)) {
      s.putInstruments(List.of("AAA"));
      // 2024-07-04 (Thursday) is an NYSE holiday: sessions Jul 2, 3, 5
      s.putBars(List.of(daily("AAA", LocalDate.of(2024, 7, 2), 100, 1), daily("AAA", LocalDate.of(2024, 7, 3), 101, 1),
          daily("AAA", LocalDate.of(2024, 7, 5), 102, 1)));
      ReturnMatrix m = s.returnMatrix(List.of("AAA"), LocalDate.of(2024, 7, 3), LocalDate.of(2024, 7, 5),
          ImputationPolicy.EXCLUDE);
      assertThat(m.dates()).containsExactly(LocalDate.of(2024, 7, 3), LocalDate.of(2024, 7, 5));
      assertThat(m.excludedSessions()).isZero();
      // 102/101 - 1 across the holiday
      assertThat(m.get(0, 1)).isCloseTo(1.0 / 101, within(1e-12));
      assertThat(s.checkQuality(LocalDate.of(2024, 7, 2), LocalDate.of(2024, 7, 5), QualityConfig.defaults())
          .isClean()).isTrue();
    }
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
