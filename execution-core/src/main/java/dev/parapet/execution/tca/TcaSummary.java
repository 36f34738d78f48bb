package dev.parapet.execution.tca;

import dev.parapet.api.Checks;
import java.util.OptionalDouble;

/**
 * TCA aggregated over parent orders: currency figures are sums; {@code *Bps} figures are the sums
 * divided by the summed paper notional (notional-weighted), and {@link #meanImplementationShortfallBps()}
 * is the plain mean of the per-order figures. Figures in several currencies are summed as they are.
 * Positive = cost.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param orders the number of orders
 * @param paperNotional the summed paper notional
 * @param delayCost summed delay cost
 * @param timingCost summed timing cost
 * @param impactCost summed impact cost
 * @param opportunityCost summed opportunity cost
 * @param fees summed fees
 * @param meanImplementationShortfallBps the mean of the orders' implementation shortfall in bps
 * @param vwapSlippage summed slippage against VWAP, over the orders with fills and volume
 * @param vwapSlippageBps that sum in bps of the filled orders' VWAP notional, empty when none
 * @param twapSlippage summed slippage against TWAP, over the orders with fills
 * @param twapSlippageBps that sum in bps of the filled orders' TWAP notional, empty when none
 * @param filledQuantity summed filled quantity
 * @param marketVolume summed market volume over the orders' intervals
 */
public record TcaSummary(int orders, double paperNotional, double delayCost, double timingCost, double impactCost,
    double opportunityCost, double fees, double meanImplementationShortfallBps, double vwapSlippage,
    OptionalDouble vwapSlippageBps, double twapSlippage, OptionalDouble twapSlippageBps, long filledQuantity,
    long marketVolume) implements ShortfallBreakdown {

  /** Validates the fields. */
  public TcaSummary {
    Checks.positive(orders, "orders");
    Checks.notNull(vwapSlippageBps, "vwapSlippageBps");
    Checks.notNull(twapSlippageBps, "twapSlippageBps");
  }

  /** Returns the overall participation {@code filled / market volume}; empty without market volume. */
  public OptionalDouble participation() {
    return marketVolume == 0 ? OptionalDouble.empty() : OptionalDouble.of(filledQuantity / (double) marketVolume);
  }

}
