package dev.parapet.api.model;

import dev.parapet.api.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.OptionalDouble;

/**
 * An OHLCV bar for one instrument and interval.
 * <p>
 * Prices are finite and positive, {@code low <= min(open, close)} and {@code high >= max(open, close)},
 * volume is not negative. A daily bar starts at its session date at 00:00 UTC (see
 * {@link BarInterval#DAILY}).
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param instrumentId the instrument id, not blank
 * @param interval the bar interval
 * @param start the start of the interval
 * @param open the first price
 * @param high the highest price
 * @param low the lowest price
 * @param close the last price
 * @param volume the traded quantity, &gt;= 0
 * @param vwap the volume-weighted average price, when known; then within [low, high]
 */
public record Bar(
    String instrumentId,
    BarInterval interval,
    Instant start,
    double open,
    double high,
    double low,
    double close,
    long volume,
    OptionalDouble vwap) {

  /** Validates every field. */
  public Bar {
    // fast path: a valid bar builds no message text (bulk history loads create millions of bars)
    boolean valid = instrumentId != null && !instrumentId.isBlank() && interval != null && start != null
        && open > 0 && high > 0 && low > 0 && close > 0 && high < Double.POSITIVE_INFINITY
        && low <= Math.min(open, close) && high >= Math.max(open, close) && volume >= 0 && vwap != null
        && (vwap.isEmpty() || (vwap.getAsDouble() >= low && vwap.getAsDouble() <= high));
    if (!valid) {
      explainInvalid(instrumentId, interval, start, open, high, low, close, volume, vwap);
    }
  }

  private static void explainInvalid(String instrumentId, BarInterval interval, Instant start, double open,
      double high, double low, double close, long volume, OptionalDouble vwap) {
    Checks.notBlank(instrumentId, "instrumentId");
    Checks.notNull(interval, "interval", "bar " + instrumentId);
    Checks.notNull(start, "start", "bar " + instrumentId);
    String ctx = "bar " + instrumentId + " " + start;
    Checks.positive(open, "open", ctx);
    Checks.positive(high, "high", ctx);
    Checks.positive(low, "low", ctx);
    Checks.positive(close, "close", ctx);
    Checks.check(low <= Math.min(open, close), "low", low, "<= min(open, close) = " + Math.min(open, close), ctx);
    Checks.check(high >= Math.max(open, close), "high", high, ">= max(open, close) = " + Math.max(open, close), ctx);
    Checks.nonNegative(volume, "volume", ctx);
    Checks.notNull(vwap, "vwap", ctx);
    if (vwap.isPresent()) {
      Checks.inRange(vwap.getAsDouble(), low, high, "vwap", ctx);
    }
  }

  /** Creates a daily bar for a session date, without VWAP. */
  public static Bar daily(String instrumentId, LocalDate date, double open, double high, double low, double close,
      long volume) {
    return new Bar(instrumentId, BarInterval.DAILY, date.atStartOfDay(ZoneOffset.UTC).toInstant(), open, high, low,
        close, volume, OptionalDouble.empty());
  }

  /** Returns the session date of a daily bar, or the UTC date of an intraday bar's start. */
  public LocalDate date() {
    return LocalDate.ofInstant(start, ZoneOffset.UTC);
  }
}
