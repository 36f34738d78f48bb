package dev.parapet.compliance.rules;

import static dev.parapet.api.fixtures.TestInstruments.AAPL;
import static dev.parapet.api.fixtures.TestInstruments.MSFT;
import static dev.parapet.api.fixtures.TestInstruments.limit;
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
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DuplicateOrderRuleTest {

  private final RuleFixture f = new RuleFixture();
  private final DuplicateOrderRule rule = new DuplicateOrderRule("dup", "d", SEV, HARD, 500, f.context.activity(),
      f.clock);

  @Test
  void passes_orders_that_differ_in_any_field() {
    f.context.onOrderAccepted(limit("A", ACC, AAPL, Side.BUY, 100, 150.00));
    assertThat(f.check(rule, limit("B1", ACC, AAPL, Side.BUY, 100, 150.01)).approved()).isTrue();
    assertThat(f.check(rule, limit("B2", ACC, AAPL, Side.BUY, 101, 150.00)).approved()).isTrue();
    assertThat(f.check(rule, limit("B3", ACC, AAPL, Side.SELL, 100, 150.00)).approved()).isTrue();
    assertThat(f.check(rule, limit("B4", ACC, MSFT, Side.BUY, 100, 150.00)).approved()).isTrue();
    assertThat(f.check(rule, limit("B5", "OTHER", AAPL, Side.BUY, 100, 150.00)).approved()).isTrue();
    assertThat(f.check(rule, market("B6", ACC, AAPL, Side.BUY, 100)).approved()).isTrue();
  }

  @Test
  void rejects_an_identical_order_within_the_window_naming_the_original() {
    f.context.onOrderAccepted(limit("A", ACC, AAPL, Side.BUY, 100, 150.00));
    f.clock.advance(Duration.ofMillis(499));
    GateDecision d = f.check(rule, limit("B", ACC, AAPL, Side.BUY, 100, 150.00));
    assertThat(d.reasons()).singleElement().satisfies(r -> {
      assertThat(r.code()).isEqualTo(ReasonCode.DUPLICATE_ORDER);
      assertThat(r.message()).contains("duplicates A");
    });
    f.context.onOrderAccepted(market("M", ACC, AAPL, Side.SELL, 5));
    assertThat(f.check(rule, market("M2", ACC, AAPL, Side.SELL, 5)).approved()).isFalse();
  }

  @Test
  void passes_an_identical_order_exactly_one_window_later() {
    f.context.onOrderAccepted(limit("A", ACC, AAPL, Side.BUY, 100, 150.00));
    f.clock.advance(Duration.ofMillis(500));
    assertThat(f.check(rule, limit("B", ACC, AAPL, Side.BUY, 100, 150.00)).approved()).isTrue();
  }

  @Test
  void refuses_a_window_that_is_not_positive() {
    assertThatThrownBy(() -> new DuplicateOrderRule("d", "d", SEV, HARD, 0, f.context.activity(), f.clock))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("windowMillis must be > 0, was 0");
  }
}
