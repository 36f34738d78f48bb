package dev.parapet.api.model;

import static dev.parapet.api.model.InstrumentTest.refuses;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.api.fixtures.TestInstruments;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class OrderRequestTest {

  private static final Instrument LOT100 = Instrument.builder().id("7203.T").currency("JPY").sector("Autos")
      .issuer("Toyota").lotSize(100).tickSize(0.5).build();

  private static OrderRequest.Builder valid() {
    return OrderRequest.builder().clientOrderId("O1").account("ACC").strategy("alpha").instrument(LOT100)
        .side(Side.BUY).quantity(200).limit(2500.5);
  }

  private static OrderRequest of(OrderType type, OptionalDouble limit) {
    return new OrderRequest("O1", "ACC", "alpha", LOT100, Side.BUY, 100, type, limit, TimeInForce.DAY, Urgency.LOW);
  }

  @Test
  void accepts_valid_limit_and_market_orders() {
    OrderRequest o = valid().build();
    assertThat(o.isLimit()).isTrue();
    assertThat(o.signedQuantity()).isEqualTo(200);
    OrderRequest m = valid().side(Side.SELL_SHORT).market().build();
    assertThat(m.isLimit()).isFalse();
    assertThat(m.limitPrice()).isEmpty();
    assertThat(m.signedQuantity()).isEqualTo(-200);
    assertThat(m.timeInForce()).isEqualTo(TimeInForce.DAY);
    assertThat(m.urgency()).isEqualTo(Urgency.MEDIUM);
  }

  @Test
  void refuses_blank_ids() {
    refuses(() -> valid().clientOrderId("").build(), "clientOrderId must be a non-blank string, was ''");
    refuses(() -> valid().clientOrderId(null).build(), "clientOrderId must be a non-blank string, was null");
    refuses(() -> valid().account(" ").build(), "account must be a non-blank string, was ' ' (order O1)");
    refuses(() -> valid().strategy("").build(), "strategy must be a non-blank string, was '' (order O1)");
  }

  @Test
  void refuses_nulls() {
    refuses(() -> valid().instrument(null).build(), "instrument must be non-null, was null (order O1)");
    refuses(() -> valid().side(null).build(), "side must be non-null, was null (order O1)");
    refuses(() -> valid().timeInForce(null).build(), "timeInForce must be non-null, was null (order O1)");
    refuses(() -> valid().urgency(null).build(), "urgency must be non-null, was null (order O1)");
    refuses(() -> of(null, OptionalDouble.empty()), "orderType must be non-null, was null (order O1)");
    refuses(() -> of(OrderType.MARKET, null), "limitPrice must be non-null, was null (order O1)");
  }

  @Test
  void refuses_zero_negative_and_odd_lot_quantities() {
    refuses(() -> valid().quantity(0).build(), "quantity must be > 0, was 0 (order O1)");
    refuses(() -> valid().quantity(-100).build(), "quantity must be > 0, was -100 (order O1)");
    refuses(() -> valid().quantity(150).build(), "quantity must be a multiple of the lot size 100, was 150 (order O1)");
  }

  @Test
  void refuses_bad_limit_prices() {
    refuses(() -> valid().limit(Double.NaN).build(), "limitPrice must be a finite number > 0, was NaN (order O1)");
    refuses(() -> valid().limit(Double.POSITIVE_INFINITY).build(),
        "limitPrice must be a finite number > 0, was Infinity (order O1)");
    refuses(() -> valid().limit(0).build(), "limitPrice must be a finite number > 0, was 0.0 (order O1)");
    refuses(() -> valid().limit(2500.3).build(), "limitPrice must be a multiple of the tick size 0.5, was 2500.3 (order O1)");
    refuses(() -> of(OrderType.LIMIT, OptionalDouble.empty()),
        "limitPrice must be present for a LIMIT order, was empty (order O1)");
    refuses(() -> of(OrderType.MARKET, OptionalDouble.of(2500)),
        "limitPrice must be empty for a MARKET order, was OptionalDouble[2500.0] (order O1)");
  }

  @Test
  void fixtures_build_valid_orders() {
    assertThat(TestInstruments.limit("L1", "A", TestInstruments.AAPL, Side.SELL, 10, 190.25).limitPrice())
        .hasValue(190.25);
  }
}
