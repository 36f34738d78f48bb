package dev.parapet.cli.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.cli.CliSupport;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ScheduleCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = CliSupport.commandLine(new ExecutionCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private static final String[] PAPER = {"schedule", "--algo", "almgren-chriss", "--shares", "1000000", "--price",
      "50", "--horizon-days", "5", "--intervals", "5", "--sigma", "0.95", "--eta", "2.5e-6", "--gamma", "2.5e-7",
      "--epsilon", "0.0625", "--lambda", "1e-6"};

  @Test
  void prints_the_papers_optimal_trajectory_as_json() throws Exception {
    assertThat(run(PAPER)).isEqualTo(0);
    assertThat(err.toString()).isEmpty();
    JsonNode j = new ObjectMapper().readTree(out.toString());
    // Almgren and Chriss (2000) section 3.4 parameters; kappa = acosh(1.19) = 0.6070762 (see AlmgrenChrissTest)
    assertThat(j.get("kappa").asDouble()).isCloseTo(0.6070762, within(1e-7));
    assertThat(j.get("etaTilde").asDouble()).isCloseTo(2.375e-6, within(1e-15));
    JsonNode t = j.get("trajectory");
    assertThat(t).hasSize(6);
    // x_1 = 1e6 sinh(4 kappa) / sinh(5 kappa) = 541,955.55, trade n_1 = 458,044.45
    assertThat(t.get(1).get("holdings").asDouble()).isCloseTo(541_955.55, within(0.01));
    assertThat(t.get(1).get("trade").asDouble()).isCloseTo(458_044.45, within(0.01));
    assertThat(t.get(1).get("timeDays").asDouble()).isEqualTo(1.0);
    assertThat(t.get(5).get("holdings").asDouble()).isZero();
    assertThat(j.get("expectedCost").asDouble()).isCloseTo(911_226.99, within(0.01));
    assertThat(j.get("variance").asDouble()).isCloseTo(3.6412857e11, within(1e5));
    // E / notional 5e7 = 182.245 bps
    assertThat(j.get("expectedCostBps").asDouble()).isCloseTo(182.2454, within(1e-4));
  }

  @Test
  void twap_is_the_straight_line() throws Exception {
    String[] args = PAPER.clone();
    args[2] = "twap";
    assertThat(run(args)).isEqualTo(0);
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertThat(j.get("kappa").asDouble()).isZero();
    assertThat(j.get("lambda").asDouble()).isZero();
    // 1/2 gamma X^2 + eps X + eta~ X^2 / T = 662,500; 1/3 sigma^2 X^2 T (1 - 1/N)(1 - 1/2N) = 1.083e12
    assertThat(j.get("expectedCost").asDouble()).isCloseTo(662_500, within(1e-6));
    assertThat(j.get("variance").asDouble()).isCloseTo(1.083e12, within(1.0));
    assertThat(j.get("trajectory").get(2).get("holdings").asDouble()).isCloseTo(600_000, within(1e-6));
  }

  @Test
  void help_documents_the_units() {
    assertThat(run("schedule", "--help")).isEqualTo(0);
    assertThat(out.toString().replaceAll("\\s+", " ")).contains("per sqrt(day)").contains("currency per share per (share per day)")
        .contains("per currency unit").contains("trading days");
  }

  @Test
  void user_mistakes_give_one_line_and_exit_code_2() {
    assertThat(run("schedule", "--shares", "1000")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option").doesNotContain("Exception");
    err.getBuffer().setLength(0);
    String[] bad = PAPER.clone();
    bad[16] = "-1"; // --gamma
    assertThat(run(bad)).isEqualTo(2);
    assertThat(err.toString()).contains("--gamma").doesNotContain("at dev.");
    err.getBuffer().setLength(0);
    String[] dominant = PAPER.clone();
    dominant[14] = "1e-8"; // eta below gamma tau / 2
    assertThat(run(dominant)).isEqualTo(2);
    assertThat(err.toString()).contains("eta - gamma*tau/2");
    err.getBuffer().setLength(0);
    String[] algo = PAPER.clone();
    algo[2] = "vwap";
    assertThat(run(algo)).isEqualTo(2);
    assertThat(err.toString()).contains("--algo");
  }
}
