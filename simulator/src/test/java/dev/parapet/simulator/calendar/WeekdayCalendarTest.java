package dev.parapet.simulator.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.api.calendar.TradingSession;
import java.time.Instant;
import java.time.LocalDate;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class WeekdayCalendarTest {

  private final WeekdayCalendar cal = WeekdayCalendar.newYork();

  @Test
  void weekdays_trade_and_weekends_do_not() {
    assertThat(cal.isTradingDay(LocalDate.of(2024, 3, 8))).isTrue(); // Friday
    assertThat(cal.isTradingDay(LocalDate.of(2024, 3, 9))).isFalse(); // Saturday
    assertThat(cal.isTradingDay(LocalDate.of(2024, 3, 10))).isFalse(); // Sunday
    assertThat(cal.findSession(LocalDate.of(2024, 3, 9))).isEmpty();
    assertThatThrownBy(() -> cal.getSession(LocalDate.of(2024, 3, 9))).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void session_times_follow_daylight_saving() {
    // 2024-03-10 US clocks go forward: 09:30 EST = 14:30Z on Friday 8th, 09:30 EDT = 13:30Z on Monday 11th
    assertThat(cal.getSession(LocalDate.of(2024, 3, 8)).open().toInstant())
        .isEqualTo(Instant.parse("2024-03-08T14:30:00Z"));
    assertThat(cal.getSession(LocalDate.of(2024, 3, 11)).open().toInstant())
        .isEqualTo(Instant.parse("2024-03-11T13:30:00Z"));
    assertThat(cal.getSession(LocalDate.of(2024, 3, 11)).close().toInstant())
        .isEqualTo(Instant.parse("2024-03-11T20:00:00Z"));
  }

  @Test
  void is_open_is_half_open_at_the_close() {
    assertThat(cal.isOpen(Instant.parse("2024-03-11T13:30:00Z"))).isTrue();
    assertThat(cal.isOpen(Instant.parse("2024-03-11T13:29:59Z"))).isFalse();
    assertThat(cal.isOpen(Instant.parse("2024-03-11T19:59:59Z"))).isTrue();
    assertThat(cal.isOpen(Instant.parse("2024-03-11T20:00:00Z"))).isFalse();
    assertThat(cal.isOpen(Instant.parse("2024-03-09T15:00:00Z"))).isFalse();
  }

  @Test
  void next_and_previous_sessions_skip_weekends() {
    // Friday after the close: the next session is Monday's
    TradingSession next = cal.nextSession(Instant.parse("2024-03-08T21:00:00Z"));
    assertThat(next.date()).isEqualTo(LocalDate.of(2024, 3, 11));
    // strictly after: at Monday's open itself the next is Tuesday
    assertThat(cal.nextSession(Instant.parse("2024-03-11T13:30:00Z")).date()).isEqualTo(LocalDate.of(2024, 3, 12));
    assertThat(cal.nextSession(Instant.parse("2024-03-11T13:29:00Z")).date()).isEqualTo(LocalDate.of(2024, 3, 11));
    // closed at or before: at Monday's close it is Monday, a second earlier it is Friday
    assertThat(cal.previousSession(Instant.parse("2024-03-11T20:00:00Z")).date()).isEqualTo(LocalDate.of(2024, 3, 11));
    assertThat(cal.previousSession(Instant.parse("2024-03-11T19:59:59Z")).date()).isEqualTo(LocalDate.of(2024, 3, 8));
    assertThat(cal.nextTradingDay(LocalDate.of(2024, 3, 8))).isEqualTo(LocalDate.of(2024, 3, 11));
    assertThat(cal.previousTradingDay(LocalDate.of(2024, 3, 11))).isEqualTo(LocalDate.of(2024, 3, 8));
  }

  @Test
  void sessions_between_is_inclusive_and_has_no_holidays() {
    // 2024-03-04 (Mon) .. 2024-03-15 (Fri): ten weekdays
    assertThat(cal.sessionsBetween(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 15))).hasSize(10);
    assertThat(cal.sessionsBetween(LocalDate.of(2024, 3, 9), LocalDate.of(2024, 3, 10))).isEmpty();
    assertThat(cal.holidays(2024)).isEmpty();
    assertThat(cal.earlyCloses(2024)).isEmpty();
    assertThat(cal.exchange()).isEqualTo("SIMX");
  }
}
