package dev.parapet.api.model;

import dev.parapet.api.Checks;
import java.util.OptionalDouble;

/**
 * An order the host wants to send: the parent order that passes the gate and is then worked by an
 * execution algorithm.
 * <p>
 * A {@link OrderType#LIMIT} order has a limit price on the instrument's tick grid; a
 * {@link OrderType#MARKET} order has none. The quantity is positive and a whole number of lots; the
 * direction is given by the {@link Side}.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param clientOrderId the host's unique id of the order, not blank
 * @param account the trading account, not blank
 * @param strategy the strategy that sent the order, not blank
 * @param instrument the instrument
 * @param side the side (buy, sell or short sale)
 * @param quantity the quantity in units (shares, contracts), &gt; 0 and a multiple of the lot size
 * @param orderType market or limit
 * @param limitPrice the limit price, present exactly when the order is a limit order
 * @param timeInForce how long the order stays working
 * @param urgency how urgently it should be completed
 */
public record OrderRequest(
    String clientOrderId,
    String account,
    String strategy,
    Instrument instrument,
    Side side,
    long quantity,
    OrderType orderType,
    OptionalDouble limitPrice,
    TimeInForce timeInForce,
    Urgency urgency) {

  /** Validates every field. */
  public OrderRequest {
    Checks.notBlank(clientOrderId, "clientOrderId");
    String ctx = "order " + clientOrderId;
    Checks.notBlank(account, "account", ctx);
    Checks.notBlank(strategy, "strategy", ctx);
    Checks.notNull(instrument, "instrument", ctx);
    Checks.notNull(side, "side", ctx);
    instrument.checkQuantity(quantity, "quantity", ctx);
    Checks.notNull(orderType, "orderType", ctx);
    Checks.notNull(limitPrice, "limitPrice", ctx);
    Checks.notNull(timeInForce, "timeInForce", ctx);
    Checks.notNull(urgency, "urgency", ctx);
    if (orderType == OrderType.LIMIT) {
      Checks.check(limitPrice.isPresent(), "limitPrice", "empty", "present for a LIMIT order", ctx);
      instrument.checkPrice(limitPrice.getAsDouble(), "limitPrice", ctx);
    } else {
      Checks.check(limitPrice.isEmpty(), "limitPrice", limitPrice, "empty for a MARKET order", ctx);
    }
  }

  /** Returns a builder: DAY, MEDIUM urgency and a market order unless told otherwise. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns true if this is a limit order. */
  public boolean isLimit() {
    return orderType == OrderType.LIMIT;
  }

  /** Returns the signed quantity: positive for a buy, negative for a sell or short sale. */
  public long signedQuantity() {
    return side.sign() * quantity;
  }

  /** A mutable builder of {@link OrderRequest}; not thread-safe. */
  public static final class Builder {
    private String clientOrderId;
    private String account;
    private String strategy = "default";
    private Instrument instrument;
    private Side side;
    private long quantity;
    private OrderType orderType = OrderType.MARKET;
    private OptionalDouble limitPrice = OptionalDouble.empty();
    private TimeInForce timeInForce = TimeInForce.DAY;
    private Urgency urgency = Urgency.MEDIUM;

    private Builder() {
    }

    /** Sets the client order id. */
    public Builder clientOrderId(String clientOrderId) {
      this.clientOrderId = clientOrderId;
      return this;
    }

    /** Sets the account. */
    public Builder account(String account) {
      this.account = account;
      return this;
    }

    /** Sets the strategy (default {@code default}). */
    public Builder strategy(String strategy) {
      this.strategy = strategy;
      return this;
    }

    /** Sets the instrument. */
    public Builder instrument(Instrument instrument) {
      this.instrument = instrument;
      return this;
    }

    /** Sets the side. */
    public Builder side(Side side) {
      this.side = side;
      return this;
    }

    /** Sets the quantity. */
    public Builder quantity(long quantity) {
      this.quantity = quantity;
      return this;
    }

    /** Makes this a limit order at the given price. */
    public Builder limit(double limitPrice) {
      this.orderType = OrderType.LIMIT;
      this.limitPrice = OptionalDouble.of(limitPrice);
      return this;
    }

    /** Makes this a market order. */
    public Builder market() {
      this.orderType = OrderType.MARKET;
      this.limitPrice = OptionalDouble.empty();
      return this;
    }

    /** Sets the time in force. */
    public Builder timeInForce(TimeInForce timeInForce) {
      this.timeInForce = timeInForce;
      return this;
    }

    /** Sets the urgency. */
    public Builder urgency(Urgency urgency) {
      this.urgency = urgency;
      return this;
    }

    /** Builds and validates the order. */
    public OrderRequest build() {
      return new OrderRequest(clientOrderId, account, strategy, instrument, side, quantity, orderType, limitPrice,
          timeInForce, urgency);
    }
  }
}
