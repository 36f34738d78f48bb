package dev.parapet.api.model;

import java.time.Duration;

/** The interval a {@link Bar} covers. */
public enum BarInterval {
  /** One minute. */
  ONE_MINUTE(Duration.ofMinutes(1)),
  /** Five minutes. */
  FIVE_MINUTES(Duration.ofMinutes(5)),
  /** Fifteen minutes. */
  FIFTEEN_MINUTES(Duration.ofMinutes(15)),
  /** Thirty minutes. */
  THIRTY_MINUTES(Duration.ofMinutes(30)),
  /** One hour. */
  ONE_HOUR(Duration.ofHours(1)),
  /**
   * One trading session. A daily bar's {@link Bar#start()} is the session date at 00:00 UTC, whatever
   * the exchange's time zone, so that it identifies the date unambiguously.
   */
  DAILY(Duration.ofDays(1));

  private final Duration duration;

  BarInterval(Duration duration) {
    this.duration = duration;
  }

  /** Returns the nominal length; for {@link #DAILY} one calendar day. */
  public Duration duration() {
    return duration;
  }

  /** Returns true for intraday intervals. */
  public boolean isIntraday() {
    return this != DAILY;
  }
}
