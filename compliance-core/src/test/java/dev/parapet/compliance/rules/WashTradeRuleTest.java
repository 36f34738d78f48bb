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
import org.junit.jupiter.api.Test;

class WashTradeRuleTest {

  private final RuleFixture f = new RuleFixture();
  private final WashTradeRule rule = new WashTradeRule("wash", "d", SEV, HARD, f.context.activity());

  @Test
  void passes_when_nothing_rests_or_prices_do_not_cross_or_another_account_or_instrument_rests() {
    assertThat(f.check(rule, limit("O1", ACC, AAPL, Side.BUY, 10, 100.00)).reasons()).isEmpty();
    f.context.onOrderAccepted(limit("S1", ACC, AAPL, Side.SELL, 10, 100.01));
    f.context.onOrderAccepted(limit("S2", "OTHER", AAPL, Side.SELL, 10, 99.00));
    f.context.onOrderAccepted(limit("S3", ACC, MSFT, Side.SELL, 10, 50.00));
    assertThat(f.check(rule, limit("O2", ACC, AAPL, Side.BUY, 10, 100.00)).reasons()).isEmpty();
  }

  @Test
  void rejects_buy_at_exactly_the_resting_sell_price() {
    f.context.onOrderAccepted(limit("S1", ACC, AAPL, Side.SELL, 10, 100.01));
    GateDecision d = f.check(rule, limit("O1", ACC, AAPL, Side.BUY, 10, 100.01));
    assertThat(d.reasons()).singleElement().satisfies(r -> {
      assertThat(r.code()).isEqualTo(ReasonCode.WASH_TRADE);
      assertThat(r.message()).contains("S1");
    });
  }

  @Test
  void market_orders_cross_everything_opposite_and_are_crossed_by_everything() {
    f.context.onOrderAccepted(limit("B1", ACC, AAPL, Side.BUY, 10, 1.00));
    assertThat(f.check(rule, market("O1", ACC, AAPL, Side.SELL, 10)).approved()).isFalse();
    assertThat(f.check(rule, limit("O2", ACC, AAPL, Side.SELL_SHORT, 10, 1.01)).approved()).isTrue();
    f.context.onOrderAccepted(market("B2", ACC, AAPL, Side.BUY, 10));
    assertThat(f.check(rule, limit("O3", ACC, AAPL, Side.SELL_SHORT, 10, 999.99)).approved()).isFalse();
    // once both buys are done nothing rests
    f.context.onOrderDone("B1", 10);
    f.context.onOrderDone("B2", 0);
    assertThat(f.check(rule, market("O4", ACC, AAPL, Side.SELL, 10)).approved()).isTrue();
  }

  @Test
  void refuses_a_missing_activity_store_and_a_second_acceptance_of_an_open_order() {
    assertThatThrownBy(() -> new WashTradeRule("w", "d", SEV, HARD, null)).isInstanceOf(InvalidValueException.class);
    f.context.onOrderAccepted(limit("S1", ACC, AAPL, Side.SELL, 10, 100.01));
    assertThatThrownBy(() -> f.context.onOrderAccepted(limit("S1", ACC, AAPL, Side.SELL, 10, 100.01)))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("not already accepted");
  }
}
