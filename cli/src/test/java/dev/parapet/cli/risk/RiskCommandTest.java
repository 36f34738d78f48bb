package dev.parapet.cli.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.cli.CliSupport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RiskCommandTest {

  @TempDir
  Path dir;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The outcome of one run: exit code, stdout and stderr. */
  record Run(int exitCode, String out, String err) {
    JsonNode json() throws IOException {
      return JSON.readTree(out);
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = CliSupport.commandLine(new RiskCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  // ----------------------------------------------------------------------------------------------
  // es

  @Test
  void es_prints_the_documented_json_for_a_hand_calculated_sample() throws IOException {
    // ten days of P&L; losses sorted: 8, 5, 3, ...; alpha = 0.75 -> w = 2.5 -> ES = (8 + 5 + 0.5 * 3) / 2.5 = 5.8
    Path pnl = file("pnl.txt", "-5\n3\n-1\n2\n-8\n4\n-2\n0\n1\n-3\n");
    Run r = run("es", "--pnl", pnl.toString(), "--confidence", "0.75", "--method", "historical");
    assertThat(r.exitCode()).isZero();
    JsonNode j = r.json();
    List<String> fields = new ArrayList<>();
    j.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("method", "confidence", "observations", "var", "es");
    assertThat(j.get("method").asText()).isEqualTo("historical");
    assertThat(j.get("confidence").asDouble()).isEqualTo(0.75);
    assertThat(j.get("observations").asInt()).isEqualTo(10);
    assertThat(j.get("var").asDouble()).isCloseTo(3.0, within(1e-12));
    assertThat(j.get("es").asDouble()).isCloseTo(5.8, within(1e-12));
  }

  @Test
  void es_reads_a_named_csv_column_and_defaults_to_97_5_percent() throws IOException {
    // normal on {1, -1}: sd = sqrt 2, ES = sqrt(2) * 2.3378027922014133 (phi(z)/0.025 for z = Phi^-1(0.975))
    Path csv = file("pnl.csv", "date,pnl\n2024-01-02,1\n2024-01-03,-1\n");
    Run r = run("es", "--pnl", csv.toString(), "--column", "pnl", "--method", "normal");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.json().get("confidence").asDouble()).isEqualTo(0.975);
    assertThat(r.json().get("es").asDouble()).isCloseTo(Math.sqrt(2) * 2.3378027922014133, within(1e-9));
  }

  @Test
  void es_runs_every_method() throws IOException {
    Random rnd = new Random(7);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      sb.append(0.01 * rnd.nextGaussian()).append('\n');
    }
    Path pnl = file("returns.txt", sb.toString());
    for (String m : new String[] {"historical", "normal", "student-t", "cornish-fisher", "fhs", "evt"}) {
      Run r = run("es", "--pnl", pnl.toString(), "--method", m);
      assertThat(r.exitCode()).as(m + ": " + r.err()).isZero();
      assertThat(r.json().get("method").asText()).isEqualTo(m);
      assertThat(r.json().get("es").asDouble()).as(m).isBetween(0.015, 0.04);
    }
  }

  @Test
  void es_reports_a_missing_file_on_one_line_with_exit_code_2() {
    Run r = run("es", "--pnl", dir.resolve("nope.txt").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("does not exist").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void es_names_the_file_and_line_of_a_bad_number() throws IOException {
    Path pnl = file("bad.txt", "1.5\n-2\nabc\n");
    Run r = run("es", "--pnl", pnl.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("bad.txt:3").contains("'abc' is not a number").doesNotContain("\tat ");
  }

  @Test
  void es_rejects_an_unknown_method_and_too_short_history() throws IOException {
    Path pnl = file("short.txt", "1\n-1\n2\n");
    Run bad = run("es", "--pnl", pnl.toString(), "--method", "magic");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("method").contains("student-t");
    Run tooShort = run("es", "--pnl", pnl.toString(), "--method", "student-t");
    assertThat(tooShort.exitCode()).isEqualTo(2);
    assertThat(tooShort.err()).contains("needs at least 10 observations, got 3").doesNotContain("\tat ");
    Run conf = run("es", "--pnl", pnl.toString(), "--confidence", "1.5");
    assertThat(conf.exitCode()).isEqualTo(2);
    assertThat(conf.err()).contains("confidence");
  }

  // ----------------------------------------------------------------------------------------------
  // tail-dependence

  @Test
  void tail_dependence_prints_lower_and_upper() throws IOException {
    // hand calculation (see TailDependenceTest.small_sample_by_hand): quantile 0.2 of 10 days -> k = 2;
    // one common day in each tail -> lower = upper = 0.5
    Path x = file("x.txt", "9\n1\n2\n-5\n0\n8\n3\n-4\n4\n5\n");
    Path y = file("y.txt", "7\n-8\n1\n-9\n2\n0\n3\n4\n5\n6\n");
    Run r = run("tail-dependence", "--x", x.toString(), "--y", y.toString(), "--quantile", "0.2");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode j = r.json();
    List<String> fields = new ArrayList<>();
    j.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("lower", "upper");
    assertThat(j.get("lower").asDouble()).isEqualTo(0.5);
    assertThat(j.get("upper").asDouble()).isEqualTo(0.5);
  }

  @Test
  void tail_dependence_rejects_series_of_different_length() throws IOException {
    Path x = file("x.txt", "1\n2\n3\n");
    Path y = file("y.txt", "1\n2\n");
    Run r = run("tail-dependence", "--x", x.toString(), "--y", y.toString(), "--quantile", "0.5");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("has 3 values but --y file").contains("aligned");
  }

  @Test
  void tail_dependence_explains_an_empty_tail() throws IOException {
    Path x = file("x.txt", "1\n2\n3\n");
    Run r = run("tail-dependence", "--x", x.toString(), "--y", x.toString(), "--quantile", "0.05");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("leaves no tail");
  }

  // ----------------------------------------------------------------------------------------------
  // backtest

  @Test
  void backtest_prints_each_statistic_and_p_value() throws IOException {
    // 250 days at 99%, 8 exceptions: Kupiec LR = 7.7335507244945205, p = 0.0054204051941277994 (see BacktestsTest)
    StringBuilder pnl = new StringBuilder();
    StringBuilder var = new StringBuilder();
    StringBuilder es = new StringBuilder();
    for (int t = 0; t < 250; t++) {
      pnl.append(t % 31 == 5 ? -3 : 0.5).append('\n');
      var.append(2).append('\n');
      es.append(2.5).append('\n');
    }
    Run r = run("backtest", "--pnl", file("p.txt", pnl.toString()).toString(), "--var",
        file("v.txt", var.toString()).toString(), "--es", file("e.txt", es.toString()).toString(),
        "--confidence", "0.99");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode j = r.json();
    assertThat(j.get("observations").asInt()).isEqualTo(250);
    assertThat(j.get("exceptions").asInt()).isEqualTo(8);
    assertThat(j.get("kupiec").get("statistic").asDouble()).isCloseTo(7.7335507244945205, within(1e-9));
    assertThat(j.get("kupiec").get("pValue").asDouble()).isCloseTo(0.0054204051941277994, within(1e-9));
    assertThat(j.get("christoffersenIndependence").has("pValue")).isTrue();
    assertThat(j.get("christoffersenConditionalCoverage").get("degreesOfFreedom").asInt()).isEqualTo(2);
    assertThat(j.get("acerbiSzekelyZ2").has("statistic")).isTrue();
    assertThat(j.get("trafficLight").get("zone").asText()).isEqualTo("YELLOW");
    assertThat(j.get("trafficLight").get("plusFactor").asDouble()).isEqualTo(0.75);
  }

  @Test
  void backtest_rejects_misaligned_files_and_negative_es() throws IOException {
    Path p = file("p.txt", "1\n-2\n");
    Path v = file("v.txt", "1\n");
    Path e = file("e.txt", "2\n-3\n");
    Run r = run("backtest", "--pnl", p.toString(), "--var", v.toString(), "--es", e.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("same number of values");
    Path v2 = file("v2.txt", "1\n1\n");
    Run neg = run("backtest", "--pnl", p.toString(), "--var", v2.toString(), "--es", e.toString());
    assertThat(neg.exitCode()).isEqualTo(2);
    assertThat(neg.err()).contains("es[1]").contains("positive losses").doesNotContain("\tat ");
  }

  // ----------------------------------------------------------------------------------------------
  // crowding

  @Test
  void crowding_from_csv_weights_without_returns() throws IOException {
    // |w| = 50, 30, 20 -> HHI 0.38, effective N 2.6316, Gini 0.2 (see ConcentrationTest); Tech holds 80%
    Path w = file("w.csv", "instrument,weight,sector,issuer\nA,50,Tech,A Inc\nB,-30,Tech,B Inc\nC,20,Energy,C Inc\n");
    Run r = run("crowding", "--weights", w.toString(), "--top", "2");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode j = r.json();
    assertThat(j.get("level").asText()).isEqualTo("HIGH");
    assertThat(j.get("hhi").asDouble()).isCloseTo(0.38, within(1e-12));
    assertThat(j.get("effectiveN").asDouble()).isCloseTo(1 / 0.38, within(1e-12));
    assertThat(j.get("gini").asDouble()).isCloseTo(0.2, within(1e-12));
    assertThat(j.get("topNShare").asDouble()).isCloseTo(0.8, within(1e-12));
    assertThat(j.get("bySector").get("groups").asInt()).isEqualTo(2);
    assertThat(j.has("absorptionRatio")).isFalse();
    assertThat(j.get("clusters").size()).isZero();
    assertThat(j.get("drivers").get(0).asText()).startsWith("hhi 0.3800 >= high");
  }

  @Test
  void crowding_with_returns_reports_clusters() throws IOException {
    Random rnd = new Random(11);
    StringBuilder sb = new StringBuilder("date,A,B,C,D\n");
    for (int t = 0; t < 250; t++) {
      double f = rnd.nextGaussian();
      sb.append("d").append(t).append(',').append(f + 0.2 * rnd.nextGaussian()).append(',')
          .append(f + 0.2 * rnd.nextGaussian()).append(',').append(rnd.nextGaussian()).append(',')
          .append(rnd.nextGaussian()).append('\n');
    }
    Path returns = file("r.csv", sb.toString());
    Path w = file("w.txt", "1\n1\n1\n1\n");
    Run r = run("crowding", "--weights", w.toString(), "--returns", returns.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode j = r.json();
    assertThat(j.get("clusters").size()).isEqualTo(3);
    assertThat(j.get("clusters").get(0).get("members").toString()).isEqualTo("[\"A\",\"B\"]");
    assertThat(j.get("clusters").get(0).get("grossShare").asDouble()).isCloseTo(0.5, within(1e-12));
    assertThat(j.has("averagePairwiseCorrelation")).isTrue();
    // four equal positions: HHI 0.25 >= 0.20 and (no sectors given) one sector holding everything -> HIGH
    assertThat(j.get("level").asText()).isEqualTo("HIGH");
    assertThat(j.get("drivers").toString()).contains("largest cluster share 0.5000 >= medium 0.4000");
  }

  @Test
  void crowding_reports_bad_files_clearly() throws IOException {
    Path noColumns = file("w.csv", "name,size\nA,1\n");
    Run r = run("crowding", "--weights", noColumns.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("needs 'instrument' and 'weight' columns");
    Path w = file("w2.txt", "1\n2\n");
    Path returns = file("r.csv", "A,B,C\n0.1,0.2,0.3\n0.2,x,0.1\n");
    Run mismatch = run("crowding", "--weights", w.toString(), "--returns", returns.toString());
    assertThat(mismatch.exitCode()).isEqualTo(2);
    assertThat(mismatch.err()).contains("r.csv:3").contains("'x' is not a number");
  }

  @Test
  void risk_without_subcommand_prints_usage() {
    Run r = run();
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("es").contains("tail-dependence").contains("backtest").contains("crowding");
  }
}
