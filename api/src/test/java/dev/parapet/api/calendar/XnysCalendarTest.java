package dev.parapet.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.api.InvalidValueException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The XNYS calendar against the exchange's published lists.
 * <p>
 * Sources (NYSE Group press releases, "NYSE Group Announces ... Holiday and Early Closings Calendar"):
 * 2021-12-27 (2022, 2023, 2024), 2024-11-08 (2025, 2026, 2027) and 2025-12-23 (2026, 2027, 2028); the
 * ad-hoc closure of 2025-01-09 (national day of mourning for President Carter) from the NYSE Group
 * announcement of 2024-12-30.
 */
class XnysCalendarTest {

  private static final MarketCalendar XNYS = MarketCalendars.XNYS;
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  private static List<LocalDate> dates(String... iso) {
    List<LocalDate> out = new ArrayList<>();
    for (String s : iso) {
      out.add(LocalDate.parse(s));
    }
    return out;
  }

  private static List<LocalDate> dateOf(List<TradingSession> sessions) {
    List<LocalDate> out = new ArrayList<>();
    for (TradingSession s : sessions) {
      out.add(s.date());
    }
    return out;
  }

  // ----------------------------------------------------------------------------------------------
  // published holiday lists, 2024-2027

  @Test
  void holidays_2024_match_the_nyse_published_list() {
    // NYSE Group, 2021-12-27: New Year's Day Mon Jan 1, MLK Mon Jan 15, Washington's Birthday Mon Feb 19,
    // Good Friday Mar 29, Memorial Day Mon May 27, Juneteenth Wed Jun 19, Independence Day Thu Jul 4,
    // Labor Day Mon Sep 2, Thanksgiving Thu Nov 28, Christmas Wed Dec 25.
    assertThat(XNYS.holidays(2024)).containsExactlyElementsOf(dates("2024-01-01", "2024-01-15", "2024-02-19",
        "2024-03-29", "2024-05-27", "2024-06-19", "2024-07-04", "2024-09-02", "2024-11-28", "2024-12-25"));
  }

  @Test
  void holidays_2025_match_the_nyse_published_list_plus_the_day_of_mourning_for_president_carter() {
    // NYSE Group, 2024-11-08: Jan 1, Jan 20, Feb 17, Apr 18 (Good Friday), May 26, Jun 19, Jul 4, Sep 1,
    // Nov 27, Dec 25; plus Thu Jan 9 2025, closed for the national day of mourning (NYSE, 2024-12-30).
    assertThat(XNYS.holidays(2025)).containsExactlyElementsOf(dates("2025-01-01", "2025-01-09", "2025-01-20",
        "2025-02-17", "2025-04-18", "2025-05-26", "2025-06-19", "2025-07-04", "2025-09-01", "2025-11-27",
        "2025-12-25"));
  }

