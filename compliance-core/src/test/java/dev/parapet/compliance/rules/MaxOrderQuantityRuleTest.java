package dev.parapet.compliance.rules;

import static dev.parapet.api.fixtures.TestInstruments.AAPL;
import static dev.parapet.api.fixtures.TestInstruments.market;
import static dev.parapet.compliance.rules.RuleFixture.ACC;
import static dev.parapet.compliance.rules.RuleFixture.HARD;
import static dev.parapet.compliance.rules.RuleFixture.SEV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.api.InvalidValueException;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.Side;
import org.junit.jupiter.api.Test;

class MaxOrderQuantityRuleTest {

  private final RuleFixture f = new RuleFixture();
  private final MaxOrderQuantityRule rule = new MaxOrderQuantityRule("max-qty", "d", SEV, HARD, 10_000);

  @Test
  void passes_order_below_the_maximum() {
    assertThat(f.check(rule, market("O1", ACC, AAPL, Side.BUY, 9_999)).approved()).isTrue();
  }

  @Test
  void passes_order_exactly_at_the_maximum() {
    assertThat(f.check(rule, market("O1", ACC, AAPL, Side.SELL, 10_000)).reasons()).isEmpty();
  }

  @Test
  void rejects_order_above_the_maximum_with_limit_and_value() {
    GateDecision d = f.check(rule, market("O1", ACC, AAPL, Side.BUY, 10_001));
    assertThat(d.approved()).isFalse();
    assertThat(d.reasons()).singleElement().satisfies(r -> {
      assertThat(r.code()).isEqualTo(ReasonCode.MAX_ORDER_QUANTITY);
      assertThat(r.limit()).isEqualTo(10_000);
      assertThat(r.value()).isEqualTo(10_001);
    });
  }

  @Test
  void refuses_a_maximum_that_is_not_positive() {
    assertThatThrownBy(() -> new MaxOrderQuantityRule("q", "d", SEV, HARD, 0))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("maxQuantity must be > 0, was 0");
  }
}
