package dev.parapet.execution.impact;

import dev.parapet.api.Checks;
import java.util.OptionalDouble;

/**
 * One recorded parent-order execution, the unit of calibration for the square-root and 2005 models
 * (Almgren et al. 2005, section 2.2, "Variables").
 * <p>
 * The realised cost is {@code J = s (averagePrice - arrivalPrice) / arrivalPrice} and the permanent
 * impact {@code I = s (postTradePrice - arrivalPrice) / arrivalPrice}, where {@code s} is +1 for a buy
 * and -1 for a sell; both are fractions of the price, positive for a cost.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param sideSign +1 for a buy, -1 for a sell
 * @param quantity the executed quantity X in shares, &gt; 0
 * @param durationDays the execution time T in trading days, &gt; 0
 * @param arrivalPrice the mid price when the order started, &gt; 0
 * @param averagePrice the average execution price, &gt; 0
 * @param postTradePrice the mid price some time after the end, once temporary impact has decayed, &gt; 0
 * @param dailyVolatility the daily volatility sigma (fraction per &radic;day), &gt; 0
 * @param averageDailyVolume the daily volume V in shares, &gt; 0
 * @param sharesOutstanding the shares outstanding Theta, needed for the 2005 model
 */
public record ExecutionObservation(int sideSign, double quantity, double durationDays, double arrivalPrice,
    double averagePrice, double postTradePrice, double dailyVolatility, double averageDailyVolume,
    OptionalDouble sharesOutstanding) {

  /** Validates the fields. */
  public ExecutionObservation {
    Checks.check(sideSign == 1 || sideSign == -1, "sideSign", sideSign, "+1 or -1");
    Checks.positive(quantity, "quantity");
    Checks.positive(durationDays, "durationDays");
    Checks.positive(arrivalPrice, "arrivalPrice");
    Checks.positive(averagePrice, "averagePrice");
    Checks.positive(postTradePrice, "postTradePrice");
    Checks.positive(dailyVolatility, "dailyVolatility");
    Checks.positive(averageDailyVolume, "averageDailyVolume");
    Checks.notNull(sharesOutstanding, "sharesOutstanding");
    if (sharesOutstanding.isPresent()) {
      Checks.positive(sharesOutstanding.getAsDouble(), "sharesOutstanding");
    }
  }

  /** Returns the realised cost J as a fraction of the arrival price (positive = cost). */
  public double realizedCost() {
    return sideSign * (averagePrice - arrivalPrice) / arrivalPrice;
  }

  /** Returns the permanent impact I as a fraction of the arrival price (positive = adverse). */
  public double permanentImpact() {
    return sideSign * (postTradePrice - arrivalPrice) / arrivalPrice;
  }

  /** Returns the market conditions of this observation. */
  public MarketConditions market() {
    return new MarketConditions(arrivalPrice, dailyVolatility, averageDailyVolume, sharesOutstanding);
  }
}
