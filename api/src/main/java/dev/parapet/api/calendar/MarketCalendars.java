package dev.parapet.api.calendar;

import dev.parapet.api.Checks;
import dev.parapet.api.InvalidValueException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The standard market calendars, by ISO 10383 market identifier code (MIC).
 * <p>
 * {@link #XNYS} is the New York Stock Exchange. Calendars are rule-based (holidays and early closes
 * are computed, not read from a file) and cover the years documented on each constant; a query outside
 * those years fails with an {@link InvalidValueException} rather than guess.
 * <p>
 * This class is immutable and thread-safe; so is every calendar it returns.
 */
public final class MarketCalendars {

  /**
   * The New York Stock Exchange (MIC {@code XNYS}), time zone America/New_York.
   * <p>
   * Regular session 09:30–16:00; early close at 13:00 on the day before Independence Day (when it is a
   * Monday, Tuesday, Thursday, or from 2013 a Wednesday; before 2013 a Thursday fourth moved the early
   * close to the Friday after), the day after Thanksgiving, and Christmas Eve (Monday to Thursday). Full holidays: New Year's Day, Martin Luther King Jr. Day, Washington's
   * Birthday, Good Friday, Memorial Day, Juneteenth (from 2022), Independence Day, Labor Day,
   * Thanksgiving and Christmas; a holiday on a Sunday is observed on the Monday, one on a Saturday on
   * the Friday before, except New Year's Day, which is then not observed (the Friday ends the yearly
   * accounting period: NYSE Rule 7.2). Also closed on the listed unscheduled closures since 2000 (the
   * September 11 attacks, the national days of mourning for Presidents Reagan, Ford, G.H.W. Bush and
   * Carter, Hurricane Sandy). Covers the years 2000 to 2099; years after the exchange's latest
   * published calendar are projections of the rules, and intraday disruptions (late opens, halts) are
   * not modelled.
   */
  public static final MarketCalendar XNYS = NyseCalendar.INSTANCE;

  private static final Map<String, MarketCalendar> BY_MIC;

  static {
    Map<String, MarketCalendar> m = new TreeMap<>();
    m.put(XNYS.exchange(), XNYS);
    BY_MIC = Collections.unmodifiableMap(m);
  }

  private MarketCalendars() {
  }

  /**
   * Returns the calendar of an exchange.
   *
   * @param mic the ISO 10383 market identifier code, e.g. {@code XNYS} (case-insensitive)
   * @return the calendar
   * @throws InvalidValueException if no calendar is known for the code; the message lists the known codes
   */
  public static MarketCalendar of(String mic) {
    Checks.notBlank(mic, "exchange");
    MarketCalendar calendar = BY_MIC.get(mic.trim().toUpperCase(Locale.ROOT));
    if (calendar == null) {
      throw new InvalidValueException("exchange", "'" + mic + "'", "a known market identifier code, one of "
          + BY_MIC.keySet(), null);
    }
    return calendar;
  }

  /** Returns the market identifier codes with a calendar, sorted. */
  public static Set<String> available() {
    return BY_MIC.keySet();
  }
}
