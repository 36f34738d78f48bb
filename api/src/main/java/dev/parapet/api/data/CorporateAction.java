package dev.parapet.api.data;

import dev.parapet.api.Checks;
import java.time.LocalDate;

/**
 * A corporate action that changes the meaning of a price series: a split or a cash dividend, effective
 * on its ex-date (the first session that trades without the entitlement).
 * <p>
 * Adjustment follows the CRSP convention (CRSP US Stock Database Guide, "Cumulative Factor to Adjust
 * Prices" and "Holding Period Total Return"): prices before the ex-date are multiplied by
 * {@link #priceAdjustmentFactor(double)} so that they compare with prices from the ex-date on, and the
 * total return over the ex-date is {@code (close * splitRatio + dividend) / previousClose - 1}.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param instrumentId the instrument, not blank
 * @param exDate the ex-date
 * @param type the kind of action
 * @param value for a {@link CorporateActionType#SPLIT} the new shares per old share (finite, &gt; 0, not 1);
 *     for a {@link CorporateActionType#CASH_DIVIDEND} the amount per share (finite, &gt; 0)
 */
public record CorporateAction(String instrumentId, LocalDate exDate, CorporateActionType type, double value) {

  /** Validates every field. */
  public CorporateAction {
    Checks.notBlank(instrumentId, "instrumentId");
    String ctx = "corporate action " + instrumentId;
    Checks.notNull(exDate, "exDate", ctx);
    Checks.notNull(type, "type", ctx);
    Checks.positive(value, type == CorporateActionType.SPLIT ? "ratio" : "amount", ctx + " " + exDate);
    if (type == CorporateActionType.SPLIT) {
      Checks.check(value != 1.0, "ratio", value, "different from 1 (a 1:1 split changes nothing)", ctx + " " + exDate);
    }
  }

  /** Creates a split of {@code ratio} new shares per old share (2 for a 2:1 split, 0.1 for a 1:10 reverse split). */
  public static CorporateAction split(String instrumentId, LocalDate exDate, double ratio) {
    return new CorporateAction(instrumentId, exDate, CorporateActionType.SPLIT, ratio);
  }

  /** Creates a cash dividend of {@code amount} per share going ex on {@code exDate}. */
  public static CorporateAction cashDividend(String instrumentId, LocalDate exDate, double amount) {
    return new CorporateAction(instrumentId, exDate, CorporateActionType.CASH_DIVIDEND, amount);
  }

  /**
   * Returns the factor that makes a price from before the ex-date comparable with prices from the ex-date
   * on: {@code 1 / ratio} for a split, {@code 1 - amount / previousClose} for a cash dividend (CRSP).
   *
   * @param previousClose the close of the session before the ex-date, finite and &gt; 0 (ignored for a split)
   * @return the factor, in (0, infinity) for a split and in (0, 1) for a dividend smaller than the price
   */
  public double priceAdjustmentFactor(double previousClose) {
    if (type == CorporateActionType.SPLIT) {
      return 1.0 / value;
    }
    Checks.positive(previousClose, "previousClose", "dividend " + instrumentId + " " + exDate);
    Checks.check(value < previousClose, "amount", value, "< previous close " + previousClose,
        "dividend " + instrumentId + " " + exDate);
    return 1.0 - value / previousClose;
  }
}
