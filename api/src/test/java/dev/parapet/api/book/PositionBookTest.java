package dev.parapet.api.book;

import static dev.parapet.api.book.ExposureBasis.FILLED;
import static dev.parapet.api.book.ExposureBasis.WORST_CASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.api.InvalidValueException;
import dev.parapet.api.fixtures.TestInstruments;
import dev.parapet.api.model.AssetClass;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Quote;
import dev.parapet.api.model.Side;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * PositionBook: every expected number below is worked out by hand in the comments (average-cost
 * method as documented on {@link Position}; cash moves by {@code -signedQty * price * multiplier - fees}).
 */
class PositionBookTest {

  private static final String ACC = "ACC";
  private static final Instant T = Instant.parse("2026-03-02T15:00:00Z");
  private static final Offset<Double> EXACT = within(1e-9);

  private static final Instrument AAPL = TestInstruments.AAPL;
  private static final Instrument MSFT = TestInstruments.MSFT;
  private static final Instrument JPM = TestInstruments.JPM;
  private static final Instrument XOM = TestInstruments.XOM;
  private static final Instrument GOOGL = TestInstruments.GOOGL;
  private static final Instrument GOOG = TestInstruments.GOOG;

  private int fillSeq;

  private Fill fill(String order, Instrument instrument, Side side, long quantity, double price, double fees) {
    return fill(ACC, order, instrument, side, quantity, price, fees);
  }

  private Fill fill(String account, String order, Instrument instrument, Side side, long quantity, double price,
      double fees) {
    return new Fill("F" + (++fillSeq), order, order, account, instrument, side, quantity, price, fees, T);
  }

  private static OrderRequest order(String id, Instrument instrument, Side side, long quantity) {
    return TestInstruments.market(id, ACC, instrument, side, quantity);
  }

  // ----------------------------------------------------------------------------------------------
  // P&L

  @Test
  void long_round_trip_with_partial_fills_and_fees() {
    PositionBook book = PositionBook.create();
    book.deposit(ACC, 100_000);

    // buy 100 @ 10, fee 1: avg 10; cash 100,000 - 1,000 - 1 = 98,999; realized -1
    book.applyFill(fill("O1", AAPL, Side.BUY, 100, 10.0, 1.0));
    assertThat(book.quantity(ACC, "AAPL")).isEqualTo(100);
    assertThat(book.cash(ACC)).isCloseTo(98_999, EXACT);
    assertThat(book.realizedPnl(ACC)).isCloseTo(-1, EXACT);

    // buy 50 @ 13, fee 0.5: avg (100*10 + 50*13)/150 = 11; cash 98,999 - 650 - 0.5 = 98,348.5; realized -1.5
    book.applyFill(fill("O1", AAPL, Side.BUY, 50, 13.0, 0.5));
    assertThat(book.getPosition(ACC, "AAPL").averageCost()).isCloseTo(11.0, EXACT);
    assertThat(book.cash(ACC)).isCloseTo(98_348.5, EXACT);

    // mark 12: unrealized (12 - 11) * 150 = 150; long 1,800; NAV 98,348.5 + 1,800 = 100,148.5
    book.mark("AAPL", 12.0);
    assertThat(book.unrealizedPnl(ACC)).isCloseTo(150, EXACT);
    assertThat(book.longExposure(ACC, FILLED)).isCloseTo(1_800, EXACT);
    assertThat(book.nav(ACC)).isCloseTo(100_148.5, EXACT);

    // sell 60 @ 14, fee 0.6: realized += 60 * (14 - 11) - 0.6 = 179.4 -> 177.9; qty 90, avg stays 11;
    // cash 98,348.5 + 840 - 0.6 = 99,187.9; unrealized (12 - 11) * 90 = 90; NAV 99,187.9 + 1,080 = 100,267.9
    book.applyFill(fill("O2", AAPL, Side.SELL, 60, 14.0, 0.6));
    Position p = book.getPosition(ACC, "AAPL");
    assertThat(p.quantity()).isEqualTo(90);
    assertThat(p.averageCost()).isCloseTo(11.0, EXACT);
    assertThat(p.realizedPnl()).isCloseTo(177.9, EXACT);
    assertThat(p.unrealizedPnl()).isCloseTo(90, EXACT);
    assertThat(book.cash(ACC)).isCloseTo(99_187.9, EXACT);
    assertThat(book.nav(ACC)).isCloseTo(100_267.9, EXACT);

    // sell 90 @ 9: realized += 90 * (9 - 11) = -180 -> -2.1; flat, avg 0; cash 99,187.9 + 810 = 99,997.9
    book.applyFill(fill("O2", AAPL, Side.SELL, 90, 9.0, 0.0));
    p = book.getPosition(ACC, "AAPL");
    assertThat(p.quantity()).isZero();
    assertThat(p.averageCost()).isZero();
    assertThat(p.unrealizedPnl()).isZero();
    assertThat(book.realizedPnl(ACC)).isCloseTo(-2.1, EXACT);
    assertThat(book.cash(ACC)).isCloseTo(99_997.9, EXACT);
    // NAV = deposits + realized + unrealized = 100,000 - 2.1
    assertThat(book.nav(ACC)).isCloseTo(99_997.9, EXACT);
    assertThat(book.grossExposure(ACC, FILLED)).isCloseTo(0, EXACT);
  }

