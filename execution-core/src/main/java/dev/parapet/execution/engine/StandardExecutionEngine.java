package dev.parapet.execution.engine;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Alert;
import dev.parapet.api.alert.AlertCategory;
import dev.parapet.api.alert.AlertSink;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.execution.Aggression;
import dev.parapet.api.execution.ExecutionAlgo;
import dev.parapet.api.execution.MarketState;
import dev.parapet.api.execution.OrderRouter;
import dev.parapet.api.execution.ParentOrderState;
import dev.parapet.api.execution.ParentOrderView;
import dev.parapet.api.execution.SliceDecision;
import dev.parapet.api.model.ChildOrder;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderEvent;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.OrderType;
import dev.parapet.api.model.TimeInForce;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standard {@link ExecutionEngine}: one lock guards all state; router calls and alerts are queued
 * under the lock and executed after it is released, in order, by whichever thread drains the queue.
 * Thread-safe.
 */
final class StandardExecutionEngine implements ExecutionEngine {

  private static final Logger LOG = LoggerFactory.getLogger(StandardExecutionEngine.class);
  static final String PARENT_LABEL = "parentOrderId";

  private final OrderRouter router;
  private final InstantSource clock;
  private final AlertSink alertSink;
  private final AlgoSelector algoSelector;
  private final HorizonPolicy horizonPolicy;
  private final long minChildQuantity;
  private final double sliceSizeJitter;
  private final double recheckJitter;
  private final Duration ackTimeout;
  private final Duration cancelTimeout;
  private final Duration lateFillGrace;
  private final Duration rejectBackoff;
  private final int maxConsecutiveRejects;
  private final int aggressiveCollarTicks;
  private final int maxRetainedCompleted;

  private final Object lock = new Object();
  private final SplittableRandom random;
  private final Map<String, Parent> parents = new LinkedHashMap<>();
  private final Map<String, Child> children = new HashMap<>();
  private final List<Child> openChildren = new ArrayList<>();
  private final Map<String, MarketState> markets = new HashMap<>();
  private final ArrayDeque<String> completed = new ArrayDeque<>();

  private final ConcurrentLinkedQueue<Runnable> outbox = new ConcurrentLinkedQueue<>();
  private final ReentrantLock drainLock = new ReentrantLock();

  StandardExecutionEngine(ExecutionEngine.Builder b) {
    this.router = b.router;
    this.clock = b.clock;
    this.alertSink = b.alertSink;
    this.algoSelector = b.algoSelector;
    this.horizonPolicy = b.horizonPolicy;
    this.minChildQuantity = b.minChildQuantity;
    this.sliceSizeJitter = b.sliceSizeJitter;
    this.recheckJitter = b.recheckJitter;
    this.ackTimeout = b.ackTimeout;
    this.cancelTimeout = b.cancelTimeout;
    this.lateFillGrace = b.lateFillGrace;
    this.rejectBackoff = b.rejectBackoff;
    this.maxConsecutiveRejects = b.maxConsecutiveRejects;
    this.aggressiveCollarTicks = b.aggressiveCollarTicks;
    this.maxRetainedCompleted = b.maxRetainedCompleted;
    this.random = new SplittableRandom(b.seed);
  }

  // ---------------------------------------------------------------------------------------------------
  // public API

  @Override
  public ParentOrderView submit(OrderRequest order) {
    Checks.notNull(order, "order");
    ExecutionAlgo algo;
    Instant end;
    Instant now = clock.instant();
    MarketState arrival;
    synchronized (lock) {
      arrival = arrivalState(order);
    }
    algo = Checks.notNull(algoSelector.select(order), "algo", "selected for order " + order.clientOrderId());
    end = Checks.notNull(horizonPolicy.endTime(order, arrival, now), "endTime",
        "from the horizon policy for order " + order.clientOrderId());
    return submit(order, algo, end);
  }

