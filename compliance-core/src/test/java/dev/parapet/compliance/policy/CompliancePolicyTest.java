package dev.parapet.compliance.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.api.alert.Severity;
import dev.parapet.api.time.SimulatedClock;
import dev.parapet.compliance.rule.ComplianceRule;
import dev.parapet.compliance.rule.Enforcement;
import dev.parapet.compliance.rule.RuleContext;
import dev.parapet.compliance.rules.StandardRules;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompliancePolicyTest {

  private final RuleContext context = RuleContext.builder().clock(SimulatedClock.at(Instant.EPOCH)).build();

  private CompliancePolicy parse(String json) {
    return CompliancePolicy.parse(json, "test-policy", StandardRules.catalogue(), context);
  }

  private List<String> problems(String json) {
    try {
      parse(json);
    } catch (PolicyException e) {
      return e.problems().stream().map(PolicyProblem::toString).toList();
    }
    throw new AssertionError("policy was accepted");
  }

  private static final String LAYERED = """
      {
        "name": "layered", "version": 7,
        "rules": [
          {"type": "max-order-quantity", "params": {"maxQuantity": 1000}},
          {"type": "max-order-notional", "id": "fat-finger", "params": {"maxNotional": 1000000}},
          {"type": "wash-trade"}
        ],
        "accounts": {
          "FUND-A": {
            "disable": ["wash-trade"],
            "rules": [{"type": "max-order-quantity", "enforcement": "soft", "severity": "LOW",
                       "params": {"maxQuantity": 50}},
                      {"type": "max-open-orders", "params": {"maxOpenOrders": 10}}],
            "strategies": {
              "momentum": {"disable": ["fat-finger"],
                           "rules": [{"type": "leverage", "params": {"maxLeverage": 2}}]}
            }
          },
          "FUND B": {}
        }
      }
      """;

  @Test
  void resolves_defaults_accounts_and_strategies_with_replace_and_disable() {
    CompliancePolicy p = parse(LAYERED);
    assertThat(p.name()).isEqualTo("layered");
    assertThat(p.version()).isEqualTo("7");
    assertThat(p.rulesFor("OTHER", "any").ids()).containsExactly("max-order-quantity", "fat-finger", "wash-trade");
    assertThat(p.rulesFor("FUND-A", "any").ids()).containsExactly("max-order-quantity", "fat-finger",
        "max-open-orders");
    assertThat(p.rulesFor("FUND-A", "momentum").ids()).containsExactly("max-order-quantity", "max-open-orders",
        "leverage");
    assertThat(p.accountRules("FUND-A").ids()).containsExactly("max-order-quantity", "fat-finger", "max-open-orders");
    assertThat(p.rulesFor("FUND B", "x").ids()).containsExactly("max-order-quantity", "fat-finger", "wash-trade");
    ComplianceRule replaced = p.rulesFor("FUND-A", "any").get(0);
    assertThat(replaced.enforcement()).isEqualTo(Enforcement.SOFT);
    assertThat(replaced.severity()).isEqualTo(Severity.LOW);
    assertThat(replaced.description()).isEqualTo("order quantity at most 50");
    assertThat(p.rulesFor("OTHER", "any").get(0).enforcement()).isEqualTo(Enforcement.HARD);
    assertThat(p.configuredAccounts()).containsExactly("FUND B", "FUND-A");
    // sha256 of the exact text: recomputed independently with the JDK
    assertThat(p.sha256()).hasSize(64).isEqualTo(PolicyCompiler.sha256(LAYERED));
  }

  @Test
  void refuses_a_policy_with_every_problem_named_by_json_path_value_and_expectation() {
    List<String> problems = problems("""
        {
          "name": "bad", "owner": "me",
          "rules": [
            {"type": "max-order-notional", "params": {"maxNotional": -5}},
            {"type": "max-order-qty", "params": {}},
            {"type": "leverage", "params": {"maxLeverage": "2"}},
            {"type": "price-collar", "params": {"maxDeviationPercent": 5, "maxDevationTicks": 3}},
            {"type": "wash-trade", "enforcement": "MAYBE"},
            {"type": "wash-trade"}
          ],
          "accounts": {
            "FUND A": {"disable": ["nope"], "strategies": {"s1": {"rules": [{"type": "leverage"}]}}}
          }
        }
        """);
    assertThat(problems).containsExactly(
        "$.owner: expected one of the keys [accounts, description, name, rules, version], was \"me\"",
        "$.rules[0].params.maxNotional: expected a finite number > 0, was -5",
        "$.rules[1].type: expected a rule type, one of " + StandardRules.catalogue().types() + ", was \"max-order-qty\"",
        "$.rules[2].params.maxLeverage: expected a number, was \"2\"",
        "$.rules[3].params.maxDevationTicks: expected a parameter of rule type 'price-collar', one of "
            + "[maxDeviationPercent, maxDeviationTicks], was 3",
        "$.rules[4].enforcement: expected one of [HARD, SOFT], was \"MAYBE\"",
        "$.rules[5].type: expected a rule id not used twice in the same list, was \"wash-trade\"",
        "$.accounts['FUND A'].disable[0]: expected the id of an inherited rule, one of "
            + "[max-order-notional, max-order-qty, leverage, price-collar, wash-trade], was \"nope\"",
        "$.accounts['FUND A'].strategies.s1.rules[0].params.maxLeverage: expected a number, was missing");
  }

  @Test
  void refuses_malformed_json_and_duplicate_keys_at_the_root_path() {
    assertThat(problems("{\"rules\": [ }")).singleElement().asString()
        .startsWith("$: expected a well-formed JSON document, was malformed JSON at line 1, column");
    assertThat(problems("{\"name\": \"a\", \"name\": \"b\"}")).singleElement().asString()
        .contains("Duplicate field 'name'");
    assertThat(problems("")).containsExactly("$: expected a JSON object, was empty");
    assertThat(problems("[1]")).containsExactly("$: expected a JSON object, was [1]");
  }

  @Test
  void the_exception_message_lists_every_problem() {
    assertThatThrownBy(() -> parse("{\"rules\": [{\"type\": \"leverage\", \"params\": {\"maxLeverage\": 0}}]}"))
        .isInstanceOf(PolicyException.class)
        .hasMessage("test-policy refused: 1 problem\n"
            + "  $.rules[0].params.maxLeverage: expected a finite number > 0, was 0");
  }

  @Test
  void trading_session_rule_needs_a_calendar_in_the_context() {
    assertThat(problems("{\"rules\": [{\"type\": \"trading-session\"}]}")).containsExactly(
        "$.rules[0]: expected a market calendar in the rule context (rule type 'trading-session' needs one), "
            + "was no market calendar");
  }

  @Test
  void ready_ucits_policy_compiles() {
    CompliancePolicy ucits = parse(CompliancePolicy.ucits51040());
    assertThat(ucits.name()).isEqualTo("ucits-5-10-40");
    assertThat(ucits.defaultRules().ids()).containsExactly("ucits-issuer-5-10-40", "ucits-global-exposure",
        "ucits-no-uncovered-sales");
  }
}