  @Test
  void short_position_pnl_cash_and_nav() {
    PositionBook book = PositionBook.create();
    // short 200 @ 50, fee 2: qty -200, avg 50; cash 10,000 - 2 = 9,998; realized -2
    book.applyFill(fill("S1", XOM, Side.SELL_SHORT, 200, 50.0, 2.0));
    // mark 45: unrealized (45 - 50) * -200 = +1,000; short exposure 9,000; net -9,000; NAV 9,998 - 9,000 = 998
    book.mark("XOM", 45.0);
    assertThat(book.quantity(ACC, "XOM")).isEqualTo(-200);
    assertThat(book.unrealizedPnl(ACC)).isCloseTo(1_000, EXACT);
    assertThat(book.shortExposure(ACC, FILLED)).isCloseTo(9_000, EXACT);
    assertThat(book.longExposure(ACC, FILLED)).isCloseTo(0, EXACT);
    assertThat(book.netExposure(ACC, FILLED)).isCloseTo(-9_000, EXACT);
    assertThat(book.nav(ACC)).isCloseTo(998, EXACT);

    // cover 50 @ 40, fee 1: realized += 50 * (40 - 50) * -1 - 1 = 499 -> 497; qty -150, avg 50;
    // cash 9,998 - 2,000 - 1 = 7,997; unrealized (45 - 50) * -150 = 750; NAV 7,997 - 6,750 = 1,247 = 497 + 750
    book.applyFill(fill("B1", XOM, Side.BUY, 50, 40.0, 1.0));
    Position p = book.getPosition(ACC, "XOM");
    assertThat(p.quantity()).isEqualTo(-150);
    assertThat(p.averageCost()).isCloseTo(50, EXACT);
    assertThat(p.realizedPnl()).isCloseTo(497, EXACT);
    assertThat(book.cash(ACC)).isCloseTo(7_997, EXACT);
    assertThat(book.unrealizedPnl(ACC)).isCloseTo(750, EXACT);
    assertThat(book.nav(ACC)).isCloseTo(1_247, EXACT);
    AccountSummary s = book.summary(ACC);
    assertThat(s.nav()).isCloseTo(1_247, EXACT);
    // leverage = gross / NAV = 6,750 / 1,247
    assertThat(s.leverage()).isCloseTo(6_750.0 / 1_247.0, EXACT);
  }

  @Test
  void trade_through_zero_closes_the_old_position_and_opens_the_rest_at_the_trade_price() {
    PositionBook book = PositionBook.create();
    book.applyFill(fill("O1", AAPL, Side.BUY, 100, 10.0, 0));
    // sell 250 @ 12: closes 100 for 100 * (12 - 10) = 200 realized, opens -150 at avg 12; cash -1,000 + 3,000
    book.applyFill(fill("O2", AAPL, Side.SELL, 250, 12.0, 0));
    Position p = book.getPosition(ACC, "AAPL");
    assertThat(p.quantity()).isEqualTo(-150);
    assertThat(p.averageCost()).isCloseTo(12, EXACT);
    assertThat(p.realizedPnl()).isCloseTo(200, EXACT);
    assertThat(book.cash(ACC)).isCloseTo(2_000, EXACT);
    // mark 11: unrealized (11 - 12) * -150 = 150; NAV 2,000 - 1,650 = 350 = 200 + 150
    book.mark("AAPL", 11.0);
    assertThat(book.unrealizedPnl(ACC)).isCloseTo(150, EXACT);
    assertThat(book.nav(ACC)).isCloseTo(350, EXACT);

    // buy 200 @ 13: closes 150 for 150 * (13 - 12) * -1 = -150 -> realized 50; opens +50 at 13; cash -600
    book.applyFill(fill("O3", AAPL, Side.BUY, 200, 13.0, 0));
    p = book.getPosition(ACC, "AAPL");
    assertThat(p.quantity()).isEqualTo(50);
    assertThat(p.averageCost()).isCloseTo(13, EXACT);
    assertThat(p.realizedPnl()).isCloseTo(50, EXACT);
    assertThat(book.cash(ACC)).isCloseTo(-600, EXACT);
    // mark still 11: unrealized (11 - 13) * 50 = -100; NAV -600 + 550 = -50 = 50 - 100
    assertThat(book.unrealizedPnl(ACC)).isCloseTo(-100, EXACT);
    assertThat(book.nav(ACC)).isCloseTo(-50, EXACT);
    assertThat(book.summary(ACC).leverage()).isEqualTo(Double.POSITIVE_INFINITY); // NAV <= 0
  }