  @Override
  public ParentOrderView submit(OrderRequest order, ExecutionAlgo algo, Instant endTime) {
    Checks.notNull(order, "order");
    Checks.notNull(algo, "algo");
    Checks.notNull(endTime, "endTime");
    ParentOrderView view;
    synchronized (lock) {
      Instant now = clock.instant();
      String id = order.clientOrderId();
      Checks.check(!parents.containsKey(id), "clientOrderId", id, "new to the execution engine");
      Checks.check(endTime.isAfter(now), "endTime", endTime, "after now " + now, "order " + id);
      MarketState arrival = arrivalState(order);
      Parent p = new Parent(order, algo, now, endTime, arrival.mid(), arrival.sessionVolume());
      parents.put(id, p);
      decide(p, now);
      view = p.snapshot();
    }
    drain();
    return view;
  }

  @Override
  public void onMarketState(MarketState state) {
    Checks.notNull(state, "state");
    synchronized (lock) {
      markets.put(state.instrumentId(), state);
    }
  }

  @Override
  public boolean onFill(Fill fill) {
    Checks.notNull(fill, "fill");
    boolean ours;
    synchronized (lock) {
      ours = applyFill(fill, clock.instant());
    }
    drain();
    return ours;
  }

  @Override
  public boolean onOrderEvent(OrderEvent event) {
    Checks.notNull(event, "event");
    boolean ours;
    synchronized (lock) {
      ours = applyEvent(event, clock.instant());
    }
    drain();
    return ours;
  }

  @Override
  public void onTimer(Instant now) {
    Checks.notNull(now, "now");
    synchronized (lock) {
      tick(now);
    }
    drain();
  }

  @Override
  public boolean cancel(String clientOrderId, String reason) {
    Checks.notNull(clientOrderId, "clientOrderId");
    Checks.notNull(reason, "reason");
    boolean done;
    synchronized (lock) {
      Parent p = parents.get(clientOrderId);
      done = p != null && !p.state.isTerminal();
      if (done) {
        Instant now = clock.instant();
        stop(p, ParentOrderState.CANCELLED, reason.isBlank() ? "cancelled" : reason, now);
      }
    }
    drain();
    return done;
  }

  @Override
  public Optional<ParentOrderView> findParent(String clientOrderId) {
    synchronized (lock) {
      Parent p = parents.get(clientOrderId);
      return p == null ? Optional.empty() : Optional.of(p.snapshot());
    }
  }

  @Override
  public List<ParentOrderView> parents() {
    synchronized (lock) {
      List<ParentOrderView> out = new ArrayList<>(parents.size());
      for (Parent p : parents.values()) {
        out.add(p.snapshot());
      }
      return List.copyOf(out);
    }
  }

  @Override
  public List<ParentOrderView> activeParents() {
    synchronized (lock) {
      List<ParentOrderView> out = new ArrayList<>();
      for (Parent p : parents.values()) {
        if (!p.state.isTerminal()) {
          out.add(p.snapshot());
        }
      }
      return List.copyOf(out);
    }
  }

