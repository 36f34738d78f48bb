package dev.parapet.api.model;

import dev.parapet.api.Checks;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * A slice of a parent order that an execution algorithm sends to the {@code OrderRouter}.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param childOrderId unique id of this child order, not blank
 * @param parentOrderId the client order id of the parent, not blank
 * @param account the account, not blank
 * @param instrument the instrument
 * @param side the side, the parent's
 * @param quantity the quantity, &gt; 0 and a multiple of the lot size
 * @param orderType market or limit
 * @param limitPrice present exactly for a limit order, on the tick grid
 * @param timeInForce how long the child stays working
 * @param createdAt when the algorithm created the child
 */
public record ChildOrder(
    String childOrderId,
    String parentOrderId,
    String account,
    Instrument instrument,
    Side side,
    long quantity,
    OrderType orderType,
    OptionalDouble limitPrice,
    TimeInForce timeInForce,
    Instant createdAt) {

  /** Validates every field. */
  public ChildOrder {
    Checks.notBlank(childOrderId, "childOrderId");
    String ctx = "child order " + childOrderId;
    Checks.notBlank(parentOrderId, "parentOrderId", ctx);
    Checks.notBlank(account, "account", ctx);
    Checks.notNull(instrument, "instrument", ctx);
    Checks.notNull(side, "side", ctx);
    instrument.checkQuantity(quantity, "quantity", ctx);
    Checks.notNull(orderType, "orderType", ctx);
    Checks.notNull(limitPrice, "limitPrice", ctx);
    Checks.notNull(timeInForce, "timeInForce", ctx);
    Checks.notNull(createdAt, "createdAt", ctx);
    if (orderType == OrderType.LIMIT) {
      Checks.check(limitPrice.isPresent(), "limitPrice", "empty", "present for a LIMIT order", ctx);
      instrument.checkPrice(limitPrice.getAsDouble(), "limitPrice", ctx);
    } else {
      Checks.check(limitPrice.isEmpty(), "limitPrice", limitPrice, "empty for a MARKET order", ctx);
    }
  }

  /** Returns the signed quantity: positive for a buy, negative for a sell or short sale. */
  public long signedQuantity() {
    return side.sign() * quantity;
  }
}
