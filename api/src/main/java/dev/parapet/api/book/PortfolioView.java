package dev.parapet.api.book;

/**
 * A read-only view of the portfolio that gates and monitors read: positions, cash, exposures and the
 * reservations of approved open orders.
 * <p>
 * All amounts are in the book's single reporting currency (the host converts before it fills or
 * marks, or runs one book per currency). Exposures are absolute notionals at the mark
 * ({@code |quantity| * mark * multiplier}) except {@link #netExposure}, which is signed. Every query
 * returns primitives and allocates nothing. Queries about an unknown account or instrument return 0,
 * except {@link #markPrice}, which returns NaN when no mark is known.
 * <p>
 * Implementations are thread-safe; each query is atomic on its own, but consecutive queries may see
 * the book between two updates unless the caller holds the book's decision lock.
 */
public interface PortfolioView {

  /** Returns a counter that changes whenever a position, cash or a reservation changes (not on marks). */
  long positionsVersion();

  /** Returns the account's cash balance. */
  double cash(String account);

  /** Returns the account's net asset value: cash plus the market value of its filled positions. */
  double nav(String account);

  /** Returns the account's long exposure on the given basis. */
  double longExposure(String account, ExposureBasis basis);

  /** Returns the account's short exposure (a positive number) on the given basis. */
  double shortExposure(String account, ExposureBasis basis);

  /** Returns the account's gross exposure (long plus short) on the given basis. */
  double grossExposure(String account, ExposureBasis basis);

  /**
   * Returns the account's signed net exposure (long minus short). On {@link ExposureBasis#WORST_CASE}
   * it is whichever of the all-buys-fill and all-sells-fill nets has the larger magnitude.
   */
  double netExposure(String account, ExposureBasis basis);

  /** Returns the account's gross exposure to one sector on the given basis. */
  double sectorExposure(String account, String sector, ExposureBasis basis);

  /** Returns the account's gross exposure to one issuer on the given basis. */
  double issuerExposure(String account, String issuer, ExposureBasis basis);

  /** Returns the filled signed quantity of an instrument in an account. */
  long quantity(String account, String instrumentId);

  /** Returns the quantity reserved by approved open buy orders. */
  long pendingBuyQuantity(String account, String instrumentId);

  /** Returns the quantity reserved by approved open sell and short-sale orders. */
  long pendingSellQuantity(String account, String instrumentId);

  /** Returns the number of approved orders still open (reserved) in the account. */
  int openOrderCount(String account);

  /** Returns the current mark price of an instrument, or NaN when none is known. */
  double markPrice(String instrumentId);

  /** Returns the account's realized P&amp;L, net of fees. */
  double realizedPnl(String account);

  /** Returns the account's unrealized P&amp;L at the marks. */
  double unrealizedPnl(String account);

  /** Visits every position of the account (including flat ones with reservations), allocation-free. */
  void forEachPosition(String account, PositionVisitor visitor);
}
