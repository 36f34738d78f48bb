package dev.parapet.cli.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.cli.CliSupport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The hand-worked example of TransactionCostAnalysisTest, through files. */
class TcaCommandTest {

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = CliSupport.commandLine(new TcaCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private static final String MARKET = String.join("\n",
      "timestamp,bid,ask,price,volume",
      "2024-03-04T09:59:00Z,50.05,50.15,50.10,0",
      "2024-03-04T10:15:00Z,50.10,50.20,50.15,20000",
      "2024-03-04T10:30:00Z,50.25,50.35,50.30,30000",
      "2024-03-04T10:45:00Z,50.35,50.45,50.40,25000",
      "2024-03-04T11:00:00Z,50.55,50.65,50.60,25000");

  private static final String FILLS = "{\"orders\": [{\"orderId\": \"P1\", \"side\": \"BUY\", \"quantity\": 10000,"
      + " \"decisionPrice\": 50.00, \"start\": \"2024-03-04T10:00:00Z\", \"end\": \"2024-03-04T11:00:00Z\","
      + " \"fills\": [{\"timestamp\": \"2024-03-04T10:15:00Z\", \"quantity\": 3000, \"price\": 50.20, \"fees\": 6},"
      + " {\"timestamp\": \"2024-03-04T10:30:00Z\", \"quantity\": 4000, \"price\": 50.35, \"fees\": 8}]},"
      + " {\"orderId\": \"P3\", \"side\": \"buy\", \"quantity\": 1000, \"decisionPrice\": 50.00,"
      + " \"start\": \"2024-03-04T10:00:00Z\", \"end\": \"2024-03-04T11:00:00Z\", \"fills\": []}]}";

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  @Test
  void prints_the_hand_worked_figures() throws Exception {
    Path fills = write("fills.json", FILLS);
    Path market = write("market.csv", MARKET);
    assertThat(run("--fills", fills.toString(), "--market", market.toString())).isEqualTo(0);
    assertThat(err.toString()).isEmpty();
    JsonNode j = new ObjectMapper().readTree(out.toString());
    JsonNode p1 = j.get("orders").get(0);
    // delay 700, timing 950, impact 350, opportunity 1,800, fees 14: IS 3,814 = 76.28 bps of 500,000
    assertThat(p1.get("cost").get("delay").asDouble()).isCloseTo(700, within(1e-8));
    assertThat(p1.get("cost").get("timing").asDouble()).isCloseTo(950, within(1e-8));
    assertThat(p1.get("cost").get("impact").asDouble()).isCloseTo(350, within(1e-8));
    assertThat(p1.get("cost").get("opportunity").asDouble()).isCloseTo(1_800, within(1e-8));
    assertThat(p1.get("cost").get("implementationShortfall").asDouble()).isCloseTo(3_814, within(1e-8));
    assertThat(p1.get("costBps").get("implementationShortfall").asDouble()).isCloseTo(76.28, within(1e-9));
    assertThat(p1.get("vwap").asDouble()).isCloseTo(50.37, within(1e-12));
    assertThat(p1.get("vwapSlippageBps").asDouble()).isCloseTo(-16.73332, within(1e-5));
    assertThat(p1.get("twapSlippageBps").asDouble()).isCloseTo(9.59727, within(1e-5));
    assertThat(p1.get("participation").asDouble()).isCloseTo(0.07, within(1e-15));
    JsonNode p3 = j.get("orders").get(1);
    assertThat(p3.get("averagePrice").isNull()).isTrue();
    assertThat(p3.get("cost").get("opportunity").asDouble()).isCloseTo(600, within(1e-9));
    // aggregated: 4,414 on 550,000 = 80.254545 bps; mean of 76.28 and 120 = 98.14
    JsonNode s = j.get("summary");
    assertThat(s.get("orders").asInt()).isEqualTo(2);
    assertThat(s.get("costBps").get("implementationShortfall").asDouble()).isCloseTo(80.254545, within(1e-6));
    assertThat(s.get("meanImplementationShortfallBps").asDouble()).isCloseTo(98.14, within(1e-9));
    assertThat(j.get("signConvention").asText()).contains("positive = cost");
  }

  @Test
  void market_file_with_instruments_selects_each_orders_tape() throws Exception {
    String market = "instrument,timestamp,bid,ask,price,volume\n"
        + "XYZ,2024-03-04T09:59:00Z,50.05,50.15,50.10,0\n"
        + "ABC,2024-03-04T09:59:00Z,9.99,10.01,10.00,0\n"
        + "XYZ,2024-03-04T11:00:00Z,50.55,50.65,50.60,1000\n"
        + "ABC,2024-03-04T11:00:00Z,10.09,10.11,10.10,1000\n";
    String fills = "{\"orders\": [{\"orderId\": \"A\", \"instrument\": \"ABC\", \"side\": \"SELL\", \"quantity\": 100,"
        + " \"start\": \"2024-03-04T10:00:00Z\", \"end\": \"2024-03-04T11:00:00Z\"}]}";
    assertThat(run("--fills", write("f.json", fills).toString(), "--market", write("m.csv", market).toString()))
        .isEqualTo(0);
    JsonNode a = new ObjectMapper().readTree(out.toString()).get("orders").get(0);
    // sell 100 unfilled, arrival 10.00, end 10.10: opportunity = -1 * 100 * 0.10 = -10 (a gain)
    assertThat(a.get("arrivalPrice").asDouble()).isCloseTo(10.0, within(1e-12));
    assertThat(a.get("cost").get("opportunity").asDouble()).isCloseTo(-10, within(1e-9));
  }

  @Test
  void user_mistakes_name_the_file_and_place() throws Exception {
    Path market = write("market.csv", MARKET);
    assertThat(run("--fills", dir.resolve("missing.json").toString(), "--market", market.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("does not exist");

    err.getBuffer().setLength(0);
    Path badMarket = write("bad.csv", MARKET.replace("50.30,30000", "fifty,30000"));
    assertThat(run("--fills", write("f.json", FILLS).toString(), "--market", badMarket.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("bad.csv:4").contains("'fifty' is not a number");

    err.getBuffer().setLength(0);
    Path noPrice = write("f2.json", FILLS.replace("\"price\": 50.35, ", ""));
    assertThat(run("--fills", noPrice.toString(), "--market", market.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("orders[0].fills[1].price is missing");

    err.getBuffer().setLength(0);
    Path badJson = write("f3.json", "{\"orders\": [");
    assertThat(run("--fills", badJson.toString(), "--market", market.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("not valid JSON");

    err.getBuffer().setLength(0);
    Path overfilled = write("f4.json", FILLS.replace("\"quantity\": 4000", "\"quantity\": 8000"));
    assertThat(run("--fills", overfilled.toString(), "--market", market.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("orders[0]").contains("sum of fill quantities");

    err.getBuffer().setLength(0);
    Path noHeader = write("m2.csv", "when,bid\n");
    assertThat(run("--fills", write("f5.json", FILLS).toString(), "--market", noHeader.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no column 'timestamp'");
    assertThat(err.toString()).doesNotContain("at dev.");
  }
}