  @Test
  void contract_multiplier_scales_pnl_cash_and_exposure() {
    Instrument es = Instrument.builder().id("ESZ6").assetClass(AssetClass.FUTURE).sector("Index").issuer("CME")
        .tickSize(0.25).multiplier(50).build();
    PositionBook book = PositionBook.create();
    // buy 2 @ 5,000: cash -2 * 5,000 * 50 = -500,000
    book.applyFill(fill("O1", es, Side.BUY, 2, 5_000, 0));
    // mark 5,010: unrealized 2 * 10 * 50 = 1,000; exposure 2 * 5,010 * 50 = 501,000
    book.mark("ESZ6", 5_010);
    assertThat(book.cash(ACC)).isCloseTo(-500_000, EXACT);
    assertThat(book.unrealizedPnl(ACC)).isCloseTo(1_000, EXACT);
    assertThat(book.grossExposure(ACC, FILLED)).isCloseTo(501_000, EXACT);
    // sell 2 @ 5,020: realized 2 * 20 * 50 = 2,000; cash -500,000 + 502,000 = 2,000
    book.applyFill(fill("O2", es, Side.SELL, 2, 5_020, 0));
    assertThat(book.realizedPnl(ACC)).isCloseTo(2_000, EXACT);
    assertThat(book.cash(ACC)).isCloseTo(2_000, EXACT);
  }

  @Test
  void first_fill_sets_the_mark_and_quotes_and_bars_mark_at_mid_and_close() {
    PositionBook book = PositionBook.create();
    assertThat(book.markPrice("AAPL")).isNaN();
    book.applyFill(fill("O1", AAPL, Side.BUY, 10, 100.0, 0));
    assertThat(book.markPrice("AAPL")).isEqualTo(100.0);
    book.applyFill(fill("O2", AAPL, Side.BUY, 10, 104.0, 0)); // a later fill does not move the mark
    assertThat(book.markPrice("AAPL")).isEqualTo(100.0);
    book.mark(new Quote("AAPL", 101.0, 101.5, 1, 1, T)); // mid 101.25
    assertThat(book.markPrice("AAPL")).isEqualTo(101.25);
    book.mark(Bar.daily("AAPL", LocalDate.of(2026, 3, 2), 100, 103, 99, 102.5, 1_000)); // close 102.5
    assertThat(book.markPrice("AAPL")).isEqualTo(102.5);
    // avg (10*100 + 10*104)/20 = 102; unrealized (102.5 - 102) * 20 = 10
    assertThat(book.unrealizedPnl(ACC)).isCloseTo(10, EXACT);
  }

  // ----------------------------------------------------------------------------------------------
  // exposures

  /** AAPL +100 @200, MSFT -50 @400, JPM +10 @150, GOOGL +10 @100, GOOG -20 @100. */
  private PositionBook exposureBook() {
    PositionBook book = PositionBook.create();
    book.deposit(ACC, 50_000);
    book.applyFill(fill("E1", AAPL, Side.BUY, 100, 200, 0));
    book.applyFill(fill("E2", MSFT, Side.SELL_SHORT, 50, 400, 0));
    book.applyFill(fill("E3", JPM, Side.BUY, 10, 150, 0));
    book.applyFill(fill("E4", GOOGL, Side.BUY, 10, 100, 0));
    book.applyFill(fill("E5", GOOG, Side.SELL_SHORT, 20, 100, 0));
    return book;
  }

