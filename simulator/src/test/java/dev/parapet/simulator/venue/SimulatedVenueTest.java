package dev.parapet.simulator.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.api.InvalidValueException;
import dev.parapet.api.model.ChildOrder;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderEvent;
import dev.parapet.api.model.OrderType;
import dev.parapet.api.model.Quote;
import dev.parapet.api.model.Side;
import dev.parapet.api.model.TimeInForce;
import dev.parapet.simulator.DisconnectMode;
import dev.parapet.simulator.InstrumentProfile;
import dev.parapet.simulator.IntradayProfile;
import dev.parapet.simulator.Recorder;
import dev.parapet.simulator.RegimeModel;
import dev.parapet.simulator.SimulatedMarket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class SimulatedVenueTest {

  private static final Instant OPEN = Instant.parse("2024-01-08T14:30:00Z");
  private static final Instant CLOSE = Instant.parse("2024-01-08T21:00:00Z");

  /** A fine-tick instrument so that quote rounding does not blur impact. */
  private static final Instrument X = Instrument.builder().id("X").sector("Energy").issuer("X Inc.")
      .tickSize(0.0001).build();

  /**
   * Daily volatility 0.02 (annual 0.02 sqrt(252)), ADV 390_000: with the flat profile and the calm regime
   * every minute's expected volume is V = 390_000 / 390 = 1_000.
   */
  private static final InstrumentProfile PROFILE = InstrumentProfile.of(X, 100.0, 0.02 * Math.sqrt(252), 390_000,
      10.0);

  private static final double SIGMA = 0.02;
  private static final double V = 1_000;
  private static final double ADV = 390_000;
  private static final double ETA = 0.5;
  private static final double GAMMA = 0.2;

  /** Fixed 1 ms latency, no random rejects or partial fills, no liquidity cap to speak of. */
  private static VenueConfig.Builder exact() {
    return VenueConfig.builder().latency(Duration.ofMillis(1), Duration.ZERO).rejectProbability(0)
        .partialFillProbability(0).maxParticipation(1000).impact(ETA, GAMMA);
  }

  private static SimulatedMarket market(VenueConfig config, long seed) {
    return SimulatedMarket.builder().seed(seed).profiles(List.of(PROFILE)).volumeProfile(IntradayProfile.flat())
        .regimes(RegimeModel.calmOnly()).tailDegreesOfFreedom(Double.POSITIVE_INFINITY)
        .start(LocalDate.of(2024, 1, 8)).venue(config).build();
  }

  private static ChildOrder market(SimulatedMarket m, String id, Side side, long qty, TimeInForce tif) {
    return new ChildOrder(id, "P-" + id, "ACC", X, side, qty, OrderType.MARKET, OptionalDouble.empty(), tif, m.now());
  }

  private static ChildOrder limit(SimulatedMarket m, String id, Side side, long qty, double price, TimeInForce tif) {
    double onGrid = Math.round(price / X.tickSize()) * X.tickSize();
    return new ChildOrder(id, "P-" + id, "ACC", X, side, qty, OrderType.LIMIT, OptionalDouble.of(onGrid), tif,
        m.now());
  }

  private static double mid(Quote q) {
    return 0.5 * (q.bid() + q.ask());
  }

  private static List<OrderEvent.Type> types(List<OrderEvent> events) {
    return events.stream().map(OrderEvent::type).toList();
  }

  // ------------------------------------------------------------------------------------------------
  // the true impact model

  @Test
  void market_buy_pays_the_ask_plus_square_root_temporary_impact() {
    for (long q : new long[] {100, 400}) {
      SimulatedMarket m = market(exact().build(), 1);
      Recorder r = Recorder.attach(m);
      Quote before = m.getQuote("X");
      m.venue().send(market(m, "C1", Side.BUY, q, TimeInForce.DAY));
      m.step();
      assertThat(types(r.events)).containsExactly(OrderEvent.Type.ACKNOWLEDGED);
      assertThat(r.fills).hasSize(1);
      Fill f = r.fills.get(0);
      assertThat(f.quantity()).isEqualTo(q);
      // model in the test: price = ask * (1 + eta sigma sqrt(q / V)); q = 100: 0.5 * 0.02 * sqrt(0.1) = 0.0031623
      double expected = before.ask() * (1 + ETA * SIGMA * Math.sqrt(q / V));
      assertThat(f.price()).isCloseTo(expected, within(1e-9));
      assertThat(f.timestamp()).isEqualTo(OPEN.plusMillis(1));
      assertThat(f.clientOrderId()).isEqualTo("P-C1");
      assertThat(f.childOrderId()).isEqualTo("C1");
      assertThat(f.price()).isGreaterThan(before.ask());
    }
  }

  @Test
  void temporary_impact_scales_with_the_square_root_of_participation() {
    double[] concession = new double[2];
    long[] sizes = {150, 600};
    for (int k = 0; k < 2; k++) {
      SimulatedMarket m = market(exact().build(), 2);
      Recorder r = Recorder.attach(m);
      double bid = m.getQuote("X").bid();
      m.venue().send(market(m, "S", Side.SELL, sizes[k], TimeInForce.DAY));
      m.step();
      concession[k] = 1 - r.fills.get(0).price() / bid;
    }
    // four times the participation, twice the concession; and below the bid for a sell
    assertThat(concession[0]).isCloseTo(ETA * SIGMA * Math.sqrt(150 / V), within(1e-12));
    assertThat(concession[1] / concession[0]).isCloseTo(2.0, within(1e-9));
  }

  @Test
  void permanent_impact_moves_the_mid_in_the_trade_direction_by_gamma_sigma_root_q_over_adv() {
    // twin markets with the same seed see the same shocks: the mid ratio is the permanent impact alone
    long[] signedSizes = {3_900, 15_600, -3_900};
    for (long signed : signedSizes) {
      SimulatedMarket traded = market(exact().build(), 3);
      SimulatedMarket untouched = market(exact().build(), 3);
      traded.venue().send(market(traded, "C", signed > 0 ? Side.BUY : Side.SELL, Math.abs(signed), TimeInForce.DAY));
      traded.step();
      untouched.step();
      double logRatio = Math.log(mid(traded.getQuote("X")) / mid(untouched.getQuote("X")));
      // gamma sigma sign(Q) sqrt(|Q| / ADV): 3_900 is 1% of ADV: 0.2 * 0.02 * 0.1 = 0.0004; 4% gives 0.0008
      double expected = Math.signum(signed) * GAMMA * SIGMA * Math.sqrt(Math.abs(signed) / ADV);
      assertThat(logRatio).as("Q = %d", signed).isCloseTo(expected, within(3e-6));
    }
  }

  @Test
  void permanent_impact_persists_and_is_the_same_however_the_order_is_sliced() {
    SimulatedMarket whole = market(exact().build(), 4);
    SimulatedMarket sliced = market(exact().build(), 4);
    SimulatedMarket untouched = market(exact().build(), 4);
    whole.venue().send(market(whole, "W", Side.BUY, 7_800, TimeInForce.DAY));
    for (int k = 0; k < 4; k++) {
      sliced.venue().send(market(sliced, "S" + k, Side.BUY, 1_950, TimeInForce.DAY));
      whole.step();
      sliced.step();
      untouched.step();
    }
    for (int k = 0; k < 30; k++) {
      whole.step();
      sliced.step();
      untouched.step();
    }
    // 2% of ADV: 0.2 * 0.02 * sqrt(0.02) = 0.00056569, still there half an hour later
    double expected = GAMMA * SIGMA * Math.sqrt(0.02);
    assertThat(Math.log(mid(whole.getQuote("X")) / mid(untouched.getQuote("X")))).isCloseTo(expected, within(3e-6));
    assertThat(Math.log(mid(sliced.getQuote("X")) / mid(untouched.getQuote("X")))).isCloseTo(expected, within(3e-6));
  }

  // ------------------------------------------------------------------------------------------------
  // invariants under random order flow

  @Test
  void fills_never_exceed_the_child_quantity_and_respect_limits_under_random_order_flow() {
    long seed = 8_675_309L;
    System.out.println("SimulatedVenueTest random flow seed=" + seed);
    Random random = new Random(seed);
    VenueConfig config = VenueConfig.builder().rejectProbability(0.05).partialFillProbability(0.3)
        .maxParticipation(0.2).passiveParticipation(0.1).build();
    SimulatedMarket m = SimulatedMarket.builder().seed(seed).instruments(5).start(LocalDate.of(2024, 1, 8))
        .venue(config).build();
    Recorder r = Recorder.attach(m);
    Map<String, ChildOrder> sent = new HashMap<>();
    List<String> ids = new ArrayList<>();
    TimeInForce[] tifs = TimeInForce.values();
    int n = 0;
    while (m.isOpen()) {
      if (random.nextDouble() < 0.6) {
        Instrument inst = m.instruments().get(random.nextInt(5));
        Quote q = m.getQuote(inst.id());
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long qty = 100L * (1 + random.nextInt(100));
        TimeInForce tif = tifs[random.nextInt(tifs.length)];
        String id = "R" + (n++);
        ChildOrder o;
        if (random.nextDouble() < 0.3) {
          o = new ChildOrder(id, "P" + id, "ACC", inst, side, qty, OrderType.MARKET, OptionalDouble.empty(), tif,
              m.now());
        } else {
          double px = Math.round(q.mid() * (1 + (random.nextDouble() - 0.5) * 0.006) / 0.01) * 0.01;
          o = new ChildOrder(id, "P" + id, "ACC", inst, side, qty, OrderType.LIMIT, OptionalDouble.of(px), tif,
              m.now());
        }
        sent.put(id, o);
        ids.add(id);
        m.venue().send(o);
      }
      if (!ids.isEmpty() && random.nextDouble() < 0.15) {
        m.venue().cancel(ids.get(random.nextInt(ids.size())));
      }
      m.step();
    }
    assertThat(sent).hasSizeGreaterThan(150);
    assertThat(r.fills).hasSizeGreaterThan(50);
    int terminal = 0;
    for (ChildOrder o : sent.values()) {
      String id = o.childOrderId();
      List<OrderEvent> events = r.eventsOf(id);
      List<Fill> fills = r.fillsOf(id);
      long filled = fills.stream().mapToLong(Fill::quantity).sum();
      assertThat(filled).as("filled quantity of %s", id).isLessThanOrEqualTo(o.quantity());
      assertThat(events).as("events of %s", id).isNotEmpty();
      OrderEvent.Type first = events.get(0).type();
      assertThat(first).isIn(OrderEvent.Type.ACKNOWLEDGED, OrderEvent.Type.REJECTED);
      if (first == OrderEvent.Type.REJECTED) {
        assertThat(fills).isEmpty();
        assertThat(events).hasSize(1);
        continue;
      }
      List<OrderEvent> ends = events.stream().filter(e -> e.type() == OrderEvent.Type.CANCELLED
          || e.type() == OrderEvent.Type.EXPIRED).toList();
      assertThat(ends).as("terminal events of %s", id).hasSizeLessThanOrEqualTo(1);
      assertThat(events).hasSize(1 + ends.size());
      if (!ends.isEmpty()) {
        terminal++;
        assertThat(filled).isLessThan(o.quantity());
        Instant end = ends.get(0).timestamp();
        assertThat(fills).allMatch(f -> !f.timestamp().isAfter(end));
        // the terminal event comes after every fill in the venue's report order
        assertThat(r.venueLog.indexOf(ends.get(0))).isGreaterThan(fills.isEmpty() ? -1
            : r.venueLog.indexOf(fills.get(fills.size() - 1)));
      }
      if (o.timeInForce() == TimeInForce.DAY || o.timeInForce() == TimeInForce.IOC
          || o.timeInForce() == TimeInForce.FOK) {
        assertThat(filled == o.quantity() || !ends.isEmpty()).as("DAY/IOC/FOK %s is done at the close", id).isTrue();
      }
      if (o.timeInForce() == TimeInForce.FOK) {
        assertThat(filled == 0 || filled == o.quantity()).as("FOK %s all or nothing", id).isTrue();
      }
      for (Fill f : fills) {
        assertThat(f.quantity() % o.instrument().lotSize()).isZero();
        assertThat(f.side()).isEqualTo(o.side());
        assertThat(f.instrument()).isEqualTo(o.instrument());
        assertThat(f.clientOrderId()).isEqualTo(o.parentOrderId());
        assertThat(f.timestamp()).isAfterOrEqualTo(events.get(0).timestamp());
        if (o.orderType() == OrderType.LIMIT) {
          double lim = o.limitPrice().getAsDouble();
          if (o.side().isBuy()) {
            assertThat(f.price()).as("buy fill of %s within limit", id).isLessThanOrEqualTo(lim);
          } else {
            assertThat(f.price()).as("sell fill of %s within limit", id).isGreaterThanOrEqualTo(lim);
          }
        }
      }
    }
    assertThat(terminal).isPositive();
    VenueStatistics s = m.venue().statistics();
    assertThat(s.received()).isEqualTo(sent.size());
    assertThat(s.acknowledged() + s.rejected()).isEqualTo(sent.size());
    assertThat(s.fills()).isEqualTo(r.fills.size());
    assertThat(s.filledQuantity()).isEqualTo(r.fills.stream().mapToLong(Fill::quantity).sum());
  }

  @Test
  void same_seed_and_order_flow_give_identical_fills_and_events() {
    List<Recorder> recorders = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      SimulatedMarket m = SimulatedMarket.builder().seed(99).instruments(3).venue(VenueConfig.builder()
          .rejectProbability(0.1).partialFillProbability(0.5).maxParticipation(0.3).build()).build();
      Recorder r = Recorder.attach(m);
      for (int k = 0; k < 60; k++) {
        Instrument inst = m.instruments().get(k % 3);
        m.venue().send(new ChildOrder("C" + k, "P", "ACC", inst, k % 2 == 0 ? Side.BUY : Side.SELL, 5_000,
            OrderType.MARKET, OptionalDouble.empty(), TimeInForce.DAY, m.now()));
        m.step();
      }
      recorders.add(r);
    }
    assertThat(recorders.get(0).fills).isNotEmpty().isEqualTo(recorders.get(1).fills);
    assertThat(recorders.get(0).events).isEqualTo(recorders.get(1).events);
  }

  // ------------------------------------------------------------------------------------------------
  // rejects, cancels, expiries, time in force

  @Test
  void random_rejects_follow_the_configured_rate() {
    SimulatedMarket m = market(exact().rejectProbability(0.3).build(), 6);
    Recorder r = Recorder.attach(m);
    for (int k = 0; k < 2_000; k++) {
      m.venue().send(market(m, "C" + k, Side.BUY, 1, TimeInForce.IOC));
    }
    m.step();
    long rejected = r.events.stream().filter(e -> e.type() == OrderEvent.Type.REJECTED).count();
    // binomial(2000, 0.3): mean 600, standard deviation 20.5
    assertThat(rejected).isBetween(530L, 670L);
    assertThat(r.events).filteredOn(e -> e.type() == OrderEvent.Type.REJECTED)
        .allMatch(e -> e.reason().contains("random reject"));
    long acked = r.events.stream().filter(e -> e.type() == OrderEvent.Type.ACKNOWLEDGED).count();
    assertThat(acked + rejected).isEqualTo(2_000);
    assertThat(r.fills).hasSize((int) acked);
  }

  @Test
  void cancel_of_a_resting_order_answers_cancelled_and_stops_fills() {
    SimulatedMarket m = market(exact().build(), 7);
    Recorder r = Recorder.attach(m);
    double farBelow = m.getQuote("X").bid() * 0.8;
    m.venue().send(limit(m, "L", Side.BUY, 500, farBelow, TimeInForce.DAY));
    m.step();
    assertThat(types(r.eventsOf("L"))).containsExactly(OrderEvent.Type.ACKNOWLEDGED);
    assertThat(m.venue().statistics().working()).isEqualTo(1);
    m.venue().cancel("L");
    m.step();
    assertThat(types(r.eventsOf("L"))).containsExactly(OrderEvent.Type.ACKNOWLEDGED, OrderEvent.Type.CANCELLED);
    assertThat(r.eventsOf("L").get(1).timestamp()).isEqualTo(OPEN.plusSeconds(60).plusMillis(1));
    assertThat(m.venue().statistics().working()).isZero();
    // a second cancel of a finished order is ignored, and counted
    m.venue().cancel("L");
    m.venue().cancel("NEVER-SENT");
    m.runToClose();
    assertThat(r.eventsOf("L")).hasSize(2);
    assertThat(r.fillsOf("L")).isEmpty();
    assertThat(m.venue().statistics().ignoredCancels()).isEqualTo(2);
    assertThat(m.venue().statistics().cancelled()).isEqualTo(1);
  }

  @Test
  void a_carried_order_can_fill_at_the_minute_start_before_a_cancel_arrives() {
    // aggressive fills are capped at 0.5 V = 500 a minute, so a 2_000 market order works over four minutes
    SimulatedMarket m = market(exact().maxParticipation(0.5).build(), 8);
    Recorder r = Recorder.attach(m);
    m.venue().send(market(m, "C", Side.BUY, 2_000, TimeInForce.DAY));
    m.step();
    assertThat(r.fillsOf("C")).extracting(Fill::quantity).containsExactly(500L);
    m.venue().cancel("C");
    m.step();
    // the carried remainder takes liquidity at 14:31:00.000, the cancel arrives 1 ms later: a late fill
    assertThat(r.fillsOf("C")).extracting(Fill::quantity).containsExactly(500L, 500L);
    assertThat(r.fillsOf("C").get(1).timestamp()).isEqualTo(OPEN.plusSeconds(60));
    assertThat(types(r.eventsOf("C"))).containsExactly(OrderEvent.Type.ACKNOWLEDGED, OrderEvent.Type.CANCELLED);
    assertThat(r.venueLog.indexOf(r.fillsOf("C").get(1))).isLessThan(r.venueLog.indexOf(r.eventsOf("C").get(1)));
  }

  @Test
  void liquidity_cap_spreads_a_large_market_order_over_minutes_each_paying_its_own_impact() {
    SimulatedMarket m = market(exact().maxParticipation(0.5).build(), 9);
    Recorder r = Recorder.attach(m);
    m.venue().send(market(m, "C", Side.BUY, 1_200, TimeInForce.DAY));
    List<Double> asks = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      asks.add(m.getQuote("X").ask());
      m.step();
    }
    assertThat(r.fillsOf("C")).extracting(Fill::quantity).containsExactly(500L, 500L, 200L);
    assertThat(r.fillsOf("C")).extracting(Fill::timestamp).containsExactly(OPEN.plusMillis(1), OPEN.plusSeconds(60),
        OPEN.plusSeconds(120));
    for (int k = 0; k < 3; k++) {
      long q = r.fillsOf("C").get(k).quantity();
      assertThat(r.fillsOf("C").get(k).price()).isCloseTo(asks.get(k) * (1 + ETA * SIGMA * Math.sqrt(q / V)),
          within(1e-9));
    }
  }

  @Test
  void ioc_remainder_is_cancelled_and_fok_fills_all_or_nothing() {
    SimulatedMarket m = market(exact().maxParticipation(0.5).build(), 10);
    Recorder r = Recorder.attach(m);
    m.venue().send(market(m, "IOC", Side.BUY, 800, TimeInForce.IOC));
    m.step();
    // the cap is shared by all orders in an instrument's minute: test FOK in a fresh minute
    m.venue().send(market(m, "FOK-BIG", Side.SELL, 800, TimeInForce.FOK));
    m.venue().send(market(m, "FOK-OK", Side.SELL, 400, TimeInForce.FOK));
    m.step();
    assertThat(r.fillsOf("IOC")).extracting(Fill::quantity).containsExactly(500L);
    assertThat(types(r.eventsOf("IOC"))).containsExactly(OrderEvent.Type.ACKNOWLEDGED, OrderEvent.Type.CANCELLED);
    assertThat(r.eventsOf("IOC").get(1).reason()).contains("IOC");
    assertThat(r.fillsOf("FOK-BIG")).isEmpty();
    assertThat(types(r.eventsOf("FOK-BIG"))).containsExactly(OrderEvent.Type.ACKNOWLEDGED, OrderEvent.Type.CANCELLED);
    assertThat(r.eventsOf("FOK-BIG").get(1).reason()).contains("FOK");
    assertThat(r.fillsOf("FOK-OK")).extracting(Fill::quantity).containsExactly(400L);
    assertThat(types(r.eventsOf("FOK-OK"))).containsExactly(OrderEvent.Type.ACKNOWLEDGED);
  }

  @Test
  void limit_order_takes_only_what_keeps_its_average_price_within_the_limit() {
    SimulatedMarket m = market(exact().build(), 11);
    Recorder r = Recorder.attach(m);
    double ask = m.getQuote("X").ask();
    // a limit 0.5% above the ask: ask (1 + 0.01 sqrt(q / 1000)) <= limit  <=>  q <= 1000 (0.005 / 0.01)^2 = 250,
    // a little less because the limit is rounded to the tick grid
    double lim = Math.floor(ask * 1.005 / X.tickSize()) * X.tickSize();
    m.venue().send(limit(m, "L", Side.BUY, 1_000, lim, TimeInForce.IOC));
    m.step();
    long q = r.fillsOf("L").get(0).quantity();
    long bound = (long) Math.floor(V * Math.pow((lim / ask - 1) / (ETA * SIGMA), 2));
    assertThat(q).isEqualTo(bound).isBetween(240L, 250L);
    assertThat(r.fillsOf("L").get(0).price()).isLessThanOrEqualTo(lim);
    assertThat(types(r.eventsOf("L"))).containsExactly(OrderEvent.Type.ACKNOWLEDGED, OrderEvent.Type.CANCELLED);
  }

  @Test
  void resting_limit_orders_fill_passively_at_their_price_when_the_mid_trades_through() {
    SimulatedMarket m = market(exact().passiveParticipation(0.1).build(), 12);
    Recorder r = Recorder.attach(m);
    Map<String, Double> limits = new HashMap<>();
    for (int k = 0; k < 60; k++) {
      Quote q = m.getQuote("X");
      limits.put("B" + k, q.bid());
      limits.put("S" + k, q.ask());
      m.venue().send(limit(m, "B" + k, Side.BUY, 100, q.bid(), TimeInForce.DAY));
      m.venue().send(limit(m, "S" + k, Side.SELL, 100, q.ask(), TimeInForce.DAY));
      m.step();
    }
    int passive = 0;
    for (Fill f : r.fills) {
      double lim = limits.get(f.childOrderId());
      if (f.side().isBuy()) {
        assertThat(f.price()).isLessThanOrEqualTo(lim);
      } else {
        assertThat(f.price()).isGreaterThanOrEqualTo(lim);
      }
      if (f.price() != lim) {
        continue; // an old order the market moved through at a minute start: an aggressive fill within the limit
      }
      passive++;
      // a passive fill happens at the end of a minute whose bar traded through the limit,
      // and takes at most 10% of the minute's market volume (the bar's volume less the venue's own fills)
      Instant minuteStart = f.timestamp().minusSeconds(60);
      var bar = r.minuteBars.stream().filter(b -> b.start().equals(minuteStart)).findFirst().orElseThrow();
      if (f.side().isBuy()) {
        assertThat(bar.low()).isLessThan(f.price());
      } else {
        assertThat(bar.high()).isGreaterThan(f.price());
      }
      // the bar [t, t1) holds the venue's fills stamped in (t, t1), the aggressive ones at t (carried orders at
      // the minute start) and the passive ones at t1 (passive fills are the ones exactly at their limit)
      long venueShares = r.fills.stream().filter(x -> {
        boolean atLimit = x.price() == limits.get(x.childOrderId());
        return x.timestamp().isAfter(minuteStart) && x.timestamp().isBefore(f.timestamp())
            || x.timestamp().equals(minuteStart) && !atLimit
            || x.timestamp().equals(f.timestamp()) && atLimit;
      }).mapToLong(Fill::quantity).sum();
      assertThat((double) f.quantity()).isLessThanOrEqualTo(0.1 * (bar.volume() - venueShares) + 1);
    }
    System.out.println("passive fills: " + passive + " of " + r.fills.size());
    assertThat(passive).isPositive();
  }

  @Test
  void day_orders_expire_at_the_close_and_gtc_orders_work_on() {
    SimulatedMarket m = market(exact().build(), 13);
    Recorder r = Recorder.attach(m);
    double farBelow = m.getQuote("X").bid() * 0.5;
    m.venue().send(limit(m, "DAY", Side.BUY, 100, farBelow, TimeInForce.DAY));
    m.venue().send(limit(m, "GTC", Side.BUY, 100, farBelow, TimeInForce.GTC));
    m.runToClose();
    assertThat(types(r.eventsOf("DAY"))).containsExactly(OrderEvent.Type.ACKNOWLEDGED, OrderEvent.Type.EXPIRED);
    assertThat(r.eventsOf("DAY").get(1).timestamp()).isEqualTo(CLOSE);
    assertThat(types(r.eventsOf("GTC"))).containsExactly(OrderEvent.Type.ACKNOWLEDGED);
    assertThat(m.venue().statistics().working()).isEqualTo(1);
    assertThat(m.venue().statistics().expired()).isEqualTo(1);
    m.step(); // next open
    m.venue().cancel("GTC");
    m.step();
    assertThat(types(r.eventsOf("GTC"))).containsExactly(OrderEvent.Type.ACKNOWLEDGED, OrderEvent.Type.CANCELLED);
  }

  @Test
  void orders_reaching_the_venue_outside_the_session_are_rejected_market_closed() {
    SimulatedMarket m = market(exact().build(), 14);
    Recorder r = Recorder.attach(m);
    m.runToClose();
    m.venue().send(market(m, "LATE", Side.BUY, 100, TimeInForce.DAY));
    m.step();
    assertThat(types(r.eventsOf("LATE"))).containsExactly(OrderEvent.Type.REJECTED);
    assertThat(r.eventsOf("LATE").get(0).reason()).isEqualTo("market closed");
    assertThat(r.eventsOf("LATE").get(0).timestamp()).isEqualTo(CLOSE.plusMillis(1));
  }

  @Test
  void duplicate_ids_and_unknown_instruments_are_rejected() {
    SimulatedMarket m = market(exact().build(), 15);
    Recorder r = Recorder.attach(m);
    m.venue().send(limit(m, "D", Side.BUY, 100, 50.0, TimeInForce.DAY));
    m.venue().send(limit(m, "D", Side.BUY, 100, 50.0, TimeInForce.DAY));
    Instrument other = Instrument.usEquity("ZZZ", "Energy", "Z Inc.");
    m.venue().send(new ChildOrder("U", "P", "ACC", other, Side.BUY, 1, OrderType.MARKET, OptionalDouble.empty(),
        TimeInForce.DAY, m.now()));
    m.step();
    assertThat(types(r.eventsOf("D"))).containsExactly(OrderEvent.Type.ACKNOWLEDGED, OrderEvent.Type.REJECTED);
    assertThat(r.eventsOf("D").get(1).reason()).contains("duplicate");
    assertThat(types(r.eventsOf("U"))).containsExactly(OrderEvent.Type.REJECTED);
    assertThat(r.eventsOf("U").get(0).reason()).contains("unknown instrument ZZZ");
    assertThatThrownBy(() -> m.venue().send(null)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> m.venue().cancel(" ")).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void messages_arrive_after_their_latency_and_in_the_order_sent() {
    SimulatedMarket m = market(VenueConfig.builder().rejectProbability(0).build(), 16);
    Recorder r = Recorder.attach(m);
    for (int k = 0; k < 50; k++) {
      m.venue().send(limit(m, "C" + k, Side.BUY, 100, 50.0, TimeInForce.DAY));
    }
    m.step();
    assertThat(r.events).hasSize(50);
    Instant previous = Instant.MIN;
    for (int k = 0; k < 50; k++) {
      OrderEvent e = r.events.get(k);
      assertThat(e.childOrderId()).isEqualTo("C" + k);
      // default latency: 2 ms plus an exponential extra
      assertThat(e.timestamp()).isAfterOrEqualTo(OPEN.plusMillis(2)).isAfterOrEqualTo(previous);
      previous = e.timestamp();
    }
    assertThat(previous).isAfter(OPEN.plusMillis(2));
  }

  @Test
  void partial_fill_probability_one_cuts_fills_and_the_remainder_works_on() {
    SimulatedMarket m = market(exact().partialFillProbability(1.0).build(), 17);
    Recorder r = Recorder.attach(m);
    m.venue().send(market(m, "C", Side.BUY, 1_000, TimeInForce.DAY));
    for (int k = 0; k < 20; k++) {
      m.step();
    }
    List<Fill> fills = r.fillsOf("C");
    // each fill is 20-80% of what remained, at least one lot
    assertThat(fills.get(0).quantity()).isBetween(200L, 800L);
    assertThat(fills).hasSizeGreaterThan(2);
    assertThat(fills.stream().mapToLong(Fill::quantity).sum()).isLessThanOrEqualTo(1_000);
  }

  @Test
  void fees_are_charged_per_share() {
    SimulatedMarket m = market(exact().feePerShare(0.003).build(), 18);
    Recorder r = Recorder.attach(m);
    m.venue().send(market(m, "C", Side.BUY, 700, TimeInForce.DAY));
    m.step();
    assertThat(r.fills.get(0).fees()).isCloseTo(2.1, within(1e-12));
  }

  // ------------------------------------------------------------------------------------------------
  // faults

  @Test
  void reject_burst_rejects_orders_arriving_inside_its_window_only() {
    SimulatedMarket m = market(exact().build(), 19);
    Recorder r = Recorder.attach(m);
    m.faults().rejectBurst(OPEN.plusSeconds(300), Duration.ofMinutes(5));
    for (int k = 0; k < 12; k++) {
      m.venue().send(limit(m, "C" + k, Side.BUY, 100, 50.0, TimeInForce.DAY));
      m.step();
    }
    for (int k = 0; k < 12; k++) {
      OrderEvent.Type expected = (k >= 5 && k < 10) ? OrderEvent.Type.REJECTED : OrderEvent.Type.ACKNOWLEDGED;
      assertThat(r.eventsOf("C" + k).get(0).type()).as("order sent at minute %d", k).isEqualTo(expected);
    }
    assertThat(r.eventsOf("C5").get(0).reason()).contains("reject burst");
  }

  @Test
  void hold_disconnect_answers_nothing_until_the_outage_ends() {
    SimulatedMarket m = market(exact().maxParticipation(0.5).build(), 20);
    Recorder r = Recorder.attach(m);
    Instant from = OPEN.plusSeconds(60);
    m.faults().disconnect(from, Duration.ofMinutes(5), DisconnectMode.HOLD);
    m.venue().send(market(m, "W", Side.BUY, 5_000, TimeInForce.DAY));
    m.step(); // 500 filled in the first minute
    m.venue().send(market(m, "H", Side.BUY, 100, TimeInForce.DAY));
    for (int k = 0; k < 5; k++) {
      m.step();
    }
    // during the outage: no fill of the working order, no answer to the new one
    assertThat(r.fillsOf("W")).hasSize(1);
    assertThat(r.eventsOf("H")).isEmpty();
    m.step();
    // after it: the held order is acknowledged at the end of the outage and the working one fills again
    assertThat(types(r.eventsOf("H"))).containsExactly(OrderEvent.Type.ACKNOWLEDGED);
    assertThat(r.eventsOf("H").get(0).timestamp()).isEqualTo(from.plusSeconds(300));
    assertThat(r.fillsOf("W")).hasSize(2);
    assertThat(r.fillsOf("W").get(1).timestamp()).isEqualTo(from.plusSeconds(300));
  }

  @Test
  void drop_disconnect_loses_messages_for_good() {
    SimulatedMarket m = market(exact().build(), 21);
    Recorder r = Recorder.attach(m);
    m.faults().disconnect(OPEN, Duration.ofMinutes(2), DisconnectMode.DROP);
    m.venue().send(market(m, "LOST", Side.BUY, 100, TimeInForce.DAY));
    m.step();
    m.step();
    m.venue().send(market(m, "OK", Side.BUY, 100, TimeInForce.DAY));
    m.runToClose();
    assertThat(r.eventsOf("LOST")).isEmpty();
    assertThat(r.fillsOf("LOST")).isEmpty();
    assertThat(types(r.eventsOf("OK"))).containsExactly(OrderEvent.Type.ACKNOWLEDGED);
    assertThat(m.venue().statistics().dropped()).isEqualTo(1);
  }

  @Test
  void expiries_during_a_hold_outage_are_delivered_when_it_ends() {
    SimulatedMarket m = market(exact().build(), 22);
    Recorder r = Recorder.attach(m);
    m.venue().send(limit(m, "DAY", Side.BUY, 100, 10.0, TimeInForce.DAY));
    m.step();
    m.faults().disconnect(CLOSE.minusSeconds(60), Duration.ofMinutes(30), DisconnectMode.HOLD);
    m.runToClose();
    assertThat(types(r.eventsOf("DAY"))).containsExactly(OrderEvent.Type.ACKNOWLEDGED);
    m.advanceTo(CLOSE.plusSeconds(29 * 60 - 1));
    assertThat(types(r.eventsOf("DAY"))).containsExactly(OrderEvent.Type.ACKNOWLEDGED);
    m.advanceTo(CLOSE.plusSeconds(29 * 60));
    assertThat(types(r.eventsOf("DAY"))).containsExactly(OrderEvent.Type.ACKNOWLEDGED, OrderEvent.Type.EXPIRED);
    // delivered late, but stamped with the time the venue expired it
    assertThat(r.eventsOf("DAY").get(1).timestamp()).isEqualTo(CLOSE);
  }

  // ------------------------------------------------------------------------------------------------
  // threading

  @Test
  void send_is_safe_from_many_threads_and_every_order_is_answered_once() throws Exception {
    SimulatedMarket m = market(exact().build(), 23);
    Recorder r = Recorder.attach(m);
    int threads = 4;
    int perThread = 250;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread w = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        for (int k = 0; k < perThread; k++) {
          m.venue().send(market(m, "T" + id + "-" + k, Side.BUY, 10, TimeInForce.DAY));
        }
      });
      w.start();
      workers.add(w);
    }
    start.countDown();
    for (Thread w : workers) {
      w.join();
    }
    m.step();
    assertThat(m.venue().statistics().received()).isEqualTo(threads * perThread);
    assertThat(r.events).hasSize(threads * perThread).allMatch(e -> e.type() == OrderEvent.Type.ACKNOWLEDGED);
    assertThat(r.events.stream().map(OrderEvent::childOrderId).distinct().count()).isEqualTo(threads * perThread);
    assertThat(r.fills).hasSize(threads * perThread).allMatch(f -> f.quantity() == 10);
    // each thread's orders arrive in the order that thread sent them
    for (int t = 0; t < threads; t++) {
      String prefix = "T" + t + "-";
      List<String> order = r.events.stream().map(OrderEvent::childOrderId).filter(s -> s.startsWith(prefix)).toList();
      for (int k = 0; k < perThread; k++) {
        assertThat(order.get(k)).isEqualTo(prefix + k);
      }
    }
  }
}
