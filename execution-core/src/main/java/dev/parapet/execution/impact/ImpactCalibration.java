package dev.parapet.execution.impact;

import dev.parapet.api.Checks;
import dev.parapet.api.InvalidValueException;
import java.util.List;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Calibration of impact coefficients from recorded executions by ordinary least squares.
 * <ul>
 *   <li>{@link #linear}: the Almgren–Chriss coefficients from intervals: {@code epsilon} and
 *       {@code eta} from the regression of the signed execution slippage on {@code [1, n / tau]},
 *       and {@code gamma} from the regression through the origin of the signed mid-price move on
 *       {@code n} (Almgren and Chriss 2000, sections 1.2-1.3).</li>
 *   <li>{@link #squareRoot}: {@code Y} from the regression through the origin of the realised cost
 *       {@code J} on {@code sigma sqrt(X / V)}.</li>
 *   <li>{@link #almgrenThum}: {@code gamma} from the regression through the origin of the permanent
 *       impact {@code I} on {@code sigma (X / V) (Theta / V)^(1/4)}, then {@code eta} from that of
 *       {@code J - I / 2} on {@code sigma (X / (V T))^(3/5)} (Almgren et al. 2005, section 4.3, with
 *       the exponents held at their fitted values).</li>
 * </ul>
 * Regressions are unweighted; the paper's heteroskedasticity weights are not applied.
 * <p>
 * This class is stateless and thread-safe.
 */
public final class ImpactCalibration {

  private ImpactCalibration() {
  }

  /** The linear Almgren–Chriss coefficients fitted from intervals. */
  public record LinearFit(CoefficientFit gamma, CoefficientFit eta, CoefficientFit epsilon) {

    /** Validates the fields. */
    public LinearFit {
      Checks.notNull(gamma, "gamma");
      Checks.notNull(eta, "eta");
      Checks.notNull(epsilon, "epsilon");
    }

    /** Returns the fitted model; negative estimates are floored at zero (eta at a tiny positive value). */
    public LinearImpactModel model() {
      return LinearImpactModel.of(Math.max(0, gamma.value()), Math.max(Double.MIN_NORMAL, eta.value()),
          Math.max(0, epsilon.value()));
    }
  }

  /** The 2005 model's coefficients. */
  public record AlmgrenThumFit(CoefficientFit gamma, CoefficientFit eta) {

    /** Validates the fields. */
    public AlmgrenThumFit {
      Checks.notNull(gamma, "gamma");
      Checks.notNull(eta, "eta");
    }

    /** Returns the fitted model; negative estimates are floored at zero. */
    public AlmgrenThumImpactModel model() {
      return AlmgrenThumImpactModel.of(Math.max(0, gamma.value()), Math.max(0, eta.value()));
    }
  }

  /**
   * Fits gamma, eta and epsilon of the linear model.
   *
   * @param intervals at least 3 observed intervals, with at least two distinct trading rates
   * @return the fit
   */
  public static LinearFit linear(List<IntervalObservation> intervals) {
    Checks.notNull(intervals, "intervals");
    int n = intervals.size();
    Checks.check(n >= 3, "intervals.size", n, ">= 3");
    double[] slippage = new double[n];
    double[][] rate = new double[n][1];
    double[] move = new double[n];
    double[][] shares = new double[n][1];
    for (int i = 0; i < n; i++) {
      IntervalObservation o = Checks.notNull(intervals.get(i), "intervals[" + i + "]");
      slippage[i] = o.sideSign() * (o.averagePrice() - o.priceBefore());
      rate[i][0] = o.shares() / o.intervalDays();
      move[i] = o.sideSign() * (o.priceAfter() - o.priceBefore());
      shares[i][0] = o.shares();
    }
    double[] b;
    double[] se;
    try {
      OLSMultipleLinearRegression temporary = new OLSMultipleLinearRegression();
      temporary.newSampleData(slippage, rate);
      b = temporary.estimateRegressionParameters();
      se = temporary.estimateRegressionParametersStandardErrors();
    } catch (MathIllegalArgumentException e) {
      throw new InvalidValueException("intervals", "degenerate (" + e.getMessage() + ")",
          "at least two distinct trading rates", null);
    }
    CoefficientFit gamma = throughOrigin("gamma", move, shares);
    return new LinearFit(gamma, new CoefficientFit("eta", b[1], se[1], n), new CoefficientFit("epsilon", b[0], se[0],
        n));
  }

  /**
   * Fits the prefactor Y of the square-root law.
   *
   * @param executions at least 2 recorded executions
   * @return the fit of Y
   */
  public static CoefficientFit squareRoot(List<ExecutionObservation> executions) {
    Checks.notNull(executions, "executions");
    int n = executions.size();
    Checks.check(n >= 2, "executions.size", n, ">= 2");
    double[] cost = new double[n];
    double[][] regressor = new double[n][1];
    for (int i = 0; i < n; i++) {
      ExecutionObservation o = Checks.notNull(executions.get(i), "executions[" + i + "]");
      cost[i] = o.realizedCost();
      regressor[i][0] = o.dailyVolatility() * Math.sqrt(o.quantity() / o.averageDailyVolume());
    }
    return throughOrigin("Y", cost, regressor);
  }

  /**
   * Fits gamma and eta of the 2005 model.
   *
   * @param executions at least 2 recorded executions, each with shares outstanding
   * @return the fit
   */
  public static AlmgrenThumFit almgrenThum(List<ExecutionObservation> executions) {
    Checks.notNull(executions, "executions");
    int n = executions.size();
    Checks.check(n >= 2, "executions.size", n, ">= 2");
    double[] permanent = new double[n];
    double[][] permanentRegressor = new double[n][1];
    for (int i = 0; i < n; i++) {
      ExecutionObservation o = Checks.notNull(executions.get(i), "executions[" + i + "]");
      Checks.check(o.sharesOutstanding().isPresent(), "executions[" + i + "].sharesOutstanding", "empty",
          "present for the Almgren-Thum-Hauptmann-Li model");
      double v = o.averageDailyVolume();
      permanent[i] = o.permanentImpact();
      permanentRegressor[i][0] = o.dailyVolatility() * (o.quantity() / v)
          * Math.pow(o.sharesOutstanding().getAsDouble() / v, AlmgrenThumImpactModel.TURNOVER_EXPONENT);
    }
    CoefficientFit gamma = throughOrigin("gamma", permanent, permanentRegressor);
    double[] temporary = new double[n];
    double[][] temporaryRegressor = new double[n][1];
    for (int i = 0; i < n; i++) {
      ExecutionObservation o = executions.get(i);
      temporary[i] = o.realizedCost() - 0.5 * o.permanentImpact();
      temporaryRegressor[i][0] = o.dailyVolatility()
          * Math.pow(o.quantity() / (o.averageDailyVolume() * o.durationDays()),
              AlmgrenThumImpactModel.TEMPORARY_EXPONENT);
    }
    return new AlmgrenThumFit(gamma, throughOrigin("eta", temporary, temporaryRegressor));
  }

  private static CoefficientFit throughOrigin(String name, double[] y, double[][] x) {
    try {
      OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
      ols.setNoIntercept(true);
      ols.newSampleData(y, x);
      return new CoefficientFit(name, ols.estimateRegressionParameters()[0],
          ols.estimateRegressionParametersStandardErrors()[0], y.length);
    } catch (MathIllegalArgumentException e) {
      throw new InvalidValueException("observations for " + name, "degenerate (" + e.getMessage() + ")",
          "at least two observations with a non-zero regressor", null);
    }
  }
}