  @Test
  void filled_exposures_by_account_sector_and_issuer() {
    PositionBook book = exposureBook();
    // long 20,000 + 1,500 + 1,000 = 22,500; short 20,000 + 2,000 = 22,000; gross 44,500; net 500
    assertThat(book.longExposure(ACC, FILLED)).isCloseTo(22_500, EXACT);
    assertThat(book.shortExposure(ACC, FILLED)).isCloseTo(22_000, EXACT);
    assertThat(book.grossExposure(ACC, FILLED)).isCloseTo(44_500, EXACT);
    assertThat(book.netExposure(ACC, FILLED)).isCloseTo(500, EXACT);
    // sectors (gross): IT 20,000 + 20,000; Financials 1,500; Communication Services 1,000 + 2,000
    assertThat(book.sectorExposure(ACC, "Information Technology", FILLED)).isCloseTo(40_000, EXACT);
    assertThat(book.sectorExposure(ACC, "Financials", FILLED)).isCloseTo(1_500, EXACT);
    assertThat(book.sectorExposure(ACC, "Communication Services", FILLED)).isCloseTo(3_000, EXACT);
    assertThat(book.sectorExposure(ACC, "Energy", FILLED)).isZero();
    // issuers: both Alphabet share classes add up: 1,000 + 2,000
    assertThat(book.issuerExposure(ACC, "Alphabet Inc.", FILLED)).isCloseTo(3_000, EXACT);
    assertThat(book.issuerExposure(ACC, "Apple Inc.", FILLED)).isCloseTo(20_000, EXACT);
    assertThat(book.exposureBySector(ACC, FILLED)).containsExactly(Map.entry("Communication Services", 3_000.0),
        Map.entry("Financials", 1_500.0), Map.entry("Information Technology", 40_000.0));
    assertThat(book.exposureByIssuer(ACC, FILLED)).containsOnlyKeys("Alphabet Inc.", "Apple Inc.",
        "JPMorgan Chase & Co.", "Microsoft Corp.");
    // NAV = cash + market value: cash 50,000 - 20,000 + 20,000 - 1,500 - 1,000 + 2,000 = 49,500; MV +500
    assertThat(book.nav(ACC)).isCloseTo(50_000, EXACT);
  }

  @Test
  void marks_revalue_exposures_of_every_holder() {
    PositionBook book = exposureBook();
    book.applyFill(fill("OTHER", "X1", AAPL, Side.SELL_SHORT, 30, 200, 0));
    // AAPL to 210: ACC long 100 * 210 = 21,000 (+1,000); OTHER short 30 * 210 = 6,300
    book.mark("AAPL", 210);
    assertThat(book.longExposure(ACC, FILLED)).isCloseTo(23_500, EXACT);
    assertThat(book.shortExposure("OTHER", FILLED)).isCloseTo(6_300, EXACT);
    assertThat(book.unrealizedPnl("OTHER")).isCloseTo(-300, EXACT); // (210 - 200) * -30
    assertThat(book.sectorExposure(ACC, "Information Technology", FILLED)).isCloseTo(41_000, EXACT);
  }

  @Test
  void worst_case_exposures_include_reservations_per_instrument() {
    PositionBook book = exposureBook();
    book.reserve(order("R1", AAPL, Side.BUY, 50), 200);        // AAPL  q 100, buy 50  -> [100, 150]
    book.reserve(order("R2", JPM, Side.SELL_SHORT, 100), 150); // JPM   q 10, sell 100 -> [-90, 10]
    book.reserve(order("R3", MSFT, Side.BUY, 30), 400);        // MSFT  q -50, buy 30  -> [-50, -20]
    // per instrument (worst long | worst short | worst gross | net high | net low):
    // AAPL  150*200=30,000 | 0          | 30,000 | 30,000 | 20,000
    // MSFT  0              | 50*400=20,000 | 20,000 | -8,000 | -20,000
    // JPM   10*150=1,500   | 90*150=13,500 | 13,500 | 1,500 | -13,500
    // GOOGL 1,000          | 0          | 1,000  | 1,000  | 1,000
    // GOOG  0              | 2,000      | 2,000  | -2,000 | -2,000
    assertThat(book.longExposure(ACC, WORST_CASE)).isCloseTo(32_500, EXACT);
    assertThat(book.shortExposure(ACC, WORST_CASE)).isCloseTo(35_500, EXACT);
    assertThat(book.grossExposure(ACC, WORST_CASE)).isCloseTo(66_500, EXACT);
    // nets: high 22,500, low -14,500 -> the larger magnitude
    assertThat(book.netExposure(ACC, WORST_CASE)).isCloseTo(22_500, EXACT);
    assertThat(book.sectorExposure(ACC, "Information Technology", WORST_CASE)).isCloseTo(50_000, EXACT);
    assertThat(book.sectorExposure(ACC, "Financials", WORST_CASE)).isCloseTo(13_500, EXACT);
    assertThat(book.issuerExposure(ACC, "JPMorgan Chase & Co.", WORST_CASE)).isCloseTo(13_500, EXACT);
    assertThat(book.issuerExposure(ACC, "Alphabet Inc.", WORST_CASE)).isCloseTo(3_000, EXACT);
    // the filled basis is unchanged by reservations
    assertThat(book.grossExposure(ACC, FILLED)).isCloseTo(44_500, EXACT);
    AccountSummary s = book.summary(ACC);
    assertThat(s.pendingBuyNotional()).isCloseTo(50 * 200 + 30 * 400, EXACT);
    assertThat(s.pendingSellNotional()).isCloseTo(100 * 150, EXACT);
    assertThat(s.openOrders()).isEqualTo(3);
  }

