package dev.parapet.api.model;

import static dev.parapet.api.model.InstrumentTest.refuses;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.api.fixtures.TestInstruments;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FillTest {

  private static final Instant T = Instant.parse("2026-03-02T15:00:00Z");
  private static final Instrument AAPL = TestInstruments.AAPL;

  private static Fill fill(long quantity, double price, double fees) {
    return new Fill("F1", "O1", "C1", "ACC", AAPL, Side.SELL, quantity, price, fees, T);
  }

  @Test
  void accepts_odd_lots_and_sub_tick_prices_and_computes_notional() {
    Instrument lot100 = Instrument.builder().id("X").sector("S").issuer("I").lotSize(100).build();
    Fill f = new Fill("F1", "O1", "C1", "ACC", lot100, Side.BUY, 37, 10.0012, 0, T);
    assertThat(f.quantity()).isEqualTo(37);
    // notional = 37 * 10.0012 * 1 = 370.0444
    assertThat(f.notional()).isCloseTo(370.0444, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(fill(5, 100, 1).signedQuantity()).isEqualTo(-5);
  }

  @Test
  void refuses_blank_ids_and_nulls() {
    refuses(() -> new Fill("", "O1", "C1", "ACC", AAPL, Side.BUY, 1, 10, 0, T), "fillId must be a non-blank string, was ''");
    refuses(() -> new Fill("F1", " ", "C1", "ACC", AAPL, Side.BUY, 1, 10, 0, T),
        "clientOrderId must be a non-blank string, was ' ' (fill F1)");
    refuses(() -> new Fill("F1", "O1", null, "ACC", AAPL, Side.BUY, 1, 10, 0, T),
        "childOrderId must be a non-blank string, was null (fill F1)");
    refuses(() -> new Fill("F1", "O1", "C1", "", AAPL, Side.BUY, 1, 10, 0, T),
        "account must be a non-blank string, was '' (fill F1)");
    refuses(() -> new Fill("F1", "O1", "C1", "ACC", null, Side.BUY, 1, 10, 0, T),
        "instrument must be non-null, was null (fill F1)");
    refuses(() -> new Fill("F1", "O1", "C1", "ACC", AAPL, null, 1, 10, 0, T), "side must be non-null, was null (fill F1)");
    refuses(() -> new Fill("F1", "O1", "C1", "ACC", AAPL, Side.BUY, 1, 10, 0, null),
        "timestamp must be non-null, was null (fill F1)");
  }

  @Test
  void refuses_bad_quantity_price_and_fees() {
    refuses(() -> fill(0, 10, 0), "quantity must be > 0, was 0 (fill F1)");
    refuses(() -> fill(-3, 10, 0), "quantity must be > 0, was -3 (fill F1)");
    refuses(() -> fill(1, Double.NaN, 0), "price must be a finite number > 0, was NaN (fill F1)");
    refuses(() -> fill(1, Double.POSITIVE_INFINITY, 0), "price must be a finite number > 0, was Infinity (fill F1)");
    refuses(() -> fill(1, -1, 0), "price must be a finite number > 0, was -1.0 (fill F1)");
    refuses(() -> fill(1, 10, -0.01), "fees must be a finite number >= 0, was -0.01 (fill F1)");
    refuses(() -> fill(1, 10, Double.NaN), "fees must be a finite number >= 0, was NaN (fill F1)");
    refuses(() -> fill(1, 10, Double.POSITIVE_INFINITY), "fees must be a finite number >= 0, was Infinity (fill F1)");
  }
}
