package dev.parapet.api.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * An exchange's trading calendar: which dates trade, when each session opens and closes, and whether
 * the market is open at an instant.
 * <p>
 * Sessions are half-open intervals {@code [open, close)} in the exchange's time zone; weekends and
 * full holidays have no session. Implementations are immutable and thread-safe.
 */
public interface MarketCalendar {

  /** Returns the exchange's ISO 10383 market identifier code, e.g. {@code XNYS}. */
  String exchange();

  /** Returns the exchange's time zone. */
  ZoneId zone();

  /** Returns true if the date has a trading session. */
  boolean isTradingDay(LocalDate date);

  /** Returns the session on a date, or empty on a weekend or holiday. */
  Optional<TradingSession> findSession(LocalDate date);

  /**
   * Returns the session on a date.
   *
   * @throws java.util.NoSuchElementException if the date is not a trading day
   */
  default TradingSession getSession(LocalDate date) {
    return findSession(date).orElseThrow(
        () -> new java.util.NoSuchElementException(date + " is not a trading day on " + exchange()));
  }

  /** Returns true if the market is in a regular session at the instant. */
  boolean isOpen(Instant instant);

  /** Returns the first session that opens strictly after the instant. */
  TradingSession nextSession(Instant instant);

  /** Returns the last session that closed at or before the instant. */
  TradingSession previousSession(Instant instant);

  /** Returns the first trading day strictly after the date. */
  LocalDate nextTradingDay(LocalDate date);

  /** Returns the last trading day strictly before the date. */
  LocalDate previousTradingDay(LocalDate date);

  /** Returns the sessions with dates in {@code [from, to]}, in order. */
  List<TradingSession> sessionsBetween(LocalDate from, LocalDate to);

  /** Returns the full holidays in a year that fall on weekdays, in order. */
  List<LocalDate> holidays(int year);

  /** Returns the early-close sessions in a year, in order. */
  List<TradingSession> earlyCloses(int year);
}
