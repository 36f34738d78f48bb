package dev.parapet.execution.tca;

import dev.parapet.api.Checks;
import dev.parapet.api.model.Side;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A parent order's execution record, the input of TCA.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param orderId the parent's id, not blank
 * @param side the side
 * @param orderQuantity the quantity the parent asked for, &gt; 0
 * @param decisionPrice the price when the decision to trade was made; when empty the arrival price
 *     is used (and the delay cost is zero)
 * @param startTime when the order arrived at the desk (the arrival price is the mid then)
 * @param endTime when the order ended (filled, cancelled or expired); the opportunity cost of the
 *     unfilled quantity is measured at the mid then
 * @param multiplier the contract multiplier, &gt; 0 (1 for cash equities)
 * @param fills the fills, each within {@code [startTime, endTime]}, summing to at most the order quantity
 */
public record ParentExecution(String orderId, Side side, long orderQuantity, OptionalDouble decisionPrice,
    Instant startTime, Instant endTime, double multiplier, List<ExecutionFill> fills) {

  /** Validates the fields and copies the fills. */
  public ParentExecution {
    Checks.notBlank(orderId, "orderId");
    String ctx = "order " + orderId;
    Checks.notNull(side, "side", ctx);
    Checks.positive(orderQuantity, "orderQuantity", ctx);
    Checks.notNull(decisionPrice, "decisionPrice", ctx);
    if (decisionPrice.isPresent()) {
      Checks.positive(decisionPrice.getAsDouble(), "decisionPrice", ctx);
    }
    Checks.notNull(startTime, "startTime", ctx);
    Checks.notNull(endTime, "endTime", ctx);
    Checks.check(!endTime.isBefore(startTime), "endTime", endTime, "not before startTime " + startTime, ctx);
    Checks.positive(multiplier, "multiplier", ctx);
    fills = List.copyOf(Checks.notNull(fills, "fills", ctx));
    long total = 0;
    for (ExecutionFill f : fills) {
      Checks.check(!f.timestamp().isBefore(startTime) && !f.timestamp().isAfter(endTime), "fill timestamp",
          f.timestamp(), "within [" + startTime + ", " + endTime + "]", ctx);
      total += f.quantity();
    }
    Checks.check(total <= orderQuantity, "sum of fill quantities", total, "<= orderQuantity " + orderQuantity, ctx);
  }

  /** Creates a record of a cash instrument (multiplier 1) without a decision price. */
  public static ParentExecution of(String orderId, Side side, long orderQuantity, Instant startTime, Instant endTime,
      List<ExecutionFill> fills) {
    return new ParentExecution(orderId, side, orderQuantity, OptionalDouble.empty(), startTime, endTime, 1.0, fills);
  }

  /** Returns the filled quantity. */
  public long filledQuantity() {
    long total = 0;
    for (ExecutionFill f : fills) {
      total += f.quantity();
    }
    return total;
  }
}
