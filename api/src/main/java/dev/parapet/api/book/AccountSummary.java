package dev.parapet.api.book;

/**
 * A snapshot of one account's balances and exposures (filled basis) plus its pending reservations.
 * Immutable and thread-safe.
 *
 * @param account the account
 * @param cash the cash balance
 * @param nav net asset value: cash plus market value of filled positions
 * @param longExposure long notional at the marks
 * @param shortExposure short notional at the marks, positive
 * @param grossExposure long plus short
 * @param netExposure long minus short
 * @param realizedPnl realized P&amp;L net of fees
 * @param unrealizedPnl unrealized P&amp;L at the marks
 * @param pendingBuyNotional notional reserved by approved open buys, at the marks
 * @param pendingSellNotional notional reserved by approved open sells, at the marks
 * @param openOrders number of approved open orders
 */
public record AccountSummary(
    String account,
    double cash,
    double nav,
    double longExposure,
    double shortExposure,
    double grossExposure,
    double netExposure,
    double realizedPnl,
    double unrealizedPnl,
    double pendingBuyNotional,
    double pendingSellNotional,
    int openOrders) {

  /** Returns gross leverage, gross exposure over NAV; infinite when NAV is not positive. */
  public double leverage() {
    return nav > 0 ? grossExposure / nav : Double.POSITIVE_INFINITY;
  }
}
