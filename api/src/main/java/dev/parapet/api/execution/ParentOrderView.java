package dev.parapet.api.execution;

import dev.parapet.api.model.OrderRequest;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * A read-only view of one parent order's progress: what an execution algorithm decides from and
 * what the orchestrator shows in its status snapshot.
 * <p>
 * Quantities are unsigned units of the instrument (the direction is the order's side). At all times
 * {@code filledQuantity() + openQuantity() <= order().quantity()}: the engine never has more of a
 * parent at the venue or filled than the parent's quantity.
 * <p>
 * Implementations returned by an engine are immutable snapshots and thread-safe. New methods may be
 * added to this interface with default implementations; existing ones will not change.
 */
public interface ParentOrderView {

  /** Returns the parent order as approved by the gate. */
  OrderRequest order();

  /** Returns the parent's client order id, the same as {@code order().clientOrderId()}. */
  default String clientOrderId() {
    return order().clientOrderId();
  }

  /** Returns the life-cycle state. */
  ParentOrderState state();

  /** Returns the name of the algorithm working the order, e.g. {@code TWAP}. */
  String algoName();

  /** Returns when the engine accepted the order (the arrival time). */
  Instant startTime();

  /** Returns when the order expires if not filled; the algorithm plans to finish by then. */
  Instant endTime();

  /** Returns the arrival price: the mid price when the engine accepted the order. */
  double arrivalPrice();

  /** Returns the market's cumulative session volume when the engine accepted the order. */
  long marketVolumeAtStart();

  /** Returns the quantity filled so far. */
  long filledQuantity();

  /**
   * Returns the quantity of child orders open at the venue: sent and neither filled nor confirmed
   * dead (rejected, cancelled or expired), plus any recently cancelled remainder the engine still
   * holds back in case of a late fill.
   */
  long openQuantity();

  /** Returns the quantity neither filled nor open: what the algorithm may still release. */
  default long unreleasedQuantity() {
    return order().quantity() - filledQuantity() - openQuantity();
  }

  /** Returns the quantity not yet filled. */
  default long leavesQuantity() {
    return order().quantity() - filledQuantity();
  }

  /** Returns the sum of {@code quantity * price} over the fills (without multiplier). */
  double filledValue();

  /** Returns the volume-weighted average fill price, or empty before the first fill. */
  default OptionalDouble averageFillPrice() {
    long filled = filledQuantity();
    return filled == 0 ? OptionalDouble.empty() : OptionalDouble.of(filledValue() / filled);
  }

  /** Returns the fees and commissions reported on the fills, in the instrument's currency. */
  double fees();

  /** Returns how many child orders have been sent. */
  int childOrderCount();

  /** Returns how many child orders were rejected (by the venue or by a failing router). */
  int rejectCount();

  /** Returns when the order was last changed (a child sent, a fill, an event, a state change). */
  Instant lastUpdate();

  /**
   * Returns why the order is in a terminal state other than FILLED (e.g. {@code cancelled by host},
   * {@code 5 consecutive rejects}), or an empty string.
   */
  String statusReason();
}
