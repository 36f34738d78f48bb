package dev.parapet.api.calendar;

import dev.parapet.api.Checks;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The rule-based New York Stock Exchange calendar (see {@link MarketCalendars#XNYS} for the rules).
 * <p>
 * Each year's sessions are computed once, on first use, into an immutable table: the sessions by day
 * of year and, for {@link #isOpen}, their open and close as epoch seconds, so that {@code isOpen}
 * allocates nothing once the year is built. Sources: NYSE Rule 7.2 (holidays on weekends) and the NYSE
 * Group holiday and early-closing announcements (2021-12-27 for 2022–2024, 2024-11-08 for 2025–2027,
 * 2025-12-23 for 2026–2028); the pre-2013 Independence Day early closes and the unscheduled closures
 * follow the NYSE closings history as compiled by pandas_market_calendars ({@code holidays_nyse.py}).
 * <p>
 * Thread-safe: year tables are immutable and published through an {@link AtomicReferenceArray}; two
 * threads building the same year at once build equal tables and one wins.
 */
final class NyseCalendar implements MarketCalendar {

  static final NyseCalendar INSTANCE = new NyseCalendar();

  /** The first year covered. */
  static final int FIRST_YEAR = 2000;
  /** The last year covered. */
  static final int LAST_YEAR = 2099;

  private static final String MIC = "XNYS";
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final LocalTime OPEN = LocalTime.of(9, 30);
  private static final LocalTime CLOSE = LocalTime.of(16, 0);
  private static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);
  private static final long SECONDS_PER_DAY = 86_400L;

  /** Unscheduled full-day closures (weekdays) since 2000. */
  private static final Set<LocalDate> UNSCHEDULED_CLOSURES = Set.of(
      // September 11 attacks
      LocalDate.of(2001, 9, 11), LocalDate.of(2001, 9, 12), LocalDate.of(2001, 9, 13), LocalDate.of(2001, 9, 14),
      // national day of mourning, President Reagan
      LocalDate.of(2004, 6, 11),
      // national day of mourning, President Ford
      LocalDate.of(2007, 1, 2),
      // Hurricane Sandy
      LocalDate.of(2012, 10, 29), LocalDate.of(2012, 10, 30),
      // national day of mourning, President G.H.W. Bush
      LocalDate.of(2018, 12, 5),
      // national day of mourning, President Carter
      LocalDate.of(2025, 1, 9));

  /** Unscheduled 13:00 early closes since 2000 (the Friday after Christmas 2003). */
  private static final Set<LocalDate> UNSCHEDULED_EARLY_CLOSES = Set.of(LocalDate.of(2003, 12, 26));

  /** Epoch day of 1 January of each covered year, plus one past the last. */
  private static final long[] YEAR_START_EPOCH_DAY = new long[LAST_YEAR - FIRST_YEAR + 2];

  static {
    for (int i = 0; i < YEAR_START_EPOCH_DAY.length; i++) {
      YEAR_START_EPOCH_DAY[i] = LocalDate.of(FIRST_YEAR + i, 1, 1).toEpochDay();
    }
  }

  private final AtomicReferenceArray<YearTable> tables = new AtomicReferenceArray<>(LAST_YEAR - FIRST_YEAR + 1);

  private NyseCalendar() {
  }

  // ----------------------------------------------------------------------------------------------
  // MarketCalendar

  @Override
  public String exchange() {
    return MIC;
  }

  @Override
  public ZoneId zone() {
    return ZONE;
  }

  @Override
  public boolean isTradingDay(LocalDate date) {
    Checks.notNull(date, "date");
    return session(date) != null;
  }

  @Override
  public Optional<TradingSession> findSession(LocalDate date) {
    Checks.notNull(date, "date");
    return Optional.ofNullable(session(date));
  }

  /**
   * {@inheritDoc}
   * <p>
   * A session of date {@code d} lies within UTC day {@code d} (09:30 New York is 13:30 or 14:30 UTC,
   * 16:00 is 20:00 or 21:00 UTC), so the UTC day of the instant selects the only candidate session.
   */
  @Override
  public boolean isOpen(Instant instant) {
    // hot path: allocation-free once the year's table is built (see MarketCalendarBenchmark)
    Checks.notNull(instant, "instant");
    long second = instant.getEpochSecond();
    long epochDay = Math.floorDiv(second, SECONDS_PER_DAY);
    int yearIndex = Arrays.binarySearch(YEAR_START_EPOCH_DAY, epochDay);
    if (yearIndex < 0) {
      yearIndex = -yearIndex - 2;
    }
    if (yearIndex < 0 || yearIndex > LAST_YEAR - FIRST_YEAR) {
      Checks.check(false, "instant", instant, "in the years " + FIRST_YEAR + " to " + LAST_YEAR + " covered by "
          + MIC);
    }
    YearTable t = table(yearIndex);
    int day = (int) (epochDay - YEAR_START_EPOCH_DAY[yearIndex]);
    long open = t.openSecond[day];
    return open != 0 && second >= open && second < t.closeSecond[day];
  }

  @Override
  public TradingSession nextSession(Instant instant) {
    Checks.notNull(instant, "instant");
    for (LocalDate d = LocalDate.ofInstant(instant, ZONE); ; d = d.plusDays(1)) {
      TradingSession s = session(d);
      if (s != null && s.open().toInstant().isAfter(instant)) {
        return s;
      }
    }
  }

  @Override
  public TradingSession previousSession(Instant instant) {
    Checks.notNull(instant, "instant");
    for (LocalDate d = LocalDate.ofInstant(instant, ZONE); ; d = d.minusDays(1)) {
      TradingSession s = session(d);
      if (s != null && !s.close().toInstant().isAfter(instant)) {
        return s;
      }
    }
  }

  @Override
  public LocalDate nextTradingDay(LocalDate date) {
    Checks.notNull(date, "date");
    LocalDate d = date.plusDays(1);
    while (session(d) == null) {
      d = d.plusDays(1);
    }
    return d;
  }

  @Override
  public LocalDate previousTradingDay(LocalDate date) {
    Checks.notNull(date, "date");
    LocalDate d = date.minusDays(1);
    while (session(d) == null) {
      d = d.minusDays(1);
    }
    return d;
  }

  @Override
  public List<TradingSession> sessionsBetween(LocalDate from, LocalDate to) {
    Checks.notNull(from, "from");
    Checks.notNull(to, "to");
    Checks.check(!to.isBefore(from), "to", to, "on or after from " + from);
    List<TradingSession> out = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      TradingSession s = session(d);
      if (s != null) {
        out.add(s);
      }
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public List<LocalDate> holidays(int year) {
    return table(checkYear(year) - FIRST_YEAR).holidays;
  }

  @Override
  public List<TradingSession> earlyCloses(int year) {
    return table(checkYear(year) - FIRST_YEAR).earlyCloses;
  }

  @Override
  public String toString() {
    return "MarketCalendar[" + MIC + "]";
  }

  // ----------------------------------------------------------------------------------------------
  // the rules

  /**
   * Returns the full holidays of a year that fall on weekdays, sorted: the observed dates of the
   * regular holidays plus the unscheduled closures.
   */
  static List<LocalDate> fullHolidays(int year) {
    TreeSet<LocalDate> out = new TreeSet<>();
    // New Year's Day: Sunday -> Monday; Saturday -> not observed (NYSE Rule 7.2, end of the accounting year)
    LocalDate newYear = LocalDate.of(year, 1, 1);
    if (newYear.getDayOfWeek() == DayOfWeek.SUNDAY) {
      out.add(newYear.plusDays(1));
    } else if (newYear.getDayOfWeek() != DayOfWeek.SATURDAY) {
      out.add(newYear);
    }
    out.add(nthWeekday(year, Month.JANUARY, DayOfWeek.MONDAY, 3)); // Martin Luther King Jr. Day (since 1998)
    out.add(nthWeekday(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3)); // Washington's Birthday
    out.add(easterSunday(year).minusDays(2)); // Good Friday
    out.add(LocalDate.of(year, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))); // Memorial Day
    if (year >= 2022) {
      out.add(observed(LocalDate.of(year, 6, 19))); // Juneteenth National Independence Day
    }
    out.add(observed(LocalDate.of(year, 7, 4))); // Independence Day
    out.add(nthWeekday(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1)); // Labor Day
    out.add(thanksgiving(year));
    out.add(observed(LocalDate.of(year, 12, 25))); // Christmas Day
    for (LocalDate d : UNSCHEDULED_CLOSURES) {
      if (d.getYear() == year) {
        out.add(d);
      }
    }
    return List.copyOf(out);
  }

  /** Returns the 13:00 early-close dates of a year, sorted (full holidays and weekends excluded). */
  static List<LocalDate> earlyCloseDates(int year, Set<LocalDate> holidays) {
    TreeSet<LocalDate> out = new TreeSet<>();
    // Day before Independence Day: Monday, Tuesday, Thursday; Wednesday from 2013. (A Friday 3 July is
    // the observed holiday itself.)
    LocalDate july3 = LocalDate.of(year, 7, 3);
    DayOfWeek d3 = july3.getDayOfWeek();
    if (d3 == DayOfWeek.MONDAY || d3 == DayOfWeek.TUESDAY || d3 == DayOfWeek.THURSDAY
        || (d3 == DayOfWeek.WEDNESDAY && year >= 2013)) {
      out.add(july3);
    }
    // Before 2013, when 4 July was a Thursday the early close was the Friday after instead.
    LocalDate july5 = LocalDate.of(year, 7, 5);
    if (year <= 2012 && july5.getDayOfWeek() == DayOfWeek.FRIDAY) {
      out.add(july5);
    }
    out.add(thanksgiving(year).plusDays(1)); // day after Thanksgiving
    LocalDate christmasEve = LocalDate.of(year, 12, 24);
    if (christmasEve.getDayOfWeek().getValue() <= DayOfWeek.THURSDAY.getValue()) {
      out.add(christmasEve);
    }
    for (LocalDate d : UNSCHEDULED_EARLY_CLOSES) {
      if (d.getYear() == year) {
        out.add(d);
      }
    }
    out.removeIf(d -> holidays.contains(d) || isWeekend(d));
    return List.copyOf(out);
  }

  /**
   * Returns Easter Sunday of a Gregorian year by the anonymous Gregorian computus (Meeus/Jones/Butcher:
   * J. Meeus, <i>Astronomical Algorithms</i>, 2nd ed., 1998, chapter 8).
   */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }

  private static LocalDate thanksgiving(int year) {
    return nthWeekday(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4);
  }

  private static LocalDate nthWeekday(int year, Month month, DayOfWeek dayOfWeek, int n) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dayOfWeek));
  }

  /** A holiday on a Saturday is observed on the Friday before, one on a Sunday on the Monday after. */
  private static LocalDate observed(LocalDate date) {
    return switch (date.getDayOfWeek()) {
      case SATURDAY -> date.minusDays(1);
      case SUNDAY -> date.plusDays(1);
      default -> date;
    };
  }

  private static boolean isWeekend(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  // ----------------------------------------------------------------------------------------------
  // year tables

  private static int checkYear(int year) {
    Checks.check(year >= FIRST_YEAR && year <= LAST_YEAR, "year", year,
        "in " + FIRST_YEAR + " to " + LAST_YEAR + " (the years the " + MIC + " calendar covers)");
    return year;
  }

  private TradingSession session(LocalDate date) {
    YearTable t = table(checkDateYear(date) - FIRST_YEAR);
    return t.sessions[date.getDayOfYear() - 1];
  }

  private static int checkDateYear(LocalDate date) {
    int year = date.getYear();
    Checks.check(year >= FIRST_YEAR && year <= LAST_YEAR, "date", date,
        "in " + FIRST_YEAR + " to " + LAST_YEAR + " (the years the " + MIC + " calendar covers)");
    return year;
  }

  private YearTable table(int yearIndex) {
    YearTable t = tables.get(yearIndex);
    if (t == null) {
      t = new YearTable(FIRST_YEAR + yearIndex);
      if (!tables.compareAndSet(yearIndex, null, t)) {
        t = tables.get(yearIndex);
      }
    }
    return t;
  }

  /** One year's sessions, immutable once built. */
  private static final class YearTable {
    final TradingSession[] sessions;
    final long[] openSecond;
    final long[] closeSecond;
    final List<LocalDate> holidays;
    final List<TradingSession> earlyCloses;

    YearTable(int year) {
      holidays = fullHolidays(year);
      Set<LocalDate> holidaySet = Set.copyOf(holidays);
      Set<LocalDate> early = Set.copyOf(earlyCloseDates(year, holidaySet));
      int days = LocalDate.of(year, 12, 31).getDayOfYear();
      sessions = new TradingSession[days];
      openSecond = new long[days];
      closeSecond = new long[days];
      List<TradingSession> earlyList = new ArrayList<>();
      LocalDate d = LocalDate.of(year, 1, 1);
      for (int i = 0; i < days; i++, d = d.plusDays(1)) {
        if (isWeekend(d) || holidaySet.contains(d)) {
          continue;
        }
        boolean isEarly = early.contains(d);
        TradingSession s = new TradingSession(d, ZonedDateTime.of(d, OPEN, ZONE),
            ZonedDateTime.of(d, isEarly ? EARLY_CLOSE : CLOSE, ZONE), isEarly);
        sessions[i] = s;
        openSecond[i] = s.open().toEpochSecond();
        closeSecond[i] = s.close().toEpochSecond();
        if (isEarly) {
          earlyList.add(s);
        }
      }
      earlyCloses = List.copyOf(earlyList);
    }
  }
}
