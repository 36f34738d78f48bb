package dev.parapet.compliance.rules;

import static dev.parapet.api.fixtures.TestInstruments.AAPL;
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
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.Side;
import org.junit.jupiter.api.Test;

class MaxOrderNotionalRuleTest {

  private final RuleFixture f = new RuleFixture();
  private final MaxOrderNotionalRule rule = new MaxOrderNotionalRule("fat-finger", "d", SEV, HARD, 1_000_000);

  @Test
  void passes_limit_order_below_the_maximum() {
    // 9,999 x 100.00 = 999,900 < 1,000,000
    assertThat(f.check(rule, limit("O1", ACC, AAPL, Side.BUY, 9_999, 100.00)).approved()).isTrue();
  }

  @Test
  void passes_order_exactly_at_the_maximum_despite_binary_rounding() {
    // 3 x 1.10 = 3.3000000000000003 in doubles, 3.30 in decimal: at the limit of 3.30, so it passes
    MaxOrderNotionalRule r = new MaxOrderNotionalRule("n", "d", SEV, HARD, 3.30);
    assertThat(3 * 1.10).isGreaterThan(3.30);
    assertThat(f.check(r, limit("O1", ACC, AAPL, Side.BUY, 3, 1.10)).reasons()).isEmpty();
    assertThat(f.check(r, limit("O3", ACC, AAPL, Side.BUY, 3, 1.11)).approved()).isFalse();
    // 10,000 x 100 = 1,000,000 exactly
    assertThat(f.check(rule, limit("O2", ACC, AAPL, Side.BUY, 10_000, 100)).reasons()).isEmpty();
  }

  @Test
  void rejects_market_order_above_the_maximum_valued_at_the_mark_with_the_multiplier() {
    Instrument future = Instrument.builder().id("ESM4").sector("Index").issuer("CME").multiplier(50)
        .tickSize(0.25).build();
    f.book.mark("ESM4", 5_000.0);
    // 5 contracts x 5,000 x 50 = 1,250,000 > 1,000,000
    GateDecision d = f.check(rule, market("O1", ACC, future, Side.SELL, 5));
    assertThat(d.reasons()).singleElement().satisfies(r -> {
      assertThat(r.code()).isEqualTo(ReasonCode.MAX_ORDER_NOTIONAL);
      assertThat(r.value()).isEqualTo(1_250_000.0);
      assertThat(r.limit()).isEqualTo(1_000_000.0);
      assertThat(r.blocking()).isTrue();
    });
  }

  @Test
  void rejects_market_order_without_a_mark_as_no_reference_price() {
    GateDecision d = f.check(rule, market("O1", ACC, AAPL, Side.BUY, 1));
    assertThat(d.approved()).isFalse();
    assertThat(d.reasons().get(0).code()).isEqualTo(ReasonCode.NO_REFERENCE_PRICE);
  }

  @Test
  void refuses_bad_maximum() {
    assertThatThrownBy(() -> new MaxOrderNotionalRule("n", "d", SEV, HARD, Double.NaN))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("maxNotional");
    assertThatThrownBy(() -> new MaxOrderNotionalRule("n", "d", SEV, HARD, -1))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("maxNotional must be a finite number > 0");
  }
}