  @Override
  public List<Fill> fills(String clientOrderId) {
    synchronized (lock) {
      Parent p = parents.get(clientOrderId);
      if (p == null) {
        throw new UnknownParentOrderException(clientOrderId);
      }
      return List.copyOf(p.fills);
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // decisions (under the lock)

  private MarketState arrivalState(OrderRequest order) {
    MarketState m = markets.get(order.instrument().id());
    Checks.check(m != null, "market state", "absent",
        "given to onMarketState before the order is submitted", "order " + order.clientOrderId());
    return m;
  }

  private void tick(Instant now) {
    // children first: a remainder released here lets its parent decide again in the same tick
    for (int i = 0; i < openChildren.size(); i++) {
      Child c = openChildren.get(i);
      switch (c.state) {
        case PENDING_NEW:
          if (!now.isBefore(c.sentAt.plus(ackTimeout))) {
            alert(c.parent, "ChildOrderAckTimeout", Severity.HIGH, "child order " + c.id + " not acknowledged within "
                + ackTimeout + "; cancelling", c.id, now);
            requestCancel(c, now);
          }
          break;
        case PENDING_CANCEL:
          if (!c.cancelTimeoutAlerted && !now.isBefore(c.cancelRequestedAt.plus(cancelTimeout))) {
            c.cancelTimeoutAlerted = true;
            alert(c.parent, "ChildOrderCancelTimeout", Severity.HIGH, "cancel of child order " + c.id
                + " not confirmed within " + cancelTimeout + "; its " + c.remainder()
                + " stay counted as open", c.id, now);
            String id = c.id;
            outbox.add(() -> sendCancel(id));
          }
          break;
        case QUARANTINED:
          if (!now.isBefore(c.deadAt.plus(lateFillGrace))) {
            retire(c, now);
            i--;
          }
          break;
        default:
          break;
      }
    }
    for (Parent p : new ArrayList<>(parents.values())) {
      if (p.state.isTerminal()) {
        continue;
      }
      if (!now.isBefore(p.endTime)) {
        long leaves = p.order.quantity() - p.filled;
        stop(p, ParentOrderState.EXPIRED, "end time " + p.endTime + " reached with " + leaves + " unfilled", now);
        if (leaves > 0) {
          alert(p, "ParentOrderExpired", Severity.MEDIUM, "parent order " + p.id() + " expired with " + leaves
              + " of " + p.order.quantity() + " unfilled", null, now);
        }
      } else if (!now.isBefore(p.nextDecisionAt)) {
        decide(p, now);
      }
    }
  }

  private void decide(Parent p, Instant now) {
    p.nextDecisionAt = now.plusSeconds(1);
    MarketState market = markets.get(p.order.instrument().id());
    if (market == null) {
      return;
    }
    SliceDecision d;
    try {
      d = p.algo.decide(now, p.snapshot(), market);
      Checks.notNull(d, "decision", "of " + p.algo.name());
    } catch (RuntimeException e) {
      LOG.warn("algorithm {} failed on parent {}", p.algo.name(), p.id(), e);
      stop(p, ParentOrderState.CANCELLED, "algorithm " + p.algo.name() + " failed: " + e, now);
      alert(p, "ParentOrderStopped", Severity.HIGH, "parent order " + p.id() + " stopped: algorithm "
          + p.algo.name() + " failed: " + e, null, now);
      return;
    }
    p.nextDecisionAt = now.plusNanos(jitteredNanos(d.recheckAfter()));
    Instrument instrument = p.order.instrument();
    Aggression aggression = d.aggression();
    OptionalDouble limit = combinedLimit(p.order, d.priceLimit());
    double price = price(p.order, instrument, market, aggression, limit);

    // re-price resting passive children that are no longer where this decision would put them
    for (int i = 0; i < p.children.size(); i++) {
      Child c = p.children.get(i);
      if (c.state == ChildState.LIVE && c.aggression == Aggression.PASSIVE
          && (aggression == Aggression.AGGRESSIVE || !samePrice(c.price, price, instrument.tickSize()))) {
        requestCancel(c, now);
      }
    }

    long target = Math.min(d.targetQuantity(), p.order.quantity());
    long want = target - p.filled - p.open;
    if (want <= 0) {
      return;
    }
    long size = childSize(want, p.order.quantity() - p.filled - p.open, instrument.lotSize());
    if (size <= 0) {
      return;
    }
    sendChild(p, size, aggression, price, now);
  }

  private long jitteredNanos(Duration recheck) {
    double factor = 1 + recheckJitter * (2 * random.nextDouble() - 1);
    return Math.max(1_000_000L, (long) (recheck.toNanos() * factor));
  }

  /**
   * Returns the child size: whole lots, at least the minimum child (unless it completes the parent),
   * randomly reduced by up to the slice jitter unless it releases everything that is left.
   */
  private long childSize(long want, long unreleased, long lot) {
    long cap = Math.min(want, unreleased);
    long minChild = ((minChildQuantity + lot - 1) / lot) * lot;
    long size = cap;
    if (cap < unreleased && cap >= 2 * minChild && sliceSizeJitter > 0) {
      size = (long) Math.floor(cap * (1 - sliceSizeJitter * random.nextDouble()));
    }
    size = (size / lot) * lot;
    if (size >= minChild) {
      return size;
    }
    if (cap >= minChild) {
      return minChild;
    }
    // below the minimum: only the final piece of the parent may be sent, and only in whole lots
    if (cap == unreleased && cap % lot == 0) {
      return cap;
    }
    return 0;
  }

  private static OptionalDouble combinedLimit(OrderRequest order, OptionalDouble algoLimit) {
    if (order.limitPrice().isEmpty()) {
      return algoLimit;
    }
    if (algoLimit.isEmpty()) {
      return order.limitPrice();
    }
    double a = order.limitPrice().getAsDouble();
    double b = algoLimit.getAsDouble();
    return OptionalDouble.of(order.side().isBuy() ? Math.min(a, b) : Math.max(a, b));
  }

  /** Returns the child's limit price on the tick grid, or NaN for a market order. */
  private double price(OrderRequest order, Instrument instrument, MarketState market, Aggression aggression,
      OptionalDouble limit) {
    double tick = instrument.tickSize();
    boolean buy = order.side().isBuy();
    double price;
    if (aggression == Aggression.PASSIVE) {
      price = buy ? floorTick(market.bid(), tick) : ceilTick(market.ask(), tick);
    } else {
      if (aggressiveCollarTicks < 0 && limit.isEmpty()) {
        return Double.NaN;
      }
      int collar = Math.max(0, aggressiveCollarTicks);
      price = buy ? ceilTick(market.ask(), tick) + collar * tick : floorTick(market.bid(), tick) - collar * tick;
    }
    if (limit.isPresent()) {
      double l = limit.getAsDouble();
      price = buy ? Math.min(price, floorTick(l, tick)) : Math.max(price, ceilTick(l, tick));
    }
    return Math.max(ticks(price, tick) * tick, tick);
  }

  private static long ticks(double price, double tick) {
    return Math.round(price / tick);
  }

  private static double floorTick(double price, double tick) {
    return Math.floor(price / tick + 1e-9) * tick;
  }

  private static double ceilTick(double price, double tick) {
    return Math.ceil(price / tick - 1e-9) * tick;
  }

  private static boolean samePrice(double a, double b, double tick) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.isNaN(a) && Double.isNaN(b);
    }
    return ticks(a, tick) == ticks(b, tick);
  }

