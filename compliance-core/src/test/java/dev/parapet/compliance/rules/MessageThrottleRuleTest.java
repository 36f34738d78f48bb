package dev.parapet.compliance.rules;

import static dev.parapet.api.fixtures.TestInstruments.AAPL;
import static dev.parapet.api.fixtures.TestInstruments.MSFT;
import static dev.parapet.api.fixtures.TestInstruments.limit;
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

class MessageThrottleRuleTest {

  private final RuleFixture f = new RuleFixture();

  private MessageThrottleRule rule(int perAccount, int perInstrument) {
    return new MessageThrottleRule("throttle", "d", SEV, HARD, perAccount, perInstrument, 1_000, f.context.activity(),
        f.clock);
  }

  private void accept(int n, String prefix) {
    for (int i = 0; i < n; i++) {
      f.context.onOrderAccepted(limit(prefix + i, ACC, AAPL, Side.BUY, 1, 100 + i * 0.01));
    }
  }

  @Test
  void passes_the_order_that_brings_the_window_to_exactly_the_maximum() {
    MessageThrottleRule r = rule(5, 0);
    accept(4, "A");
    assertThat(f.check(r, limit("X", ACC, AAPL, Side.BUY, 1, 99)).reasons()).isEmpty();
  }

  @Test
  void rejects_once_the_window_holds_the_maximum_then_slides() {
    MessageThrottleRule r = rule(5, 0);
    accept(2, "A");
    f.clock.advance(Duration.ofMillis(400));
    accept(3, "B"); // 5 messages: at t0 (2) and t0+400 (3)
    GateDecision d = f.check(r, limit("X", ACC, MSFT, Side.BUY, 1, 99));
    assertThat(d.reasons()).singleElement().satisfies(x -> {
      assertThat(x.code()).isEqualTo(ReasonCode.THROTTLE);
      assertThat(x.limit()).isEqualTo(5);
      assertThat(x.value()).isEqualTo(6);
    });
    // at t0 + 999 ms the first two are still inside (t0 > t0 + 999 - 1000)
    f.clock.advance(Duration.ofMillis(599));
    assertThat(f.check(r, limit("X", ACC, MSFT, Side.BUY, 1, 99)).approved()).isFalse();
    // at t0 + 1000 ms they are exactly one window old and drop out: 3 left
    f.clock.advance(Duration.ofMillis(1));
    assertThat(f.check(r, limit("X", ACC, MSFT, Side.BUY, 1, 99)).approved()).isTrue();
  }

  @Test
  void instrument_limit_counts_every_account_and_reported_cancels() {
    MessageThrottleRule r = rule(0, 3);
    f.context.onOrderAccepted(limit("A1", "OTHER", AAPL, Side.BUY, 1, 100));
    f.context.recordMessage("OTHER", "AAPL"); // a cancel
    assertThat(f.check(r, limit("X", ACC, AAPL, Side.BUY, 1, 99)).approved()).isTrue();
    f.context.recordMessage(ACC, "AAPL");
    assertThat(f.check(r, limit("X", ACC, AAPL, Side.BUY, 1, 99)).approved()).isFalse();
    assertThat(f.check(r, limit("Y", ACC, MSFT, Side.BUY, 1, 99)).approved()).isTrue();
  }

  @Test
  void keeps_enough_history_for_large_limits() {
    MessageThrottleRule r = rule(100, 0);
    accept(99, "A");
    assertThat(f.check(r, limit("X", ACC, AAPL, Side.BUY, 1, 99)).approved()).isTrue();
    accept(1, "B");
    assertThat(f.check(r, limit("X", ACC, AAPL, Side.BUY, 1, 99)).approved()).isFalse();
  }

  @Test
  void refuses_no_limit_negative_limits_and_bad_window() {
    assertThatThrownBy(() -> rule(0, 0)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("maxMessagesPerAccount");
    assertThatThrownBy(() -> rule(-1, 5)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("maxMessagesPerAccount must be >= 0");
    assertThatThrownBy(() -> new MessageThrottleRule("t", "d", SEV, HARD, 5, 0, 0, f.context.activity(), f.clock))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("windowMillis must be > 0");
  }
}
