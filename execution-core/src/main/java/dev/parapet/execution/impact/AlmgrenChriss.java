package dev.parapet.execution.impact;

import dev.parapet.api.Checks;

/**
 * The optimal execution trajectory of Almgren and Chriss (2000), "Optimal Execution of Portfolio
 * Transactions", J. Risk 3(2), section 2.2, for the linear impact model: the schedule minimising
 * {@code E[x] + lambda V[x]} over {@code N} intervals of {@code tau = T / N} days.
 * <p>
 * With {@code eta~ = eta - gamma tau / 2}, the urgency {@code kappa} solves (equation after (18))
 * <pre>
 *   (2 / tau^2) (cosh(kappa tau) - 1) = lambda sigma^2 / eta~
 * </pre>
 * and the holdings are {@code x_j = sinh(kappa (T - t_j)) / sinh(kappa T) * X}. The expected cost and
 * variance have the closed forms (section 2.2, the formulas following the trajectory)
 * <pre>
 *   E = 1/2 gamma X^2 + epsilon X + eta~ X^2 tanh(kappa tau / 2) (tau sinh(2 kappa T) + 2 T sinh(kappa tau))
 *                                      / (2 tau^2 sinh^2(kappa T))
 *   V = 1/2 sigma^2 X^2 (tau sinh(kappa T) cosh(kappa (T - tau)) - T sinh(kappa tau))
 *                        / (sinh^2(kappa T) sinh(kappa tau))
 * </pre>
 * As {@code lambda -> 0}, {@code kappa -> 0} and the trajectory becomes the straight line with
 * {@code E = 1/2 gamma X^2 + epsilon X + eta~ X^2 / T} and
 * {@code V = 1/3 sigma^2 X^2 T (1 - 1/N)(1 - 1/(2N))} (section 2.1).
 * <p>
 * Units are the paper's: shares, days, {@code sigma} in currency per share per &radic;day,
 * {@code eta}, {@code gamma}, {@code epsilon} as in {@link LinearImpactModel}, {@code lambda} per
 * currency unit, {@code kappa} per day. Where the closed forms lose precision ({@code kappa T} below
 * 1e-2, where V's numerator cancels, or above 300, where sinh overflows) E and V are summed over the
 * trajectory instead, which is exact for the discrete model.
 * <p>
 * This class is stateless and thread-safe.
 */
public final class AlmgrenChriss {

  private static final double SMALL_KAPPA_T = 1e-2;
  private static final double LARGE_KAPPA_T = 300;

  private AlmgrenChriss() {
  }

