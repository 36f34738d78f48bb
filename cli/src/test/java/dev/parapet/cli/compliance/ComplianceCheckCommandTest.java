package dev.parapet.cli.compliance;

import static org.assertj.core.api.Assertions.assertThat;

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

class ComplianceCheckCommandTest {

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static final String POLICY = """
      {"name": "firm", "version": "3", "rules": [
        {"type": "max-order-notional", "id": "fat-finger", "params": {"maxNotional": 1000000}},
        {"type": "price-collar", "params": {"maxDeviationPercent": 5}},
        {"type": "position-limit", "params": {"maxQuantity": 5000}},
        {"type": "adv-participation", "enforcement": "SOFT", "params": {"maxPercentOfAdv": 1}},
        {"type": "trading-session"},
        {"type": "short-sale-locate"},
        {"type": "wash-trade"}
      ]}
      """;

  private static final String PORTFOLIO = """
      {"asOf": "2024-03-05T15:00:00Z",
       "instruments": [
         {"id": "AAPL", "sector": "Information Technology", "issuer": "Apple Inc."},
         {"id": "ESM4", "sector": "Index", "issuer": "CME", "assetClass": "FUTURE", "multiplier": 50, "tickSize": 0.25}
       ],
       "marks": {"AAPL": 190.0, "ESM4": 5000.0},
       "accounts": [{"account": "FUND-A", "cash": 1000000,
                     "positions": [{"instrument": "AAPL", "quantity": 1000, "averageCost": 150.0}]}],
       "openOrders": [{"clientOrderId": "REST-1", "account": "FUND-A", "instrument": "AAPL", "side": "SELL",
                       "quantity": 100, "limitPrice": 195.0}],
       "locates": [{"account": "FUND-A", "instrument": "AAPL", "quantity": 300}],
       "adv": {"AAPL": 100000}}
      """;

  private int run(String... args) {
    CommandLine cl = CliSupport.commandLine(new ComplianceCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private int check(String policy, String portfolio, String order) throws Exception {
    return run("check", "--policy", write("policy.json", policy).toString(), "--portfolio",
        write("portfolio.json", portfolio).toString(), "--order", write("order.json", order).toString());
  }

  @Test
  void approved_order_prints_the_decision_and_exits_0() throws Exception {
    int code = check(POLICY, PORTFOLIO, """
        {"clientOrderId": "O-1", "account": "FUND-A", "instrument": "AAPL", "side": "BUY", "quantity": 500,
         "limitPrice": 190.50}
        """);
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("approved").booleanValue()).isTrue();
    assertThat(json.get("clientOrderId").textValue()).isEqualTo("O-1");
    assertThat(json.get("policy").get("name").textValue()).isEqualTo("firm");
    assertThat(json.get("breaches")).isEmpty();
  }

  @Test
  void rejected_order_lists_every_breach_with_rule_message_limit_and_value_and_exits_1() throws Exception {
    // buy 5,000 AAPL at 200.00 with the mark at 190 (hand calculation):
    //   notional 5,000 x 200 = 1,000,000 -> at the limit, passes;
    //   collar |200 - 190| / 190 = 5.263% > 5%;
    //   position: worst case max(|1,000 + 5,000|, |1,000 - 100|) = 6,000 > 5,000;
    //   ADV 5,000 / 100,000 = 5% > 1%: a warning (soft rule);
    //   wash trade: a buy at 200 >= the resting sell REST-1 at 195.
    int code = check(POLICY, PORTFOLIO, """
        {"clientOrderId": "O-2", "account": "FUND-A", "instrument": "AAPL", "side": "BUY", "quantity": 5000,
         "limitPrice": 200.00}
        """);
    assertThat(code).isEqualTo(CliSupport.EXIT_CHECK_FAILED);
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("approved").booleanValue()).isFalse();
    JsonNode b = json.get("breaches");
    assertThat(b).hasSize(4);
    assertThat(b.get(0).get("rule").textValue()).isEqualTo("price-collar");
    assertThat(b.get(0).get("code").textValue()).isEqualTo("PRICE_COLLAR");
    assertThat(b.get(0).get("limit").doubleValue()).isEqualTo(5.0);
    assertThat(b.get(0).get("value").doubleValue()).isCloseTo(10.0 / 190.0 * 100, org.assertj.core.data.Offset
        .offset(1e-9));
    assertThat(b.get(1).get("rule").textValue()).isEqualTo("position-limit");
    assertThat(b.get(1).get("value").doubleValue()).isEqualTo(6000.0);
    assertThat(b.get(2).get("rule").textValue()).isEqualTo("adv-participation");
    assertThat(b.get(2).get("blocking").booleanValue()).isFalse();
    assertThat(b.get(2).get("value").doubleValue()).isEqualTo(5.0);
    assertThat(b.get(3).get("code").textValue()).isEqualTo("WASH_TRADE");
    assertThat(b.get(3).get("message").textValue()).contains("REST-1");
  }

