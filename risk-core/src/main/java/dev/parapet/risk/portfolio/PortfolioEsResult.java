package dev.parapet.risk.portfolio;

import dev.parapet.api.Checks;
import java.util.List;

/**
 * Portfolio VaR and ES with their allocation to instruments, losses as positive numbers in the unit of
 * exposure times return (currency).
 * <p>
 * Component ES is the Euler allocation {@code C_i = x_i * dES/dx_i}, which sums to the total ES because ES
 * is positively homogeneous (Tasche 1999, "Risk contributions and performance measurement", TU Munich,
 * Section 4; for historical ES the derivative is the tail-weighted mean loss of the instrument, Scaillet
 * 2004, Mathematical Finance 14(1)). Marginal ES is {@code dES/dx_i}, the ES added per unit of exposure.
 * <p>
 * This class is immutable and thread-safe; array accessors return copies.
 */
public final class PortfolioEsResult {

  private final List<String> instrumentIds;
  private final double confidence;
  private final int scenarioCount;
  private final double var;
  private final double es;
  private final double[] componentEs;
  private final double[] marginalEs;

  PortfolioEsResult(List<String> instrumentIds, double confidence, int scenarioCount, double var, double es,
      double[] componentEs, double[] marginalEs) {
    this.instrumentIds = instrumentIds;
    this.confidence = confidence;
    this.scenarioCount = scenarioCount;
    this.var = var;
    this.es = es;
    this.componentEs = componentEs;
    this.marginalEs = marginalEs;
  }

  /** Returns the instrument ids, in the order of the component and marginal arrays. */
  public List<String> instrumentIds() {
    return instrumentIds;
  }

  /** Returns the confidence level. */
  public double confidence() {
    return confidence;
  }

  /** Returns the number of scenarios. */
  public int scenarioCount() {
    return scenarioCount;
  }

  /** Returns the portfolio value at risk. */
  public double var() {
    return var;
  }

  /** Returns the portfolio expected shortfall. */
  public double es() {
    return es;
  }

  /** Returns the component ES of every instrument (a copy); they sum to {@link #es()}. */
  public double[] componentEs() {
    return componentEs.clone();
  }

  /** Returns the marginal ES of every instrument (a copy). */
  public double[] marginalEs() {
    return marginalEs.clone();
  }

  /** Returns the component ES of instrument row {@code i}. */
  public double componentEs(int i) {
    return componentEs[i];
  }

  /** Returns the marginal ES of instrument row {@code i}. */
  public double marginalEs(int i) {
    return marginalEs[i];
  }

  /** Returns the component ES of an instrument by id. */
  public double componentEs(String instrumentId) {
    int i = instrumentIds.indexOf(instrumentId);
    Checks.check(i >= 0, "instrumentId", instrumentId, "an instrument of this result");
    return componentEs[i];
  }
}
