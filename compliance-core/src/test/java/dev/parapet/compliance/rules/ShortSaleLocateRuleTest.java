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
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Side;
import org.junit.jupiter.api.Test;

class ShortSaleLocateRuleTest {

  private final RuleFixture f = new RuleFixture();
  private final ShortSaleLocateRule rule = new ShortSaleLocateRule("locate", "d", SEV, HARD, f.context.locates(), true);

  @Test
  void passes_short_sale_up_to_exactly_the_located_quantity() {
    f.context.locates().grant(ACC, "AAPL", 1_000);
    assertThat(f.check(rule, market("O1", ACC, AAPL, Side.SELL_SHORT, 999)).reasons()).isEmpty();
    assertThat(f.check(rule, market("O2", ACC, AAPL, Side.SELL_SHORT, 1_000)).reasons()).isEmpty();
  }

  @Test
  void rejects_short_sale_without_enough_locate() {
    GateDecision none = f.check(rule, market("O1", ACC, AAPL, Side.SELL_SHORT, 1));
    assertThat(none.reasons()).singleElement().satisfies(r -> {
      assertThat(r.code()).isEqualTo(ReasonCode.NO_LOCATE);
      assertThat(r.limit()).isEqualTo(0);
      assertThat(r.value()).isEqualTo(1);
      assertThat(r.message()).contains("Reg SHO Rule 203(b)(1)");
    });
    f.context.locates().grant(ACC, "AAPL", 1_000);
    assertThat(f.check(rule, market("O2", ACC, AAPL, Side.SELL_SHORT, 1_001)).approved()).isFalse();
  }

  @Test
  void accepted_short_sales_consume_the_locate_and_return_the_unfilled_part() {
    f.context.locates().grant(ACC, "AAPL", 1_000);
    OrderRequest first = market("O1", ACC, AAPL, Side.SELL_SHORT, 600);
    f.context.onOrderAccepted(first);
    assertThat(f.context.locates().available(ACC, "AAPL")).isEqualTo(400);
    assertThat(f.check(rule, market("O2", ACC, AAPL, Side.SELL_SHORT, 401)).approved()).isFalse();
    f.context.onOrderDone("O1", 250); // 350 filled, 250 unfilled come back
    assertThat(f.context.locates().available(ACC, "AAPL")).isEqualTo(650);
    assertThat(f.context.locates().used(ACC, "AAPL")).isEqualTo(350);
    f.context.onOrderDone("O1", 250); // idempotent
    assertThat(f.context.locates().available(ACC, "AAPL")).isEqualTo(650);
  }

  @Test
  void long_sale_beyond_the_uncommitted_long_position_must_be_marked_short() {
    f.book.deposit(ACC, 1_000_000);
    f.fill(ACC, AAPL, Side.BUY, 500, 100);
    f.book.reserve(market("PENDING", ACC, AAPL, Side.SELL, 200), 100); // 300 left to sell long
    assertThat(f.check(rule, market("O1", ACC, AAPL, Side.SELL, 300)).reasons()).isEmpty();
    GateDecision d = f.check(rule, market("O2", ACC, AAPL, Side.SELL, 301));
    assertThat(d.reasons()).singleElement().satisfies(r -> {
      assertThat(r.limit()).isEqualTo(300);
      assertThat(r.message()).contains("Rule 200(g)");
    });
    ShortSaleLocateRule lenient = new ShortSaleLocateRule("l", "d", SEV, HARD, f.context.locates(), false);
    assertThat(f.check(lenient, market("O3", ACC, AAPL, Side.SELL, 301)).reasons()).isEmpty();
  }

  @Test
  void refuses_a_non_positive_grant_and_a_missing_inventory() {
    assertThatThrownBy(() -> f.context.locates().grant(ACC, "AAPL", 0)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("quantity must be > 0");
    assertThatThrownBy(() -> new ShortSaleLocateRule("l", "d", SEV, HARD, null, true))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("locates");
  }
}