  private void sendChild(Parent p, long quantity, Aggression aggression, double price, Instant now) {
    String id = p.id() + "." + (++p.childSeq);
    OrderRequest o = p.order;
    ChildOrder order = new ChildOrder(id, o.clientOrderId(), o.account(), o.instrument(), o.side(), quantity,
        Double.isNaN(price) ? OrderType.MARKET : OrderType.LIMIT,
        Double.isNaN(price) ? OptionalDouble.empty() : OptionalDouble.of(price), TimeInForce.DAY, now);
    Child c = new Child(id, p, quantity, price, aggression, now);
    children.put(id, c);
    openChildren.add(c);
    p.children.add(c);
    p.open += quantity;
    p.childCount++;
    if (p.state == ParentOrderState.NEW) {
      p.state = ParentOrderState.WORKING;
    }
    p.lastUpdate = now;
    assert p.filled + p.open <= p.order.quantity() : "invariant broken on " + p.id();
    outbox.add(() -> sendOrder(order));
  }

  private void requestCancel(Child c, Instant now) {
    if (c.state != ChildState.PENDING_NEW && c.state != ChildState.LIVE) {
      return;
    }
    c.state = ChildState.PENDING_CANCEL;
    c.cancelRequestedAt = now;
    String id = c.id;
    outbox.add(() -> sendCancel(id));
  }

  /** Makes a parent terminal and cancels its open children. */
  private void stop(Parent p, ParentOrderState state, String reason, Instant now) {
    p.state = state;
    p.statusReason = reason;
    p.lastUpdate = now;
    for (int i = 0; i < p.children.size(); i++) {
      requestCancel(p.children.get(i), now);
    }
    maybeComplete(p);
  }

  // ---------------------------------------------------------------------------------------------------
  // fills and events (under the lock)