  @Test
  void holidays_2026_match_the_nyse_published_list() {
    // NYSE Group, 2024-11-08 and 2025-12-23: Jan 1, Jan 19, Feb 16, Apr 3 (Good Friday), May 25, Jun 19,
    // Fri Jul 3 (Independence Day observed), Sep 7, Nov 26, Dec 25.
    assertThat(XNYS.holidays(2026)).containsExactlyElementsOf(dates("2026-01-01", "2026-01-19", "2026-02-16",
        "2026-04-03", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25"));
  }

  @Test
  void holidays_2027_match_the_nyse_published_list() {
    // NYSE Group, 2024-11-08 and 2025-12-23: Jan 1, Jan 18, Feb 15, Mar 26 (Good Friday), May 31,
    // Fri Jun 18 (Juneteenth observed), Mon Jul 5 (Independence Day observed), Sep 6, Nov 25,
    // Fri Dec 24 (Christmas Day observed).
    assertThat(XNYS.holidays(2027)).containsExactlyElementsOf(dates("2027-01-01", "2027-01-18", "2027-02-15",
        "2027-03-26", "2027-05-31", "2027-06-18", "2027-07-05", "2027-09-06", "2027-11-25", "2027-12-24"));
  }

  @ParameterizedTest
  @CsvSource({"2024", "2025", "2026", "2027"})
  void every_holiday_is_not_a_trading_day_and_has_no_session(int year) {
    for (LocalDate h : XNYS.holidays(year)) {
      assertThat(XNYS.isTradingDay(h)).as("%s", h).isFalse();
      assertThat(XNYS.findSession(h)).as("%s", h).isEmpty();
      assertThatThrownBy(() -> XNYS.getSession(h)).isInstanceOf(NoSuchElementException.class)
          .hasMessageContaining(h.toString()).hasMessageContaining("XNYS");
      // a holiday is closed all day: no instant of its New York day is open
      assertThat(XNYS.isOpen(h.atTime(12, 0).atZone(NEW_YORK).toInstant())).as("%s noon", h).isFalse();
    }
  }

  // ----------------------------------------------------------------------------------------------
  // published early closes, 2024-2027

  @Test
  void early_closes_2024_match_the_nyse_published_list() {
    // NYSE Group, 2021-12-27: 1:00 p.m. on Wed Jul 3 2024, Fri Nov 29 2024 and Tue Dec 24 2024.
    assertThat(dateOf(XNYS.earlyCloses(2024))).containsExactlyElementsOf(dates("2024-07-03", "2024-11-29",
        "2024-12-24"));
  }

  @Test
  void early_closes_2025_match_the_nyse_published_list() {
    // NYSE Group, 2024-11-08: 1:00 p.m. on Thu Jul 3 2025, Fri Nov 28 2025 and Wed Dec 24 2025.
    assertThat(dateOf(XNYS.earlyCloses(2025))).containsExactlyElementsOf(dates("2025-07-03", "2025-11-28",
        "2025-12-24"));
  }

  @Test
  void early_closes_2026_match_the_nyse_published_list() {
    // NYSE Group, 2024-11-08 and 2025-12-23: 1:00 p.m. on Fri Nov 27 2026 and Thu Dec 24 2026. No early
    // close before Independence Day: Fri Jul 3 is the observed holiday and Thu Jul 2 is a full day.
    assertThat(dateOf(XNYS.earlyCloses(2026))).containsExactlyElementsOf(dates("2026-11-27", "2026-12-24"));
    assertThat(XNYS.getSession(d("2026-07-02")).earlyClose()).isFalse();
  }

  @Test
  void early_closes_2027_match_the_nyse_published_list() {
    // NYSE Group, 2024-11-08 and 2025-12-23: 1:00 p.m. on Fri Nov 26 2027 only. Jul 4 is a Sunday (Jul 3 a
    // Saturday) and Christmas Eve, Fri Dec 24, is the observed Christmas holiday; Thu Dec 23 is a full day.
    assertThat(dateOf(XNYS.earlyCloses(2027))).containsExactlyElementsOf(dates("2027-11-26"));
    assertThat(XNYS.getSession(d("2027-07-02")).earlyClose()).isFalse();
    assertThat(XNYS.getSession(d("2027-12-23")).earlyClose()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"2024", "2025", "2026", "2027"})
  void early_closes_open_at_0930_and_close_at_1300_new_york_time(int year) {
    for (TradingSession s : XNYS.earlyCloses(year)) {
      assertThat(s.earlyClose()).isTrue();
      assertThat(s.open().toLocalTime()).isEqualTo(LocalTime.of(9, 30));
      assertThat(s.close().toLocalTime()).isEqualTo(LocalTime.of(13, 0));
      assertThat(s.close().getZone()).isEqualTo(NEW_YORK);
      Instant close = s.close().toInstant();
      assertThat(XNYS.isOpen(close.minusNanos(1))).as("%s 12:59:59.999999999", s.date()).isTrue();
      assertThat(XNYS.isOpen(close)).as("%s 13:00", s.date()).isFalse();
      assertThat(XNYS.getSession(s.date())).isEqualTo(s);
    }
  }

  @ParameterizedTest
  @CsvSource({
      // year, trading days = weekdays - weekday holidays (hand count: 2024 is a leap year starting on a
      // Monday, 366 = 52 weeks + Mon, Tue -> 262 weekdays; 2025 starts on a Wednesday -> 261; 2026 on a
      // Thursday -> 261; 2027 on a Friday -> 261)
      "2024, 262, 10, 252",
      "2025, 261, 11, 250",
      "2026, 261, 10, 251",
      "2027, 261, 10, 251"})
  void trading_day_count_is_weekdays_minus_holidays(int year, int weekdays, int holidays, int tradingDays) {
    assertThat(XNYS.holidays(year)).hasSize(holidays);
    assertThat(XNYS.sessionsBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))).hasSize(tradingDays);
    assertThat(weekdays - holidays).isEqualTo(tradingDays);
  }

