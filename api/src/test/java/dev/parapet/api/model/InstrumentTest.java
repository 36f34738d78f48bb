package dev.parapet.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.api.InvalidValueException;
import java.util.Currency;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class InstrumentTest {

  private static final Currency USD = Currency.getInstance("USD");

  static void refuses(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOf(InvalidValueException.class).hasMessage(message);
  }

  private static Instrument.Builder valid() {
    return Instrument.builder().id("ES-Z6").symbol("ESZ6").assetClass(AssetClass.FUTURE).sector("Index")
        .issuer("CME").lotSize(1).tickSize(0.25).multiplier(50);
  }

  @Test
  void builds_a_valid_instrument_with_defaults() {
    Instrument i = Instrument.builder().id("IBM").sector("Information Technology").issuer("IBM Corp.").build();
    assertThat(i.symbol()).isEqualTo("IBM");
    assertThat(i.currency()).isEqualTo(USD);
    assertThat(i.lotSize()).isEqualTo(1);
    assertThat(i.tickSize()).isEqualTo(0.01);
    assertThat(i.multiplier()).isEqualTo(1.0);
    // notional = quantity * price * multiplier: 2 contracts * 5000.25 * 50 = 500,025
    assertThat(valid().build().notional(2, 5000.25)).isEqualTo(500_025.0);
  }

  @Test
  void refuses_blank_or_null_ids_and_names() {
    refuses(() -> valid().id(" ").build(), "id must be a non-blank string, was ' '");
    refuses(() -> valid().id(null).symbol("X").build(), "id must be a non-blank string, was null");
    refuses(() -> valid().symbol("").build(), "symbol must be a non-blank string, was '' (instrument ES-Z6)");
    refuses(() -> valid().sector("\t").build(), "sector must be a non-blank string, was '\t' (instrument ES-Z6)");
    refuses(() -> valid().issuer(null).build(), "issuer must be a non-blank string, was null (instrument ES-Z6)");
    refuses(() -> valid().assetClass(null).build(), "assetClass must be non-null, was null (instrument ES-Z6)");
    refuses(() -> valid().currency((Currency) null).build(), "currency must be non-null, was null (instrument ES-Z6)");
  }

  @Test
  void refuses_non_positive_or_non_finite_sizes() {
    refuses(() -> valid().lotSize(0).build(), "lotSize must be > 0, was 0 (instrument ES-Z6)");
    refuses(() -> valid().lotSize(-100).build(), "lotSize must be > 0, was -100 (instrument ES-Z6)");
    refuses(() -> valid().tickSize(Double.NaN).build(), "tickSize must be a finite number > 0, was NaN (instrument ES-Z6)");
    refuses(() -> valid().tickSize(Double.POSITIVE_INFINITY).build(),
        "tickSize must be a finite number > 0, was Infinity (instrument ES-Z6)");
    refuses(() -> valid().tickSize(0).build(), "tickSize must be a finite number > 0, was 0.0 (instrument ES-Z6)");
    refuses(() -> valid().multiplier(-50).build(), "multiplier must be a finite number > 0, was -50.0 (instrument ES-Z6)");
  }

  @Test
  void check_price_refuses_prices_off_the_tick_grid_or_not_finite() {
    Instrument es = valid().build();
    assertThat(es.checkPrice(5000.25, "price", null)).isEqualTo(5000.25);
    refuses(() -> es.checkPrice(5000.10, "price", "order O1"),
        "price must be a multiple of the tick size 0.25, was 5000.1 (order O1)");
    refuses(() -> es.checkPrice(Double.NaN, "price", null), "price must be a finite number > 0, was NaN");
    refuses(() -> es.checkPrice(Double.NEGATIVE_INFINITY, "price", null),
        "price must be a finite number > 0, was -Infinity");
    refuses(() -> es.checkPrice(-0.25, "price", null), "price must be a finite number > 0, was -0.25");
  }

  @Test
  void cent_prices_that_are_inexact_in_binary_are_on_the_grid() {
    Instrument ibm = Instrument.usEquity("IBM", "Information Technology", "IBM Corp.");
    // 0.07, 100.01, 123.45 and 0.29 have no exact binary representation, yet are whole cents
    for (double p : new double[] {0.07, 0.29, 100.01, 123.45, 99_999.99, 1_234_567.89}) {
      assertThat(ibm.checkPrice(p, "price", null)).isEqualTo(p);
    }
    refuses(() -> ibm.checkPrice(100.005, "price", null), "price must be a multiple of the tick size 0.01, was 100.005");
  }

  @Test
  void a_half_tick_is_off_the_grid_even_for_large_prices_and_fine_ticks() {
    // 10,000,000.005 with a 0.01 tick is 1,000,000,000.5 ticks; 100,000.000000005 with a 1e-8 tick
    // (satoshi) is 10,000,000,000,000.5 ticks: both half a tick off the grid.
    Instrument big = Instrument.usEquity("BIG", "Financials", "Big Inc.");
    refuses(() -> big.checkPrice(10_000_000.005, "price", null),
        "price must be a multiple of the tick size 0.01, was 1.0000000005E7");
    Instrument btc = Instrument.builder().id("BTC-USD").assetClass(AssetClass.CRYPTO).sector("Crypto")
        .issuer("none").tickSize(1e-8).build();
    assertThat(btc.checkPrice(100_000.00000001, "price", null)).isEqualTo(100_000.00000001);
    assertThatThrownBy(() -> btc.checkPrice(100_000.000000015, "price", null))
        .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("price must be a multiple of the tick size 1.0E-8");
  }

  @Test
  void check_quantity_refuses_zero_negative_and_odd_lots() {
    Instrument lot100 = valid().lotSize(100).build();
    assertThat(lot100.checkQuantity(300, "quantity", null)).isEqualTo(300);
    refuses(() -> lot100.checkQuantity(0, "quantity", "order O1"), "quantity must be > 0, was 0 (order O1)");
    refuses(() -> lot100.checkQuantity(-100, "quantity", null), "quantity must be > 0, was -100");
    refuses(() -> lot100.checkQuantity(150, "quantity", null), "quantity must be a multiple of the lot size 100, was 150");
  }

  @Test
  void exception_carries_field_value_and_expectation() {
    assertThatThrownBy(() -> valid().lotSize(0).build()).isInstanceOfSatisfying(InvalidValueException.class, e -> {
      assertThat(e.field()).isEqualTo("lotSize");
      assertThat(e.value()).isEqualTo("0");
      assertThat(e.expected()).isEqualTo("> 0");
    });
  }
}
