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
import dev.parapet.api.time.SimulatedClock;
import dev.parapet.api.fixtures.FakeCalendar;
import dev.parapet.compliance.rule.RuleContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TradingSessionRuleTest {

  // Tuesday 2024-03-05: New York is on EST (UTC-5) until 2024-03-10: the session is 14:30-21:00 UTC.
  private final SimulatedClock clock = SimulatedClock.at(Instant.parse("2024-03-05T14:29:59.999Z"));
  private final FakeCalendar calendar = new FakeCalendar(LocalDate.of(2024, 3, 6));
  private final RuleContext context = RuleContext.builder().clock(clock).calendar(calendar).build();
  private final RuleFixture f = new RuleFixture();
  private final TradingSessionRule rule = new TradingSessionRule("session", "d", SEV, HARD, calendar, context.halts(),
      clock, true);

  private GateDecision check() {
    return f.check(rule, market("O1", ACC, AAPL, Side.BUY, 1));
  }

  @Test
  void rejects_before_the_open_and_passes_exactly_at_the_open() {
    assertThat(check().reasons()).singleElement().satisfies(r -> {
      assertThat(r.code()).isEqualTo(ReasonCode.MARKET_CLOSED);
      assertThat(r.message()).contains("2024-03-05T14:30:00Z");
    });
    clock.advance(Duration.ofMillis(1));
    assertThat(check().approved()).isTrue();
  }

  @Test
  void rejects_exactly_at_the_close_and_over_a_holiday_until_the_next_session() {
    clock.set(Instant.parse("2024-03-05T20:59:59.999Z"));
    assertThat(check().approved()).isTrue();
    clock.advance(Duration.ofMillis(1)); // 16:00:00 New York: sessions are [open, close)
    assertThat(check().approved()).isFalse();
    clock.set(Instant.parse("2024-03-06T15:00:00Z")); // Wednesday is a holiday
    GateDecision d = check();
    assertThat(d.approved()).isFalse();
    assertThat(d.reasons().get(0).message()).contains("2024-03-07T14:30:00Z");
    clock.set(Instant.parse("2024-03-07T15:00:00Z"));
    assertThat(check().approved()).isTrue();
  }

  @Test
  void asks_the_calendar_only_when_the_cached_state_expires() {
    clock.set(Instant.parse("2024-03-05T15:00:00Z"));
    check();
    int lookups = calendar.sessionLookups();
    for (int i = 0; i < 100; i++) {
      clock.advance(Duration.ofMinutes(1));
      check();
    }
    assertThat(calendar.sessionLookups()).isEqualTo(lookups);
  }

  @Test
  void rejects_halted_instruments_while_open_unless_halts_are_not_checked() {
    clock.set(Instant.parse("2024-03-05T15:00:00Z"));
    context.halts().halt("AAPL");
    assertThat(check().reasons()).singleElement().satisfies(r ->
        assertThat(r.code()).isEqualTo(ReasonCode.INSTRUMENT_HALTED));
    TradingSessionRule noHalts = new TradingSessionRule("s", "d", SEV, HARD, calendar, context.halts(), clock, false);
    assertThat(f.check(noHalts, market("O2", ACC, AAPL, Side.BUY, 1)).approved()).isTrue();
    context.halts().resume("AAPL");
    assertThat(check().approved()).isTrue();
  }

  @Test
  void refuses_a_missing_calendar() {
    assertThatThrownBy(() -> new TradingSessionRule("s", "d", SEV, HARD, null, context.halts(), clock, true))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("calendar must be non-null");
  }
}