  // ----------------------------------------------------------------------------------------------
  // weekend rules and other years

  @Test
  void new_years_day_on_a_saturday_is_not_observed_on_the_friday_before() {
    // 2022-01-01 and 2028-01-01 are Saturdays. NYSE Group, 2021-12-27: no New Year's Day holiday in 2022
    // "pursuant to NYSE Rule 7.2"; 2025-12-23: "no New Year's Day holiday is observed" in 2028.
    assertThat(XNYS.holidays(2022)).doesNotContain(d("2021-12-31"), d("2022-01-03"));
    assertThat(XNYS.isTradingDay(d("2021-12-31"))).isTrue();
    assertThat(XNYS.isTradingDay(d("2027-12-31"))).isTrue();
    assertThat(XNYS.holidays(2028).get(0)).isEqualTo(d("2028-01-17")); // first 2028 holiday is MLK Day
    assertThat(XNYS.holidays(2021)).doesNotContain(d("2021-12-31"));
  }

  @Test
  void holidays_on_a_sunday_are_observed_on_the_monday() {
    // NYSE Group, 2021-12-27: New Year's Day 2023 Mon Jan 2; Juneteenth 2022 Mon Jun 20; Christmas 2022 Mon Dec 26.
    assertThat(XNYS.holidays(2023)).contains(d("2023-01-02"));
    assertThat(XNYS.holidays(2022)).contains(d("2022-06-20"), d("2022-12-26"));
  }

  @Test
  void holidays_on_a_saturday_other_than_new_years_day_are_observed_on_the_friday() {
    // 2026-07-04 and 2027-06-19, 2027-12-25 fall on Saturdays; NYSE observes them on the Friday before.
    assertThat(XNYS.holidays(2026)).contains(d("2026-07-03"));
    assertThat(XNYS.holidays(2027)).contains(d("2027-06-18"), d("2027-12-24"));
  }

  @Test
  void juneteenth_is_a_holiday_only_from_2022() {
    // Juneteenth 2021 was a Saturday: had it been an NYSE holiday it would have closed Fri 2021-06-18.
    assertThat(XNYS.isTradingDay(d("2021-06-18"))).isTrue();
    assertThat(XNYS.isTradingDay(d("2020-06-19"))).isTrue();
    assertThat(XNYS.isTradingDay(d("2023-06-19"))).isFalse();
  }

  @Test
  void unscheduled_closures_since_2000_are_closed() {
    // September 11 attacks (2001-09-11..14), Reagan (2004-06-11), Ford (2007-01-02), Hurricane Sandy
    // (2012-10-29/30), G.H.W. Bush (2018-12-05), Carter (2025-01-09): NYSE closings history.
    for (String s : new String[] {"2001-09-11", "2001-09-12", "2001-09-13", "2001-09-14", "2004-06-11",
        "2007-01-02", "2012-10-29", "2012-10-30", "2018-12-05", "2025-01-09"}) {
      assertThat(XNYS.isTradingDay(d(s))).as(s).isFalse();
    }
    assertThat(XNYS.isTradingDay(d("2001-09-17"))).isTrue();
  }

