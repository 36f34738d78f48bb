package dev.parapet.cli.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.cli.CliSupport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DataCommandTest {

  @TempDir
  Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    CommandLine cl = CliSupport.commandLine(new DataCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  Path csv(String... rows) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("instrument,date,open,high,low,close,volume");
    lines.addAll(List.of(rows));
    Path f = dir.resolve("bars.csv");
    Files.write(f, lines);
    return f;
  }

  @Test
  void import_prints_progress_on_stderr_and_a_json_summary() throws IOException {
    Path f = csv("AAA,2024-01-02,10,11,9,10.5,100", "AAA,2024-01-03,10,11,9,10.6,100", "AAA,2024-01-04,10,9,11,10,1");
    int code = run("import", "--db", dir.resolve("db").toString(), "--csv", f.toString(), "--register-instruments");
    assertThat(code).isEqualTo(1); // one row rejected
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("rowsRead").asLong()).isEqualTo(3);
    assertThat(json.get("written").asLong()).isEqualTo(2);
    assertThat(json.get("rejected").asLong()).isEqualTo(1);
    assertThat(json.get("errors").get(0).asText()).isEqualTo(f + ":4: high 9.0 is below low 11.0");
    assertThat(err.toString()).contains("100% 3 rows").contains(f + ":4: high 9.0 is below low 11.0");
    // loading it again writes nothing
    out.getBuffer().setLength(0);
    run("import", "--db", dir.resolve("db").toString(), "--csv", f.toString());
    assertThat(out.toString()).contains("\"written\":0").contains("\"unchanged\":2");
  }

  @Test
  void check_prints_the_quality_report_as_json() throws IOException {
    // 2024-01-03 (a Wednesday) is missing between the Tuesday and Thursday bars
    Path f = csv("AAA,2024-01-02,10,11,9,10.5,100", "AAA,2024-01-04,10,11,9,10.6,100");
    String db = dir.resolve("db").toString();
    assertThat(run("import", "--db", db, "--csv", f.toString(), "--register-instruments")).isZero();
    out.getBuffer().setLength(0);
    int code = run("check", "--db", db, "--from", "2024-01-02", "--to", "2024-01-05");
    assertThat(code).isZero(); // a missing session is LOW
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("issueCount").asLong()).isEqualTo(1);
    assertThat(json.get("counts").get("MISSING_SESSION").asLong()).isEqualTo(1);
    assertThat(json.get("worstIssues").get(0).get("date").asText()).isEqualTo("2024-01-03");
    assertThat(json.get("barsChecked").asLong()).isEqualTo(2);
  }

  @Test
  void maintain_prints_a_summary() {
    int code = run("maintain", "--db", dir.resolve("db").toString(), "--retention-days", "10");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("\"prunedIntradayBars\":0").contains("ANALYZE").contains("\"quality\":");
  }

  @Test
  void a_missing_csv_file_is_a_one_line_user_error() {
    int code = run("import", "--db", dir.resolve("db").toString(), "--csv", dir.resolve("nope.csv").toString());
    assertThat(code).isEqualTo(CliSupport.EXIT_USER_ERROR);
    assertThat(err.toString()).startsWith("error: --csv file").doesNotContain("Exception").hasLineCount(1);
  }

  @Test
  void an_unknown_database_url_is_a_user_error() throws IOException {
    Path f = csv("AAA,2024-01-02,10,11,9,10.5,100");
    int code = run("import", "--db", "jdbc:oracle:thin:@x", "--csv", f.toString());
    assertThat(code).isEqualTo(CliSupport.EXIT_USER_ERROR);
    assertThat(err.toString()).contains("db must be a jdbc:postgresql: or jdbc:sqlite: URL");
  }
}
