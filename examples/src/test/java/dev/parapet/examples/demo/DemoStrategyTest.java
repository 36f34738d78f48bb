package dev.parapet.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.api.book.PositionBook;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.BarInterval;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.OrderType;
import dev.parapet.api.model.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoStrategyTest {

  private static final String ACCOUNT = "TEST";
  private static final Instant T0 = Instant.parse("2024-01-02T14:30:00Z");
  private static final Instant CLOSE = Instant.parse("2024-01-02T21:00:00Z");
  private static final Instrument UP = Instrument.usEquity("UP1", "Information Technology", "Up Inc.");
  private static final Instrument DOWN = Instrument.usEquity("DN1", "Financials", "Down Inc.");
  private static final Instrument FLAT = Instrument.usEquity("FL1", "Energy", "Flat Inc.");
  private static final Instrument RESTRICTED = Instrument.usEquity("ENE004", "Energy", "Restricted Inc.");

  private static Bar minute(Instrument i, int minute, double close) {
    return new Bar(i.id(), BarInterval.ONE_MINUTE, T0.plusSeconds(60L * minute), close, close, close, close, 1000,
        OptionalDouble.empty());
  }

  private static DemoStrategy.Config config(double badOrderProbability) {
    // rebalance 5 min, momentum 3, reversal 3, 4 bars, 2% of NAV, 25k..150k per order, 50k max quantity
    return new DemoStrategy.Config(ACCOUNT, 5, 3, 3, 4, 0.02, 25_000, 150_000, 50_000, 6, badOrderProbability,
        "ENE004", 30);
  }

  private static PositionBook book(double cash) {
    PositionBook book = PositionBook.create();
    book.deposit(ACCOUNT, cash);
    return book;
  }

  @Test
  void score_matches_a_hand_calculation() {
    DemoStrategy s = DemoStrategy.create(config(0), List.of(UP), 1);
    double[] closes = {100, 101, 102, 101};
    for (int k = 0; k < closes.length; k++) {
      s.onBar(minute(UP, k, closes[k]));
    }
    // one-minute log returns: ln(101/100), ln(102/101), ln(101/102)
    double r1 = Math.log(101.0 / 100);
    double r2 = Math.log(102.0 / 101);
    double r3 = -r2;
    double mean = (r1 + r2 + r3) / 3;
    double s2 = (r1 * r1 + r2 * r2 + r3 * r3) / 3 - mean * mean; // population variance
    // momentum over 3 minutes: (x3 - x0) / (s * sqrt(3)) with x3 - x0 = ln(101/100)
    double momentum = Math.log(101.0 / 100) / (Math.sqrt(s2) * Math.sqrt(3));
    assertThat(momentum).isCloseTo(0.61692, within(1e-4)); // 0.00995033 / (0.00931203 * 1.7320508)
    // reversal over the last 3 log closes a, b, a (b - a = d): deviations -d/3, 2d/3, -d/3, sd = d sqrt(2) / 3,
    // so z = (-d/3) / (d sqrt(2) / 3) = -1/sqrt(2)
    double z = -1 / Math.sqrt(2);
    double expected = 0.6 * Math.tanh(momentum) - 0.4 * Math.tanh(z);
    assertThat(expected).isCloseTo(0.5730, within(1e-3));
    assertThat(s.score("UP1")).isCloseTo(expected, within(1e-9));
  }

  @Test
  void sends_nothing_before_enough_bars() {
    DemoStrategy s = DemoStrategy.create(config(0), List.of(UP), 1);
    PositionBook book = book(10_000_000);
    for (int k = 0; k < 3; k++) {
      s.onBar(minute(UP, k, 100 + k));
    }
    assertThat(s.score("UP1")).isZero();
    assertThat(s.rebalance(T0.plusSeconds(180), CLOSE, book)).isEmpty();
  }

  @Test
  void buys_a_rising_name_and_short_sells_a_falling_one_it_does_not_hold() {
    DemoStrategy s = DemoStrategy.create(config(0), List.of(UP, DOWN, FLAT), 1);
    PositionBook book = book(10_000_000);
    for (int k = 0; k < 4; k++) {
      // steady trends with a wiggle: momentum dominates the reversal term
      s.onBar(minute(UP, k, new double[] {100, 100.5, 100.4, 101}[k]));
      s.onBar(minute(DOWN, k, new double[] {100, 99.5, 99.6, 99}[k]));
      s.onBar(minute(FLAT, k, 50));
    }
    assertThat(s.score("UP1")).isPositive();
    assertThat(s.score("DN1")).isNegative();
    assertThat(s.score("FL1")).isZero(); // no variation: no signal
    List<OrderRequest> orders = s.rebalance(T0.plusSeconds(240), CLOSE, book);
    assertThat(orders).extracting(o -> o.instrument().id() + " " + o.side())
        .containsExactlyInAnyOrder("UP1 BUY", "DN1 SELL_SHORT");
    for (OrderRequest o : orders) {
      // target = score * 2% * 10m / price, capped by 150k notional per order
      double price = o.instrument().equals(UP) ? 101 : 99; // the last closes
      double target = Math.abs(s.score(o.instrument().id())) * 0.02 * 10_000_000 / price;
      assertThat((double) o.quantity()).isEqualTo(Math.floor(target)); // whole lots of 1, towards zero
      assertThat(o.quantity() * price).isBetween(25_000.0, 150_000.0);
      assertThat(o.account()).isEqualTo(ACCOUNT);
      assertThat(o.strategy()).isEqualTo(DemoStrategy.NAME);
    }
  }

  @Test
  void sells_a_long_position_before_going_short() {
    DemoStrategy s = DemoStrategy.create(config(0), List.of(DOWN), 1);
    PositionBook book = book(10_000_000);
    book.applyFill(new Fill("F1", "O1", "O1", ACCOUNT, DOWN, Side.BUY, 300, 100, 0, T0));
    book.mark("DN1", 99);
    for (int k = 0; k < 4; k++) {
      s.onBar(minute(DOWN, k, new double[] {100, 99.5, 99.6, 99}[k]));
    }
    List<OrderRequest> orders = s.rebalance(T0.plusSeconds(240), CLOSE, book);
    assertThat(orders).hasSize(1);
    assertThat(orders.get(0).side()).isEqualTo(Side.SELL);
    assertThat(orders.get(0).quantity()).isEqualTo(300); // all of the long, not more
  }

  @Test
  void never_trades_the_restricted_instrument_or_against_its_own_working_order() {
    DemoStrategy s = DemoStrategy.create(config(0), List.of(UP, RESTRICTED), 1);
    PositionBook book = book(10_000_000);
    for (int k = 0; k < 4; k++) {
      double c = new double[] {100, 100.5, 100.4, 101}[k];
      s.onBar(minute(UP, k, c));
      s.onBar(minute(RESTRICTED, k, c));
    }
    assertThat(s.score("ENE004")).isPositive();
    // a working sell in UP1 (reserved in the book): a buy now would trade against it
    book.mark("UP1", 101);
    book.reserve(OrderRequest.builder().clientOrderId("W1").account(ACCOUNT).instrument(UP).side(Side.SELL_SHORT)
        .quantity(100).build(), 101);
    assertThat(s.rebalance(T0.plusSeconds(240), CLOSE, book)).isEmpty();
    // once it is done, the buy goes out; the restricted instrument is still left alone
    book.release("W1");
    assertThat(s.rebalance(T0.plusSeconds(540), CLOSE, book)).extracting(o -> o.instrument().id()).containsExactly("UP1");
  }

  @Test
  void sends_nothing_in_the_last_half_hour_of_the_session() {
    DemoStrategy quiet = DemoStrategy.create(config(0), List.of(UP), 1);
    DemoStrategy busy = DemoStrategy.create(config(0), List.of(UP), 1);
    for (int k = 0; k < 4; k++) {
      quiet.onBar(minute(UP, k, new double[] {100, 100.5, 100.4, 101}[k]));
      busy.onBar(minute(UP, k, new double[] {100, 100.5, 100.4, 101}[k]));
    }
    // 15:30 New York with a 16:00 close: quiet
    assertThat(quiet.rebalance(CLOSE.minusSeconds(1800), CLOSE, book(10_000_000))).isEmpty();
    // one second earlier: trades
    assertThat(busy.rebalance(CLOSE.minusSeconds(1801), CLOSE, book(10_000_000))).hasSize(1);
  }

  @Test
  void respects_the_rebalance_interval_and_the_minimum_trade() {
    DemoStrategy s = DemoStrategy.create(config(0), List.of(UP), 1);
    PositionBook book = book(10_000_000);
    for (int k = 0; k < 4; k++) {
      s.onBar(minute(UP, k, new double[] {100, 100.5, 100.4, 101}[k]));
    }
    assertThat(s.rebalance(T0.plusSeconds(240), CLOSE, book)).hasSize(1);
    assertThat(s.rebalance(T0.plusSeconds(240).plus(Duration.ofMinutes(4)), CLOSE, book)).isEmpty();
    // a small fund: the difference to target is below the 25k minimum trade
    DemoStrategy small = DemoStrategy.create(config(0), List.of(UP), 1);
    for (int k = 0; k < 4; k++) {
      small.onBar(minute(UP, k, new double[] {100, 100.5, 100.4, 101}[k]));
    }
    assertThat(small.rebalance(T0.plusSeconds(240), CLOSE, book(100_000))).isEmpty();
  }

  @Test
  void bad_orders_break_the_demo_policy_in_turn() {
    DemoStrategy s = DemoStrategy.create(config(1.0), List.of(FLAT, RESTRICTED), 7);
    PositionBook book = book(10_000_000);
    for (int k = 0; k < 4; k++) {
      s.onBar(minute(FLAT, k, 50));
      s.onBar(minute(RESTRICTED, k, 20));
    }
    Set<String> ids = new HashSet<>();
    for (int r = 0; r < 4; r++) {
      List<OrderRequest> orders = s.rebalance(T0.plus(Duration.ofMinutes(4 + 5L * r)), CLOSE, book);
      assertThat(orders).hasSize(1);
      OrderRequest o = orders.get(0);
      assertThat(o.strategy()).isEqualTo(DemoStrategy.BAD_ORDER_NAME);
      assertThat(ids.add(o.clientOrderId())).isTrue();
      switch (r) {
        case 0 -> assertThat(o.quantity() * 50.0).isGreaterThanOrEqualTo(0.2 * 10_000_000 - 50); // fat finger
        case 1 -> assertThat(o.instrument().id()).isEqualTo("ENE004");
        case 2 -> {
          assertThat(o.orderType()).isEqualTo(OrderType.LIMIT);
          assertThat(o.limitPrice().getAsDouble()).isCloseTo(55.0, within(1e-9)); // 10% through 50
        }
        default -> assertThat(o.quantity()).isGreaterThanOrEqualTo(100_000); // twice the 50k maximum
      }
    }
    assertThat(s.badOrdersCreated()).isEqualTo(4);
    assertThat(s.ordersCreated()).isEqualTo(4);
  }
}
