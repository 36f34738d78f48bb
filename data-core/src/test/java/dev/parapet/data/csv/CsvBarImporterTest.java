package dev.parapet.data.csv;

import dev.parapet.api.fixtures.FakeCalendar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.api.InvalidValueException;
import dev.parapet.api.data.IngestResult;
import dev.parapet.api.model.BarInterval;
import dev.parapet.api.time.SimulatedClock;
import dev.parapet.data.JdbcHistoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvBarImporterTest {

  @TempDir
  Path dir;
  JdbcHistoryStore store;

  @BeforeEach
  void open() {
    store = JdbcHistoryStore.openEmbedded(dir.resolve("db"), FakeCalendar.of2024(),
        SimulatedClock.at(Instant.parse("2024-03-01T00:00:00Z")));
    store.putInstruments(List.of("AAA", "BBB"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private Path write(String... lines) throws IOException {
    Path f = dir.resolve("bars.csv");
    Files.write(f, List.of(lines));
    return f;
  }

  @Test
  void bad_rows_are_reported_with_file_and_line_and_valid_rows_are_kept() throws IOException {
    Path f = write(
        "instrument,date,open,high,low,close,volume,vwap",
        "AAA,2024-01-02,10,11,9,10.5,100,10.2",
        "AAA,2024-01-03,10,11,9,abc,100,",          // line 3: unparseable number
        "ZZZ,2024-01-03,10,11,9,10,100,",           // line 4: unknown instrument
        "BBB,2024-01-03,10,9,11,10,100,",           // line 5: high below low
        "",
        "BBB,2024-01-04,20,21,19,20.5,200,");
    ImportReport r = CsvBarImporter.of(store).importFile(f, ImportProgress.none());
    assertThat(r.rowsRead()).isEqualTo(5);
    assertThat(r.rejected()).isEqualTo(3);
    assertThat(r.stored()).isEqualTo(new IngestResult(2, 2, 0));
    assertThat(r.errors()).extracting(RowError::line).containsExactly(3L, 4L, 5L);
    assertThat(r.errors().get(0).toString()).startsWith(f + ":3: ").contains("close 'abc' is not a number");
    assertThat(r.errors().get(1).message()).contains("unknown instrument 'ZZZ'");
    assertThat(r.errors().get(2).message()).contains("high 9.0 is below low 11.0");
    assertThat(store.getDailyBars("AAA", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31))).singleElement()
        .satisfies(b -> assertThat(b.vwap()).hasValue(10.2));
    assertThat(store.getDailyBars("BBB", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31))).hasSize(1);
  }

  @Test
  void reloading_a_file_changes_nothing() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("instrument,start,interval,open,high,low,close,volume");
    for (int m = 0; m < 7; m++) {
      lines.add("AAA," + Instant.parse("2024-01-02T14:30:00Z").plusSeconds(60L * m) + ",1m,10,11,9,10,5");
    }
    Path f = write(lines.toArray(String[]::new));
    CsvBarImporter importer = CsvBarImporter.of(store).withBatchSize(3);
    List<Long> progress = new ArrayList<>();
    ImportReport first = importer.importFile(f, (b, t, rows) -> progress.add(rows));
    assertThat(first.stored()).isEqualTo(new IngestResult(7, 7, 0));
    assertThat(first.batches()).isEqualTo(3); // 3 + 3 + 1 rows
    assertThat(progress).containsExactly(3L, 6L, 7L);
    ImportReport second = importer.importFile(f, ImportProgress.none());
    assertThat(second.stored()).isEqualTo(new IngestResult(7, 0, 7));
    assertThat(store.getBars("AAA", BarInterval.ONE_MINUTE, Instant.EPOCH, Instant.parse("2025-01-01T00:00:00Z")))
        .hasSize(7);
  }

  @Test
  void unknown_instruments_can_be_registered_on_import() throws IOException {
    Path f = write("instrument,date,open,high,low,close,volume", "NEW,2024-01-02,10,11,9,10,100");
    ImportReport r = CsvBarImporter.of(store).registeringInstruments().importFile(f, ImportProgress.none());
    assertThat(r.rejected()).isZero();
    assertThat(store.instrumentIds()).contains("NEW");
  }

  @Test
  void a_header_without_required_columns_is_refused() throws IOException {
    Path f = write("instrument,date,open,close", "AAA,2024-01-02,10,10");
    assertThatThrownBy(() -> CsvBarImporter.of(store).importFile(f, ImportProgress.none()))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("header");
  }

  @Test
  void a_daily_bar_not_at_midnight_and_a_negative_volume_are_rejected() throws IOException {
    Path f = write("instrument,start,open,high,low,close,volume",
        "AAA,2024-01-02T05:00:00Z,10,11,9,10,100",
        "AAA,2024-01-03,10,11,9,10,-1");
    ImportReport r = CsvBarImporter.of(store).importFile(f, ImportProgress.none());
    assertThat(r.errors()).extracting(RowError::message).satisfiesExactly(
        m -> assertThat(m).contains("00:00 UTC"), m -> assertThat(m).contains("volume -1 is negative"));
  }
}