  private boolean applyFill(Fill fill, Instant now) {
    Child c = children.get(fill.childOrderId());
    if (c == null) {
      return false;
    }
    Parent p = c.parent;
    if (!p.fillIds.add(fill.fillId())) {
      return true;
    }
    long qty = fill.quantity();
    long onChild = c.state.isOpen() ? Math.min(qty, c.remainder()) : 0;
    long extra = qty - onChild;
    long accepted = onChild;
    if (extra > 0) {
      // a fill the child's open remainder cannot absorb: count it only if the parent still has room
      long room = p.order.quantity() - p.filled - p.open;
      long fits = Math.min(extra, Math.max(0, room));
      accepted += fits;
      long excess = extra - fits;
      if (excess > 0) {
        p.excess += excess;
        alert(p, "ExecutionOverfill", Severity.CRITICAL, "fill " + fill.fillId() + " on child " + c.id + " of "
            + qty + " exceeds the parent's quantity by " + excess + "; the excess is not counted", c.id, now);
      }
    }
    if (accepted == 0) {
      return true;
    }
    if (c.state == ChildState.PENDING_NEW) {
      c.state = ChildState.LIVE; // a fill proves the venue has the order
    }
    c.filled += onChild;
    p.open -= onChild;
    p.filled += accepted;
    p.filledValue += accepted * fill.price();
    p.fees += fill.fees();
    p.consecutiveRejects = 0;
    p.fills.add(accepted == qty ? fill : new Fill(fill.fillId(), fill.clientOrderId(), fill.childOrderId(),
        fill.account(), fill.instrument(), fill.side(), accepted, fill.price(), fill.fees(), fill.timestamp()));
    p.lastUpdate = now;
    if (c.state.isOpen() && c.remainder() == 0) {
      retire(c, now);
    }
    if (p.filled == p.order.quantity()) {
      if (p.state != ParentOrderState.FILLED) {
        p.state = ParentOrderState.FILLED;
        p.statusReason = "";
      }
    } else if (p.state == ParentOrderState.WORKING || p.state == ParentOrderState.NEW) {
      p.state = ParentOrderState.PARTIALLY_FILLED;
    }
    assert p.filled + p.open <= p.order.quantity() : "invariant broken on " + p.id();
    maybeComplete(p);
    return true;
  }

  private boolean applyEvent(OrderEvent event, Instant now) {
    Child c = children.get(event.childOrderId());
    if (c == null) {
      return false;
    }
    Parent p = c.parent;
    switch (event.type()) {
      case ACKNOWLEDGED:
        if (c.state == ChildState.PENDING_NEW) {
          c.state = ChildState.LIVE;
          p.consecutiveRejects = 0;
        }
        break;
      case REJECTED:
        if (!c.state.isOpen() || c.state == ChildState.QUARANTINED) {
          break;
        }
        p.rejectCount++;
        p.consecutiveRejects++;
        p.lastUpdate = now;
        retire(c, now);
        alert(p, "ChildOrderRejected", Severity.MEDIUM, "child order " + c.id + " of " + c.quantity
            + " rejected: " + event.reason(), c.id, now);
        if (!p.state.isTerminal()) {
          if (p.consecutiveRejects >= maxConsecutiveRejects) {
            stop(p, ParentOrderState.CANCELLED, p.consecutiveRejects + " consecutive rejects", now);
            alert(p, "ParentOrderStopped", Severity.HIGH, "parent order " + p.id() + " stopped after "
                + p.consecutiveRejects + " consecutive rejects; last: " + event.reason(), null, now);
          } else {
            p.nextDecisionAt = now.plus(rejectBackoff);
          }
        }
        break;
      case CANCELLED:
      case EXPIRED:
        if (!c.state.isOpen() || c.state == ChildState.QUARANTINED) {
          break;
        }
        p.lastUpdate = now;
        if (lateFillGrace.isZero()) {
          retire(c, now);
        } else {
          c.state = ChildState.QUARANTINED;
          c.deadAt = now;
        }
        if (!p.state.isTerminal() && p.nextDecisionAt.isAfter(now)) {
          p.nextDecisionAt = now;
        }
        break;
      default:
        break;
    }
    return true;
  }

  /** Releases a child's remainder and forgets it as open. */
  private void retire(Child c, Instant now) {
    Parent p = c.parent;
    p.open -= c.remainder();
    c.state = ChildState.DONE;
    openChildren.remove(c);
    p.children.remove(c);
    if (!p.state.isTerminal() && p.nextDecisionAt.isAfter(now)) {
      p.nextDecisionAt = now;
    }
    maybeComplete(p);
  }

  /** Records a terminal parent with nothing open as completed, and evicts the oldest beyond retention. */
  private void maybeComplete(Parent p) {
    if (!p.state.isTerminal() || p.open > 0 || p.completed) {
      return;
    }
    p.completed = true;
    completed.addLast(p.id());
    while (completed.size() > maxRetainedCompleted) {
      String old = completed.removeFirst();
      Parent gone = parents.remove(old);
      if (gone != null) {
        for (Iterator<Map.Entry<String, Child>> it = children.entrySet().iterator(); it.hasNext();) {
          if (it.next().getValue().parent == gone) {
            it.remove();
          }
        }
      }
    }
  }

