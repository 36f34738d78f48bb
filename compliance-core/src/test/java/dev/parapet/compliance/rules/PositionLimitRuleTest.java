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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PositionLimitRuleTest {

  private final RuleFixture f = new RuleFixture();

  @BeforeEach
  void book() {
    f.book.deposit(ACC, 10_000_000);
    f.fill(ACC, AAPL, Side.BUY, 1_000, 100.0); // q = 1,000 at mark 100
  }

  @Test
  void passes_order_that_stays_below_the_quantity_limit() {
    PositionLimitRule rule = new PositionLimitRule("pos", "d", SEV, HARD, 2_000, Double.NaN);
    assertThat(f.check(rule, market("O1", ACC, AAPL, Side.BUY, 999)).approved()).isTrue();
  }

  @Test
  void counts_open_orders_and_passes_exactly_at_the_limit() {
    PositionLimitRule rule = new PositionLimitRule("pos", "d", SEV, HARD, 2_000, 200_000.0);
    f.book.reserve(market("OPEN", ACC, AAPL, Side.BUY, 400), 100.0);
    // worst case: 1,000 filled + 400 pending + 600 = 2,000 units = 200,000 at 100: both limits met exactly
    assertThat(f.check(rule, market("O1", ACC, AAPL, Side.BUY, 600)).reasons()).isEmpty();
    GateDecision over = f.check(rule, market("O2", ACC, AAPL, Side.BUY, 601));
    assertThat(over.reasons()).extracting(r -> r.code()).containsExactly(ReasonCode.POSITION_LIMIT,
        ReasonCode.POSITION_LIMIT);
    assertThat(over.reasons().get(0).value()).isEqualTo(2_001);
    assertThat(over.reasons().get(1).value()).isEqualTo(200_100.0);
  }

  @Test
  void rejects_short_side_breach_but_never_a_reducing_order() {
    PositionLimitRule rule = new PositionLimitRule("pos", "d", SEV, HARD, 500, Double.NaN);
    // already over the limit (1,000 > 500): a sale of 400 reduces the worst case (max(|1000|, |600|) = 1000
    // before and after), so it passes
    assertThat(f.check(rule, market("O1", ACC, AAPL, Side.SELL, 400)).reasons()).isEmpty();
    // selling 1,600 would leave -600 short: worst case max(1000, 600) = 1000 unchanged -> passes too
    assertThat(f.check(rule, market("O2", ACC, AAPL, Side.SELL, 1_600)).reasons()).isEmpty();
    // selling 2,100 leaves -1,100: worst case 1,100 > 1,000 before -> rejected
    GateDecision d = f.check(rule, market("O3", ACC, AAPL, Side.SELL_SHORT, 2_100));
    assertThat(d.reasons()).singleElement().satisfies(r -> assertThat(r.value()).isEqualTo(1_100));
    // buying more is rejected
    assertThat(f.check(rule, limit("O4", ACC, AAPL, Side.BUY, 1, 100)).approved()).isFalse();
  }

  @Test
  void post_trade_finds_a_passive_notional_breach_after_a_price_move() {
    PositionLimitRule rule = new PositionLimitRule("pos", "d", SEV, HARD, 0, 150_000.0);
    assertThat(f.sweep(rule, ACC)).isEmpty();
    f.book.mark("AAPL", 160.0); // 1,000 x 160 = 160,000 > 150,000
    assertThat(f.sweep(rule, ACC)).singleElement().satisfies(b -> {
      assertThat(b.subject()).isEqualTo("AAPL/notional");
      assertThat(b.value()).isEqualTo(160_000.0);
    });
  }

  @Test
  void refuses_missing_or_non_positive_limits() {
    assertThatThrownBy(() -> new PositionLimitRule("p", "d", SEV, HARD, 0, Double.NaN))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("maxQuantity");
    assertThatThrownBy(() -> new PositionLimitRule("p", "d", SEV, HARD, -5, Double.NaN))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("maxQuantity must be > 0, was -5");
    assertThatThrownBy(() -> new PositionLimitRule("p", "d", SEV, HARD, 0, 0.0))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("maxNotional");
  }
}
