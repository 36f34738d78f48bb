package dev.parapet.execution.engine;

import static dev.parapet.execution.engine.EngineFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.api.execution.Aggression;
import dev.parapet.api.execution.ExecutionAlgo;
import dev.parapet.api.execution.OrderRouter;
import dev.parapet.api.execution.ParentOrderView;
import dev.parapet.api.fixtures.TestInstruments;
import dev.parapet.api.model.ChildOrder;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderEvent;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Side;
import dev.parapet.api.model.Urgency;
import dev.parapet.api.time.SimulatedClock;
import dev.parapet.execution.algo.AdaptiveParameters;
import dev.parapet.execution.algo.ExecutionAlgos;
import dev.parapet.execution.algo.ImplementationShortfallParameters;
import dev.parapet.execution.engine.EngineFixtures.RecordingSink;
import dev.parapet.execution.engine.EngineFixtures.ScriptedAlgo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property tests: a seeded generator drives the engine with random orders, algorithms, market moves,
 * acknowledgements, partial fills, rejects, cancels (by the host and by the venue), late fills after a
 * cancel, duplicate fills and timer ticks. After every step, for every parent, neither the engine's
 * accounting nor the venue's view (what is working or filled there) exceeds the parent's quantity.
 */
class ExecutionEnginePropertyTest {

  private static final Instrument LOT = Instrument.builder().id("LOT").symbol("LOT").sector("Industrials")
      .issuer("Lot Inc.").lotSize(100).tickSize(0.05).build();
  private static final Duration GRACE = Duration.ofSeconds(2);

  /** The venue's side of the story. */
  private static final class VenueChild {
    final ChildOrder order;
    long filled;
    boolean acked;
    boolean dead;
    boolean cancelRequested;
    Instant deadAt;

    VenueChild(ChildOrder order) {
      this.order = order;
    }

    long remainder() {
      return order.quantity() - filled;
    }
  }

  private static final class Venue implements OrderRouter {
    final Map<String, VenueChild> children = new LinkedHashMap<>();

    @Override
    public void send(ChildOrder childOrder) {
      assertThat(children).doesNotContainKey(childOrder.childOrderId());
      children.put(childOrder.childOrderId(), new VenueChild(childOrder));
    }

    @Override
    public void cancel(String childOrderId) {
      VenueChild c = children.get(childOrderId);
      if (c != null) {
        c.cancelRequested = true;
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1L, 2L, 3L, 42L, 20_240_304L})
  void sent_and_filled_never_exceed_the_parent_quantity(long seed) {
    run(seed, false);
  }

  @ParameterizedTest
  @ValueSource(longs = {7L, 11L, 13L})
  void venue_overfills_are_never_counted_beyond_the_parent_quantity(long seed) {
    run(seed, true);
  }