  private void alert(Parent p, String name, Severity severity, String summary, String childId, Instant now) {
    Alert.Builder b = Alert.builder(name, severity, AlertCategory.EXECUTION)
        .label(Alert.ACCOUNT, p.order.account())
        .label(Alert.INSTRUMENT, p.order.instrument().id())
        .label(PARENT_LABEL, p.id())
        .summary(summary)
        .startsAt(now);
    if (childId != null) {
      b.annotation("childOrderId", childId);
    }
    Alert alert = b.build();
    outbox.add(() -> alertSink.publish(alert));
  }

  // ---------------------------------------------------------------------------------------------------
  // outgoing calls (outside the lock)

  private void drain() {
    if (drainLock.isHeldByCurrentThread()) {
      return; // a router callback on the draining thread: the outer loop sends what it queued
    }
    while (!outbox.isEmpty()) {
      if (!drainLock.tryLock()) {
        return; // another thread drains; it re-checks the queue after releasing the lock
      }
      try {
        Runnable r;
        while ((r = outbox.poll()) != null) {
          r.run();
        }
      } finally {
        drainLock.unlock();
      }
    }
  }

  private void sendOrder(ChildOrder order) {
    try {
      router.send(order);
    } catch (RuntimeException e) {
      LOG.warn("router failed to send child order {}", order.childOrderId(), e);
      synchronized (lock) {
        applyEvent(new OrderEvent(order.childOrderId(), OrderEvent.Type.REJECTED, "router failed: " + e,
            clock.instant()), clock.instant());
      }
    }
  }

  private void sendCancel(String childOrderId) {
    try {
      router.cancel(childOrderId);
    } catch (RuntimeException e) {
      LOG.warn("router failed to cancel child order {}", childOrderId, e);
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // state

  private enum ChildState {
    PENDING_NEW, LIVE, PENDING_CANCEL, QUARANTINED, DONE;

    boolean isOpen() {
      return this != DONE;
    }
  }

  private static final class Child {
    final String id;
    final Parent parent;
    final long quantity;
    final double price;
    final Aggression aggression;
    final Instant sentAt;
    ChildState state = ChildState.PENDING_NEW;
    long filled;
    Instant cancelRequestedAt;
    Instant deadAt;
    boolean cancelTimeoutAlerted;

    Child(String id, Parent parent, long quantity, double price, Aggression aggression, Instant sentAt) {
      this.id = id;
      this.parent = parent;
      this.quantity = quantity;
      this.price = price;
      this.aggression = aggression;
      this.sentAt = sentAt;
    }

    long remainder() {
      return quantity - filled;
    }
  }

  private static final class Parent {
    final OrderRequest order;
    final ExecutionAlgo algo;
    final Instant startTime;
    final Instant endTime;
    final double arrivalPrice;
    final long volumeAtStart;
    final List<Child> children = new ArrayList<>();
    final List<Fill> fills = new ArrayList<>();
    final Set<String> fillIds = new HashSet<>();
    ParentOrderState state = ParentOrderState.NEW;
    String statusReason = "";
    Instant nextDecisionAt;
    Instant lastUpdate;
    long filled;
    long open;
    long excess;
    double filledValue;
    double fees;
    int childSeq;
    int childCount;
    int rejectCount;
    int consecutiveRejects;
    boolean completed;

    Parent(OrderRequest order, ExecutionAlgo algo, Instant now, Instant endTime, double arrivalPrice,
        long volumeAtStart) {
      this.order = order;
      this.algo = algo;
      this.startTime = now;
      this.endTime = endTime;
      this.arrivalPrice = arrivalPrice;
      this.volumeAtStart = volumeAtStart;
      this.nextDecisionAt = now;
      this.lastUpdate = now;
    }

    String id() {
      return order.clientOrderId();
    }

    ParentOrderSnapshot snapshot() {
      return new ParentOrderSnapshot(order, state, algo.name(), startTime, endTime, arrivalPrice, volumeAtStart,
          filled, open, filledValue, fees, childCount, rejectCount, lastUpdate, statusReason);
    }
  }
}
