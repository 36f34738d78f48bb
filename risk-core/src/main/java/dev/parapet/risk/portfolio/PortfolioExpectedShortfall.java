package dev.parapet.risk.portfolio;

import dev.parapet.api.Checks;
import dev.parapet.api.InvalidValueException;
import dev.parapet.risk.es.RiskEstimator;
import dev.parapet.risk.internal.TailMath;

/**
 * Historical expected shortfall of a portfolio over a {@link ScenarioMatrix}: the P&amp;L in scenario
 * {@code s} is {@code sum_i x_i r(i, s)} for signed exposures {@code x}, and ES uses the Acerbi–Tasche tail
 * of {@code w = S(1 - alpha)} scenarios (see {@link dev.parapet.risk.es.RiskEstimators#historical()}).
 * <p>
 * <b>Tail weights.</b> A scenario whose loss exceeds VaR has weight 1; the scenarios whose loss equals VaR
 * share the rest of {@code w} equally. This gives exactly the Acerbi–Tasche ES and makes the Euler
 * allocation {@code C_i = x_i sum_s weight_s (-r(i, s)) / w} independent of how ties are ordered; the
 * components sum to ES.
 * <p>
 * The tail is found by selection (expected linear time), not by sorting. Cost of {@link #compute}:
 * {@code O(N S)} for the P&amp;L plus {@code O(N w)} for the allocation. This class is immutable and
 * thread-safe; each call allocates its own scratch arrays.
 */
public final class PortfolioExpectedShortfall {

  private final ScenarioMatrix matrix;
  private final double confidence;

  private PortfolioExpectedShortfall(ScenarioMatrix matrix, double confidence) {
    this.matrix = matrix;
    this.confidence = confidence;
  }

  /**
   * Creates a calculator over a matrix at a confidence level.
   *
   * @param matrix the scenarios
   * @param confidence the confidence level in (0, 1)
   */
  public static PortfolioExpectedShortfall of(ScenarioMatrix matrix, double confidence) {
    return new PortfolioExpectedShortfall(Checks.notNull(matrix, "matrix"),
        Checks.openUnitInterval(confidence, "confidence"));
  }

  /** Creates a calculator at the default confidence level of 97.5%. */
  public static PortfolioExpectedShortfall of(ScenarioMatrix matrix) {
    return of(matrix, RiskEstimator.DEFAULT_CONFIDENCE);
  }

  /** Returns the matrix. */
  public ScenarioMatrix matrix() {
    return matrix;
  }

  /** Returns the confidence level. */
  public double confidence() {
    return confidence;
  }

  /**
   * Computes VaR, ES, component and marginal ES.
   *
   * @param exposures signed exposure per instrument row (currency; negative for short), finite
   * @return the result
   */
  public PortfolioEsResult compute(double[] exposures) {
    checkExposures(exposures, "exposures");
    int n = matrix.instrumentCount();
    int s = matrix.scenarioCount();
    double[] pnl = new double[s];
    addPnl(pnl, exposures);
    double[] losses = new double[s];
    for (int j = 0; j < s; j++) {
      losses[j] = -pnl[j];
    }
    double w = TailMath.tailSize(s, confidence);
    int m = TailMath.fullTailCount(w, s);
    double var = TailMath.nthLargest(losses.clone(), s, m);
    // tail scenarios and weights: weight 1 above VaR, the rest of w shared by the scenarios at VaR
    int above = 0;
    int ties = 0;
    for (int j = 0; j < s; j++) {
      if (losses[j] > var) {
        above++;
      } else if (losses[j] == var) {
        ties++;
      }
    }
    int[] tail = new int[above + ties];
    double[] weight = new double[above + ties];
    double tieWeight = (w - above) / ties;
    int t = 0;
    double es = 0;
    for (int j = 0; j < s; j++) {
      if (losses[j] > var) {
        tail[t] = j;
        weight[t++] = 1;
        es += losses[j];
      } else if (losses[j] == var) {
        tail[t] = j;
        weight[t++] = tieWeight;
      }
    }
    es = (es + (w - above) * var) / w;
    double[] values = matrix.values();
    double[] marginal = new double[n];
    double[] component = new double[n];
    for (int i = 0; i < n; i++) {
      int base = i * s;
      double acc = 0;
      for (int k = 0; k < tail.length; k++) {
        acc -= weight[k] * values[base + tail[k]];
      }
      marginal[i] = acc / w;
      component[i] = exposures[i] * marginal[i];
    }
    return new PortfolioEsResult(matrix.instrumentIds(), confidence, s, var, es, component, marginal);
  }

