package dev.parapet.compliance.rules;

import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.model.OrderRequest;

/**
 * Arithmetic shared by the exposure rules: prices and the worst-case position of an instrument before
 * and after an order.
 * <p>
 * With pending orders an instrument's position ends between {@code low = q - pendingSell} and
 * {@code high = q + pendingBuy}; its worst-case gross quantity is {@code max(|high|, |low|)} (the
 * convention of {@link dev.parapet.api.book.ExposureBasis#WORST_CASE}). A new buy of {@code n} moves
 * {@code high} to {@code high + n}; a sell moves {@code low} to {@code low - n}. The difference between
 * the two worst cases, valued at the mark, is what the order adds to every worst-case gross aggregate
 * (account, issuer, sector), so the rules stay O(1) without scanning the book.
 */
final class OrderMath {

  private OrderMath() {
  }

  /** Returns the price an order trades at for notional checks: its limit, else the mark; NaN if neither. */
  static double orderPrice(OrderRequest order, PortfolioView portfolio) {
    return order.isLimit() ? order.limitPrice().getAsDouble() : portfolio.markPrice(order.instrument().id());
  }

  /**
   * Returns the price positions are valued at: the mark, else (an instrument the book has never seen)
   * the order's limit, as the book does on reservation; NaN if neither.
   */
  static double valuationPrice(OrderRequest order, PortfolioView portfolio) {
    double mark = portfolio.markPrice(order.instrument().id());
    if (Double.isNaN(mark) && order.isLimit()) {
      return order.limitPrice().getAsDouble();
    }
    return mark;
  }

  /** Returns the worst-case gross quantity {@code max(|q + pendingBuy|, |q - pendingSell|)}. */
  static long worstGross(long quantity, long pendingBuy, long pendingSell) {
    return Math.max(Math.abs(quantity + pendingBuy), Math.abs(quantity - pendingSell));
  }

  /** Returns the worst-case gross quantity after the order is added to the pending quantities. */
  static long worstGrossAfter(long quantity, long pendingBuy, long pendingSell, OrderRequest order) {
    return order.side().isBuy()
        ? worstGross(quantity, pendingBuy + order.quantity(), pendingSell)
        : worstGross(quantity, pendingBuy, pendingSell + order.quantity());
  }

  /** Returns how many units the order adds to the instrument's worst-case gross quantity (&gt;= 0). */
  static long addedGrossUnits(OrderRequest order, PortfolioView portfolio) {
    String account = order.account();
    String id = order.instrument().id();
    long q = portfolio.quantity(account, id);
    long pb = portfolio.pendingBuyQuantity(account, id);
    long ps = portfolio.pendingSellQuantity(account, id);
    return worstGrossAfter(q, pb, ps, order) - worstGross(q, pb, ps);
  }

  /** Formats a figure for a message (only on the breach path). */
  static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(Math.round(v * 1e6) / 1e6);
  }
}
