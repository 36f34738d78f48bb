package dev.parapet.api.book;

import dev.parapet.api.model.Instrument;

/**
 * Receives one account's positions from {@link PortfolioView#forEachPosition}, as primitives so that
 * iterating allocates nothing.
 */
@FunctionalInterface
public interface PositionVisitor {

  /**
   * Visits one position.
   *
   * @param instrument the instrument
   * @param quantity the filled signed quantity (negative when short)
   * @param pendingBuy the quantity reserved by approved open buy orders, &gt;= 0
   * @param pendingSell the quantity reserved by approved open sell and short-sale orders, &gt;= 0
   * @param markPrice the current mark price
   * @param averageCost the average cost of the open quantity (0 when flat)
   */
  void visit(Instrument instrument, long quantity, long pendingBuy, long pendingSell, double markPrice,
      double averageCost);
}
