package dev.parapet.data;

import dev.parapet.api.calendar.MarketCalendar;
import dev.parapet.api.calendar.TradingSession;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A small test calendar: weekdays minus listed holidays, sessions 09:30-16:00 New York time, no early
 * closes. Stands in for XNYS in the data tests.
 */
public final class FakeCalendar implements MarketCalendar {

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private final Set<LocalDate> holidays;

  /** Creates a calendar with holidays. */
  public FakeCalendar(LocalDate... holidays) {
    this.holidays = Set.of(holidays);
  }

  /** Weekdays of 2024 minus New Year's Day, MLK day, Presidents' day, Good Friday. */
  public static FakeCalendar of2024() {
    return new FakeCalendar(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 15), LocalDate.of(2024, 2, 19),
        LocalDate.of(2024, 3, 29));
  }

  @Override
  public String exchange() {
    return "FAKE";
  }

  @Override
  public ZoneId zone() {
    return NEW_YORK;
  }

  @Override
  public boolean isTradingDay(LocalDate date) {
    DayOfWeek d = date.getDayOfWeek();
    return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !holidays.contains(date);
  }

  @Override
  public Optional<TradingSession> findSession(LocalDate date) {
    if (!isTradingDay(date)) {
      return Optional.empty();
    }
    return Optional.of(new TradingSession(date, date.atTime(LocalTime.of(9, 30)).atZone(NEW_YORK),
        date.atTime(LocalTime.of(16, 0)).atZone(NEW_YORK), false));
  }

  @Override
  public boolean isOpen(Instant instant) {
    return findSession(LocalDate.ofInstant(instant, NEW_YORK)).map(s -> s.contains(instant)).orElse(false);
  }

  @Override
  public TradingSession nextSession(Instant instant) {
    LocalDate d = LocalDate.ofInstant(instant, NEW_YORK);
    while (true) {
      Optional<TradingSession> s = findSession(d);
      if (s.isPresent() && s.get().open().toInstant().isAfter(instant)) {
        return s.get();
      }
      d = d.plusDays(1);
    }
  }

  @Override
  public TradingSession previousSession(Instant instant) {
    LocalDate d = LocalDate.ofInstant(instant, NEW_YORK);
    while (true) {
      Optional<TradingSession> s = findSession(d);
      if (s.isPresent() && !s.get().close().toInstant().isAfter(instant)) {
        return s.get();
      }
      d = d.minusDays(1);
    }
  }

  @Override
  public LocalDate nextTradingDay(LocalDate date) {
    LocalDate d = date.plusDays(1);
    while (!isTradingDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  @Override
  public LocalDate previousTradingDay(LocalDate date) {
    LocalDate d = date.minusDays(1);
    while (!isTradingDay(d)) {
      d = d.minusDays(1);
    }
    return d;
  }

  @Override
  public List<TradingSession> sessionsBetween(LocalDate from, LocalDate to) {
    List<TradingSession> out = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      findSession(d).ifPresent(out::add);
    }
    return out;
  }

  @Override
  public List<LocalDate> holidays(int year) {
    return holidays.stream().filter(d -> d.getYear() == year).sorted().toList();
  }

  @Override
  public List<TradingSession> earlyCloses(int year) {
    return List.of();
  }
}
