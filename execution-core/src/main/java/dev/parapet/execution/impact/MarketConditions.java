package dev.parapet.execution.impact;

import dev.parapet.api.Checks;
import java.util.OptionalDouble;

/**
 * The market figures an impact model needs for one instrument.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param price the pre-trade (arrival) price S0, in currency, &gt; 0
 * @param dailyVolatility the volatility as a fraction of the price per &radic;trading day, &gt;= 0
 *     (the price volatility of Almgren–Chriss is {@code dailyVolatility * price})
 * @param averageDailyVolume the average daily volume V in shares, &gt; 0
 * @param sharesOutstanding the shares outstanding &Theta;, needed only by the 2005 model
 */
public record MarketConditions(double price, double dailyVolatility, double averageDailyVolume,
    OptionalDouble sharesOutstanding) {

  /** Validates the fields. */
  public MarketConditions {
    Checks.positive(price, "price");
    Checks.nonNegative(dailyVolatility, "dailyVolatility");
    Checks.positive(averageDailyVolume, "averageDailyVolume");
    Checks.notNull(sharesOutstanding, "sharesOutstanding");
    if (sharesOutstanding.isPresent()) {
      Checks.positive(sharesOutstanding.getAsDouble(), "sharesOutstanding");
    }
  }

  /** Creates conditions without shares outstanding. */
  public static MarketConditions of(double price, double dailyVolatility, double averageDailyVolume) {
    return new MarketConditions(price, dailyVolatility, averageDailyVolume, OptionalDouble.empty());
  }

  /** Returns a copy with the shares outstanding set. */
  public MarketConditions withSharesOutstanding(double sharesOutstanding) {
    return new MarketConditions(price, dailyVolatility, averageDailyVolume, OptionalDouble.of(sharesOutstanding));
  }

  /** Returns the price volatility {@code sigma = dailyVolatility * price}, in currency per &radic;day. */
  public double priceVolatility() {
    return dailyVolatility * price;
  }
}
