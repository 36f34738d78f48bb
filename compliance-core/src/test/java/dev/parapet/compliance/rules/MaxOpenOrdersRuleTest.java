package dev.parapet.compliance.rules;

import static dev.parapet.api.fixtures.TestInstruments.AAPL;
import static dev.parapet.api.fixtures.TestInstruments.market;
import static dev.parapet.compliance.rules.RuleFixture.ACC;
import static dev.parapet.compliance.rules.RuleFixture.HARD;
import static dev.parapet.compliance.rules.RuleFixture.SEV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.api.InvalidValueException;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.Side;
import org.junit.jupiter.api.Test;

class MaxOpenOrdersRuleTest {

  private final RuleFixture f = new RuleFixture();
  private final MaxOpenOrdersRule rule = new MaxOpenOrdersRule("open", "d", SEV, HARD, 3);

  @Test
  void passes_while_below_and_at_the_maximum() {
    assertThat(f.check(rule, market("O1", ACC, AAPL, Side.BUY, 1)).approved()).isTrue();
    f.book.reserve(market("R1", ACC, AAPL, Side.BUY, 1), 100);
    f.book.reserve(market("R2", ACC, AAPL, Side.BUY, 1), 100);
    // 2 open + this one = 3 = the maximum
    assertThat(f.check(rule, market("O2", ACC, AAPL, Side.BUY, 1)).reasons()).isEmpty();
  }

  @Test
  void rejects_the_order_beyond_the_maximum_and_passes_again_after_a_release() {
    for (int i = 0; i < 3; i++) {
      f.book.reserve(market("R" + i, ACC, AAPL, Side.BUY, 1), 100);
    }
    assertThat(f.check(rule, market("O1", ACC, AAPL, Side.BUY, 1)).reasons()).singleElement().satisfies(r -> {
      assertThat(r.code()).isEqualTo(ReasonCode.MAX_OPEN_ORDERS);
      assertThat(r.value()).isEqualTo(4);
    });
    f.book.release("R0");
    assertThat(f.check(rule, market("O2", ACC, AAPL, Side.BUY, 1)).approved()).isTrue();
  }

  @Test
  void refuses_a_maximum_below_one() {
    assertThatThrownBy(() -> new MaxOpenOrdersRule("o", "d", SEV, HARD, 0)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("maxOpenOrders must be > 0");
  }
}
