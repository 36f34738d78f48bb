package dev.parapet.api.book;

import dev.parapet.api.Checks;
import dev.parapet.api.model.Instrument;

/**
 * A snapshot of one position in one account.
 * <p>
 * P&amp;L uses the average-cost method: buys into a long (or sells into a short) move the average cost;
 * reducing trades realise {@code closed quantity * (price - average cost) * multiplier}, signed by the
 * position's direction; a trade through zero closes the old position and opens the rest at the trade
 * price. Realized P&amp;L is net of fees. This class is immutable and thread-safe.
 *
 * @param account the account
 * @param instrument the instrument
 * @param quantity the signed filled quantity
 * @param averageCost the average cost of the open quantity, 0 when flat
 * @param realizedPnl realized P&amp;L net of fees
 * @param unrealizedPnl {@code (mark - averageCost) * quantity * multiplier}
 * @param markPrice the mark price used
 * @param pendingBuyQuantity quantity reserved by approved open buys
 * @param pendingSellQuantity quantity reserved by approved open sells and short sales
 */
public record Position(
    String account,
    Instrument instrument,
    long quantity,
    double averageCost,
    double realizedPnl,
    double unrealizedPnl,
    double markPrice,
    long pendingBuyQuantity,
    long pendingSellQuantity) {

  /** Validates the fields. */
  public Position {
    Checks.notBlank(account, "account");
    Checks.notNull(instrument, "instrument");
    Checks.nonNegative(averageCost, "averageCost");
    Checks.finite(realizedPnl, "realizedPnl");
    Checks.finite(unrealizedPnl, "unrealizedPnl");
    Checks.nonNegative(pendingBuyQuantity, "pendingBuyQuantity");
    Checks.nonNegative(pendingSellQuantity, "pendingSellQuantity");
  }

  /** Returns the signed market value {@code quantity * mark * multiplier}. */
  public double marketValue() {
    return instrument.notional(quantity, markPrice);
  }

  /** Returns the total P&amp;L, realized plus unrealized. */
  public double totalPnl() {
    return realizedPnl + unrealizedPnl;
  }
}
