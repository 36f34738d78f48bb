package dev.parapet.risk.drawdown;

import dev.parapet.api.Checks;
import dev.parapet.api.model.Side;

/**
 * One order of a de-leverage instruction: it reduces a position towards flat and never flips it.
 * Immutable and thread-safe.
 *
 * @param instrumentId the instrument
 * @param side {@link Side#SELL} to reduce a long, {@link Side#BUY} to cover a short
 * @param quantity the quantity, &gt; 0, a whole number of lots and at most the position
 * @param notional the absolute notional at the mark
 */
public record ReducingOrder(String instrumentId, Side side, long quantity, double notional) {

  /** Validates the fields. */
  public ReducingOrder {
    Checks.notBlank(instrumentId, "instrumentId");
    Checks.notNull(side, "side");
    Checks.check(side != Side.SELL_SHORT, "side", side, "BUY or SELL (a reducing order never opens a short)");
    Checks.positive(quantity, "quantity", instrumentId);
    Checks.nonNegative(notional, "notional", instrumentId);
  }
}