  @Test
  void futures_notional_uses_the_multiplier_and_a_short_sale_needs_a_locate() throws Exception {
    int code = check(POLICY, PORTFOLIO, """
        {"clientOrderId": "O-3", "account": "FUND-A", "instrument": "ESM4", "side": "BUY", "quantity": 5}
        """);
    // 5 x 5,000 x 50 = 1,250,000 > 1,000,000; the ESM4 ADV is unknown but the ADV rule is soft
    assertThat(code).isEqualTo(1);
    JsonNode b = new ObjectMapper().readTree(out.toString()).get("breaches");
    assertThat(b.get(0).get("rule").textValue()).isEqualTo("fat-finger");
    assertThat(b.get(0).get("value").doubleValue()).isEqualTo(1_250_000.0);
    assertThat(b.get(1).get("limit").isNull()).isFalse();
    assertThat(b.get(1).get("value").isNull()).isTrue();
  }

  @Test
  void outside_the_session_the_order_is_rejected() throws Exception {
    int code = run("check", "--policy", write("p.json", POLICY).toString(), "--portfolio",
        write("f.json", PORTFOLIO).toString(), "--order", write("o.json", """
            {"clientOrderId": "O-4", "account": "FUND-A", "instrument": "AAPL", "side": "SELL_SHORT",
             "quantity": 301, "limitPrice": 190.00}
            """).toString(), "--at", "2024-03-09T15:00:00Z"); // a Saturday
    assertThat(code).isEqualTo(1);
    JsonNode b = new ObjectMapper().readTree(out.toString()).get("breaches");
    assertThat(b).extracting(x -> x.get("code").textValue()).contains("MARKET_CLOSED", "NO_LOCATE");
  }

  @Test
  void a_bad_policy_is_a_one_line_user_error_naming_the_json_path() throws Exception {
    int code = check("{\"rules\": [{\"type\": \"max-order-notional\", \"params\": {\"maxNotional\": \"lots\"}}]}",
        PORTFOLIO, "{\"clientOrderId\": \"O\", \"account\": \"FUND-A\", \"instrument\": \"AAPL\", \"side\": \"BUY\","
            + " \"quantity\": 1}");
    assertThat(code).isEqualTo(CliSupport.EXIT_USER_ERROR);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEqualTo("error: policy file " + dir.resolve("policy.json") + " refused (1 problem): "
        + "$.rules[0].params.maxNotional: expected a number, was \"lots\"" + System.lineSeparator());
  }

  @Test
  void mistakes_in_the_order_or_portfolio_name_the_file_and_path() throws Exception {
    int code = check(POLICY, PORTFOLIO, "{\"clientOrderId\": \"O\", \"account\": \"FUND-A\", \"instrument\": \"IBM\","
        + " \"side\": \"BUY\", \"quantity\": 1}");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: order file " + dir.resolve("order.json")
        + ": $.instrument: expected an instrument listed in the portfolio's instruments [AAPL, ESM4], was \"IBM\"");
    err.getBuffer().setLength(0);
    code = check(POLICY, PORTFOLIO.replace("\"quantity\": 1000", "\"quantity\": \"many\""),
        "{\"clientOrderId\": \"O\", \"account\": \"FUND-A\", \"instrument\": \"AAPL\", \"side\": \"BUY\", \"quantity\": 1}");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("$.accounts[0].positions[0].quantity: expected an integer, was \"many\"");
    err.getBuffer().setLength(0);
    code = check(POLICY, PORTFOLIO, "{\"clientOrderId\": \"O\", \"account\": \"FUND-A\", \"instrument\": \"AAPL\","
        + " \"side\": \"BUY\", \"quantity\": -3}");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("order file").contains("$: expected quantity > 0, was -3");
    err.getBuffer().setLength(0);
    code = check(POLICY, "{\"instruments\": [", "{}");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: portfolio file " + dir.resolve("portfolio.json") + ":1:")
        .contains("is not well-formed JSON").doesNotContain("\tat ");
  }

  @Test
  void a_missing_file_is_a_user_error() {
    int code = run("check", "--policy", dir.resolve("nope.json").toString(), "--portfolio", "x", "--order", "y");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("error: policy file " + dir.resolve("nope.json") + " does not exist"
        + System.lineSeparator());
  }
}