  @Test
  void worst_case_net_takes_the_sells_side_when_it_is_larger() {
    PositionBook book = PositionBook.create();
    book.applyFill(fill("O1", AAPL, Side.BUY, 10, 100, 0));
    book.reserve(order("R1", AAPL, Side.SELL_SHORT, 50), 100);
    // high 10 -> 1,000; low -40 -> -4,000: net worst case -4,000
    assertThat(book.netExposure(ACC, WORST_CASE)).isCloseTo(-4_000, EXACT);
  }

  // ----------------------------------------------------------------------------------------------
  // reservations

  @Test
  void fills_consume_reservations_without_double_counting_and_release_frees_the_rest() {
    PositionBook book = exposureBook();
    book.reserve(order("R1", AAPL, Side.BUY, 50), 200);
    long v0 = book.positionsVersion();
    // partial fill of 20: pending 30, filled 120; worst-case long stays at (120 + 30) * 200 = 30,000
    book.applyFill(fill("R1", AAPL, Side.BUY, 20, 200, 0));
    assertThat(book.positionsVersion()).isGreaterThan(v0);
    assertThat(book.reservedQuantity("R1")).isEqualTo(30);
    assertThat(book.pendingBuyQuantity(ACC, "AAPL")).isEqualTo(30);
    assertThat(book.quantity(ACC, "AAPL")).isEqualTo(120);
    assertThat(book.longExposure(ACC, WORST_CASE)).isCloseTo(30_000 + 1_000 + 1_500, EXACT);
    assertThat(book.openOrderCount(ACC)).isEqualTo(1);
    // cancel: 30 released, nothing pending, order closed
    assertThat(book.release("R1")).isEqualTo(30);
    assertThat(book.isReserved("R1")).isFalse();
    assertThat(book.pendingBuyQuantity(ACC, "AAPL")).isZero();
    assertThat(book.openOrderCount(ACC)).isZero();
    assertThat(book.longExposure(ACC, WORST_CASE)).isCloseTo(24_000 + 1_000 + 1_500, EXACT);
    assertThat(book.release("R1")).isZero(); // idempotent
    assertThat(book.release("never-reserved")).isZero();
  }

  @Test
  void a_full_fill_closes_the_reservation_and_an_overfill_still_moves_the_position() {
    PositionBook book = PositionBook.create();
    book.reserve(order("R1", MSFT, Side.BUY, 30), 400);
    book.applyFill(fill("R1", MSFT, Side.BUY, 30, 400, 0));
    assertThat(book.isReserved("R1")).isFalse();
    assertThat(book.openOrderCount(ACC)).isZero();
    book.reserve(order("R2", MSFT, Side.SELL, 10), 400);
    book.applyFill(fill("R2", MSFT, Side.SELL, 15, 400, 0));
    assertThat(book.isReserved("R2")).isFalse();
    assertThat(book.pendingSellQuantity(ACC, "MSFT")).isZero();
    assertThat(book.quantity(ACC, "MSFT")).isEqualTo(15);
    assertThat(book.openOrderCount(ACC)).isZero();
  }

  @Test
  void a_reservation_without_a_mark_values_at_the_reference_price_and_shows_as_a_flat_position() {
    PositionBook book = PositionBook.create();
    book.reserve(order("R1", JPM, Side.BUY, 100), 150);
    assertThat(book.markPrice("JPM")).isEqualTo(150);
    assertThat(book.longExposure(ACC, WORST_CASE)).isCloseTo(15_000, EXACT);
    assertThat(book.longExposure(ACC, FILLED)).isZero();
    Position p = book.getPosition(ACC, "JPM");
    assertThat(p.quantity()).isZero();
    assertThat(p.pendingBuyQuantity()).isEqualTo(100);
    List<String> visited = new ArrayList<>();
    book.forEachPosition(ACC, (instrument, quantity, pendingBuy, pendingSell, markPrice, averageCost) ->
        visited.add(instrument.id() + " " + quantity + " " + pendingBuy + " " + pendingSell + " " + markPrice));
    assertThat(visited).containsExactly("JPM 0 100 0 150.0");
  }

  @Test
  void a_fill_on_another_instrument_does_not_consume_the_reservation() {
    PositionBook book = PositionBook.create();
    book.reserve(order("R1", AAPL, Side.BUY, 10), 200);
    book.applyFill(fill("R1", MSFT, Side.BUY, 10, 400, 0));
    assertThat(book.reservedQuantity("R1")).isEqualTo(10);
  }

