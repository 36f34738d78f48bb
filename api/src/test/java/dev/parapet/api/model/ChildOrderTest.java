package dev.parapet.api.model;

import static dev.parapet.api.model.InstrumentTest.refuses;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ChildOrderTest {

  private static final Instrument LOT100 = Instrument.builder().id("7203.T").currency("JPY").sector("Autos")
      .issuer("Toyota").lotSize(100).tickSize(0.5).build();
  private static final Instant T = Instant.parse("2026-03-02T01:00:00Z");

  private static ChildOrder child(String id, String parent, String account, Instrument instrument, Side side,
      long quantity, OrderType type, OptionalDouble limit, TimeInForce tif, Instant createdAt) {
    return new ChildOrder(id, parent, account, instrument, side, quantity, type, limit, tif, createdAt);
  }

  private static ChildOrder limitChild(long quantity, double price) {
    return child("C1", "O1", "ACC", LOT100, Side.SELL, quantity, OrderType.LIMIT, OptionalDouble.of(price),
        TimeInForce.IOC, T);
  }

  @Test
  void accepts_a_valid_child() {
    ChildOrder c = limitChild(300, 2500.5);
    assertThat(c.signedQuantity()).isEqualTo(-300);
  }

  @Test
  void refuses_blank_ids_and_nulls() {
    OptionalDouble none = OptionalDouble.empty();
    refuses(() -> child(" ", "O1", "ACC", LOT100, Side.BUY, 100, OrderType.MARKET, none, TimeInForce.DAY, T),
        "childOrderId must be a non-blank string, was ' '");
    refuses(() -> child("C1", "", "ACC", LOT100, Side.BUY, 100, OrderType.MARKET, none, TimeInForce.DAY, T),
        "parentOrderId must be a non-blank string, was '' (child order C1)");
    refuses(() -> child("C1", "O1", null, LOT100, Side.BUY, 100, OrderType.MARKET, none, TimeInForce.DAY, T),
        "account must be a non-blank string, was null (child order C1)");
    refuses(() -> child("C1", "O1", "ACC", null, Side.BUY, 100, OrderType.MARKET, none, TimeInForce.DAY, T),
        "instrument must be non-null, was null (child order C1)");
    refuses(() -> child("C1", "O1", "ACC", LOT100, null, 100, OrderType.MARKET, none, TimeInForce.DAY, T),
        "side must be non-null, was null (child order C1)");
    refuses(() -> child("C1", "O1", "ACC", LOT100, Side.BUY, 100, null, none, TimeInForce.DAY, T),
        "orderType must be non-null, was null (child order C1)");
    refuses(() -> child("C1", "O1", "ACC", LOT100, Side.BUY, 100, OrderType.MARKET, null, TimeInForce.DAY, T),
        "limitPrice must be non-null, was null (child order C1)");
    refuses(() -> child("C1", "O1", "ACC", LOT100, Side.BUY, 100, OrderType.MARKET, none, null, T),
        "timeInForce must be non-null, was null (child order C1)");
    refuses(() -> child("C1", "O1", "ACC", LOT100, Side.BUY, 100, OrderType.MARKET, none, TimeInForce.DAY, null),
        "createdAt must be non-null, was null (child order C1)");
  }

  @Test
  void refuses_bad_quantities_and_prices() {
    refuses(() -> limitChild(0, 2500), "quantity must be > 0, was 0 (child order C1)");
    refuses(() -> limitChild(-100, 2500), "quantity must be > 0, was -100 (child order C1)");
    refuses(() -> limitChild(250, 2500), "quantity must be a multiple of the lot size 100, was 250 (child order C1)");
    refuses(() -> limitChild(100, Double.NaN), "limitPrice must be a finite number > 0, was NaN (child order C1)");
    refuses(() -> limitChild(100, Double.NEGATIVE_INFINITY),
        "limitPrice must be a finite number > 0, was -Infinity (child order C1)");
    refuses(() -> limitChild(100, 2500.25),
        "limitPrice must be a multiple of the tick size 0.5, was 2500.25 (child order C1)");
    refuses(() -> child("C1", "O1", "ACC", LOT100, Side.BUY, 100, OrderType.LIMIT, OptionalDouble.empty(),
        TimeInForce.DAY, T), "limitPrice must be present for a LIMIT order, was empty (child order C1)");
    refuses(() -> child("C1", "O1", "ACC", LOT100, Side.BUY, 100, OrderType.MARKET, OptionalDouble.of(2500),
        TimeInForce.DAY, T), "limitPrice must be empty for a MARKET order, was OptionalDouble[2500.0] (child order C1)");
  }
}
