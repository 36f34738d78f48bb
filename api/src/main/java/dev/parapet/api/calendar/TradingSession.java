package dev.parapet.api.calendar;

import dev.parapet.api.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * One regular trading session of an exchange.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param date the session date in the exchange's time zone
 * @param open when the session opens, in the exchange's zone
 * @param close when the session closes, in the exchange's zone
 * @param earlyClose true when the session closes earlier than the regular close
 */
public record TradingSession(LocalDate date, ZonedDateTime open, ZonedDateTime close, boolean earlyClose) {

  /** Validates the fields. */
  public TradingSession {
    Checks.notNull(date, "date");
    Checks.notNull(open, "open", "session " + date);
    Checks.notNull(close, "close", "session " + date);
    Checks.check(close.isAfter(open), "close", close, "after open " + open, "session " + date);
  }

  /** Returns true if the instant lies in {@code [open, close)}. */
  public boolean contains(Instant instant) {
    return !instant.isBefore(open.toInstant()) && instant.isBefore(close.toInstant());
  }
}
