package dev.parapet.benchmarks.data;

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

/** New York weekdays with regular 09:30-16:00 sessions and no holidays: the benchmarks' calendar. Thread-safe. */
final class WeekdayCalendar implements MarketCalendar {

  static final MarketCalendar INSTANCE = new WeekdayCalendar();
  private static final ZoneId NY = ZoneId.of("America/New_York");

  private WeekdayCalendar() {
  }

  @Override
  public String exchange() {
    return "XNYS";
  }

  @Override
  public ZoneId zone() {
    return NY;
  }

  @Override
  public boolean isTradingDay(LocalDate date) {
    return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  @Override
  public Optional<TradingSession> findSession(LocalDate date) {
    return isTradingDay(date) ? Optional.of(new TradingSession(date, date.atTime(LocalTime.of(9, 30)).atZone(NY),
        date.atTime(LocalTime.of(16, 0)).atZone(NY), false)) : Optional.empty();
  }

  @Override
  public boolean isOpen(Instant instant) {
    return findSession(LocalDate.ofInstant(instant, NY)).map(s -> s.contains(instant)).orElse(false);
  }

  @Override
  public TradingSession nextSession(Instant instant) {
    for (LocalDate d = LocalDate.ofInstant(instant, NY); ; d = d.plusDays(1)) {
      Optional<TradingSession> s = findSession(d);
      if (s.isPresent() && s.get().open().toInstant().isAfter(instant)) {
        return s.get();
      }
    }
  }

  @Override
  public TradingSession previousSession(Instant instant) {
    for (LocalDate d = LocalDate.ofInstant(instant, NY); ; d = d.minusDays(1)) {
      Optional<TradingSession> s = findSession(d);
      if (s.isPresent() && !s.get().close().toInstant().isAfter(instant)) {
        return s.get();
      }
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
    return List.of();
  }

  @Override
  public List<TradingSession> earlyCloses(int year) {
    return List.of();
  }
}