  @Test
  void independence_day_early_close_before_2013_was_the_friday_after_a_thursday_fourth() {
    // 2002-07-04 was a Thursday: NYSE closed early on Fri 2002-07-05 and traded a full day on Wed 2002-07-03.
    // From 2013 the Wednesday before a Thursday fourth is the early close (2013-07-03, 2024-07-03).
    assertThat(dateOf(XNYS.earlyCloses(2002))).contains(d("2002-07-05")).doesNotContain(d("2002-07-03"));
    assertThat(dateOf(XNYS.earlyCloses(2013))).contains(d("2013-07-03")).doesNotContain(d("2013-07-05"));
  }

  @ParameterizedTest
  @CsvSource({
      // Easter Sunday (Western), as python-dateutil's dateutil.easter.easter(year) gives it
      "2000, 2000-04-23", "2008, 2008-03-23", "2011, 2011-04-24", "2019, 2019-04-21", "2024, 2024-03-31",
      "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28", "2038, 2038-04-25", "2049, 2049-04-18"})
  void easter_computus_matches_published_dates(int year, String easter) {
    assertThat(NyseCalendar.easterSunday(year)).isEqualTo(d(easter));
  }

  // ----------------------------------------------------------------------------------------------
  // daylight saving: sessions in UTC around both transitions, each year

  @ParameterizedTest
  @CsvSource({
      // US daylight saving (Energy Policy Act of 2005): starts the 2nd Sunday of March, ends the 1st Sunday
      // of November. EST = UTC-5, EDT = UTC-4, so 09:30-16:00 New York is 14:30-21:00Z in winter and
      // 13:30-20:00Z in summer.
      // date (trading day), open UTC, close UTC
      "2024-03-08, 2024-03-08T14:30:00Z, 2024-03-08T21:00:00Z", // Fri before Sun 2024-03-10
      "2024-03-11, 2024-03-11T13:30:00Z, 2024-03-11T20:00:00Z", // Mon after
      "2024-11-01, 2024-11-01T13:30:00Z, 2024-11-01T20:00:00Z", // Fri before Sun 2024-11-03
      "2024-11-04, 2024-11-04T14:30:00Z, 2024-11-04T21:00:00Z", // Mon after
      "2025-03-07, 2025-03-07T14:30:00Z, 2025-03-07T21:00:00Z", // Fri before Sun 2025-03-09
      "2025-03-10, 2025-03-10T13:30:00Z, 2025-03-10T20:00:00Z",
      "2025-10-31, 2025-10-31T13:30:00Z, 2025-10-31T20:00:00Z", // Fri before Sun 2025-11-02
      "2025-11-03, 2025-11-03T14:30:00Z, 2025-11-03T21:00:00Z",
      "2026-03-06, 2026-03-06T14:30:00Z, 2026-03-06T21:00:00Z", // Fri before Sun 2026-03-08
      "2026-03-09, 2026-03-09T13:30:00Z, 2026-03-09T20:00:00Z",
      "2026-10-30, 2026-10-30T13:30:00Z, 2026-10-30T20:00:00Z", // Fri before Sun 2026-11-01
      "2026-11-02, 2026-11-02T14:30:00Z, 2026-11-02T21:00:00Z",
      "2027-03-12, 2027-03-12T14:30:00Z, 2027-03-12T21:00:00Z", // Fri before Sun 2027-03-14
      "2027-03-15, 2027-03-15T13:30:00Z, 2027-03-15T20:00:00Z",
      "2027-11-05, 2027-11-05T13:30:00Z, 2027-11-05T20:00:00Z", // Fri before Sun 2027-11-07
      "2027-11-08, 2027-11-08T14:30:00Z, 2027-11-08T21:00:00Z"})
  void sessions_keep_new_york_hours_across_daylight_saving_changes(String date, String openUtc, String closeUtc) {
    TradingSession s = XNYS.getSession(d(date));
    Instant open = Instant.parse(openUtc);
    Instant close = Instant.parse(closeUtc);
    assertThat(s.open().toInstant()).isEqualTo(open);
    assertThat(s.close().toInstant()).isEqualTo(close);
    assertThat(XNYS.isOpen(open)).isTrue();
    assertThat(XNYS.isOpen(open.minusNanos(1))).isFalse();
    assertThat(XNYS.isOpen(close.minusNanos(1))).isTrue();
    assertThat(XNYS.isOpen(close)).isFalse();
    // one hour off (the classic DST bug) must be outside the session on one side
    assertThat(XNYS.isOpen(open.minusSeconds(3600))).isFalse();
    assertThat(XNYS.isOpen(close.plusSeconds(3599))).isFalse();
  }

