package dev.parapet.orchestrator.task;

import dev.parapet.api.Checks;
import dev.parapet.api.calendar.MarketCalendar;
import dev.parapet.api.calendar.TradingSession;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a task runs: a pure function from an instant to the next due instant, evaluated against the
 * exchange's {@link MarketCalendar}. Because it depends only on the instants it is given, a simulated
 * clock produces exactly the decisions a real one would.
 * <p>
 * Implementations are immutable and thread-safe.
 */
public interface Schedule {

  /**
   * Returns the first due instant strictly after {@code after}, or empty if there is none within the
   * calendar's horizon (ten years).
   */
  Optional<Instant> next(Instant after, MarketCalendar calendar);

  /** Returns the last due instant at or before {@code atOrBefore}, or empty if none within 14 days. */
  Optional<Instant> previous(Instant atOrBefore, MarketCalendar calendar);

  /** Returns a short description, e.g. {@code every PT1M during sessions}. */
  String describe();

  /**
   * Every {@code interval}, on instants aligned to multiples of the interval from midnight in the
   * exchange's zone (every minute on the minute, every 5 minutes at :00, :05, ...), at any time of day.
   */
  static Schedule every(Duration interval) {
    return new IntervalSchedule(interval, false);
  }

  /**
   * Every {@code interval} aligned as {@link #every}, but only at instants when the market is in a
   * regular session ({@link MarketCalendar#isOpen}): {@code [open, close)}. With a one-minute interval an
   * XNYS regular day has 390 runs, 09:30 to 15:59; an early-close day 210.
   */
  static Schedule everyDuringSession(Duration interval) {
    return new IntervalSchedule(interval, true);
  }

  /**
   * Once a day at a local time in the exchange's zone, on trading days only. On the day a
   * daylight-saving gap swallows the time, it runs at the first valid instant after it.
   */
  static Schedule dailyAt(LocalTime time) {
    return new DailySchedule(Checks.notNull(time, "time"), null);
  }

  /**
   * Once a day a fixed delay after the session's actual close, on trading days only: with 15 minutes
   * that is 16:15 on a regular XNYS day and 13:15 on an early-close day.
   */
  static Schedule afterSessionClose(Duration delay) {
    Checks.notNull(delay, "delay");
    Checks.check(!delay.isNegative(), "delay", delay, "not negative");
    return new DailySchedule(null, delay);
  }

  /** An interval schedule, optionally gated on the session. */
  final class IntervalSchedule implements Schedule {
    private final Duration interval;
    private final boolean sessionOnly;

    IntervalSchedule(Duration interval, boolean sessionOnly) {
      Checks.notNull(interval, "interval");
      Checks.check(!interval.isNegative() && !interval.isZero(), "interval", interval, "positive");
      Checks.check(Duration.ofDays(1).toNanos() % interval.toNanos() == 0, "interval", interval,
          "a divisor of one day, so that slots align the same way every day");
      this.interval = interval;
      this.sessionOnly = sessionOnly;
    }

    @Override
    public Optional<Instant> next(Instant after, MarketCalendar calendar) {
      Instant candidate = alignUp(after, calendar, true);
      if (!sessionOnly) {
        return Optional.of(candidate);
      }
      for (int guard = 0; guard < 10_000; guard++) {
        if (calendar.isOpen(candidate)) {
          return Optional.of(candidate);
        }
        // not in a session: jump to the first aligned instant at or after the next session's open
        TradingSession s = calendar.nextSession(candidate.minusNanos(1));
        candidate = alignUp(s.open().toInstant(), calendar, false);
        if (candidate.isBefore(s.close().toInstant())) {
          return Optional.of(candidate);
        }
        candidate = s.close().toInstant();
      }
      return Optional.empty();
    }

    @Override
    public Optional<Instant> previous(Instant atOrBefore, MarketCalendar calendar) {
      Instant candidate = alignUp(atOrBefore.minus(interval), calendar, true);
      if (candidate.isAfter(atOrBefore)) {
        candidate = candidate.minus(interval);
      }
      Instant limit = atOrBefore.minus(Duration.ofDays(14));
      while (!candidate.isBefore(limit)) {
        if (!sessionOnly || calendar.isOpen(candidate)) {
          return Optional.of(candidate);
        }
        candidate = candidate.minus(interval);
      }
      return Optional.empty();
    }

    /** Returns the first aligned instant strictly after {@code t} (or at/after when not strict). */
    private Instant alignUp(Instant t, MarketCalendar calendar, boolean strict) {
      ZonedDateTime local = t.atZone(calendar.zone());
      Instant midnight = local.toLocalDate().atStartOfDay(calendar.zone()).toInstant();
      long step = interval.toNanos();
      long sinceMidnight = Duration.between(midnight, t).toNanos();
      long slots = Math.floorDiv(sinceMidnight, step);
      Instant aligned = midnight.plusNanos(slots * step);
      if (strict || aligned.isBefore(t)) {
        aligned = aligned.plusNanos(step);
      }
      return aligned;
    }

    @Override
    public String describe() {
      return "every " + interval + (sessionOnly ? " during sessions" : "");
    }
  }

  /** A daily schedule at a local time or after the session close. */
  final class DailySchedule implements Schedule {
    private final LocalTime time;
    private final Duration afterClose;

    DailySchedule(LocalTime time, Duration afterClose) {
      this.time = time;
      this.afterClose = afterClose;
    }

    private Instant dueOn(LocalDate date, MarketCalendar calendar) {
      if (time != null) {
        return ZonedDateTime.of(date, time, calendar.zone()).toInstant();
      }
      return calendar.getSession(date).close().toInstant().plus(afterClose);
    }

    @Override
    public Optional<Instant> next(Instant after, MarketCalendar calendar) {
      LocalDate date = after.atZone(calendar.zone()).toLocalDate().minusDays(1);
      for (int i = 0; i < 3700; i++, date = date.plusDays(1)) {
        if (calendar.isTradingDay(date)) {
          Instant due = dueOn(date, calendar);
          if (due.isAfter(after)) {
            return Optional.of(due);
          }
        }
      }
      return Optional.empty();
    }

    @Override
    public Optional<Instant> previous(Instant atOrBefore, MarketCalendar calendar) {
      LocalDate date = atOrBefore.atZone(calendar.zone()).toLocalDate().plusDays(1);
      for (int i = 0; i < 16; i++, date = date.minusDays(1)) {
        if (calendar.isTradingDay(date)) {
          Instant due = dueOn(date, calendar);
          if (!due.isAfter(atOrBefore)) {
            return Optional.of(due);
          }
        }
      }
      return Optional.empty();
    }

    @Override
    public String describe() {
      return time != null ? "daily at " + time + " on trading days" : "daily " + afterClose + " after the close";
    }
  }
}
