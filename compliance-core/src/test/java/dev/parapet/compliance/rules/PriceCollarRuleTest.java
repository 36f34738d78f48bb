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
import dev.parapet.api.model.Side;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PriceCollarRuleTest {

  private final RuleFixture f = new RuleFixture();
  private final PriceCollarRule percent = new PriceCollarRule("collar", "d", SEV, HARD, 5.0, 0);
  private final PriceCollarRule ticks = new PriceCollarRule("collar-ticks", "d", SEV, HARD, Double.NaN, 5);

  @BeforeEach
  void mark() {
    f.book.mark("AAPL", 100.00);
  }

  @Test
  void passes_limits_inside_the_band_and_market_orders() {
    assertThat(f.check(percent, limit("O1", ACC, AAPL, Side.BUY, 1, 104.99)).reasons()).isEmpty();
    assertThat(f.check(percent, limit("O2", ACC, AAPL, Side.SELL, 1, 95.01)).reasons()).isEmpty();
    assertThat(f.check(percent, market("O3", ACC, AAPL, Side.BUY, 1)).reasons()).isEmpty();
    assertThat(f.check(ticks, limit("O4", ACC, AAPL, Side.BUY, 1, 100.04)).reasons()).isEmpty();
  }

  @Test
  void passes_limits_exactly_on_the_band_edges() {
    // 5% of 100.00 = 5.00: 105.00 and 95.00 are on the edge. 5 ticks of 0.01: 100.05 and 99.95.
    assertThat(f.check(percent, limit("O1", ACC, AAPL, Side.BUY, 1, 105.00)).reasons()).isEmpty();
    assertThat(f.check(percent, limit("O2", ACC, AAPL, Side.SELL, 1, 95.00)).reasons()).isEmpty();
    assertThat(f.check(ticks, limit("O3", ACC, AAPL, Side.BUY, 1, 100.05)).reasons()).isEmpty();
    assertThat(f.check(ticks, limit("O4", ACC, AAPL, Side.SELL, 1, 99.95)).reasons()).isEmpty();
  }

  @Test
  void edges_hold_where_binary_arithmetic_lands_just_above_them() {
    // (100.03 - 100.00) / 0.01 = 3.0000000000001137 in doubles: still exactly 3 ticks
    PriceCollarRule threeTicks = new PriceCollarRule("c3", "d", SEV, HARD, Double.NaN, 3);
    assertThat((100.03 - 100.00) / 0.01).isGreaterThan(3.0);
    assertThat(f.check(threeTicks, limit("O1", ACC, AAPL, Side.BUY, 1, 100.03)).reasons()).isEmpty();
    assertThat(f.check(threeTicks, limit("O2", ACC, AAPL, Side.BUY, 1, 100.04)).approved()).isFalse();
    // |1.07 - 1.00| / 1.00 * 100 = 7.000000000000006 in doubles: still exactly 7%
    f.book.mark("MSFT", 1.00);
    PriceCollarRule sevenPercent = new PriceCollarRule("c7", "d", SEV, HARD, 7.0, 0);
    assertThat(Math.abs(1.07 - 1.00) / 1.00 * 100).isGreaterThan(7.0);
    assertThat(f.check(sevenPercent, limit("O3", ACC, dev.parapet.api.fixtures.TestInstruments.MSFT, Side.BUY, 1,
        1.07)).reasons()).isEmpty();
    assertThat(f.check(sevenPercent, limit("O4", ACC, dev.parapet.api.fixtures.TestInstruments.MSFT, Side.BUY, 1,
        1.08)).approved()).isFalse();
  }

  @Test
  void rejects_limits_beyond_the_band_on_either_side() {
    GateDecision high = f.check(percent, limit("O1", ACC, AAPL, Side.BUY, 1, 105.01));
    assertThat(high.reasons()).singleElement().satisfies(r -> {
      assertThat(r.code()).isEqualTo(ReasonCode.PRICE_COLLAR);
      assertThat(r.limit()).isEqualTo(5.0);
      // |105.01 - 100| / 100 * 100 = 5.01 %
      assertThat(r.value()).isCloseTo(5.01, Offset.offset(1e-9));
    });
    assertThat(f.check(percent, limit("O2", ACC, AAPL, Side.SELL, 1, 94.99)).approved()).isFalse();
    GateDecision tickBreach = f.check(ticks, limit("O3", ACC, AAPL, Side.SELL, 1, 99.94));
    // (100.00 - 99.94) / 0.01 = 6 ticks
    assertThat(tickBreach.reasons().get(0).value()).isCloseTo(6.0, Offset.offset(1e-9));
  }

  @Test
  void rejects_limit_order_without_reference_price() {
    GateDecision d = f.check(percent, limit("O1", ACC, dev.parapet.api.fixtures.TestInstruments.MSFT, Side.BUY, 1, 10));
    assertThat(d.reasons().get(0).code()).isEqualTo(ReasonCode.NO_REFERENCE_PRICE);
  }

  @Test
  void refuses_both_or_neither_band_and_non_positive_bands() {
    assertThatThrownBy(() -> new PriceCollarRule("c", "d", SEV, HARD, 5.0, 5))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("set exactly when maxDeviationTicks is not");
    assertThatThrownBy(() -> new PriceCollarRule("c", "d", SEV, HARD, Double.NaN, 0))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new PriceCollarRule("c", "d", SEV, HARD, -1.0, 0))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("maxDeviationPercent");
    assertThatThrownBy(() -> new PriceCollarRule("c", "d", SEV, HARD, Double.NaN, -3))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("maxDeviationTicks must be > 0");
  }
}