  // ----------------------------------------------------------------------------------------------
  // queries

  @Test
  void is_open_only_inside_a_session() {
    assertThat(XNYS.isOpen(Instant.parse("2026-01-03T15:00:00Z"))).as("Saturday").isFalse();
    assertThat(XNYS.isOpen(Instant.parse("2026-01-05T15:00:00Z"))).as("Monday 10:00 EST").isTrue();
    assertThat(XNYS.isOpen(Instant.parse("2026-01-05T04:00:00Z"))).as("Sunday 23:00 EST").isFalse();
    assertThat(XNYS.isOpen(Instant.parse("2026-01-01T15:00:00Z"))).as("New Year's Day").isFalse();
  }

  @Test
  void next_session_opens_strictly_after_the_instant() {
    // Wed 2026-11-25 after the close: Thanksgiving Thu is closed, Fri 2026-11-27 is an early close.
    TradingSession next = XNYS.nextSession(Instant.parse("2026-11-25T22:00:00Z"));
    assertThat(next.date()).isEqualTo(d("2026-11-27"));
    assertThat(next.earlyClose()).isTrue();
    assertThat(next.close().toInstant()).isEqualTo(Instant.parse("2026-11-27T18:00:00Z")); // 13:00 EST
    // exactly at an open, the next session is the following day's
    assertThat(XNYS.nextSession(Instant.parse("2026-11-27T14:30:00Z")).date()).isEqualTo(d("2026-11-30"));
    // one nanosecond before an open, it is that session
    assertThat(XNYS.nextSession(Instant.parse("2026-11-27T14:30:00Z").minusNanos(1)).date())
        .isEqualTo(d("2026-11-27"));
    // Friday evening -> Monday; across New Year: Wed 2025-12-31 evening -> Fri 2026-01-02
    assertThat(XNYS.nextSession(Instant.parse("2026-01-09T23:00:00Z")).date()).isEqualTo(d("2026-01-12"));
    assertThat(XNYS.nextSession(Instant.parse("2025-12-31T23:00:00Z")).date()).isEqualTo(d("2026-01-02"));
  }

  @Test
  void previous_session_closed_at_or_before_the_instant() {
    // exactly at the close the session counts as closed
    assertThat(XNYS.previousSession(Instant.parse("2026-01-05T21:00:00Z")).date()).isEqualTo(d("2026-01-05"));
    // during a session, the previous one is the prior trading day's (Mon -> Fri)
    assertThat(XNYS.previousSession(Instant.parse("2026-01-05T18:00:00Z")).date()).isEqualTo(d("2026-01-02"));
    // Monday morning after Good Friday 2026-04-03: Thursday 2026-04-02
    assertThat(XNYS.previousSession(Instant.parse("2026-04-06T12:00:00Z")).date()).isEqualTo(d("2026-04-02"));
  }

