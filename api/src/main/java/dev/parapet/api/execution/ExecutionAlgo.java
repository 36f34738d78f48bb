package dev.parapet.api.execution;

import java.time.Instant;

/**
 * An execution algorithm: decides, at each decision point of one parent order, how much of it should
 * be in the market and how aggressively, trading market impact against timing risk.
 * <p>
 * <b>Contract.</b>
 * <ul>
 *   <li>One instance works one parent order, from the engine's first call to the parent's end; it may
 *       keep state between calls (e.g. a trajectory computed at the first call). Engines obtain a
 *       fresh instance per parent from a factory.</li>
 *   <li>The engine calls {@link #decide} from one thread at a time, with the time, a snapshot of the
 *       parent's progress and the latest market state of its instrument (which may be older than the
 *       decision time); the algorithm must not call back into
 *       the engine and should return quickly (no I/O).</li>
 *   <li>Child-order mechanics are the engine's, not the algorithm's: lot and tick rounding, minimum
 *       size, the parent's limit, randomisation of slice sizes and times, cancels, rejects and
 *       timeouts. An algorithm only states a cumulative target, a pricing style and when to recheck.</li>
 *   <li>A target above the parent's quantity is capped by the engine. An exception thrown from
 *       {@link #decide} stops the parent (the engine cancels it and raises an EXECUTION alert): a
 *       faulty algorithm never keeps trading.</li>
 * </ul>
 * New methods may be added with default implementations; existing ones will not change.
 */
public interface ExecutionAlgo {

  /** Returns a short stable name, e.g. {@code TWAP}, {@code VWAP}, {@code ADAPTIVE}. */
  String name();

  /**
   * Decides what the parent order should have in the market now.
   *
   * @param now the decision time, from the engine's clock
   * @param parent the parent order's progress, a snapshot taken now
   * @param market the latest market state of the parent's instrument
   * @return the decision, never null
   */
  SliceDecision decide(Instant now, ParentOrderView parent, MarketState market);
}
