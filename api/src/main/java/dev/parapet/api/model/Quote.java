package dev.parapet.api.model;

import dev.parapet.api.Checks;
import java.time.Instant;

/**
 * A top-of-book quote.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param instrumentId the instrument id, not blank
 * @param bid the best bid price, finite and &gt; 0
 * @param ask the best ask price, finite, &gt; 0 and &gt;= bid
 * @param bidSize quantity at the bid, &gt;= 0
 * @param askSize quantity at the ask, &gt;= 0
 * @param timestamp when the quote was observed
 */
public record Quote(String instrumentId, double bid, double ask, long bidSize, long askSize, Instant timestamp) {

  /** Validates every field. */
  public Quote {
    // fast path: a valid quote builds no message text (quotes arrive at market-data rates)
    boolean valid = instrumentId != null && !instrumentId.isBlank() && bid > 0 && ask < Double.POSITIVE_INFINITY
        && ask >= bid && bidSize >= 0 && askSize >= 0 && timestamp != null;
    if (!valid) {
      explainInvalid(instrumentId, bid, ask, bidSize, askSize, timestamp);
    }
  }

  private static void explainInvalid(String instrumentId, double bid, double ask, long bidSize, long askSize,
      Instant timestamp) {
    Checks.notBlank(instrumentId, "instrumentId");
    String ctx = "quote " + instrumentId;
    Checks.positive(bid, "bid", ctx);
    Checks.positive(ask, "ask", ctx);
    Checks.check(ask >= bid, "ask", ask, ">= bid " + bid, ctx);
    Checks.nonNegative(bidSize, "bidSize", ctx);
    Checks.nonNegative(askSize, "askSize", ctx);
    Checks.notNull(timestamp, "timestamp", ctx);
  }

  /** Returns the mid price {@code (bid + ask) / 2}. */
  public double mid() {
    return 0.5 * (bid + ask);
  }

  /** Returns the quoted spread in basis points of the mid: {@code (ask - bid) / mid * 10_000}. */
  public double spreadBps() {
    return (ask - bid) / mid() * 10_000.0;
  }
}