  @Test
  void refuses_a_second_reservation_of_the_same_order_and_bad_inputs() {
    PositionBook book = PositionBook.create();
    book.reserve(order("R1", AAPL, Side.BUY, 10), 200);
    assertThatThrownBy(() -> book.reserve(order("R1", AAPL, Side.BUY, 10), 200))
        .isInstanceOf(InvalidValueException.class).hasMessage("clientOrderId must be not already reserved, was R1");
    assertThatThrownBy(() -> book.reserve(null, 200)).isInstanceOf(InvalidValueException.class)
        .hasMessage("order must be non-null, was null");
    assertThatThrownBy(() -> book.reserve(order("R2", AAPL, Side.BUY, 10), Double.NaN))
        .isInstanceOf(InvalidValueException.class).hasMessage("referencePrice must be a finite number > 0, was NaN (order R2)");
    assertThatThrownBy(() -> book.mark("AAPL", 0)).isInstanceOf(InvalidValueException.class)
        .hasMessage("price must be a finite number > 0, was 0.0 (mark of AAPL)");
    assertThatThrownBy(() -> book.mark(" ", 1)).isInstanceOf(InvalidValueException.class)
        .hasMessage("instrumentId must be a non-blank string, was ' '");
    assertThatThrownBy(() -> book.deposit(ACC, Double.POSITIVE_INFINITY)).isInstanceOf(InvalidValueException.class)
        .hasMessage("amount must be a finite number, was Infinity (deposit to ACC)");
    assertThatThrownBy(() -> book.deposit("", 1)).isInstanceOf(InvalidValueException.class)
        .hasMessage("account must be a non-blank string, was ''");
    assertThatThrownBy(() -> book.applyFill(null)).isInstanceOf(InvalidValueException.class)
        .hasMessage("fill must be non-null, was null");
    assertThatThrownBy(() -> book.release(null)).isInstanceOf(InvalidValueException.class);
    // nothing changed by the refused calls
    assertThat(book.openOrderCount(ACC)).isEqualTo(1);
    assertThat(book.markPrice("AAPL")).isEqualTo(200);
  }

  // ----------------------------------------------------------------------------------------------
  // snapshots and unknowns

  @Test
  void unknown_accounts_and_instruments_read_as_zero() {
    PositionBook book = PositionBook.create();
    assertThat(book.cash("nobody")).isZero();
    assertThat(book.nav("nobody")).isZero();
    assertThat(book.grossExposure("nobody", WORST_CASE)).isZero();
    assertThat(book.netExposure("nobody", WORST_CASE)).isZero();
    assertThat(book.quantity("nobody", "AAPL")).isZero();
    assertThat(book.sectorExposure("nobody", "Energy", FILLED)).isZero();
    assertThat(book.positions("nobody")).isEmpty();
    assertThat(book.exposureBySector("nobody", FILLED)).isEmpty();
    assertThat(book.findPosition("nobody", "AAPL")).isEmpty();
    assertThatThrownBy(() -> book.getPosition("nobody", "AAPL")).isInstanceOf(NoSuchElementException.class)
        .hasMessage("no position in AAPL for account nobody");
    AccountSummary s = book.summary("nobody");
    assertThat(s.account()).isEqualTo("nobody");
    assertThat(s.grossExposure()).isZero();
    assertThat(s.openOrders()).isZero();
    book.forEachPosition("nobody", (i, q, b, s2, m, a) -> {
      throw new AssertionError("no positions expected");
    });
  }

  @Test
  void deposits_versions_accounts_and_sorted_positions() {
    PositionBook book = PositionBook.create();
    long v0 = book.positionsVersion();
    book.deposit("B", 100);
    book.deposit("A", 50);
    book.deposit("A", -20);
    assertThat(book.positionsVersion()).isEqualTo(v0 + 3);
    assertThat(book.cash("A")).isCloseTo(30, EXACT);
    assertThat(book.accounts()).containsExactly("A", "B");
    book.applyFill(fill("A", "O1", MSFT, Side.BUY, 1, 400, 0));
    book.applyFill(fill("A", "O2", AAPL, Side.BUY, 1, 200, 0));
    long v1 = book.positionsVersion();
    book.mark("AAPL", 201);
    assertThat(book.positionsVersion()).as("marks do not change the positions version").isEqualTo(v1);
    assertThat(book.positions("A")).extracting(p -> p.instrument().id()).containsExactly("AAPL", "MSFT");
  }

  // ----------------------------------------------------------------------------------------------
  // recompute and the invariants, on a seeded random history

