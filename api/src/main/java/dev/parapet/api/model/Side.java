package dev.parapet.api.model;

/**
 * The side of an order or fill. A short sale is a sell that opens or increases a short position and,
 * under Reg SHO, needs a locate.
 */
public enum Side {
  /** A purchase; increases the position. */
  BUY(1),
  /** A sale of a long position; decreases the position. */
  SELL(-1),
  /** A short sale; decreases the position below zero and needs a locate. */
  SELL_SHORT(-1);

  private final int sign;

  Side(int sign) {
    this.sign = sign;
  }

  /** Returns +1 for a buy and -1 for a sell or short sale: the sign of the position change. */
  public int sign() {
    return sign;
  }

  /** Returns true for {@link #BUY}. */
  public boolean isBuy() {
    return sign > 0;
  }

  /** Returns true for {@link #SELL} and {@link #SELL_SHORT}. */
  public boolean isSell() {
    return sign < 0;
  }
}
