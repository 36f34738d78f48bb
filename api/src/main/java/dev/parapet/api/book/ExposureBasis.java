package dev.parapet.api.book;

/**
 * Which exposure a query measures.
 * <p>
 * With pending orders an instrument's position can end anywhere between {@code low = q - pendingSell}
 * and {@code high = q + pendingBuy}. {@link #WORST_CASE} takes, per instrument, the end of that range
 * that is worst for the measure: long exposure at {@code max(high, 0)}, short exposure at
 * {@code max(-low, 0)}, gross exposure at {@code max(|high|, |low|)}. This is the conservative
 * treatment SEC Rule 15c3-5 asks of credit and capital thresholds (orders count before they fill).
 */
public enum ExposureBasis {
  /** Filled positions only, at the mark. */
  FILLED,
  /** Filled positions plus the reservations of approved open orders, worst case per instrument. */
  WORST_CASE
}