  @Test
  void incremental_aggregates_equal_a_from_scratch_recomputation_on_a_random_history() {
    long seed = 20_260_302L;
    System.out.println("PositionBookTest random history seed = " + seed);
    Random rnd = new Random(seed);
    List<Instrument> universe = TestInstruments.universe(40);
    String[] accounts = {"A1", "A2", "A3"};
    PositionBook book = PositionBook.create();
    Map<String, Double> deposits = new HashMap<>();
    for (String a : accounts) {
      book.deposit(a, 1_000_000);
      deposits.put(a, 1_000_000.0);
    }
    List<String> open = new ArrayList<>();
    for (int step = 0; step < 5_000; step++) {
      Instrument inst = universe.get(rnd.nextInt(universe.size()));
      String account = accounts[rnd.nextInt(accounts.length)];
      double price = 0.01 * (5_000 + rnd.nextInt(10_000)); // 50.00 .. 149.99
      switch (rnd.nextInt(5)) {
        case 0 -> book.mark(inst.id(), price);
        case 1 -> {
          String id = "R" + step;
          book.reserve(TestInstruments.market(id, account, inst, rnd.nextBoolean() ? Side.BUY : Side.SELL_SHORT,
              1 + rnd.nextInt(500)), price);
          open.add(id);
        }
        case 2 -> {
          if (!open.isEmpty()) {
            book.release(open.remove(rnd.nextInt(open.size())));
          }
        }
        default -> {
          String order = open.isEmpty() || rnd.nextBoolean() ? "X" + step : open.get(rnd.nextInt(open.size()));
          book.applyFill(fill(account, order, inst, rnd.nextBoolean() ? Side.BUY : Side.SELL, 1 + rnd.nextInt(400),
              price, 0.01 * rnd.nextInt(300)));
        }
      }
    }

    // independent recomputation from the position snapshots
    for (String a : accounts) {
      double lng = 0;
      double shrt = 0;
      double worstGross = 0;
      double unrealized = 0;
      double realized = 0;
      Map<String, Double> sectors = new HashMap<>();
      for (Position p : book.positions(a)) {
        double unit = p.markPrice() * p.instrument().multiplier();
        lng += Math.max(p.quantity(), 0) * unit;
        shrt += Math.max(-p.quantity(), 0) * unit;
        long high = p.quantity() + p.pendingBuyQuantity();
        long low = p.quantity() - p.pendingSellQuantity();
        worstGross += Math.max(Math.abs(high), Math.abs(low)) * unit;
        unrealized += p.quantity() == 0 ? 0 : (p.markPrice() - p.averageCost()) * p.quantity();
        realized += p.realizedPnl();
        sectors.merge(p.instrument().sector(), Math.abs(p.quantity()) * unit, Double::sum);
      }
      Offset<Double> tol = within(1e-6 * Math.max(1, lng + shrt));
      assertThat(book.longExposure(a, FILLED)).as(a).isCloseTo(lng, tol);
      assertThat(book.shortExposure(a, FILLED)).as(a).isCloseTo(shrt, tol);
      assertThat(book.grossExposure(a, WORST_CASE)).as(a).isCloseTo(worstGross, tol);
      assertThat(book.unrealizedPnl(a)).as(a).isCloseTo(unrealized, tol);
      assertThat(book.realizedPnl(a)).as(a).isCloseTo(realized, tol);
      // accounting identity: NAV = deposits + realized + unrealized
      assertThat(book.nav(a)).as(a).isCloseTo(deposits.get(a) + realized + unrealized, tol);
      for (Map.Entry<String, Double> e : sectors.entrySet()) {
        assertThat(book.sectorExposure(a, e.getKey(), FILLED)).as(a + " " + e.getKey()).isCloseTo(e.getValue(), tol);
      }
    }

    // recompute() rebuilds the same figures (up to accumulated rounding)
    Map<String, double[]> before = new HashMap<>();
    for (String a : accounts) {
      before.put(a, figures(book, a));
    }
    book.recompute();
    for (String a : accounts) {
      double[] x = before.get(a);
      double[] y = figures(book, a);
      for (int i = 0; i < x.length; i++) {
        assertThat(y[i]).as("%s figure %d", a, i).isCloseTo(x[i], within(1e-6 * Math.max(1, Math.abs(x[i]))));
      }
      assertThat(book.exposureBySector(a, WORST_CASE).keySet()).isNotEmpty();
    }
  }

  private static double[] figures(PositionBook book, String a) {
    AccountSummary s = book.summary(a);
    return new double[] {s.cash(), s.nav(), s.longExposure(), s.shortExposure(), s.realizedPnl(), s.unrealizedPnl(),
        s.pendingBuyNotional(), s.pendingSellNotional(), book.longExposure(a, WORST_CASE),
        book.shortExposure(a, WORST_CASE), book.grossExposure(a, WORST_CASE), book.netExposure(a, WORST_CASE),
        book.sectorExposure(a, "Information Technology", WORST_CASE), book.sectorExposure(a, "Energy", FILLED),
        book.issuerExposure(a, "Issuer SYM0001", WORST_CASE)};
  }

