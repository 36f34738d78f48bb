package dev.parapet.execution.engine;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.AlertSink;
import dev.parapet.api.execution.ExecutionAlgo;
import dev.parapet.api.execution.MarketState;
import dev.parapet.api.execution.OrderRouter;
import dev.parapet.api.execution.ParentOrderView;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.OrderEvent;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.execution.algo.ExecutionAlgos;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * Works approved parent orders: an {@link ExecutionAlgo} decides how much to have in the market, and
 * the engine turns its decisions into child orders for the host's {@link OrderRouter}, then accounts
 * the fills and order events that come back.
 * <p>
 * <b>Life cycle.</b> {@link #submit} accepts an approved order (NEW), takes its arrival price from the
 * latest {@link MarketState} of its instrument and makes a first decision; the first child makes it
 * WORKING, the first fill PARTIALLY_FILLED, the last FILLED. {@link #cancel} makes it CANCELLED and
 * its end time EXPIRED; in both cases open children are cancelled at the venue and their late fills
 * are still counted. The host drives time by calling {@link #onTimer} regularly (e.g. every 100 ms to
 * 1 s); decisions, timeouts and expiry happen there.
 * <p>
 * <b>Invariant.</b> For every parent, {@code filled + open <= quantity} at all times, where open is the
 * unfilled remainder of every child not confirmed dead. A cancelled or expired child's remainder stays
 * counted as open for a grace period after the confirmation, in case a late fill crosses it; a child
 * whose cancel is never confirmed stays open forever (and raises an alert). A fill that would break the
 * invariant (a venue overfill) is not counted and raises a CRITICAL alert.
 * <p>
 * <b>Alerts</b> (category EXECUTION, labels account, instrument, parentOrderId):
 * {@code ChildOrderRejected} (MEDIUM), {@code ChildOrderAckTimeout} and {@code ChildOrderCancelTimeout}
 * (HIGH), {@code ParentOrderStopped} (HIGH: too many consecutive rejects or an algorithm fault),
 * {@code ParentOrderExpired} (MEDIUM, when quantity was left), {@code ExecutionOverfill} (CRITICAL).
 * <p>
 * <b>Thread safety.</b> Implementations are thread-safe: every method may be called from any thread.
 * State changes happen under one lock; the router and the alert sink are called outside it, in the
 * order the engine decided, by whichever calling thread drains the outgoing queue. A router may call
 * back into the engine synchronously (e.g. a simulated venue filling inside {@code send}).
 */
public interface ExecutionEngine {

  /** Returns a builder of the standard engine. */
  static Builder builder(OrderRouter router, InstantSource clock) {
    return new Builder(router, clock);
  }

  /**
   * Accepts an approved order, with the algorithm and end time from the engine's selector and horizon
   * policy, and makes the first decision.
   *
   * @param order the approved order; its client order id must be new to the engine
   * @return a snapshot of the parent after the first decision
   * @throws dev.parapet.api.InvalidValueException if the id is already known or no market state of the
   *     instrument has been given to {@link #onMarketState}
   */
  ParentOrderView submit(OrderRequest order);

  /**
   * Accepts an approved order with an explicit algorithm and end time.
   *
   * @param order the approved order; its client order id must be new to the engine
   * @param algo a fresh algorithm instance for this order
   * @param endTime when the order expires, after now
   * @return a snapshot of the parent after the first decision
   */
  ParentOrderView submit(OrderRequest order, ExecutionAlgo algo, Instant endTime);

  /** Records the latest market state of an instrument (replacing the previous one). */
  void onMarketState(MarketState state);

  /**
   * Accounts a fill of one of the engine's child orders.
   *
   * @return true if the fill belongs to a child order of this engine (duplicates by fill id are
   *     recognised and ignored, and also return true); false if it is not the engine's
   */
  boolean onFill(Fill fill);

  /**
   * Accounts an event (acknowledged, rejected, cancelled, expired) on one of the engine's child orders.
   *
   * @return true if the event is about a child order of this engine
   */
  boolean onOrderEvent(OrderEvent event);

  /** Advances the engine to {@code now}: due decisions, child and parent timeouts, expiry. */
  void onTimer(Instant now);

  /**
   * Cancels a parent order: no new children, open children cancelled at the venue.
   *
   * @param clientOrderId the parent's id
   * @param reason why, for the status
   * @return true if the parent was working and is now cancelled; false if unknown or already terminal
   */
  boolean cancel(String clientOrderId, String reason);

  /** Returns a snapshot of a parent order, if the engine holds it. */
  Optional<ParentOrderView> findParent(String clientOrderId);

  /**
   * Returns a snapshot of a parent order.
   *
   * @throws UnknownParentOrderException if the engine holds no such parent
   */
  default ParentOrderView getParent(String clientOrderId) {
    return findParent(clientOrderId).orElseThrow(() -> new UnknownParentOrderException(clientOrderId));
  }

  /** Returns snapshots of every parent the engine holds (the most recent completed ones are retained), oldest first. */
  List<ParentOrderView> parents();

  /** Returns snapshots of the parents that are not terminal, oldest first. */
  List<ParentOrderView> activeParents();

  /**
   * Returns the fills counted for a parent, in arrival order.
   *
   * @throws UnknownParentOrderException if the engine holds no such parent
   */
  List<Fill> fills(String clientOrderId);

  // -------------------------------------------------------------------------------------------------

  /**
   * A builder of the standard engine; not thread-safe. Every setting has a default except the router
   * and the clock.
   */
  final class Builder {
    final OrderRouter router;
    final InstantSource clock;
    AlertSink alertSink = AlertSink.discarding();
    AlgoSelector algoSelector = AlgoSelector.always(ExecutionAlgos::adaptive);
    HorizonPolicy horizonPolicy = HorizonPolicy.defaults();
    long minChildQuantity = 1;
    double sliceSizeJitter = 0.2;
    double recheckJitter = 0.2;
    Duration ackTimeout = Duration.ofSeconds(10);
    Duration cancelTimeout = Duration.ofSeconds(10);
    Duration lateFillGrace = Duration.ofSeconds(1);
    Duration rejectBackoff = Duration.ofSeconds(1);
    int maxConsecutiveRejects = 5;
    int aggressiveCollarTicks = -1;
    long seed = 1L;
    int maxRetainedCompleted = 10_000;

    private Builder(OrderRouter router, InstantSource clock) {
      this.router = Checks.notNull(router, "router");
      this.clock = Checks.notNull(clock, "clock");
    }

    /** Sets where EXECUTION alerts go (default: discarded). */
    public Builder alertSink(AlertSink alertSink) {
      this.alertSink = Checks.notNull(alertSink, "alertSink");
      return this;
    }

    /** Sets how an algorithm is chosen for an order (default: Adaptive for every order). */
    public Builder algoSelector(AlgoSelector algoSelector) {
      this.algoSelector = Checks.notNull(algoSelector, "algoSelector");
      return this;
    }

    /** Sets how an order's end time is chosen (default {@link HorizonPolicy#defaults()}). */
    public Builder horizonPolicy(HorizonPolicy horizonPolicy) {
      this.horizonPolicy = Checks.notNull(horizonPolicy, "horizonPolicy");
      return this;
    }

    /**
     * Sets the minimum child quantity in units, rounded up to the lot (default one lot). Only the last
     * child of a parent may be smaller.
     */
    public Builder minChildQuantity(long minChildQuantity) {
      this.minChildQuantity = Checks.positive(minChildQuantity, "minChildQuantity");
      return this;
    }

    /**
     * Sets how much a child's size is randomly reduced below what the algorithm asks for, as a fraction
     * in [0, 0.9] (default 0.2: between 80% and 100%); the rest follows at later decisions.
     */
    public Builder sliceSizeJitter(double sliceSizeJitter) {
      this.sliceSizeJitter = Checks.inRange(sliceSizeJitter, 0, 0.9, "sliceSizeJitter");
      return this;
    }

    /**
     * Sets the random spread of the time between decisions, a fraction in [0, 0.9] (default 0.2: the
     * algorithm's recheck interval times a uniform factor in [0.8, 1.2]).
     */
    public Builder recheckJitter(double recheckJitter) {
      this.recheckJitter = Checks.inRange(recheckJitter, 0, 0.9, "recheckJitter");
      return this;
    }

    /** Sets how long a child may wait for an acknowledgement or fill before it is cancelled (default 10 s). */
    public Builder ackTimeout(Duration ackTimeout) {
      this.ackTimeout = positive(ackTimeout, "ackTimeout");
      return this;
    }

    /** Sets how long a cancel may wait for its confirmation before an alert is raised (default 10 s). */
    public Builder cancelTimeout(Duration cancelTimeout) {
      this.cancelTimeout = positive(cancelTimeout, "cancelTimeout");
      return this;
    }

    /**
     * Sets how long a cancelled or expired child's remainder stays counted as open after the
     * confirmation, in case a late fill crosses it (default 1 s; zero releases it at once).
     */
    public Builder lateFillGrace(Duration lateFillGrace) {
      Checks.notNull(lateFillGrace, "lateFillGrace");
      Checks.check(!lateFillGrace.isNegative(), "lateFillGrace", lateFillGrace, ">= 0");
      this.lateFillGrace = lateFillGrace;
      return this;
    }

    /** Sets the pause before the next decision after a reject (default 1 s). */
    public Builder rejectBackoff(Duration rejectBackoff) {
      this.rejectBackoff = positive(rejectBackoff, "rejectBackoff");
      return this;
    }

    /** Sets after how many consecutive rejects a parent is stopped (default 5). */
    public Builder maxConsecutiveRejects(int maxConsecutiveRejects) {
      this.maxConsecutiveRejects = Checks.positive(maxConsecutiveRejects, "maxConsecutiveRejects");
      return this;
    }

    /**
     * Prices aggressive children as limit orders at the far touch plus this many ticks (a buy at the
     * ask plus the collar). By default (negative) an aggressive child without any limit is a market
     * order; with a parent or algorithm limit it is always a limit order at the far touch capped by the
     * limit.
     */
    public Builder aggressiveCollarTicks(int aggressiveCollarTicks) {
      this.aggressiveCollarTicks = aggressiveCollarTicks;
      return this;
    }

    /** Sets the seed of the random slice sizes and times (default 1). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Sets how many completed parents are kept for {@link ExecutionEngine#parents()} (default 10 000). */
    public Builder maxRetainedCompleted(int maxRetainedCompleted) {
      this.maxRetainedCompleted = Checks.positive(maxRetainedCompleted, "maxRetainedCompleted");
      return this;
    }

    /** Builds the engine. */
    public ExecutionEngine build() {
      return new StandardExecutionEngine(this);
    }

    private static Duration positive(Duration d, String field) {
      Checks.notNull(d, field);
      Checks.check(!d.isNegative() && !d.isZero(), field, d, "> 0");
      return d;
    }
  }
}
