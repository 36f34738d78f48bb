package dev.parapet.api.report;

import dev.parapet.api.Checks;
import dev.parapet.api.model.Side;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The day's parent orders with their transaction cost analysis. An empty list is a day without trades.
 * Day aggregates (counts, traded notional, notional-weighted shortfall and slippage, participation) are
 * derived in the report.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param orders the parent orders worked during the day, order ids unique
 */
public record ExecutionSection(List<ParentOrder> orders) {

  /** Validates and copies the orders. */
  public ExecutionSection {
    orders = Values.list(orders, "orders", "execution");
    Set<String> ids = new HashSet<>();
    for (ParentOrder o : orders) {
      Checks.check(ids.add(o.orderId()), "orders", o.orderId(), "unique order ids", "execution");
    }
  }

  /** Returns a section for a day without trades. */
  public static ExecutionSection noTrades() {
    return new ExecutionSection(List.of());
  }

  /**
   * One parent order and its costs.
   * <p>
   * The report derives: arrival notional {@code quantity * arrivalPrice * multiplier}; implementation
   * shortfall in bps as the shortfall's total over the arrival notional times 10,000; slippage against
   * the interval VWAP (and TWAP) in bps as {@code side * (averageFillPrice - vwap) / vwap * 10,000}, a
   * positive number being a cost; participation as {@code filledQuantity / intervalVolume}.
   *
   * @param orderId the parent order id
   * @param instrumentId the instrument
   * @param strategy the strategy that sent it
   * @param side the side
   * @param algorithm the execution algorithm, e.g. {@code VWAP}, {@code ADAPTIVE}
   * @param status the final or current state, e.g. {@code FILLED}, {@code CANCELLED}, {@code WORKING}
   * @param quantity the parent quantity, &gt; 0
   * @param filledQuantity the filled quantity, in [0, quantity]
   * @param multiplier the instrument's contract multiplier
   * @param arrivalPrice the mid price when the order arrived (the decision price of Perold 1988)
   * @param averageFillPrice the average fill price; empty exactly when nothing filled
   * @param intervalVwap the market's VWAP over the order's life, empty when market data is missing
   * @param intervalTwap the market's TWAP over the order's life, empty when market data is missing
   * @param intervalVolume the market's volume over the order's life, empty when unknown
   * @param shortfall the implementation shortfall and its parts
   */
  public record ParentOrder(
      String orderId,
      String instrumentId,
      String strategy,
      Side side,
      String algorithm,
      String status,
      long quantity,
      long filledQuantity,
      double multiplier,
      double arrivalPrice,
      OptionalDouble averageFillPrice,
      OptionalDouble intervalVwap,
      OptionalDouble intervalTwap,
      OptionalLong intervalVolume,
      Shortfall shortfall) {

    /** Validates the fields. */
    public ParentOrder {
      Checks.notBlank(orderId, "orderId");
      String ctx = "parent order " + orderId;
      Checks.notBlank(instrumentId, "instrumentId", ctx);
      Checks.notBlank(strategy, "strategy", ctx);
      Checks.notNull(side, "side", ctx);
      Checks.notBlank(algorithm, "algorithm", ctx);
      Checks.notBlank(status, "status", ctx);
      Checks.positive(quantity, "quantity", ctx);
      Checks.check(filledQuantity >= 0 && filledQuantity <= quantity, "filledQuantity", filledQuantity,
          "in [0, quantity=" + quantity + "]", ctx);
      Checks.positive(multiplier, "multiplier", ctx);
      Checks.positive(arrivalPrice, "arrivalPrice", ctx);
      Values.positive(averageFillPrice, "averageFillPrice", ctx);
      Checks.check(averageFillPrice.isPresent() == (filledQuantity > 0), "averageFillPrice", averageFillPrice,
          "present exactly when filledQuantity > 0 (filledQuantity " + filledQuantity + ")", ctx);
      Values.positive(intervalVwap, "intervalVwap", ctx);
      Values.positive(intervalTwap, "intervalTwap", ctx);
      Values.nonNegative(intervalVolume, "intervalVolume", ctx);
      Checks.notNull(shortfall, "shortfall", ctx);
    }
  }

  /**
   * Implementation shortfall against the arrival price (Perold 1988, "The implementation shortfall:
   * paper versus reality", J. Portfolio Management 14(3)), in the base currency, a positive number being
   * a cost. Its total is the sum of the parts.
   *
   * @param delayCost cost of the price move between decision and arrival at the market
   * @param impactCost cost of trading: fills against the arrival price, net of timing
   * @param timingCost cost of the market's drift during execution
   * @param opportunityCost cost of the unfilled quantity, at the close against arrival
   * @param fees explicit fees and commissions
   */
  public record Shortfall(double delayCost, double impactCost, double timingCost, double opportunityCost,
      double fees) {

    /** Validates the fields. */
    public Shortfall {
      Checks.finite(delayCost, "delayCost", "shortfall");
      Checks.finite(impactCost, "impactCost", "shortfall");
      Checks.finite(timingCost, "timingCost", "shortfall");
      Checks.finite(opportunityCost, "opportunityCost", "shortfall");
      Checks.finite(fees, "fees", "shortfall");
    }

    /** Returns the total shortfall, the sum of the parts. */
    public double total() {
      return delayCost + impactCost + timingCost + opportunityCost + fees;
    }
  }
}
