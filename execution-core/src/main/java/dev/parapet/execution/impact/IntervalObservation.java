package dev.parapet.execution.impact;

import dev.parapet.api.Checks;

/**
 * One interval of a recorded execution, the unit of calibration for the linear Almgren–Chriss model
 * (Almgren and Chriss 2000, section 1.2-1.3): in an interval of {@code tau} days the host traded
 * {@code n} shares at an average price, and the mid price moved from {@code priceBefore} to
 * {@code priceAfter}.
 * <p>
 * In the model, the average price is {@code priceBefore + s (epsilon + eta n / tau)} and the mid moves
 * by {@code s gamma n} plus noise, with {@code s} +1 for a buy and -1 for a sell.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param sideSign +1 for a buy, -1 for a sell
 * @param shares the quantity n traded in the interval, &gt; 0
 * @param intervalDays the interval length tau in trading days, &gt; 0
 * @param priceBefore the mid price at the start of the interval, &gt; 0
 * @param averagePrice the average execution price in the interval, &gt; 0
 * @param priceAfter the mid price at the end of the interval, &gt; 0
 */
public record IntervalObservation(int sideSign, double shares, double intervalDays, double priceBefore,
    double averagePrice, double priceAfter) {

  /** Validates the fields. */
  public IntervalObservation {
    Checks.check(sideSign == 1 || sideSign == -1, "sideSign", sideSign, "+1 or -1");
    Checks.positive(shares, "shares");
    Checks.positive(intervalDays, "intervalDays");
    Checks.positive(priceBefore, "priceBefore");
    Checks.positive(averagePrice, "averagePrice");
    Checks.positive(priceAfter, "priceAfter");
  }
}