  /**
   * Computes the optimal trajectory.
   *
   * @param shares the quantity X to trade, &gt; 0
   * @param horizonDays the horizon T in trading days, &gt; 0
   * @param intervals the number of intervals N, &gt; 0
   * @param sigma the price volatility, currency per share per &radic;day, &gt;= 0
   * @param model the linear impact coefficients; {@code eta~} must be &gt; 0
   * @param lambda the risk aversion, per currency unit, &gt;= 0
   * @return the trajectory with kappa, E[x] and V[x]
   */
  public static AlmgrenChrissSolution optimal(double shares, double horizonDays, int intervals, double sigma,
      LinearImpactModel model, double lambda) {
    Checks.positive(shares, "shares");
    Checks.positive(horizonDays, "horizonDays");
    Checks.positive(intervals, "intervals");
    Checks.nonNegative(sigma, "sigma");
    Checks.notNull(model, "model");
    Checks.nonNegative(lambda, "lambda");
    double tau = horizonDays / intervals;
    double etaTilde = model.etaTilde(tau);
    Checks.check(etaTilde > 0, "eta - gamma*tau/2", etaTilde,
        "> 0 (temporary impact must exceed half the permanent impact over one interval)");
    double kappa = kappa(lambda, sigma, etaTilde, tau);
    double[] x = holdings(shares, horizonDays, intervals, kappa);
    TradeSchedule schedule = TradeSchedule.ofHoldings(tau, x);

    double kt = kappa * horizonDays;
    double expected;
    double variance;
    if (kt == 0) {
      expected = 0.5 * model.gamma() * shares * shares + model.epsilon() * shares + etaTilde * shares * shares
          / horizonDays;
      variance = sigma * sigma * shares * shares * horizonDays * (1 - 1.0 / intervals) * (1 - 0.5 / intervals) / 3;
    } else if (kt < SMALL_KAPPA_T || kt > LARGE_KAPPA_T) {
      expected = model.expectedCost(schedule);
      variance = sigma * sigma * schedule.holdingsSquaredTime();
    } else {
      double sinhKt = Math.sinh(kt);
      double sinhKtau = Math.sinh(kappa * tau);
      expected = 0.5 * model.gamma() * shares * shares + model.epsilon() * shares
          + etaTilde * shares * shares * Math.tanh(0.5 * kappa * tau)
          * (tau * Math.sinh(2 * kt) + 2 * horizonDays * sinhKtau) / (2 * tau * tau * sinhKt * sinhKt);
      variance = 0.5 * sigma * sigma * shares * shares
          * (tau * sinhKt * Math.cosh(kappa * (horizonDays - tau)) - horizonDays * sinhKtau)
          / (sinhKt * sinhKt * sinhKtau);
    }
    return new AlmgrenChrissSolution(schedule, kappa, etaTilde, lambda, expected, variance);
  }

  /**
   * Returns the discrete-time urgency kappa per day, solving
   * {@code cosh(kappa tau) - 1 = tau^2 lambda sigma^2 / (2 eta~)} (Almgren and Chriss 2000, section 2.2).
   */
  public static double kappa(double lambda, double sigma, double etaTilde, double intervalDays) {
    Checks.nonNegative(lambda, "lambda");
    Checks.nonNegative(sigma, "sigma");
    Checks.positive(etaTilde, "etaTilde");
    Checks.positive(intervalDays, "intervalDays");
    double z = intervalDays * intervalDays * lambda * sigma * sigma / (2 * etaTilde);
    // acosh(1 + z) = log1p(z + sqrt(z (z + 2))), accurate for small z
    return Math.log1p(z + Math.sqrt(z * (z + 2))) / intervalDays;
  }

  /**
   * Returns the holdings {@code x_j = X sinh(kappa (T - t_j)) / sinh(kappa T)} at {@code t_j = j T / N};
   * the straight line when {@code kappa = 0}. Evaluated as a ratio of exponentials so that it does
   * not overflow for large {@code kappa T}.
   */
  static double[] holdings(double shares, double horizonDays, int intervals, double kappa) {
    double[] x = new double[intervals + 1];
    for (int j = 0; j <= intervals; j++) {
      x[j] = shares * remainingFraction(kappa, horizonDays, horizonDays * j / intervals);
    }
    x[0] = shares;
    x[intervals] = 0.0;
    return x;
  }

  /**
   * Returns {@code sinh(kappa (T - t)) / sinh(kappa T)}, the fraction of the order still held at time
   * {@code t} in {@code [0, T]} on the optimal trajectory; {@code 1 - t / T} when {@code kappa = 0}.
   */
  public static double remainingFraction(double kappa, double horizonDays, double t) {
    if (t <= 0) {
      return 1.0;
    }
    if (t >= horizonDays) {
      return 0.0;
    }
    double a = kappa * (horizonDays - t);
    double b = kappa * horizonDays;
    if (b < 1e-8) {
      return (horizonDays - t) / horizonDays;
    }
    // sinh(a) / sinh(b) = e^(a - b) (1 - e^(-2a)) / (1 - e^(-2b))
    return Math.exp(a - b) * (-Math.expm1(-2 * a)) / (-Math.expm1(-2 * b));
  }
}
