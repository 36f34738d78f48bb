package dev.parapet.simulator.internal;

import dev.parapet.api.model.Instrument;
import dev.parapet.simulator.InstrumentProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Draws plausible simulation parameters for instruments: calm annual volatility 18-38% tilted by sector,
 * prices log-uniform in 15-300, average daily volume log-normal around 2 million units, spreads wider for
 * thinner names, market loading 0.45-0.65 and sector loading 0.25-0.45.
 */
public final class ProfileGenerator {

  private static final Map<String, Double> SECTOR_VOLATILITY = Map.ofEntries(
      Map.entry("Information Technology", 1.15), Map.entry("Financials", 1.05), Map.entry("Health Care", 0.95),
      Map.entry("Consumer Discretionary", 1.10), Map.entry("Communication Services", 1.05),
      Map.entry("Industrials", 1.00), Map.entry("Consumer Staples", 0.80), Map.entry("Energy", 1.20),
      Map.entry("Utilities", 0.75), Map.entry("Real Estate", 0.90), Map.entry("Materials", 1.05));

  private static final double MEDIAN_ADV = 2_000_000;

  private ProfileGenerator() {
  }

  /** Draws one profile per instrument from the market seed's profile stream. */
  public static List<InstrumentProfile> generate(List<Instrument> instruments, long seed) {
    Rng rng = Rng.stream(seed, MarketModel.STREAM_PROFILES);
    List<InstrumentProfile> out = new ArrayList<>(instruments.size());
    for (Instrument instrument : instruments) {
      double vol = rng.uniform(0.18, 0.38) * SECTOR_VOLATILITY.getOrDefault(instrument.sector(), 1.0);
      double price = MarketModel.roundTick(StrictMath.exp(rng.uniform(StrictMath.log(15), StrictMath.log(300))),
          instrument.tickSize());
      double rawAdv = Math.min(5e7, Math.max(1e5, MEDIAN_ADV * StrictMath.exp(0.8 * rng.nextGaussian())));
      long lot = instrument.lotSize();
      long adv = Math.max(lot, Math.round(rawAdv / lot) * lot);
      double spreadBps = Math.min(25.0, Math.max(1.0, 3.0 * Math.sqrt(MEDIAN_ADV / adv)));
      double drift = rng.uniform(0.0, 0.10);
      double market = rng.uniform(0.45, 0.65);
      double sector = rng.uniform(0.25, 0.45);
      out.add(new InstrumentProfile(instrument, price, vol, drift, adv, spreadBps, market, sector));
    }
    return out;
  }
}