  @Test
  void next_and_previous_trading_day_skip_weekends_and_holidays() {
    assertThat(XNYS.nextTradingDay(d("2026-07-02"))).isEqualTo(d("2026-07-06")); // Fri 3rd observed holiday
    assertThat(XNYS.previousTradingDay(d("2026-07-06"))).isEqualTo(d("2026-07-02"));
    assertThat(XNYS.nextTradingDay(d("2027-12-23"))).isEqualTo(d("2027-12-27")); // Fri 24th observed Christmas
    assertThat(XNYS.previousTradingDay(d("2025-01-10"))).isEqualTo(d("2025-01-08")); // Carter closure
    assertThat(XNYS.nextTradingDay(d("2026-01-03"))).isEqualTo(d("2026-01-05")); // from a Saturday
  }

  @Test
  void sessions_between_includes_both_ends_in_order() {
    // the week of Thanksgiving 2026: Mon 23 .. Fri 27, Thursday closed, Friday early
    List<TradingSession> week = XNYS.sessionsBetween(d("2026-11-23"), d("2026-11-27"));
    assertThat(dateOf(week)).containsExactlyElementsOf(dates("2026-11-23", "2026-11-24", "2026-11-25",
        "2026-11-27"));
    assertThat(week.get(3).earlyClose()).isTrue();
    assertThat(XNYS.sessionsBetween(d("2026-11-26"), d("2026-11-26"))).isEmpty();
    assertThat(XNYS.sessionsBetween(d("2026-11-27"), d("2026-11-27"))).hasSize(1);
    assertThatThrownBy(() -> XNYS.sessionsBetween(d("2026-11-27"), d("2026-11-26")))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("to must be on or after from 2026-11-27");
  }

  @Test
  void years_outside_the_covered_range_are_refused_with_the_field_named() {
    assertThatThrownBy(() -> XNYS.holidays(1999)).isInstanceOf(InvalidValueException.class)
        .hasMessage("year must be in 2000 to 2099 (the years the XNYS calendar covers), was 1999");
    assertThatThrownBy(() -> XNYS.earlyCloses(2100)).isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("year must be in 2000 to 2099");
    assertThatThrownBy(() -> XNYS.isTradingDay(d("1999-12-31"))).isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("date must be in 2000 to 2099");
    assertThatThrownBy(() -> XNYS.isOpen(Instant.parse("2100-01-04T15:00:00Z")))
        .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("instant must be in the years 2000 to 2099");
    assertThatThrownBy(() -> XNYS.isOpen(Instant.parse("1999-12-31T15:00:00Z")))
        .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("instant must be");
    assertThatThrownBy(() -> XNYS.isOpen(null)).isInstanceOf(InvalidValueException.class)
        .hasMessage("instant must be non-null, was null");
  }

  @Test
  void first_and_last_covered_days_are_answered() {
    // 2000-01-03 (Mon) was the first trading day of 2000; 2099-12-31 is a Thursday
    assertThat(XNYS.nextTradingDay(d("2000-01-01"))).isEqualTo(d("2000-01-03"));
    assertThat(XNYS.isOpen(Instant.parse("2099-12-31T15:00:00Z"))).isTrue();
  }

  @Test
  void concurrent_first_use_of_years_gives_the_same_answers_as_one_thread() throws Exception {
    // Each year's table is built lazily; eight threads race to build 2030-2059 and must agree.
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Object>>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> {
          List<Object> out = new ArrayList<>();
          for (int y = 2030; y < 2060; y++) {
            out.add(XNYS.holidays(y));
            out.add(XNYS.earlyCloses(y));
            out.add(XNYS.isOpen(LocalDate.of(y, 3, 15).atTime(10, 0).atZone(NEW_YORK).toInstant()));
          }
          return out;
        }));
      }
      List<Object> first = results.get(0).get();
      for (Future<List<Object>> f : results) {
        assertThat(f.get()).isEqualTo(first);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void exchange_and_zone() {
    assertThat(XNYS.exchange()).isEqualTo("XNYS");
    assertThat(XNYS.zone()).isEqualTo(NEW_YORK);
  }
}
