package dev.parapet.risk.es;

import dev.parapet.api.Checks;

/**
 * Static factories of the VaR and ES estimators. Every estimator takes a P&amp;L or return series (gains
 * positive, losses negative) and reports losses as positive numbers, at any confidence level (default
 * {@link RiskEstimator#DEFAULT_CONFIDENCE}, 97.5%).
 * <ul>
 *   <li>{@link #historical()}: with {@code n} observations the tail holds {@code w = n(1 - alpha)} of them,
 *       the {@code floor(w)} largest losses with weight 1 and the next with weight {@code w - floor(w)};
 *       ES is their weighted mean and VaR the {@code (floor(w) + 1)}-th largest loss (Acerbi and Tasche
 *       2002, J. Banking &amp; Finance 26(7), Proposition 4.1).</li>
 *   <li>{@link #normal()}: {@code VaR = mu + sigma z}, {@code ES = mu + sigma phi(z) / (1 - alpha)} with
 *       the loss's sample mean and standard deviation ({@code n - 1}) and {@code z = Phi^-1(alpha)}
 *       (McNeil, Frey and Embrechts 2015, Quantitative Risk Management, Example 2.14).</li>
 *   <li>{@link #studentT()}: a location-scale t fitted by maximum likelihood, closed-form ES (see
 *       {@link StudentTFit#expectedShortfall(double)}).</li>
 *   <li>{@link #cornishFisher()}: the Cornish–Fisher quantile with sample skewness and excess kurtosis of
 *       the loss, and its exact tail mean as ES.</li>
 *   <li>{@link #filteredHistorical(double)}: historical simulation of EWMA-devolatilised returns rescaled
 *       to today's volatility.</li>
 *   <li>{@link #evt(double, int)}: peaks over threshold with a GPD tail fitted by maximum likelihood (see
 *       {@link GpdFit}).</li>
 * </ul>
 */
public final class RiskEstimators {

  /** The RiskMetrics daily EWMA decay factor, 0.94 (RiskMetrics Technical Document 1996, Section 5.3.2). */
  public static final double DEFAULT_EWMA_LAMBDA = 0.94;
  /** The default EVT threshold: losses above their empirical 90% quantile form the tail. */
  public static final double DEFAULT_EVT_THRESHOLD_QUANTILE = 0.90;
  /** The default fewest exceedances an EVT tail fit accepts. */
  public static final int DEFAULT_EVT_MINIMUM_EXCEEDANCES = 20;

  private static final RiskEstimator HISTORICAL = new HistoricalEstimator();
  private static final RiskEstimator NORMAL = new NormalEstimator();
  private static final RiskEstimator STUDENT_T = new StudentTEstimator();
  private static final RiskEstimator CORNISH_FISHER = new CornishFisherEstimator();
  private static final RiskEstimator FHS = new FilteredHistoricalEstimator(DEFAULT_EWMA_LAMBDA);
  private static final PotGpdEstimator EVT =
      new PotGpdEstimator(DEFAULT_EVT_THRESHOLD_QUANTILE, DEFAULT_EVT_MINIMUM_EXCEEDANCES);

  private RiskEstimators() {
  }

  /** Returns the historical-simulation estimator (Acerbi–Tasche tail, needs 1 observation). */
  public static RiskEstimator historical() {
    return HISTORICAL;
  }

  /** Returns the parametric normal estimator (needs 2 observations). */
  public static RiskEstimator normal() {
    return NORMAL;
  }

  /** Returns the Student-t maximum-likelihood estimator (needs 10 observations, not all equal). */
  public static RiskEstimator studentT() {
    return STUDENT_T;
  }

  /** Returns the Cornish–Fisher estimator (needs 4 observations). */
  public static RiskEstimator cornishFisher() {
    return CORNISH_FISHER;
  }

  /** Returns filtered historical simulation with the RiskMetrics decay factor 0.94. */
  public static RiskEstimator filteredHistorical() {
    return FHS;
  }

  /**
   * Returns filtered historical simulation with an EWMA decay factor.
   *
   * @param lambda the decay factor in (0, 1)
   */
  public static RiskEstimator filteredHistorical(double lambda) {
    return new FilteredHistoricalEstimator(lambda);
  }

  /** Returns the EVT estimator with a 90% threshold and at least 20 exceedances (so 200 observations). */
  public static RiskEstimator evt() {
    return EVT;
  }

  /**
   * Returns the EVT (peaks-over-threshold GPD) estimator.
   *
   * @param thresholdQuantile the loss quantile used as threshold in (0, 1); estimates need a confidence above it
   * @param minimumExceedances the fewest losses above the threshold to fit, &gt; 0
   */
  public static RiskEstimator evt(double thresholdQuantile, int minimumExceedances) {
    return new PotGpdEstimator(thresholdQuantile, minimumExceedances);
  }

  /** Returns the estimator of a method with its default parameters. */
  public static RiskEstimator of(EsMethod method) {
    switch (Checks.notNull(method, "method")) {
      case HISTORICAL:
        return HISTORICAL;
      case NORMAL:
        return NORMAL;
      case STUDENT_T:
        return STUDENT_T;
      case CORNISH_FISHER:
        return CORNISH_FISHER;
      case FILTERED_HISTORICAL:
        return FHS;
      case EVT:
        return EVT;
      default:
        throw new AssertionError(method);
    }
  }

  /**
   * Fits a location-scale Student-t to a series by maximum likelihood.
   *
   * @param series the series, at least 10 finite values, not all equal
   * @return the fit
   */
  public static StudentTFit fitStudentT(double[] series) {
    return StudentTEstimator.fit(series);
  }

  /**
   * Fits a generalised Pareto tail to the losses of a P&amp;L series above their empirical quantile.
   *
   * @param pnl the series, gains positive and losses negative
   * @param thresholdQuantile the loss quantile used as threshold in (0, 1)
   * @param minimumExceedances the fewest losses above the threshold to fit
   * @return the fit
   */
  public static GpdFit fitGpd(double[] pnl, double thresholdQuantile, int minimumExceedances) {
    return new PotGpdEstimator(thresholdQuantile, minimumExceedances).fit(pnl);
  }
}
