package dev.parapet.simulator.internal;

import dev.parapet.api.Checks;
import dev.parapet.api.model.ChildOrder;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.OrderEvent;
import dev.parapet.api.model.OrderType;
import dev.parapet.api.model.TimeInForce;
import dev.parapet.simulator.DisconnectMode;
import dev.parapet.simulator.venue.SimulatedVenue;
import dev.parapet.simulator.venue.VenueConfig;
import dev.parapet.simulator.venue.VenueListener;
import dev.parapet.simulator.venue.VenueStatistics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated venue. {@link #send} and {@link #cancel} enqueue on a lock-free queue from any thread;
 * everything else runs on the simulation thread, called by the {@link MarketEngine}.
 */
final class VenueEngine implements SimulatedVenue {

  private enum Kind { SEND, CANCEL, EVENT }

  /** A message as sent, before latency. */
  private record Inbound(Kind kind, ChildOrder order, String childOrderId, Instant sentAt) {
  }

  /** A message or deferred event with the time it takes effect. */
  private record Pending(Kind kind, ChildOrder order, String childOrderId, OrderEvent event, Instant at, long seq) {
    Pending retimed(Instant t, long newSeq) {
      return new Pending(kind, order, childOrderId, event, t, newSeq);
    }
  }

  /** A working child order. */
  private static final class Working {
    final ChildOrder order;
    final int index;
    long remaining;
    boolean passiveEligible;

    Working(ChildOrder order, int index) {
      this.order = order;
      this.index = index;
      this.remaining = order.quantity();
    }
  }

  private final MarketEngine market;
  private final VenueConfig config;
  private final Faults faults;
  private final Rng rng;
  private final ConcurrentLinkedQueue<Inbound> inbox = new ConcurrentLinkedQueue<>();
  private final PriorityQueue<Pending> pending = new PriorityQueue<>(
      Comparator.comparing(Pending::at).thenComparingLong(Pending::seq));
  private final Map<String, Working> working = new LinkedHashMap<>();
  private final Set<String> seen = new HashSet<>();
  private final List<VenueListener> listeners = new CopyOnWriteArrayList<>();
  private final double[] takenThisMinute;
  private final long meanExtraLatencyNanos;
  private Instant lastArrival = Instant.MIN;
  private Instant carriedMatchedAt;
  private long seq;
  private long fillSeq;

  private final AtomicLong received = new AtomicLong();
  private long acknowledged;
  private long rejected;
  private long cancelled;
  private long expired;
  private long fills;
  private long filledQuantity;
  private long dropped;
  private long ignoredCancels;
  private volatile VenueStatistics statistics = new VenueStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  VenueEngine(MarketEngine market, VenueConfig config, long seed) {
    this.market = market;
    this.config = Checks.notNull(config, "venue");
    this.faults = (Faults) market.faults();
    this.rng = Rng.stream(seed, MarketModel.STREAM_VENUE);
    this.takenThisMinute = new double[market.size()];
    this.meanExtraLatencyNanos = config.meanExtraLatency().toNanos();
  }

  // ------------------------------------------------------------------------------------------------
  // any thread

  @Override
  public void send(ChildOrder childOrder) {
    Checks.notNull(childOrder, "childOrder");
    received.incrementAndGet();
    inbox.add(new Inbound(Kind.SEND, childOrder, childOrder.childOrderId(), market.clock().instant()));
  }

  @Override
  public void cancel(String childOrderId) {
    Checks.notBlank(childOrderId, "childOrderId");
    inbox.add(new Inbound(Kind.CANCEL, null, childOrderId, market.clock().instant()));
  }

  @Override
  public void addListener(VenueListener listener) {
    listeners.add(Checks.notNull(listener, "listener"));
  }

  @Override
  public boolean removeListener(VenueListener listener) {
    return listeners.remove(listener);
  }

  @Override
  public VenueConfig config() {
    return config;
  }

  @Override
  public VenueStatistics statistics() {
    return statistics;
  }

  // ------------------------------------------------------------------------------------------------
  // simulation thread

  void onSessionOpen() {
    carriedMatchedAt = null;
  }

  /**
   * Works everything that takes effect before {@code limit}: first, once per minute, the orders carried
   * from earlier minutes that are marketable at the minute's quotes; then the queued messages in order of
   * arrival (including those that listeners send meanwhile).
   */
  void processUntil(Instant limit) {
    Instant t = market.marketTime();
    if (market.isOpenAt(t) && !t.equals(carriedMatchedAt)) {
      carriedMatchedAt = t;
      Arrays.fill(takenThisMinute, 0.0);
      if (faults.disconnectAt(t) == null) {
        matchCarried(t);
      }
    }
    while (true) {
      drainInbox();
      Pending p = pending.peek();
      if (p == null || !p.at().isBefore(limit)) {
        break;
      }
      pending.poll();
      market.moveClock(p.at());
      handle(p);
    }
  }

  private void drainInbox() {
    Inbound in;
    while ((in = inbox.poll()) != null) {
      long latency = config.minLatency().toNanos()
          + (meanExtraLatencyNanos == 0 ? 0 : Math.round(meanExtraLatencyNanos * rng.nextExponential()));
      Instant arrival = in.sentAt().plusNanos(latency);
      if (arrival.isBefore(lastArrival)) {
        arrival = lastArrival;
      }
      lastArrival = arrival;
      pending.add(new Pending(in.kind(), in.order(), in.childOrderId(), null, arrival, seq++));
    }
  }

  private void handle(Pending p) {
    Instant at = p.at();
    if (p.kind() == Kind.EVENT) {
      emit(p.event());
      return;
    }
    Faults.Window outage = faults.disconnectAt(at);
    if (outage != null) {
      if (outage.mode() == DisconnectMode.HOLD) {
        pending.add(p.retimed(outage.to(), seq++));
      } else {
        dropped++;
      }
      return;
    }
    if (p.kind() == Kind.CANCEL) {
      Working w = working.remove(p.childOrderId());
      if (w == null) {
        ignoredCancels++;
      } else {
        cancelled++;
        emit(new OrderEvent(p.childOrderId(), OrderEvent.Type.CANCELLED, "cancelled on request", at));
      }
      return;
    }
    ChildOrder order = p.order();
    String id = order.childOrderId();
    if (!seen.add(id)) {
      reject(id, "duplicate child order id", at);
      return;
    }
    int i = market.indexOf(order.instrument().id());
    if (i < 0) {
      reject(id, "unknown instrument " + order.instrument().id(), at);
      return;
    }
    if (!market.isOpenAt(at)) {
      reject(id, "market closed", at);
      return;
    }
    if (faults.rejectBurstAt(at)) {
      reject(id, "rejected by venue (simulated reject burst)", at);
      return;
    }
    if (rng.nextDouble() < config.rejectProbability()) {
      reject(id, "rejected by venue (simulated random reject)", at);
      return;
    }
    acknowledged++;
    emit(new OrderEvent(id, OrderEvent.Type.ACKNOWLEDGED, "", at));
    Working w = new Working(order, i);
    boolean marketable = isMarketable(w);
    if (marketable) {
      takeLiquidity(w, at);
    }
    TimeInForce tif = order.timeInForce();
    if (w.remaining > 0 && (tif == TimeInForce.IOC || tif == TimeInForce.FOK)) {
      cancelled++;
      emit(new OrderEvent(id, OrderEvent.Type.CANCELLED,
          tif == TimeInForce.FOK ? "FOK: not fillable in full" : "IOC: remainder cancelled", at));
      return;
    }
    if (w.remaining > 0) {
      w.passiveEligible = !marketable;
      working.put(id, w);
    }
  }

  private void reject(String childOrderId, String reason, Instant at) {
    rejected++;
    emit(new OrderEvent(childOrderId, OrderEvent.Type.REJECTED, reason, at));
  }

  private boolean isMarketable(Working w) {
    ChildOrder o = w.order;
    if (o.orderType() == OrderType.MARKET) {
      return true;
    }
    double limit = o.limitPrice().getAsDouble();
    return o.side().isBuy() ? limit >= market.liveAsk(w.index) : limit <= market.liveBid(w.index);
  }

  /** Minute start: carried orders that are marketable take liquidity; the others may fill passively. */
  private void matchCarried(Instant t) {
    if (working.isEmpty()) {
      return;
    }
    Iterator<Working> it = working.values().iterator();
    while (it.hasNext()) {
      Working w = it.next();
      boolean marketable = isMarketable(w);
      w.passiveEligible = !marketable;
      if (marketable) {
        takeLiquidity(w, t);
        if (w.remaining == 0) {
          it.remove();
        }
      }
    }
  }

  /** Fills as much of a marketable order as liquidity, the limit and chance allow, at the touch plus impact. */
  private void takeLiquidity(Working w, Instant at) {
    ChildOrder o = w.order;
    int i = w.index;
    boolean buy = o.side().isBuy();
    long lot = o.instrument().lotSize();
    double volume = market.expectedMinuteVolume(i);
    double sigma = market.impactVolatility(i);
    double taken = takenThisMinute[i];
    long capLots = (long) Math.floor((config.maxParticipation() * volume - taken) / lot);
    long wantLots = w.remaining / lot;
    long lots = Math.min(wantLots, Math.max(0, capLots));
    double touch = buy ? market.liveAsk(i) : market.liveBid(i);
    boolean limited = o.orderType() == OrderType.LIMIT;
    double limit = limited ? o.limitPrice().getAsDouble() : 0.0;
    if (limited && lots > 0) {
      lots = lotsWithinLimit(buy, touch, limit, lots, lot, sigma, taken, volume);
    }
    boolean fok = o.timeInForce() == TimeInForce.FOK;
    if (lots == 0 || (fok && lots < wantLots)) {
      return;
    }
    boolean cut = rng.nextDouble() < config.partialFillProbability();
    if (cut && !fok && lots > 1) {
      lots = Math.max(1, (long) Math.floor(lots * rng.uniform(0.2, 0.8)));
    }
    long q = lots * lot;
    double concession = config.impact().temporaryImpact(sigma, taken, q, volume);
    double price = buy ? touch * (1.0 + concession) : touch * (1.0 - concession);
    if (limited) {
      price = buy ? Math.min(price, limit) : Math.max(price, limit);
    }
    takenThisMinute[i] += q;
    fill(w, q, price, at);
  }

  /** Returns the most lots (at most {@code maxLots}) whose average price stays within the limit. */
  private long lotsWithinLimit(boolean buy, double touch, double limit, long maxLots, long lot, double sigma,
      double taken, double volume) {
    if (buy ? touch > limit : touch < limit) {
      return 0;
    }
    long lo = 0;
    long hi = maxLots;
    if (withinLimit(buy, touch, limit, hi * lot, sigma, taken, volume)) {
      return hi;
    }
    while (hi - lo > 1) {
      long mid = (lo + hi) >>> 1;
      if (withinLimit(buy, touch, limit, mid * lot, sigma, taken, volume)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private boolean withinLimit(boolean buy, double touch, double limit, long q, double sigma, double taken,
      double volume) {
    double concession = config.impact().temporaryImpact(sigma, taken, q, volume);
    return buy ? touch * (1.0 + concession) <= limit : touch * (1.0 - concession) >= limit;
  }

  /** Minute end: resting limit orders the mid traded through fill at their limit, from the minute's volume. */
  void matchPassive(Instant t1, double[] low, double[] high, double[] realisedVolume) {
    if (working.isEmpty() || faults.disconnectAt(t1) != null) {
      return;
    }
    double[] capacity = new double[market.size()];
    boolean[] capacitySet = new boolean[market.size()];
    Iterator<Working> it = working.values().iterator();
    while (it.hasNext()) {
      Working w = it.next();
      if (!w.passiveEligible) {
        continue;
      }
      ChildOrder o = w.order;
      int i = w.index;
      double limit = o.limitPrice().getAsDouble();
      boolean crossed = o.side().isBuy() ? low[i] < limit : high[i] > limit;
      if (!crossed) {
        continue;
      }
      if (!capacitySet[i]) {
        capacity[i] = config.passiveParticipation() * realisedVolume[i];
        capacitySet[i] = true;
      }
      long lot = o.instrument().lotSize();
      long q = Math.min(w.remaining, (long) Math.floor(capacity[i] / lot) * lot);
      if (q <= 0) {
        continue;
      }
      capacity[i] -= q;
      fill(w, q, limit, t1);
      if (w.remaining == 0) {
        it.remove();
      }
    }
  }

  private void fill(Working w, long q, double price, Instant at) {
    ChildOrder o = w.order;
    w.remaining -= q;
    fills++;
    filledQuantity += q;
    market.applyFill(w.index, o.side().sign() * q, config);
    emit(new Fill("SIM-F" + (++fillSeq), o.parentOrderId(), o.childOrderId(), o.account(), o.instrument(), o.side(),
        q, price, config.feePerShare() * q, at));
  }

  /** The close: every order that is not good-till-cancelled expires. */
  void expireAtClose(Instant close) {
    Iterator<Working> it = working.values().iterator();
    List<OrderEvent> events = new ArrayList<>();
    while (it.hasNext()) {
      Working w = it.next();
      if (w.order.timeInForce() != TimeInForce.GTC) {
        it.remove();
        expired++;
        events.add(new OrderEvent(w.order.childOrderId(), OrderEvent.Type.EXPIRED, "end of session", close));
      }
    }
    Faults.Window outage = faults.disconnectAt(close);
    for (OrderEvent e : events) {
      if (outage == null) {
        emit(e);
      } else if (outage.mode() == DisconnectMode.HOLD) {
        pending.add(new Pending(Kind.EVENT, null, e.childOrderId(), e, outage.to(), seq++));
      } else {
        dropped++;
      }
    }
  }

  void publishStatistics() {
    statistics = new VenueStatistics(received.get(), acknowledged, rejected, cancelled, expired, fills, filledQuantity,
        dropped, ignoredCancels, working.size());
  }

  private void emit(Fill fill) {
    for (VenueListener l : listeners) {
      market.call(() -> l.onFill(fill));
    }
  }

  private void emit(OrderEvent event) {
    for (VenueListener l : listeners) {
      market.call(() -> l.onOrderEvent(event));
    }
  }
}
