package dev.parapet.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.api.InvalidValueException;
import dev.parapet.api.report.DayRecord;
import dev.parapet.api.report.ReportException;
import dev.parapet.api.report.ReportGenerator;
import dev.parapet.api.report.ReportNotFoundException;
import dev.parapet.api.report.StoredReport;
import dev.parapet.reporting.internal.CsvReportRenderer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report store: layout, listing, fetching, replacement, and atomicity when rendering fails. */
class ReportStoreTest {

  @TempDir
  Path root;

  private static final LocalDate DAY = GoldenDays.DATE;

  private static List<String> standardFiles() {
    List<String> files = new ArrayList<>(CsvReportRenderer.FILES);
    files.add("report.html");
    files.add("report.json");
    files.sort(null);
    return files;
  }

  private Map<String, byte[]> snapshot(Path dir) throws IOException {
    Map<String, byte[]> out = new HashMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        out.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }

  private List<String> rootEntries() throws IOException {
    try (Stream<Path> s = Files.list(root)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writes_json_html_and_csv_under_the_date() throws IOException {
    ReportStore store = ReportStore.open(root);
    StoredReport r = Reports.generator(store).generate(GoldenDays.golden());
    assertThat(r.date()).isEqualTo(DAY);
    assertThat(r.directory()).isEqualTo(root.toAbsolutePath().resolve("2024-03-15"));
    assertThat(r.files()).extracting(StoredReport.ReportFile::name).containsExactlyElementsOf(standardFiles());
    assertThat(r.findFile("report.json").orElseThrow().mediaType()).isEqualTo("application/json");
    assertThat(r.findFile("report.html").orElseThrow().sizeBytes()).isEqualTo(Files.size(r.htmlPath()));
    assertThat(rootEntries()).containsExactly("2024-03-15");
    String csv = Files.readString(r.directory().resolve("pnl_by_sector.csv"));
    // sectors by name; IT: realized 3000, unrealized 15000, total 18000, market value 380000
    assertThat(csv.split("\r\n")).containsExactly("name,realized,unrealized,total,marketValue",
        "Communication Services,0.0,250.0,250.0,45000.0", "Energy,1500.0,-4500.0,-3000.0,132000.0",
        "Financials,0.0,-6000.0,-6000.0,-152000.0", "Information Technology,3000.0,15000.0,18000.0,380000.0");
    String issuers = Files.readString(r.directory().resolve("exposures_by_issuer.csv"));
    assertThat(issuers).contains("\r\n\"Alphabet, Inc.\",45000.0,0.0,45000.0,45000.0,"); // RFC 4180 quoting
  }

  @Test
  void lists_and_fetches_by_date() {
    ReportStore store = ReportStore.open(root);
    ReportGenerator gen = Reports.generator(store);
    assertThat(store.dates()).isEmpty();
    assertThat(store.find(DAY)).isEmpty();
    gen.generate(GoldenDays.golden());
    DayRecord earlier = GoldenDays.builder().pnl(GoldenDays.goldenPnl(GoldenDays.goldenLines())).build();
    DayRecord previousDay = new DayRecord(LocalDate.of(2024, 3, 14), earlier.portfolio(), earlier.baseCurrency(),
        earlier.zone(), earlier.asOf(), earlier.pnl(), earlier.risk(), earlier.execution(), earlier.compliance(),
        earlier.alerts(), earlier.metrics(), earlier.history(), earlier.dataGaps());
    gen.generate(previousDay);
    assertThat(store.dates()).containsExactly(LocalDate.of(2024, 3, 14), DAY);
    assertThat(store.get(DAY).files()).hasSize(14);
    String json = new String(store.readFile(DAY, "report.json"), StandardCharsets.UTF_8);
    assertThat(json).contains("\"schema\" : \"parapet.eod-report\"");
    // a fresh store over the same directory sees the same reports
    assertThat(ReportStore.open(root).dates()).containsExactly(LocalDate.of(2024, 3, 14), DAY);
  }

  @Test
  void missing_reports_and_files_are_reported_as_not_found() {
    ReportStore store = ReportStore.open(root);
    assertThatThrownBy(() -> store.get(DAY)).isInstanceOf(ReportNotFoundException.class).hasMessage("no report for 2024-03-15");
    assertThatThrownBy(() -> store.readFile(DAY, "report.json")).isInstanceOf(ReportNotFoundException.class);
    Reports.generator(store).generate(GoldenDays.minimal());
    assertThatThrownBy(() -> store.readFile(DAY, "report.pdf")).isInstanceOf(ReportNotFoundException.class)
        .hasMessage("report 2024-03-15 has no file 'report.pdf'");
    assertThatThrownBy(() -> store.readFile(DAY, "../2024-03-15/report.json")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> store.readFile(DAY, ".hidden")).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void regenerating_a_day_replaces_it_cleanly() throws IOException {
    ReportStore store = ReportStore.open(root);
    ReportRenderer extra = (doc, out) -> {
      try (OutputStream os = out.create("extra.txt", "text/plain")) {
        os.write("first run".getBytes(StandardCharsets.UTF_8));
      }
    };
    List<ReportRenderer> withExtra = new ArrayList<>(Reports.standardRenderers());
    withExtra.add(extra);
    Reports.generator(store, ReportOptions.defaults(), withExtra).generate(GoldenDays.golden());
    assertThat(store.get(DAY).findFile("extra.txt")).isPresent();
    StoredReport second = Reports.generator(store).generate(GoldenDays.killSwitch());
    // the file only the first run wrote is gone: the directory was replaced, not overwritten
    assertThat(second.findFile("extra.txt")).isEmpty();
    assertThat(second.files()).extracting(StoredReport.ReportFile::name).containsExactlyElementsOf(standardFiles());
    assertThat(new String(store.readFile(DAY, "report.html"), StandardCharsets.UTF_8)).contains("ENGAGED at the close");
    assertThat(rootEntries()).containsExactly("2024-03-15");
  }

  /** A renderer that writes part of a file and then fails, as a crash in the middle of rendering would. */
  private static ReportRenderer failingMidway() {
    return (doc, out) -> {
      OutputStream os = out.create("report.pdf", "application/pdf");
      os.write("%PDF-1.7 half a page".getBytes(StandardCharsets.UTF_8));
      throw new IllegalStateException("renderer crashed midway");
    };
  }

  @Test
  void a_crash_while_rendering_leaves_the_previous_report_intact() throws IOException {
    ReportStore store = ReportStore.open(root);
    Reports.generator(store).generate(GoldenDays.golden());
    Map<String, byte[]> before = snapshot(root.resolve("2024-03-15"));

    // the standard files of the new report are written first, then the extra renderer fails
    List<ReportRenderer> renderers = new ArrayList<>(Reports.standardRenderers());
    renderers.add(failingMidway());
    ReportGenerator crashing = Reports.generator(store, ReportOptions.defaults(), renderers);
    assertThatThrownBy(() -> crashing.generate(GoldenDays.killSwitch()))
        .isInstanceOf(ReportException.class).hasMessageContaining("renderer crashed midway");

    Map<String, byte[]> after = snapshot(root.resolve("2024-03-15"));
    assertThat(after.keySet()).isEqualTo(before.keySet());
    for (String name : before.keySet()) {
      assertThat(after.get(name)).as(name).isEqualTo(before.get(name));
    }
    assertThat(rootEntries()).containsExactly("2024-03-15"); // no temporary directory left
  }

  @Test
  void a_crash_on_the_first_report_of_a_day_leaves_none() throws IOException {
    ReportStore store = ReportStore.open(root);
    ReportGenerator crashing = Reports.generator(store, ReportOptions.defaults(),
        List.of(Reports.standardRenderers().get(0), failingMidway()));
    assertThatThrownBy(() -> crashing.generate(GoldenDays.golden())).isInstanceOf(ReportException.class);
    assertThat(store.dates()).isEmpty();
    assertThat(store.find(DAY)).isEmpty();
    assertThat(rootEntries()).isEmpty();
  }

  @Test
  void a_renderer_that_leaves_its_file_open_discards_the_report() throws IOException {
    ReportStore store = ReportStore.open(root);
    ReportRenderer leaky = (doc, out) -> out.create("report.json", "application/json").write('{');
    assertThatThrownBy(() -> Reports.generator(store, ReportOptions.defaults(), List.of(leaky)).generate(GoldenDays.golden()))
        .isInstanceOf(ReportException.class).hasMessageContaining("did not close");
    assertThat(rootEntries()).isEmpty();
  }

  @Test
  void a_file_created_twice_fails_the_report() {
    ReportStore store = ReportStore.open(root);
    List<ReportRenderer> twice = List.of(Reports.standardRenderers().get(0), Reports.standardRenderers().get(0));
    assertThatThrownBy(() -> Reports.generator(store, ReportOptions.defaults(), twice).generate(GoldenDays.golden()))
        .isInstanceOf(ReportException.class);
    assertThat(store.dates()).isEmpty();
  }

  @Test
  void opening_after_an_interrupted_write_cleans_up_and_restores() throws IOException {
    ReportStore store = ReportStore.open(root);
    Reports.generator(store).generate(GoldenDays.golden());
    Map<String, byte[]> before = snapshot(root.resolve("2024-03-15"));
    // the process died after setting the old report of the 15th aside and before moving the new one in,
    // leaving the new one half-written in its temporary directory
    Files.move(root.resolve("2024-03-15"), root.resolve(".old-2024-03-15-4f1c"));
    Path tmp = Files.createDirectory(root.resolve(".tmp-2024-03-15-9a7e"));
    Files.writeString(tmp.resolve("report.json"), "{\"schema\": \"parapet.eod-re");
    // and an earlier crash left a temporary directory of another day
    Files.createDirectory(root.resolve(".tmp-2024-03-14-0000"));
    assertThat(store.dates()).isEmpty();

    ReportStore reopened = ReportStore.open(root);
    assertThat(rootEntries()).containsExactly("2024-03-15");
    assertThat(reopened.dates()).containsExactly(DAY);
    Map<String, byte[]> after = snapshot(root.resolve("2024-03-15"));
    assertThat(after.keySet()).isEqualTo(before.keySet());
    for (String name : before.keySet()) {
      assertThat(after.get(name)).as(name).isEqualTo(before.get(name));
    }
  }

  @Test
  void opening_after_a_crash_past_the_swap_drops_the_old_copy() throws IOException {
    ReportStore store = ReportStore.open(root);
    Reports.generator(store).generate(GoldenDays.killSwitch());
    Path old = Files.createDirectory(root.resolve(".old-2024-03-15-1234"));
    Files.writeString(old.resolve("report.json"), "{}");
    ReportStore.open(root);
    assertThat(rootEntries()).containsExactly("2024-03-15");
    assertThat(Files.readString(root.resolve("2024-03-15/report.html"))).contains("ENGAGED at the close");
  }

  @Test
  void concurrent_regenerations_of_one_day_leave_one_complete_report() throws Exception {
    ReportStore store = ReportStore.open(root);
    ReportGenerator gen = Reports.generator(store);
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<StoredReport>> results = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        DayRecord day = i % 2 == 0 ? GoldenDays.golden() : GoldenDays.killSwitch();
        results.add(pool.submit(() -> {
          start.await();
          StoredReport r = null;
          for (int k = 0; k < 5; k++) {
            r = gen.generate(day);
            // a reader between writes always sees a complete report
            byte[] json = store.readFile(GoldenDays.DATE, "report.json");
            assertThat(new String(json, StandardCharsets.UTF_8).trim()).startsWith("{").endsWith("}");
          }
          return r;
        }));
      }
      start.countDown();
      for (Future<StoredReport> f : results) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(rootEntries()).containsExactly("2024-03-15");
    assertThat(store.get(DAY).files()).extracting(StoredReport.ReportFile::name).containsExactlyElementsOf(standardFiles());
    String json = new String(store.readFile(DAY, "report.json"), StandardCharsets.UTF_8);
    assertThat(DayRecordJson.parse(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("record").toString()))
        .isIn(GoldenDays.golden(), GoldenDays.killSwitch());
  }
}
