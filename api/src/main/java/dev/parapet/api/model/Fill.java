package dev.parapet.api.model;

import dev.parapet.api.Checks;
import java.time.Instant;

/**
 * An execution reported by the venue or broker.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param fillId unique id of the execution, not blank
 * @param clientOrderId the client order id of the parent order, not blank
 * @param childOrderId the id of the child order that was filled; equal to {@code clientOrderId} when
 *     the parent was sent whole
 * @param account the account, not blank
 * @param instrument the instrument
 * @param side the side
 * @param quantity the filled quantity, &gt; 0 (lot size is not enforced: venues fill odd lots)
 * @param price the execution price, finite and &gt; 0 (not checked against the tick grid: venues
 *     report sub-tick average prices)
 * @param fees commissions and fees in the instrument's currency, &gt;= 0
 * @param timestamp when the execution happened
 */
public record Fill(
    String fillId,
    String clientOrderId,
    String childOrderId,
    String account,
    Instrument instrument,
    Side side,
    long quantity,
    double price,
    double fees,
    Instant timestamp) {

  /** Validates every field. */
  public Fill {
    Checks.notBlank(fillId, "fillId");
    String ctx = "fill " + fillId;
    Checks.notBlank(clientOrderId, "clientOrderId", ctx);
    Checks.notBlank(childOrderId, "childOrderId", ctx);
    Checks.notBlank(account, "account", ctx);
    Checks.notNull(instrument, "instrument", ctx);
    Checks.notNull(side, "side", ctx);
    Checks.positive(quantity, "quantity", ctx);
    Checks.positive(price, "price", ctx);
    Checks.nonNegative(fees, "fees", ctx);
    Checks.notNull(timestamp, "timestamp", ctx);
  }

  /** Returns the signed quantity: positive for a buy, negative for a sell or short sale. */
  public long signedQuantity() {
    return side.sign() * quantity;
  }

  /** Returns the absolute notional {@code quantity * price * multiplier}. */
  public double notional() {
    return instrument.notional(quantity, price);
  }
}
