package dev.parapet.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.cli.CliSupport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code parapet report}: renders a JSON day record, and turns user mistakes into one-line errors. */
class ReportCommandTest {

  /** A small day record as a host would write it: P&L lines, risk, no trades, a data gap. */
  static final String RECORD = """
      {
        "schema": "parapet.day-record",
        "schemaVersion": 1,
        "date": "2024-03-15",
        "portfolio": "Offline Fund",
        "baseCurrency": "USD",
        "zone": "America/New_York",
        "asOf": "2024-03-15T20:15:00Z",
        "pnl": {
          "nav": 1020000,
          "navPreviousClose": 1000000,
          "lines": [
            {"instrumentId": "AAPL", "symbol": "AAPL", "sector": "Information Technology", "issuer": "Apple Inc.",
             "strategy": "core", "quantity": 100, "markPrice": 180, "markStatus": "OBSERVED",
             "marketValue": 18000, "realizedPnl": 0, "unrealizedPnl": 400},
            {"instrumentId": "XOM", "symbol": "XOM", "sector": "Energy", "issuer": "Exxon Mobil Corp.",
             "strategy": "core", "quantity": 50, "markPrice": 110, "markStatus": "STALE",
             "marketValue": 5500, "realizedPnl": -100, "unrealizedPnl": 0}
          ]
        },
        "risk": {
          "tailRisk": {"confidence": 0.975, "method": "historical", "scenarios": 250,
                       "valueAtRisk": 9000, "expectedShortfall": 12000, "esLimit": 20000}
        },
        "execution": {"orders": []},
        "history": {
          "equityCurve": [{"time": "2024-03-14T20:00:00Z", "value": 1000000},
                          {"time": "2024-03-15T20:00:00Z", "value": 1020000}]
        },
        "dataGaps": [{"area": "marketData", "subject": "XOM", "detail": "no close today; last mark used"}]
      }
      """;

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = CliSupport.commandLine(new ReportCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void renders_a_report_from_a_json_day_record() throws Exception {
    Path input = Files.writeString(dir.resolve("day.json"), RECORD);
    Path reports = dir.resolve("reports");
    int code = run("--date", "2024-03-15", "--input", input.toString(), "--out", reports.toString());
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    JsonNode result = new ObjectMapper().readTree(out.toString());
    assertThat(result.path("date").asText()).isEqualTo("2024-03-15");
    assertThat(Path.of(result.path("directory").asText())).isEqualTo(reports.toAbsolutePath().resolve("2024-03-15"));
    assertThat(result.path("files").toString()).contains("\"report.json\"", "\"report.html\"", "\"pnl_by_sector.csv\"");
    JsonNode report = new ObjectMapper().readTree(reports.resolve("2024-03-15/report.json").toFile());
    // day return 1020000 / 1000000 - 1; P&L 400 - 100; ES 12000 / 1020000 of NAV
    assertThat(report.path("derived").path("pnl").path("returns").path("day").asDouble()).isCloseTo(0.02, within(1e-12));
    assertThat(report.path("derived").path("pnl").path("total").asDouble()).isCloseTo(300.0, within(1e-9));
    assertThat(report.path("derived").path("risk").path("tailRisk").path("esPctNav").asDouble())
        .isCloseTo(12000.0 / 1020000.0, within(1e-12));
    assertThat(Files.readString(reports.resolve("2024-03-15/report.html"))).contains("id=\"no-trades\"", "id=\"chart-equity\"");

    // running again replaces the day's report
    assertThat(run("--date", "2024-03-15", "--input", input.toString(), "--out", reports.toString())).isZero();
    try (var s = Files.list(reports)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("2024-03-15");
    }
  }

  @Test
  void a_missing_input_file_is_a_one_line_error() {
    int code = run("--date", "2024-03-15", "--input", dir.resolve("nope.json").toString(), "--out", dir.toString());
    assertThat(code).isEqualTo(CliSupport.EXIT_USER_ERROR);
    assertThat(err.toString().trim()).isEqualTo("error: --input file " + dir.resolve("nope.json") + " does not exist");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void a_bad_record_names_the_json_path() throws Exception {
    Path input = Files.writeString(dir.resolve("day.json"), RECORD.replace("\"realizedPnl\": -100", "\"realizedPnl\": \"-100\""));
    int code = run("--date", "2024-03-15", "--input", input.toString(), "--out", dir.resolve("r").toString());
    assertThat(code).isEqualTo(CliSupport.EXIT_USER_ERROR);
    assertThat(err.toString().trim()).isEqualTo("error: --input file " + input
        + " is not a valid day record: $.pnl.lines[1].realizedPnl: expected a number, was \"-100\"");
    assertThat(err.toString()).doesNotContain("\tat ");
    assertThat(Files.exists(dir.resolve("r"))).isFalse();
  }

  @Test
  void malformed_json_gives_line_and_column() throws Exception {
    Path input = Files.writeString(dir.resolve("day.json"), "{\n  \"date\": \"2024-03-15\"\n  \"pnl\": {}\n}");
    int code = run("--date", "2024-03-15", "--input", input.toString(), "--out", dir.toString());
    assertThat(code).isEqualTo(CliSupport.EXIT_USER_ERROR);
    assertThat(err.toString()).startsWith("error: --input file " + input + " is not a valid day record: $: not valid JSON at line 3");
  }

  @Test
  void a_date_that_does_not_match_the_record_is_refused() throws Exception {
    Path input = Files.writeString(dir.resolve("day.json"), RECORD);
    int code = run("--date", "2024-03-14", "--input", input.toString(), "--out", dir.toString());
    assertThat(code).isEqualTo(CliSupport.EXIT_USER_ERROR);
    assertThat(err.toString().trim())
        .isEqualTo("error: --date 2024-03-14 does not match the record's date 2024-03-15 ($.date in " + input + ")");
  }

  @Test
  void bad_options_are_user_errors() throws Exception {
    Path input = Files.writeString(dir.resolve("day.json"), RECORD);
    assertThat(run("--date", "2024-13-40", "--input", input.toString(), "--out", dir.toString()))
        .isEqualTo(CliSupport.EXIT_USER_ERROR);
    assertThat(err.toString()).contains("--date");
    assertThat(run("--input", input.toString())).isEqualTo(CliSupport.EXIT_USER_ERROR);
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    err.getBuffer().setLength(0);
    assertThat(run("--date", "2024-03-15", "--input", input.toString(), "--out", file.toString()))
        .isEqualTo(CliSupport.EXIT_USER_ERROR);
    assertThat(err.toString().trim()).isEqualTo("error: --out " + file + " is a file, not a directory");
  }
}
