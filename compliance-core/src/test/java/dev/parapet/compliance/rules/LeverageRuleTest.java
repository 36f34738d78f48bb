package dev.parapet.compliance.rules;

import static dev.parapet.api.fixtures.TestInstruments.AAPL;
import static dev.parapet.api.fixtures.TestInstruments.MSFT;
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

class LeverageRuleTest {

  private final RuleFixture f = new RuleFixture();
  private final LeverageRule rule = new LeverageRule("leverage", "d", SEV, HARD, 2.0);

  @BeforeEach
  void book() {
    // NAV 100,000; long AAPL 150,000 (cash -50,000) -> gross 150,000, leverage 1.5
    f.book.deposit(ACC, 100_000);
    f.fill(ACC, AAPL, Side.BUY, 1_500, 100.0);
    f.book.mark("MSFT", 100.0);
  }

  @Test
  void passes_up_to_and_exactly_at_the_limit() {
    assertThat(f.check(rule, market("O1", ACC, MSFT, Side.SELL_SHORT, 499)).reasons()).isEmpty();
    // 150,000 + 50,000 = 200,000 / 100,000 = 2.0
    assertThat(f.check(rule, market("O2", ACC, MSFT, Side.SELL_SHORT, 500)).reasons()).isEmpty();
  }

  @Test
  void rejects_above_the_limit_and_passes_reducing_orders() {
    GateDecision d = f.check(rule, market("O1", ACC, MSFT, Side.BUY, 501));
    assertThat(d.reasons()).singleElement().satisfies(r -> {
      assertThat(r.code()).isEqualTo(ReasonCode.LEVERAGE);
      assertThat(r.value()).isCloseTo(2.001, Offset.offset(1e-12));
    });
    assertThat(f.check(rule, market("O2", ACC, AAPL, Side.SELL, 1_000)).reasons()).isEmpty();
  }

  @Test
  void post_trade_finds_leverage_after_a_loss() {
    assertThat(f.sweep(rule, ACC)).isEmpty();
    f.book.mark("AAPL", 80.0); // gross 120,000; NAV 100,000 - 30,000 = 70,000; leverage 1.714
    assertThat(f.sweep(rule, ACC)).isEmpty();
    f.book.mark("AAPL", 70.0); // gross 105,000; NAV 55,000; leverage 1.909
    assertThat(f.sweep(rule, ACC)).isEmpty();
    f.book.mark("AAPL", 60.0); // gross 90,000; NAV 40,000; leverage 2.25
    assertThat(f.sweep(rule, ACC)).singleElement().satisfies(b -> assertThat(b.value()).isCloseTo(2.25,
        Offset.offset(1e-12)));
  }

  @Test
  void refuses_non_positive_limit() {
    assertThatThrownBy(() -> new LeverageRule("l", "d", SEV, HARD, 0)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("maxLeverage must be a finite number > 0, was 0.0");
  }
}