  /** Returns the portfolio ES only. */
  public double expectedShortfall(double[] exposures) {
    checkExposures(exposures, "exposures");
    double[] pnl = new double[matrix.scenarioCount()];
    addPnl(pnl, exposures);
    return esOfPnl(pnl);
  }

  /**
   * Returns the incremental ES of a trade: ES after adding {@code trade} to {@code exposures} minus ES
   * before. Positive when the trade adds risk.
   *
   * @param exposures current signed exposures per instrument row
   * @param trade the trade's signed exposure change per instrument row
   */
  public double incrementalEs(double[] exposures, double[] trade) {
    checkExposures(exposures, "exposures");
    checkExposures(trade, "trade");
    int s = matrix.scenarioCount();
    double[] pnl = new double[s];
    addPnl(pnl, exposures);
    double before = esOfPnl(pnl.clone());
    addPnl(pnl, trade);
    return esOfPnl(pnl) - before;
  }

  /**
   * Returns the incremental ES of a trade in one instrument.
   *
   * @param exposures current signed exposures per instrument row
   * @param instrument the instrument row traded
   * @param tradeExposure the signed exposure the trade adds (negative for a sale)
   */
  public double incrementalEs(double[] exposures, int instrument, double tradeExposure) {
    checkExposures(exposures, "exposures");
    Checks.finite(tradeExposure, "tradeExposure");
    Checks.check(instrument >= 0 && instrument < matrix.instrumentCount(), "instrument", instrument,
        "in [0, " + matrix.instrumentCount() + ")");
    int s = matrix.scenarioCount();
    double[] pnl = new double[s];
    addPnl(pnl, exposures);
    double before = esOfPnl(pnl.clone());
    double[] values = matrix.values();
    int base = instrument * s;
    for (int j = 0; j < s; j++) {
      pnl[j] += tradeExposure * values[base + j];
    }
    return esOfPnl(pnl) - before;
  }

  private void addPnl(double[] pnl, double[] exposures) {
    int s = matrix.scenarioCount();
    double[] values = matrix.values();
    for (int i = 0; i < exposures.length; i++) {
      double x = exposures[i];
      if (x == 0) {
        continue;
      }
      int base = i * s;
      for (int j = 0; j < s; j++) {
        pnl[j] += x * values[base + j];
      }
    }
  }

  /** ES of a P&amp;L vector; overwrites it with losses. */
  private double esOfPnl(double[] pnl) {
    int s = pnl.length;
    for (int j = 0; j < s; j++) {
      pnl[j] = -pnl[j];
    }
    double[] out = new double[2];
    TailMath.historical(pnl, s, confidence, out);
    return out[1];
  }

  private void checkExposures(double[] exposures, String field) {
    Checks.notNull(exposures, field);
    Checks.check(exposures.length == matrix.instrumentCount(), field + ".length", exposures.length,
        "one per instrument (" + matrix.instrumentCount() + ")");
    for (int i = 0; i < exposures.length; i++) {
      if (!Double.isFinite(exposures[i])) {
        throw new InvalidValueException(field + "[" + i + "]", Double.toString(exposures[i]), "a finite number",
            "instrument " + matrix.instrumentIds().get(i));
      }
    }
  }
}
