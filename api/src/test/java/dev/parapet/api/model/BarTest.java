package dev.parapet.api.model;

import static dev.parapet.api.model.InstrumentTest.refuses;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BarTest {

  private static final Instant T = Instant.parse("2026-03-02T14:30:00Z");
  private static final String CTX = " (bar AAPL 2026-03-02T14:30:00Z)";

  private static Bar bar(double open, double high, double low, double close, long volume, OptionalDouble vwap) {
    return new Bar("AAPL", BarInterval.ONE_MINUTE, T, open, high, low, close, volume, vwap);
  }

  @Test
  void daily_bar_starts_at_midnight_utc_of_its_date() {
    Bar b = Bar.daily("AAPL", LocalDate.of(2026, 3, 2), 10, 11, 9, 10.5, 1000);
    assertThat(b.start()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    assertThat(b.date()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(b.interval().isIntraday()).isFalse();
  }

  @Test
  void accepts_a_flat_bar_and_vwap_at_the_range_ends() {
    assertThat(bar(10, 10, 10, 10, 0, OptionalDouble.of(10)).vwap()).hasValue(10);
    assertThat(bar(10, 11, 9, 10, 5, OptionalDouble.of(9)).vwap()).hasValue(9);
  }

  @Test
  void refuses_bad_ids_and_nulls() {
    refuses(() -> new Bar("", BarInterval.DAILY, T, 1, 1, 1, 1, 0, OptionalDouble.empty()),
        "instrumentId must be a non-blank string, was ''");
    refuses(() -> new Bar("AAPL", null, T, 1, 1, 1, 1, 0, OptionalDouble.empty()),
        "interval must be non-null, was null (bar AAPL)");
    refuses(() -> new Bar("AAPL", BarInterval.DAILY, null, 1, 1, 1, 1, 0, OptionalDouble.empty()),
        "start must be non-null, was null (bar AAPL)");
    refuses(() -> bar(10, 11, 9, 10, 0, null), "vwap must be non-null, was null" + CTX);
  }

  @Test
  void refuses_non_finite_or_non_positive_prices() {
    OptionalDouble none = OptionalDouble.empty();
    refuses(() -> bar(Double.NaN, 11, 9, 10, 0, none), "open must be a finite number > 0, was NaN" + CTX);
    refuses(() -> bar(10, Double.POSITIVE_INFINITY, 9, 10, 0, none), "high must be a finite number > 0, was Infinity" + CTX);
    refuses(() -> bar(10, 11, 0, 10, 0, none), "low must be a finite number > 0, was 0.0" + CTX);
    refuses(() -> bar(10, 11, 9, -10, 0, none), "close must be a finite number > 0, was -10.0" + CTX);
  }

  @Test
  void refuses_inconsistent_ranges_volume_and_vwap() {
    OptionalDouble none = OptionalDouble.empty();
    refuses(() -> bar(10, 11, 10.5, 10.8, 0, none), "low must be <= min(open, close) = 10.0, was 10.5" + CTX);
    refuses(() -> bar(10, 10.5, 9, 10.8, 0, none), "high must be >= max(open, close) = 10.8, was 10.5" + CTX);
    refuses(() -> bar(10, 11, 9, 10, -1, none), "volume must be >= 0, was -1" + CTX);
    refuses(() -> bar(10, 11, 9, 10, 5, OptionalDouble.of(11.5)), "vwap must be in [9.0, 11.0], was 11.5" + CTX);
    refuses(() -> bar(10, 11, 9, 10, 5, OptionalDouble.of(Double.NaN)), "vwap must be in [9.0, 11.0], was NaN" + CTX);
  }
}