  // ----------------------------------------------------------------------------------------------
  // concurrency

  @Test
  void concurrent_fills_reservations_and_marks_lose_no_update() throws Exception {
    // 4 writer threads x 2,000 rounds on the shared account and instrument AAPL, each round:
    //   reserve buy 10, fill 6 + 4 against it (consumes it), reserve sell 3 and fill it, reserve buy 7 and
    //   cancel it; plus one fill of 1 share of the thread's own instrument.
    // Everything trades at 100; AAPL fills pay 0.01, 0 and 0.02 of fees, so per round: AAPL +7 shares,
    // cash -(10 * 100) + 3 * 100 - 3 * 0.01 = -700.03; own instrument +1 share, cash -100.
    // Totals: AAPL 4 * 2,000 * 7 = 56,000; cash -(700.03 + 100) * 8,000 = -6,400,240; realized -240;
    // nothing pending, no open order. A marker thread re-marks AAPL at 100 and readers read throughout.
    int writers = 4;
    int rounds = 2_000;
    PositionBook book = PositionBook.create();
    book.mark("AAPL", 100);
    List<Instrument> own = TestInstruments.universe(writers);
    CountDownLatch start = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < writers; t++) {
      int id = t;
      threads.add(new Thread(() -> {
        await(start);
        for (int r = 0; r < rounds; r++) {
          String b = "B-" + id + "-" + r;
          String s = "S-" + id + "-" + r;
          String c = "C-" + id + "-" + r;
          book.reserve(order(b, AAPL, Side.BUY, 10), 100);
          book.applyFill(new Fill(b + "a", b, b, ACC, AAPL, Side.BUY, 6, 100, 0.01, T));
          book.applyFill(new Fill(b + "b", b, b, ACC, AAPL, Side.BUY, 4, 100, 0, T));
          book.reserve(order(s, AAPL, Side.SELL, 3), 100);
          book.applyFill(new Fill(s, s, s, ACC, AAPL, Side.SELL, 3, 100, 0.02, T));
          book.reserve(order(c, AAPL, Side.BUY, 7), 100);
          if (book.release(c) != 7) {
            failure.compareAndSet(null, new AssertionError("release of " + c + " did not free 7"));
          }
          book.applyFill(new Fill("O-" + id + "-" + r, "O-" + id + "-" + r, "O-" + id + "-" + r, ACC, own.get(id),
              Side.BUY, 1, 100, 0, T));
        }
      }));
    }
    threads.add(new Thread(() -> {
      await(start);
      for (int i = 0; i < 20_000; i++) {
        book.mark("AAPL", 100);
      }
    }));
    threads.add(new Thread(() -> {
      await(start);
      for (int i = 0; i < 20_000; i++) {
        double gross = book.grossExposure(ACC, WORST_CASE);
        if (!(gross >= 0) || book.openOrderCount(ACC) < 0) {
          failure.compareAndSet(null, new AssertionError("inconsistent read: gross " + gross));
        }
      }
    }));
    for (Thread t : threads) {
      t.setUncaughtExceptionHandler((th, e) -> failure.compareAndSet(null, e));
      t.start();
    }
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertThat(failure.get()).isNull();
    assertThat(book.quantity(ACC, "AAPL")).isEqualTo(56_000);
    for (Instrument i : own) {
      assertThat(book.quantity(ACC, i.id())).isEqualTo(rounds);
    }
    // tolerance: 40,000 cash updates near 6.4e6 round by at most ~40,000 * 0.5 ulp(6.4e6) = 2e-5, while the
    // smallest lost update (a 0.01 fee) would be 0.01 off
    assertThat(book.cash(ACC)).isCloseTo(-6_400_240, within(1e-3));
    assertThat(book.realizedPnl(ACC)).isCloseTo(-240, within(1e-6));
    assertThat(book.pendingBuyQuantity(ACC, "AAPL")).isZero();
    assertThat(book.pendingSellQuantity(ACC, "AAPL")).isZero();
    assertThat(book.openOrderCount(ACC)).isZero();
    // long exposure: 56,000 AAPL + 4 * 2,000 own shares, all at 100 = 6,400,000; worst case the same
    assertThat(book.longExposure(ACC, FILLED)).isCloseTo(6_400_000, within(1e-3));
    assertThat(book.longExposure(ACC, WORST_CASE)).isCloseTo(6_400_000, within(1e-3));
    // NAV = cash + MV = -6,400,240 + 6,400,000 = -240 = realized
    assertThat(book.nav(ACC)).isCloseTo(-240, within(1e-3));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
