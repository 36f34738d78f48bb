package dev.parapet.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.api.InvalidValueException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class TradingSessionTest {

  private static final LocalDate D = LocalDate.of(2026, 3, 2);
  private static final ZoneId NY = ZoneId.of("America/New_York");
  private static final ZonedDateTime OPEN = ZonedDateTime.of(D.atTime(9, 30), NY);
  private static final ZonedDateTime CLOSE = ZonedDateTime.of(D.atTime(16, 0), NY);

  @Test
  void refuses_nulls_and_a_close_not_after_the_open() {
    assertThatThrownBy(() -> new TradingSession(null, OPEN, CLOSE, false)).isInstanceOf(InvalidValueException.class)
        .hasMessage("date must be non-null, was null");
    assertThatThrownBy(() -> new TradingSession(D, null, CLOSE, false)).isInstanceOf(InvalidValueException.class)
        .hasMessage("open must be non-null, was null (session 2026-03-02)");
    assertThatThrownBy(() -> new TradingSession(D, OPEN, null, false)).isInstanceOf(InvalidValueException.class)
        .hasMessage("close must be non-null, was null (session 2026-03-02)");
    assertThatThrownBy(() -> new TradingSession(D, OPEN, OPEN, false)).isInstanceOf(InvalidValueException.class)
        .hasMessage("close must be after open 2026-03-02T09:30-05:00[America/New_York], "
            + "was 2026-03-02T09:30-05:00[America/New_York] (session 2026-03-02)");
  }

  @Test
  void contains_is_half_open() {
    TradingSession s = new TradingSession(D, OPEN, CLOSE, false);
    assertThat(s.contains(OPEN.toInstant())).isTrue();
    assertThat(s.contains(OPEN.toInstant().minusNanos(1))).isFalse();
    assertThat(s.contains(CLOSE.toInstant().minusNanos(1))).isTrue();
    assertThat(s.contains(CLOSE.toInstant())).isFalse();
  }
}
