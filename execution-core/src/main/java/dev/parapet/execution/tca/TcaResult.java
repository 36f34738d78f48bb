package dev.parapet.execution.tca;

import dev.parapet.api.Checks;
import java.util.OptionalDouble;

/**
 * The transaction cost analysis of one parent order, see {@link TransactionCostAnalysis} for the
 * definitions. Costs are in currency and positive for a loss; {@code *Bps} figures are in basis
 * points of the paper notional {@code orderQuantity * decisionPrice * multiplier}, except the VWAP and
 * TWAP slippages, which are in basis points of the benchmark price.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param orderId the parent's id
 * @param sideSign +1 for a buy, -1 for a sell
 * @param orderQuantity the quantity ordered
 * @param filledQuantity the quantity filled
 * @param decisionPrice the decision price (the arrival price when none was given)
 * @param arrivalPrice the mid at the start
 * @param endPrice the mid at the end
 * @param averagePrice the average fill price, empty without fills
 * @param paperNotional {@code orderQuantity * decisionPrice * multiplier}
 * @param delayCost {@code s E (P0 - Pd) M}
 * @param timingCost {@code s sum q_j (m_j - P0) M}
 * @param impactCost {@code s sum q_j (p_j - m_j) M}
 * @param opportunityCost {@code s (X - E) (PN - Pd) M}
 * @param fees the fees of the fills
 * @param vwap the market VWAP over the execution interval, empty without market volume
 * @param twap the time-weighted average mid over the execution interval
 * @param marketVolume the market volume over the execution interval
 */
public record TcaResult(String orderId, int sideSign, long orderQuantity, long filledQuantity, double decisionPrice,
    double arrivalPrice, double endPrice, OptionalDouble averagePrice, double paperNotional, double delayCost,
    double timingCost, double impactCost, double opportunityCost, double fees, OptionalDouble vwap, double twap,
    long marketVolume) implements ShortfallBreakdown {

  /** Validates the fields. */
  public TcaResult {
    Checks.notBlank(orderId, "orderId");
    Checks.check(sideSign == 1 || sideSign == -1, "sideSign", sideSign, "+1 or -1");
    Checks.notNull(averagePrice, "averagePrice");
    Checks.notNull(vwap, "vwap");
    Checks.positive(paperNotional, "paperNotional");
  }

  /** Returns the trading (execution) cost {@code timing + impact = s E (avg - P0) M}, in currency. */
  public double tradingCost() {
    return timingCost + impactCost;
  }

  /** Returns the multiplier implied by the paper notional. */
  private double multiplier() {
    return paperNotional / (orderQuantity * decisionPrice);
  }

  /** Returns the filled fraction of the order. */
  public double fillRate() {
    return filledQuantity / (double) orderQuantity;
  }

  /** Returns the slippage against the interval VWAP, {@code s (avg - VWAP) / VWAP}, in bps; empty without fills or volume. */
  public OptionalDouble vwapSlippageBps() {
    if (averagePrice.isEmpty() || vwap.isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(sideSign * (averagePrice.getAsDouble() - vwap.getAsDouble()) / vwap.getAsDouble()
        * 10_000.0);
  }

  /** Returns the slippage against the interval VWAP in currency, {@code s E (avg - VWAP) M}. */
  public OptionalDouble vwapSlippage() {
    if (averagePrice.isEmpty() || vwap.isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(sideSign * filledQuantity * (averagePrice.getAsDouble() - vwap.getAsDouble())
        * multiplier());
  }

  /** Returns the slippage against the interval TWAP, {@code s (avg - TWAP) / TWAP}, in bps; empty without fills. */
  public OptionalDouble twapSlippageBps() {
    if (averagePrice.isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(sideSign * (averagePrice.getAsDouble() - twap) / twap * 10_000.0);
  }

  /** Returns the slippage against the interval TWAP in currency, {@code s E (avg - TWAP) M}. */
  public OptionalDouble twapSlippage() {
    if (averagePrice.isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(sideSign * filledQuantity * (averagePrice.getAsDouble() - twap) * multiplier());
  }

  /** Returns the achieved participation {@code E / market volume}; empty without market volume. */
  public OptionalDouble participation() {
    return marketVolume == 0 ? OptionalDouble.empty() : OptionalDouble.of(filledQuantity / (double) marketVolume);
  }

}
