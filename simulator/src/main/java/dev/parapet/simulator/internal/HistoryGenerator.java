package dev.parapet.simulator.internal;

import dev.parapet.api.Checks;
import dev.parapet.api.calendar.MarketCalendar;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.BarInterval;
import dev.parapet.api.model.Instrument;
import dev.parapet.simulator.Regime;
import dev.parapet.simulator.RegimeModel;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Generates daily bars for the sessions before a market starts, from the same model as the live market
 * (daily regime chain, Student-t day scale, correlated overnight and intraday returns), rescaled so that
 * each instrument's last close is its initial price and the live simulation continues the history
 * seamlessly. Pure function of the model, the dates and the seed: thread-safe.
 */
public final class HistoryGenerator {

  private HistoryGenerator() {
  }

  /**
   * Returns the bars of the {@code sessions} trading days before {@code firstLiveDate}, ordered by date
   * and, within a date, by instrument.
   */
  public static List<Bar> dailyHistory(MarketModel model, MarketCalendar calendar, LocalDate firstLiveDate,
      int sessions) {
    Checks.positive(sessions, "sessions");
    LocalDate[] dates = new LocalDate[sessions];
    LocalDate d = firstLiveDate;
    for (int k = sessions - 1; k >= 0; k--) {
      d = calendar.previousTradingDay(d);
      dates[k] = d;
    }
    int n = model.n;
    Rng rng = Rng.stream(model.seed, MarketModel.STREAM_HISTORY);
    RegimeModel rm = model.regimes;
    Regime regime = rm.switches()
        ? (rng.nextDouble() < rm.stationaryStressedProbability() ? Regime.STRESSED : Regime.CALM)
        : rm.initialRegime();
    double omega = model.overnightVarianceShare;
    double[] z1 = new double[n];
    double[] z2 = new double[n];
    double[] scratch = new double[model.normals.scratchSize()];
    // log prices relative to an arbitrary start; shifted at the end
    double[][] open = new double[sessions][n];
    double[][] high = new double[sessions][n];
    double[][] low = new double[sessions][n];
    double[][] close = new double[sessions][n];
    long[][] volume = new long[sessions][n];
    double[] last = new double[n];
    for (int k = 0; k < sessions; k++) {
      if (k > 0) {
        regime = MarketModel.transition(regime, rng.nextDouble(), rm.calmToStressedPerDay(), rm.stressedToCalmPerDay());
      }
      double s = model.tailScale(rng);
      double volMult = rm.volatilityMultiplier(regime);
      double volumeMult = rm.volumeMultiplier(regime);
      model.normals.next(rng, z1, scratch);
      model.normals.next(rng, z2, scratch);
      for (int i = 0; i < n; i++) {
        double sigma = model.dailyVol[i] * volMult;
        double drift = model.dailyDrift[i] - 0.5 * sigma * sigma;
        double intradayVar = sigma * sigma * s * s * (1.0 - omega);
        double o = last[i] + drift * omega + sigma * s * Math.sqrt(omega) * z1[i];
        double b = drift * (1.0 - omega) + Math.sqrt(intradayVar) * z2[i];
        open[k][i] = o;
        close[k][i] = o + b;
        high[k][i] = o + MarketModel.bridgeMax(b, intradayVar, rng.nextOpenDouble());
        low[k][i] = o - MarketModel.bridgeMax(-b, intradayVar, rng.nextOpenDouble());
        double lot = model.instruments.get(i).lotSize();
        double v = model.adv[i] * volumeMult * StrictMath.exp(0.3 * rng.nextGaussian() - 0.045);
        volume[k][i] = Math.round(v / lot) * (long) lot;
        last[i] = close[k][i];
      }
    }
    List<Bar> out = new ArrayList<>(sessions * n);
    for (int k = 0; k < sessions; k++) {
      for (int i = 0; i < n; i++) {
        double shift = StrictMath.log(model.profiles.get(i).initialPrice()) - last[i];
        out.add(bar(model.instruments.get(i), dates[k], StrictMath.exp(open[k][i] + shift),
            StrictMath.exp(high[k][i] + shift), StrictMath.exp(low[k][i] + shift),
            k == sessions - 1 ? model.profiles.get(i).initialPrice() : StrictMath.exp(close[k][i] + shift),
            volume[k][i]));
      }
    }
    return List.copyOf(out);
  }

  /** Builds a bar on the tick grid from unrounded prices; the VWAP is the typical price (O+H+L+C)/4. */
  static Bar bar(Instrument instrument, LocalDate date, double open, double high, double low, double close,
      long volume) {
    double tick = instrument.tickSize();
    double o = MarketModel.roundTick(open, tick);
    double c = MarketModel.roundTick(close, tick);
    double h = Math.max(MarketModel.ceilTick(high, tick), Math.max(o, c));
    double l = Math.min(MarketModel.floorTick(low, tick), Math.min(o, c));
    double vwap = Math.min(h, Math.max(l, 0.25 * (o + h + l + c)));
    return new Bar(instrument.id(), BarInterval.DAILY, date.atStartOfDay(ZoneOffset.UTC).toInstant(), o, h, l, c,
        volume, OptionalDouble.of(vwap));
  }
}
