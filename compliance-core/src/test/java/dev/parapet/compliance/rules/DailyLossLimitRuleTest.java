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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DailyLossLimitRuleTest {

  private final RuleFixture f = new RuleFixture();
  private final DailyLossLimitRule rule = new DailyLossLimitRule("daily-loss", "d", SEV, HARD, 20_000, 3,
      f.context.startOfDay());

  @BeforeEach
  void book() {
    // NAV 1,000,000 at the start of the day, long 10,000 AAPL at 100
    f.book.deposit(ACC, 1_000_000);
    f.fill(ACC, AAPL, Side.BUY, 10_000, 100.0);
    f.context.onSessionStart(f.book, List.of(ACC));
  }

  @Test
  void passes_with_a_gain_and_with_a_loss_exactly_at_the_limit() {
    f.book.mark("AAPL", 101);
    assertThat(f.check(rule, market("O1", ACC, AAPL, Side.SELL, 1)).reasons()).isEmpty();
    f.book.mark("AAPL", 98); // loss 10,000 x 2 = 20,000 = maxLoss
    assertThat(f.check(rule, market("O2", ACC, AAPL, Side.SELL, 1)).reasons()).isEmpty();
  }

  @Test
  void rejects_loss_above_the_amount_and_the_percent_limits() {
    f.book.mark("AAPL", 97.99); // loss 20,100 > 20,000; 2.01% < 3%
    GateDecision d = f.check(rule, market("O1", ACC, AAPL, Side.SELL, 1));
    assertThat(d.reasons()).singleElement().satisfies(r -> {
      assertThat(r.code()).isEqualTo(ReasonCode.DAILY_LOSS_LIMIT);
      assertThat(r.value()).isCloseTo(20_100, org.assertj.core.data.Offset.offset(1e-6));
    });
    f.book.mark("AAPL", 96.99); // loss 30,100 = 3.01% of 1,000,000
    assertThat(f.check(rule, market("O2", ACC, AAPL, Side.SELL, 1)).reasons()).hasSize(2);
    assertThat(f.sweep(rule, ACC)).singleElement().satisfies(b -> assertThat(b.subject()).isEqualTo("daily-loss"));
  }

  @Test
  void without_a_start_of_day_nav_pre_trade_fails_closed_without_figures_and_post_trade_is_silent() {
    GateDecision d = f.check(rule, market("O1", "NEW", AAPL, Side.BUY, 1));
    assertThat(d.approved()).isFalse();
    assertThat(d.reasons().get(0).hasFigures()).isFalse();
    assertThat(f.sweep(rule, "NEW")).isEmpty();
  }

  @Test
  void refuses_no_limit_and_bad_limits() {
    assertThatThrownBy(() -> new DailyLossLimitRule("l", "d", SEV, HARD, Double.NaN, Double.NaN,
        f.context.startOfDay())).isInstanceOf(InvalidValueException.class).hasMessageContaining("maxLoss");
    assertThatThrownBy(() -> new DailyLossLimitRule("l", "d", SEV, HARD, -5, Double.NaN, f.context.startOfDay()))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("maxLoss must be a finite number > 0");
    assertThatThrownBy(() -> new DailyLossLimitRule("l", "d", SEV, HARD, Double.NaN, 200, f.context.startOfDay()))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("maxLossPercentOfStartNav");
  }
}
