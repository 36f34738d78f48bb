package dev.parapet.compliance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.api.time.SimulatedClock;
import dev.parapet.api.fixtures.FakeCalendar;
import dev.parapet.compliance.fixtures.Policies;
import dev.parapet.compliance.policy.CompliancePolicy;
import dev.parapet.compliance.policy.PolicyException;
import dev.parapet.compliance.policy.PolicyProblem;
import dev.parapet.compliance.rule.RuleContext;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The catalogue through the policy: every type compiles, and bad parameters are reported at their path. */
class StandardRulesTest {

  private final RuleContext context = RuleContext.builder().clock(SimulatedClock.at(Instant.EPOCH))
      .calendar(new FakeCalendar()).build();

  @Test
  void catalogue_has_the_seventeen_rule_types_and_all_compile() {
    assertThat(StandardRules.catalogue().types()).hasSize(17);
    CompliancePolicy p = CompliancePolicy.parse(Policies.ALL_RULES, "all", StandardRules.catalogue(), context);
    assertThat(p.defaultRules().size()).isEqualTo(17);
    assertThat(p.defaultRules().ids()).containsExactlyInAnyOrderElementsOf(StandardRules.catalogue().types());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "restricted-list      | {\"restrictedInstruments\": [\"A\", 5]}        | $.rules[0].params.restrictedInstruments[1]: expected a non-blank string, was 5",
      "restricted-list      | {}                                           | $.rules[0].params.restrictedInstruments: expected at least one non-empty list among restrictedInstruments, restrictedIssuers, watchInstruments, watchIssuers, was []",
      "max-order-quantity   | {\"maxQuantity\": 1.5}                         | $.rules[0].params.maxQuantity: expected an integer, was 1.5",
      "max-order-notional   | {\"maxNotional\": 0}                           | $.rules[0].params.maxNotional: expected a finite number > 0, was 0",
      "price-collar         | {\"maxDeviationTicks\": 0}                     | $.rules[0].params.maxDeviationTicks: expected > 0, was 0",
      "position-limit       | {\"maxNotional\": -1}                          | $.rules[0].params.maxNotional: expected a finite number > 0, was -1",
      "issuer-concentration | {\"maxPercentOfNav\": 10, \"aggregateMaxPercent\": 40} | $.rules[0].params.aggregateMaxPercent: expected set together with aggregateThresholdPercent, was 40",
      "sector-concentration | {\"maxPercentOfNav\": 250}                     | $.rules[0].params.maxPercentOfNav: expected in [0.0, 100.0], was 250",
      "exposure-limit       | {\"maxGros\": 5}                               | $.rules[0].params.maxGross: expected at least one of maxGross, maxNet, maxGrossPercentOfNav, maxNetPercentOfNav set, was absent",
      "leverage             | {\"maxLeverage\": null}                        | $.rules[0].params.maxLeverage: expected a number, was null",
      "short-sale-locate    | {\"checkLongSales\": \"yes\"}                   | $.rules[0].params.checkLongSales: expected true or false, was \"yes\"",
      "wash-trade           | {\"scope\": \"firm\"}                           | $.rules[0].params.scope: expected no parameters for rule type 'wash-trade', was \"firm\"",
      "message-throttle     | {\"maxMessagesPerAccount\": 10, \"windowMillis\": -1} | $.rules[0].params.windowMillis: expected > 0, was -1",
      "max-open-orders      | {}                                           | $.rules[0].params.maxOpenOrders: expected an integer, was missing",
      "adv-participation    | {\"maxPercentOfAdv\": 10, \"missingAdv\": \"IGNORE\"} | $.rules[0].params.missingAdv: expected one of \"REJECT\", \"ALLOW\", was \"IGNORE\"",
      "duplicate-order      | {\"windowMillis\": 0}                          | $.rules[0].params.windowMillis: expected > 0, was 0",
      "trading-session      | {\"checkHalts\": 1}                            | $.rules[0].params.checkHalts: expected true or false, was 1",
      "daily-loss-limit     | {\"maxLossPercentOfStartNav\": 101}            | $.rules[0].params.maxLossPercentOfStartNav: expected in [0.0, 100.0], was 101",
  })
  void reports_bad_parameters_at_their_json_path(String type, String params, String expected) {
    String json = "{\"rules\": [{\"type\": \"" + type + "\", \"params\": " + params + "}]}";
    List<String> problems;
    try {
      CompliancePolicy.parse(json, "p", StandardRules.catalogue(), context);
      throw new AssertionError("accepted " + json);
    } catch (PolicyException e) {
      problems = e.problems().stream().map(PolicyProblem::toString).toList();
    }
    assertThat(problems).contains(expected);
  }
}
