package dev.parapet.compliance.gate;

import static dev.parapet.api.fixtures.TestInstruments.AAPL;
import static dev.parapet.api.fixtures.TestInstruments.limit;
import static dev.parapet.api.fixtures.TestInstruments.market;
import static dev.parapet.compliance.gate.GateFixture.ACC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Side;
import dev.parapet.compliance.policy.PolicyException;
import dev.parapet.compliance.policy.RuleCatalogue;
import dev.parapet.compliance.rule.AbstractComplianceRule;
import dev.parapet.compliance.rule.Enforcement;
import dev.parapet.compliance.rules.StandardRules;
import org.junit.jupiter.api.Test;

/**
 * The example of a host's own rule: "no penny stocks", rejecting orders priced below a minimum, written
 * against the same interface as the standard rules and named in the policy file like them.
 */
class HostCustomRuleExampleTest {

  /** The host's rule: an order priced (limit, else mark) below {@code minPrice} is a CUSTOM_RULE breach. */
  static final class MinimumPriceRule extends AbstractComplianceRule {
    private final double minPrice;

    MinimumPriceRule(String id, String description, Severity severity, Enforcement enforcement, double minPrice) {
      super(id, description, severity, enforcement);
      this.minPrice = Checks.positive(minPrice, "minPrice", "rule " + id);
    }

    @Override
    public void checkOrder(OrderRequest order, PortfolioView portfolio, GateDecision.Builder decision) {
      // hot path: allocation-free
      double price = order.isLimit() ? order.limitPrice().getAsDouble() : portfolio.markPrice(order.instrument().id());
      if (price < minPrice) { // NaN (no mark) passes here: other rules own the missing reference price
        breach(decision, ReasonCode.CUSTOM_RULE, order.instrument().id() + " at " + price
            + " is a penny stock (below " + minPrice + ")", minPrice, price);
      }
    }
  }

  /** The host's catalogue: the standard rules plus "min-price". */
  static final RuleCatalogue CATALOGUE = StandardRules.catalogue().with("min-price", (config, context) ->
      new MinimumPriceRule(config.id(), config.description("no orders below a minimum price"), config.severity(),
          config.enforcement(), config.number("minPrice")));

  private final GateFixture f = new GateFixture();

  private ComplianceGate gate(String params) {
    return ComplianceGate.builder().context(f.context).catalogue(CATALOGUE)
        .policy("{\"rules\": [{\"type\": \"min-price\", \"id\": \"no-penny-stocks\", \"params\": " + params + "}]}",
            "host-policy.json")
        .build();
  }

  @Test
  void host_rule_runs_in_the_gate_like_a_standard_rule() {
    ComplianceGate gate = gate("{\"minPrice\": 5}");
    assertThat(f.check(gate, limit("O1", ACC, AAPL, Side.BUY, 10, 5.00)).approved()).isTrue();
    GateDecision d = f.check(gate, limit("O2", ACC, AAPL, Side.BUY, 10, 4.99));
    assertThat(d.reasons()).singleElement().satisfies(r -> {
      assertThat(r.code()).isEqualTo(ReasonCode.CUSTOM_RULE);
      assertThat(r.source()).isEqualTo("compliance/no-penny-stocks");
      assertThat(r.limit()).isEqualTo(5.0);
      assertThat(r.value()).isEqualTo(4.99);
    });
    assertThat(f.check(gate, market("O3", ACC, AAPL, Side.BUY, 10)).approved()).isTrue(); // mark 100
  }

  @Test
  void host_rule_parameters_are_validated_with_their_json_path() {
    assertThatThrownBy(() -> gate("{\"minPrice\": -1}")).isInstanceOf(PolicyException.class)
        .hasMessageContaining("$.rules[0].params.minPrice: expected a finite number > 0, was -1");
    assertThatThrownBy(() -> gate("{\"minPrice\": 5, \"maxPrice\": 9}")).isInstanceOf(PolicyException.class)
        .hasMessageContaining("$.rules[0].params.maxPrice: expected a parameter of rule type 'min-price'");
  }
}
