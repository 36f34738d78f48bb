package dev.parapet.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MetricsCommandTest {

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = CliSupport.commandLine(new MetricsCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  private Path file(String name, String... lines) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, List.of(lines), StandardCharsets.UTF_8);
    return p;
  }

  private JsonNode json() throws IOException {
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void prints_all_seventeen_metrics_with_empyrical_values() throws IOException {
    // empyrical's weekly_returns: 0, 1, 10, -4, 2, 3, 2, 1, -10 percent, published weekly values
    Path returns = file("r.txt", "0", "0.01", "0.10", "-0.04", "0.02", "0.03", "0.02", "0.01", "-0.10");
    assertThat(run("--returns", returns.toString(), "--periods", "52")).isEqualTo(0);
    JsonNode json = json();
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = json.fieldNames(); it.hasNext();) {
      keys.add(it.next());
    }
    assertThat(keys).containsExactly("totalReturn", "annualReturn", "annualVolatility", "sharpeRatio",
        "sortinoRatio", "calmarRatio", "omegaRatio", "maxDrawdown", "currentDrawdown", "valueAtRisk99",
        "expectedShortfall975", "beta", "alpha", "informationRatio", "trackingError", "tailRatio", "winRate");
    assertThat(json.get("annualReturn").asDouble()).isCloseTo(0.24690830513998208, within());
    assertThat(json.get("annualVolatility").asDouble()).isCloseTo(0.38851569394870583, within());
    assertThat(json.get("sortinoRatio").asDouble()).isCloseTo(1.1158901056866439, within());
    assertThat(json.get("maxDrawdown").asDouble()).isCloseTo(-0.1, within());
    assertThat(json.get("beta").isNull()).isTrue();
    assertThat(json.get("alpha").isNull()).isTrue();
    assertThat(err.toString()).isEmpty();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-12);
  }

  @Test
  void benchmark_and_csv_columns() throws IOException {
    // empyrical test_alpha_beta: mixed_returns[1:] against negative_returns[1:], daily
    Path returns = file("r.csv", "date,strategy", "d1,0.01", "d2,0.10", "d3,-0.04", "d4,0.02", "d5,0.03",
        "d6,0.02", "d7,0.01", "d8,-0.10");
    Path bench = file("b.csv", "date,spx", "d1,-0.06", "d2,-0.07", "d3,-0.01", "d4,-0.09", "d5,-0.02",
        "d6,-0.06", "d7,-0.08", "d8,-0.05");
    assertThat(run("--returns", returns.toString(), "--column", "strategy", "--benchmark", bench.toString(),
        "--benchmark-column", "spx")).isEqualTo(0);
    JsonNode json = json();
    assertThat(json.get("alpha").asDouble()).isCloseTo(-0.9997853834885004, within());
    assertThat(json.get("beta").asDouble()).isCloseTo(-0.71296296296296313, within());
    assertThat(json.get("trackingError").isNull()).isFalse();
  }

  @Test
  void risk_free_rate_moves_the_sharpe_ratio() throws IOException {
    Path returns = file("r.txt", "0.01", "0.10", "-0.04", "0.02", "0.03", "0.02", "0.01", "-0.10");
    run("--returns", returns.toString());
    double sharpe0 = json().get("sharpeRatio").asDouble();
    // empyrical test_sharpe_ratio: mixed_returns, risk_free 0 -> 1.7238613961706866
    assertThat(sharpe0).isCloseTo(1.7238613961706866, within());
    out.getBuffer().setLength(0);
    run("--returns", returns.toString(), "--risk-free", "0.001");
    // mean falls by 0.001; the standard deviation is unchanged: sqrt(231.875 / 7) percent
    double sd = Math.sqrt(231.875 / 7) / 100;
    assertThat(json().get("sharpeRatio").asDouble()).isCloseTo(sharpe0 - 0.001 / sd * Math.sqrt(252),
        org.assertj.core.data.Offset.offset(1e-10));
  }

  @Test
  void too_short_a_series_prints_nulls() throws IOException {
    Path returns = file("r.txt", "0.01");
    assertThat(run("--returns", returns.toString())).isEqualTo(0);
    JsonNode json = json();
    assertThat(json.get("totalReturn").asDouble()).isCloseTo(0.01, within());
    assertThat(json.get("annualVolatility").isNull()).isTrue();
    assertThat(json.get("sharpeRatio").isNull()).isTrue();
  }

  @Test
  void missing_file_is_a_one_line_user_error() {
    int code = run("--returns", dir.resolve("nope.txt").toString());
    assertThat(code).isEqualTo(CliSupport.EXIT_USER_ERROR);
    assertThat(err.toString()).startsWith("error: --returns file").contains("does not exist")
        .doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void bad_number_names_file_and_line() throws IOException {
    Path returns = file("r.txt", "0.01", "abc");
    assertThat(run("--returns", returns.toString())).isEqualTo(CliSupport.EXIT_USER_ERROR);
    assertThat(err.toString()).contains("r.txt:2").contains("'abc' is not a number");
  }

  @Test
  void return_of_minus_100_percent_or_worse_is_rejected() throws IOException {
    Path returns = file("r.txt", "0.01", "-1.5");
    assertThat(run("--returns", returns.toString())).isEqualTo(CliSupport.EXIT_USER_ERROR);
    assertThat(err.toString()).contains("return #2 is -1.5").contains("must be > -1");
  }

  @Test
  void benchmark_of_another_length_is_rejected() throws IOException {
    Path returns = file("r.txt", "0.01", "0.02", "0.03");
    Path bench = file("b.txt", "0.01", "0.02");
    assertThat(run("--returns", returns.toString(), "--benchmark", bench.toString()))
        .isEqualTo(CliSupport.EXIT_USER_ERROR);
    assertThat(err.toString()).contains("holds 2 returns").contains("holds 3");
  }

  @Test
  void non_positive_periods_is_a_user_error() throws IOException {
    Path returns = file("r.txt", "0.01", "0.02");
    assertThat(run("--returns", returns.toString(), "--periods", "0")).isEqualTo(CliSupport.EXIT_USER_ERROR);
    assertThat(err.toString()).contains("periodsPerYear must be a finite number > 0, was 0.0");
  }
}