  private void run(long seed, boolean overfills) {
    System.out.println("ExecutionEnginePropertyTest seed " + seed + (overfills ? " (with overfills)" : ""));
    SplittableRandom rnd = new SplittableRandom(seed);
    SimulatedClock clock = SimulatedClock.at(T0);
    Venue venue = new Venue();
    RecordingSink sink = new RecordingSink();
    ExecutionEngine engine = ExecutionEngine.builder(venue, clock).alertSink(sink).seed(seed).lateFillGrace(GRACE)
        .minChildQuantity(1 + rnd.nextInt(300)).aggressiveCollarTicks(rnd.nextBoolean() ? -1 : 2).build();
    Map<String, Double> mids = new HashMap<>();
    Map<String, Long> volumes = new HashMap<>();
    for (Instrument i : new Instrument[] {TestInstruments.AAPL, LOT}) {
      mids.put(i.id(), 100.0);
      volumes.put(i.id(), 0L);
      publish(engine, i, 100.0, 0L, clock.instant());
    }
    Map<String, OrderRequest> orders = new HashMap<>();
    List<ScriptedAlgo> scripted = new ArrayList<>();
    List<Fill> sentFills = new ArrayList<>();
    int parents = 0;
    int overfillAttempts = 0;

    for (int step = 0; step < 2_000; step++) {
      int action = rnd.nextInt(100);
      Instant now = clock.instant();
      if (action < 6 && parents < 40) {
        Instrument inst = rnd.nextBoolean() ? TestInstruments.AAPL : LOT;
        Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
        long qty = inst.lotSize() * (1 + rnd.nextInt(200));
        OrderRequest.Builder b = OrderRequest.builder().clientOrderId("P" + (++parents)).account("ACC")
            .instrument(inst).side(side).quantity(qty).urgency(Urgency.values()[rnd.nextInt(3)]);
        if (rnd.nextInt(3) == 0) {
          double mid = mids.get(inst.id());
          double limit = Math.max(1, Math.round((mid + (rnd.nextDouble() - 0.5) * 0.6) / inst.tickSize()))
              * inst.tickSize();
          b.limit(limit);
        }
        OrderRequest order = b.build();
        orders.put(order.clientOrderId(), order);
        ExecutionAlgo algo = randomAlgo(rnd, qty, scripted);
        engine.submit(order, algo, now.plus(Duration.ofSeconds(60 + rnd.nextInt(1_800))));
      } else if (action < 26) {
        engine.onTimer(clock.advance(Duration.ofMillis(rnd.nextInt(3_000))));
      } else if (action < 40) {
        VenueChild c = pick(rnd, venue, x -> !x.dead && !x.acked);
        if (c != null) {
          c.acked = true;
          engine.onOrderEvent(new OrderEvent(c.order.childOrderId(), OrderEvent.Type.ACKNOWLEDGED, "", now));
        }
      } else if (action < 64) {
        VenueChild c = pick(rnd, venue, x -> !x.dead && x.remainder() > 0);
        if (c != null) {
          long q = 1 + rnd.nextInt((int) Math.min(Integer.MAX_VALUE, c.remainder()));
          if (overfills && rnd.nextInt(4) == 0) {
            q += 1 + rnd.nextInt(500);
            overfillAttempts++;
          }
          c.filled += q;
          Fill f = fill(c.order, q, now);
          sentFills.add(f);
          engine.onFill(f);
          if (c.remainder() <= 0) {
            c.dead = true;
            c.deadAt = Instant.MIN;
          }
        }
      } else if (action < 69) {
        VenueChild c = pick(rnd, venue, x -> !x.dead && x.filled == 0);
        if (c != null) {
          c.dead = true;
          c.deadAt = Instant.MIN; // nothing of a rejected order ever fills
          engine.onOrderEvent(new OrderEvent(c.order.childOrderId(), OrderEvent.Type.REJECTED, "no", now));
        }
      } else if (action < 79) {
        VenueChild c = pick(rnd, venue, x -> !x.dead && x.cancelRequested);
        if (c != null) {
          c.dead = true;
          c.deadAt = now;
          engine.onOrderEvent(new OrderEvent(c.order.childOrderId(), OrderEvent.Type.CANCELLED, "", now));
        }
      } else if (action < 82) {
        VenueChild c = pick(rnd, venue, x -> !x.dead && x.acked);
        if (c != null) {
          c.dead = true;
          c.deadAt = now;
          engine.onOrderEvent(new OrderEvent(c.order.childOrderId(), OrderEvent.Type.EXPIRED, "", now));
        }
      } else if (action < 86) {
        // a late fill crossing a cancel confirmation, within the grace period
        VenueChild c = pick(rnd, venue, x -> x.dead && x.deadAt != Instant.MIN && now.isBefore(x.deadAt.plus(GRACE))
            && x.remainder() > 0);
        if (c != null) {
          long q = 1 + rnd.nextInt((int) Math.min(Integer.MAX_VALUE, c.remainder()));
          c.filled += q;
          Fill f = fill(c.order, q, now);
          sentFills.add(f);
          engine.onFill(f);
        }
      } else if (action < 89) {
        if (!sentFills.isEmpty()) {
          engine.onFill(sentFills.get(rnd.nextInt(sentFills.size())));
        }
      } else if (action < 92) {
        if (parents > 0) {
          engine.cancel("P" + (1 + rnd.nextInt(parents)), "random cancel");
        }
      } else if (action < 96) {
        if (!scripted.isEmpty()) {
          ScriptedAlgo a = scripted.get(rnd.nextInt(scripted.size()));
          a.target = (long) (rnd.nextDouble() * 1.3 * a.target + rnd.nextInt(5_000));
          a.aggression = rnd.nextBoolean() ? Aggression.PASSIVE : Aggression.AGGRESSIVE;
        }
      } else {
        Instrument inst = rnd.nextBoolean() ? TestInstruments.AAPL : LOT;
        double mid = Math.max(1, mids.get(inst.id()) + (rnd.nextDouble() - 0.5) * 0.2);
        long vol = volumes.get(inst.id()) + rnd.nextInt(50_000);
        mids.put(inst.id(), mid);
        volumes.put(inst.id(), vol);
        publish(engine, inst, mid, vol, now);
      }
      checkInvariants(engine, venue, orders, clock.instant(), overfills, step, seed);
    }
    long fills = venue.children.values().stream().filter(c -> c.filled > 0).count();
    System.out.printf("  %d parents, %d children, %d filled children, %d fills, %d alerts%n", parents,
        venue.children.size(), fills, sentFills.size(), sink.alerts.size());
    assertThat(fills).isGreaterThan(50);
    if (overfills) {
      assertThat(overfillAttempts).isPositive();
      assertThat(sink.count("ExecutionOverfill")).isPositive();
    }
    // wind down: every parent ends, every cancel is confirmed
    engine.onTimer(clock.advance(Duration.ofHours(2)));
    for (VenueChild c : venue.children.values()) {
      if (!c.dead) {
        c.dead = true;
        c.deadAt = clock.instant();
        engine.onOrderEvent(new OrderEvent(c.order.childOrderId(), OrderEvent.Type.CANCELLED, "", clock.instant()));
      }
    }
    engine.onTimer(clock.advance(GRACE));
    for (ParentOrderView v : engine.parents()) {
      assertThat(v.state().isTerminal()).as(v.clientOrderId()).isTrue();
      assertThat(v.openQuantity()).as(v.clientOrderId()).isZero();
    }
    checkInvariants(engine, venue, orders, clock.instant(), overfills, -1, seed);
  }

