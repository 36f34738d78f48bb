package dev.parapet.simulator.internal;

import dev.parapet.api.Checks;
import dev.parapet.simulator.Regime;
import dev.parapet.simulator.RegimeModel;

/**
 * Draws independent scenarios of one-day log returns from the market model: for each scenario a regime
 * from the chain's stationary distribution, a common Student-t scale and a correlated normal vector.
 * Pure function of the model, the count and the seed: thread-safe.
 */
public final class ScenarioGenerator {

  private ScenarioGenerator() {
  }

  /** Returns {@code count} rows of {@code n} daily log returns, columns in instrument order. */
  public static double[][] dailyLogReturns(MarketModel model, int count) {
    Checks.positive(count, "count");
    int n = model.n;
    Rng rng = Rng.stream(model.seed, MarketModel.STREAM_SCENARIOS);
    RegimeModel rm = model.regimes;
    double pStressed = rm.stationaryStressedProbability();
    double[] z = new double[n];
    double[] scratch = new double[model.normals.scratchSize()];
    double[][] out = new double[count][n];
    for (int k = 0; k < count; k++) {
      Regime regime = rm.switches() ? (rng.nextDouble() < pStressed ? Regime.STRESSED : Regime.CALM)
          : rm.initialRegime();
      double volMult = rm.volatilityMultiplier(regime);
      double s = model.tailScale(rng);
      model.normals.next(rng, z, scratch);
      for (int i = 0; i < n; i++) {
        double sigma = model.dailyVol[i] * volMult;
        out[k][i] = model.dailyDrift[i] - 0.5 * sigma * sigma + sigma * s * z[i];
      }
    }
    return out;
  }
}
