package dev.parapet.api.model;

import static dev.parapet.api.model.InstrumentTest.refuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuoteTest {

  private static final Instant T = Instant.parse("2026-03-02T15:00:00Z");

  @Test
  void mid_and_spread_in_bps() {
    Quote q = new Quote("AAPL", 99.99, 100.01, 300, 200, T);
    // mid = (99.99 + 100.01) / 2 = 100; spread = 0.02 / 100 * 10,000 = 2 bps
    assertThat(q.mid()).isCloseTo(100.0, within(1e-12));
    assertThat(q.spreadBps()).isCloseTo(2.0, within(1e-9));
    assertThat(new Quote("AAPL", 100, 100, 0, 0, T).spreadBps()).isZero(); // locked market is allowed
  }

  @Test
  void refuses_bad_values() {
    refuses(() -> new Quote(" ", 1, 2, 1, 1, T), "instrumentId must be a non-blank string, was ' '");
    refuses(() -> new Quote("AAPL", Double.NaN, 2, 1, 1, T), "bid must be a finite number > 0, was NaN (quote AAPL)");
    refuses(() -> new Quote("AAPL", 1, Double.POSITIVE_INFINITY, 1, 1, T),
        "ask must be a finite number > 0, was Infinity (quote AAPL)");
    refuses(() -> new Quote("AAPL", 0, 2, 1, 1, T), "bid must be a finite number > 0, was 0.0 (quote AAPL)");
    refuses(() -> new Quote("AAPL", 10, 9.99, 1, 1, T), "ask must be >= bid 10.0, was 9.99 (quote AAPL)");
    refuses(() -> new Quote("AAPL", 1, 2, -1, 1, T), "bidSize must be >= 0, was -1 (quote AAPL)");
    refuses(() -> new Quote("AAPL", 1, 2, 1, -5, T), "askSize must be >= 0, was -5 (quote AAPL)");
    refuses(() -> new Quote("AAPL", 1, 2, 1, 1, null), "timestamp must be non-null, was null (quote AAPL)");
  }
}