  private static ExecutionAlgo randomAlgo(SplittableRandom rnd, long qty, List<ScriptedAlgo> scripted) {
    Duration recheck = Duration.ofSeconds(1 + rnd.nextInt(10));
    switch (rnd.nextInt(7)) {
      case 0:
        return ExecutionAlgos.immediate();
      case 1:
        return ExecutionAlgos.twap(recheck);
      case 2:
        return ExecutionAlgos.pov(0.05 + 0.3 * rnd.nextDouble(), recheck);
      case 3:
        return ExecutionAlgos.adaptive(AdaptiveParameters.defaults().withRecheck(recheck));
      case 4:
        return ExecutionAlgos.implementationShortfall(ImplementationShortfallParameters.defaults()
            .withRecheck(recheck));
      default:
        ScriptedAlgo a = new ScriptedAlgo(rnd.nextLong(qty * 2 + 1));
        a.recheck = recheck;
        scripted.add(a);
        return a;
    }
  }

  private static void checkInvariants(ExecutionEngine engine, Venue venue, Map<String, OrderRequest> orders,
      Instant now, boolean overfills, int step, long seed) {
    // plain checks rather than AssertJ: this runs after every step
    Map<String, long[]> venueSide = new HashMap<>(); // [exposure, filled]
    for (VenueChild c : venue.children.values()) {
      String parent = c.order.parentOrderId();
      long open = !c.dead ? c.remainder()
          : (c.deadAt != Instant.MIN && now.isBefore(c.deadAt.plus(GRACE)) ? Math.max(0, c.remainder()) : 0);
      long[] v = venueSide.computeIfAbsent(parent, k -> new long[2]);
      v[0] += Math.min(c.filled, c.order.quantity()) + Math.max(0, open);
      v[1] += c.filled;
      OrderRequest o = orders.get(parent);
      java.util.function.Supplier<String> ctx = () -> "seed " + seed + " step " + step + " child "
          + c.order.childOrderId();
      check(c.order.quantity() % o.instrument().lotSize() == 0, () -> ctx.get() + ": whole lots");
      if (o.isLimit()) {
        check(c.order.limitPrice().isPresent(), () -> ctx.get() + ": a limit parent never sends market children");
        double limit = o.limitPrice().getAsDouble();
        double price = c.order.limitPrice().getAsDouble();
        check(o.side().isBuy() ? price <= limit + 1e-9 : price >= limit - 1e-9, () -> ctx.get() + ": within the limit");
      }
    }
    for (ParentOrderView v : engine.parents()) {
      long qty = v.order().quantity();
      java.util.function.Supplier<String> ctx = () -> "seed " + seed + " step " + step + " parent "
          + v.clientOrderId();
      check(v.filledQuantity() >= 0 && v.filledQuantity() <= qty, () -> ctx.get() + ": filled in [0, qty]");
      check(v.openQuantity() >= 0, () -> ctx.get() + ": open >= 0");
      check(v.filledQuantity() + v.openQuantity() <= qty, () -> ctx.get() + ": filled + open <= qty");
      if (!overfills) {
        long[] venueFigures = venueSide.getOrDefault(v.clientOrderId(), new long[2]);
        check(venueFigures[0] <= qty, () -> ctx.get() + ": venue exposure " + venueFigures[0] + " <= " + qty);
        check(v.filledQuantity() == venueFigures[1], () -> ctx.get() + ": engine filled " + v.filledQuantity()
            + " = venue filled " + venueFigures[1]);
      }
    }
  }

  private static void check(boolean condition, java.util.function.Supplier<String> what) {
    if (!condition) {
      throw new AssertionError(what.get());
    }
  }

  private static VenueChild pick(SplittableRandom rnd, Venue venue, java.util.function.Predicate<VenueChild> p) {
    List<VenueChild> candidates = new ArrayList<>();
    for (VenueChild c : venue.children.values()) {
      if (p.test(c)) {
        candidates.add(c);
      }
    }
    return candidates.isEmpty() ? null : candidates.get(rnd.nextInt(candidates.size()));
  }

  private static Fill fill(ChildOrder c, long q, Instant at) {
    return EngineFixtures.fill(c, q, c.limitPrice().orElse(100.0), at);
  }

  private static void publish(ExecutionEngine engine, Instrument inst, double mid, long volume, Instant at) {
    double tick = inst.tickSize();
    double bid = Math.max(tick, Math.floor((mid - tick) / tick) * tick);
    double ask = bid + 2 * tick;
    engine.onMarketState(EngineFixtures.market(inst.id(), at, bid, ask, volume));
  }
}
