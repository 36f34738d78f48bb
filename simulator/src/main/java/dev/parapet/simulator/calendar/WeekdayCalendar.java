package dev.parapet.simulator.calendar;

import dev.parapet.api.Checks;
import dev.parapet.api.calendar.MarketCalendar;
import dev.parapet.api.calendar.TradingSession;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A plain calendar that trades every Monday to Friday between fixed local times and knows no holidays
 * or early closes: enough for simulations and tests that do not care about an exchange's real holidays.
 * Use {@code MarketCalendars.XNYS} from the api for the real New York calendar.
 * <p>
 * Session times are local to the zone, so they follow daylight-saving changes (09:30 New York is 14:30
 * UTC in winter and 13:30 UTC in summer). This class is immutable and thread-safe.
 */
public final class WeekdayCalendar implements MarketCalendar {

  private static final WeekdayCalendar NEW_YORK =
      new WeekdayCalendar("SIMX", ZoneId.of("America/New_York"), LocalTime.of(9, 30), LocalTime.of(16, 0));

  private final String exchange;
  private final ZoneId zone;
  private final LocalTime open;
  private final LocalTime close;

  private WeekdayCalendar(String exchange, ZoneId zone, LocalTime open, LocalTime close) {
    this.exchange = Checks.notBlank(exchange, "exchange");
    this.zone = Checks.notNull(zone, "zone");
    this.open = Checks.notNull(open, "open");
    this.close = Checks.notNull(close, "close");
    Checks.check(close.isAfter(open), "close", close, "after open " + open);
  }

  /** Returns weekdays 09:30-16:00 America/New_York, exchange code {@code SIMX}. */
  public static WeekdayCalendar newYork() {
    return NEW_YORK;
  }

  /**
   * Returns a weekday calendar.
   *
   * @param exchange the exchange code to report, not blank
   * @param zone the exchange's time zone
   * @param open the local opening time
   * @param close the local closing time, after {@code open} on the same day
   * @return the calendar
   */
  public static WeekdayCalendar of(String exchange, ZoneId zone, LocalTime open, LocalTime close) {
    return new WeekdayCalendar(exchange, zone, open, close);
  }

  @Override
  public String exchange() {
    return exchange;
  }

  @Override
  public ZoneId zone() {
    return zone;
  }

  @Override
  public boolean isTradingDay(LocalDate date) {
    DayOfWeek d = Checks.notNull(date, "date").getDayOfWeek();
    return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
  }

  @Override
  public Optional<TradingSession> findSession(LocalDate date) {
    return isTradingDay(date) ? Optional.of(session(date)) : Optional.empty();
  }

  @Override
  public boolean isOpen(Instant instant) {
    LocalDate date = LocalDate.ofInstant(Checks.notNull(instant, "instant"), zone);
    return isTradingDay(date) && session(date).contains(instant);
  }

  @Override
  public TradingSession nextSession(Instant instant) {
    LocalDate date = LocalDate.ofInstant(Checks.notNull(instant, "instant"), zone);
    if (isTradingDay(date) && session(date).open().toInstant().isAfter(instant)) {
      return session(date);
    }
    return session(nextTradingDay(date));
  }

  @Override
  public TradingSession previousSession(Instant instant) {
    LocalDate date = LocalDate.ofInstant(Checks.notNull(instant, "instant"), zone);
    if (isTradingDay(date) && !session(date).close().toInstant().isAfter(instant)) {
      return session(date);
    }
    return session(previousTradingDay(date));
  }

  @Override
  public LocalDate nextTradingDay(LocalDate date) {
    LocalDate d = Checks.notNull(date, "date").plusDays(1);
    while (!isTradingDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  @Override
  public LocalDate previousTradingDay(LocalDate date) {
    LocalDate d = Checks.notNull(date, "date").minusDays(1);
    while (!isTradingDay(d)) {
      d = d.minusDays(1);
    }
    return d;
  }

  @Override
  public List<TradingSession> sessionsBetween(LocalDate from, LocalDate to) {
    Checks.notNull(from, "from");
    Checks.notNull(to, "to");
    List<TradingSession> out = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (isTradingDay(d)) {
        out.add(session(d));
      }
    }
    return List.copyOf(out);
  }

  /** Returns an empty list: this calendar has no holidays. */
  @Override
  public List<LocalDate> holidays(int year) {
    return List.of();
  }

  /** Returns an empty list: this calendar has no early closes. */
  @Override
  public List<TradingSession> earlyCloses(int year) {
    return List.of();
  }

  private TradingSession session(LocalDate date) {
    return new TradingSession(date, ZonedDateTime.of(date, open, zone), ZonedDateTime.of(date, close, zone), false);
  }

  @Override
  public String toString() {
    return "WeekdayCalendar[" + exchange + " " + zone + " " + open + "-" + close + "]";
  }
}
