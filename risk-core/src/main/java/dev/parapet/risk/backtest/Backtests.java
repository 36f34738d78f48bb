package dev.parapet.risk.backtest;

import dev.parapet.api.Checks;
import dev.parapet.api.InvalidValueException;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Backtests of VaR and ES forecasts. Inputs are aligned day by day: realised P&amp;L (gains positive, losses
 * negative) and the VaR and ES forecast for that day as positive losses. Day {@code t} is an exception when
 * its loss exceeds the VaR forecast, {@code -pnl[t] > var[t]}.
 * <p>
 * Stateless and thread-safe.
 */
public final class Backtests {

  /** The default number of simulated histories behind the Z2 p-value. */
  public static final int DEFAULT_Z2_SIMULATIONS = 10_000;
  /** The default seed of the Z2 simulation, fixed so that a report is reproducible. */
  public static final long DEFAULT_Z2_SEED = 20_141_201L;

  private static final double[] PLUS_FACTOR_250_AT_99 = {0, 0, 0, 0, 0, 0.40, 0.50, 0.65, 0.75, 0.85, 1.00};

  private Backtests() {
  }

  /**
   * Runs every backtest.
   *
   * @param pnl realised P&amp;L per day, finite
   * @param var VaR forecast per day (positive loss), finite
   * @param es ES forecast per day (positive loss), finite, &gt; 0 and &gt;= the day's VaR
   * @param confidence the confidence level of both forecasts, e.g. 0.975
   * @return the report
   */
  public static BacktestReport run(double[] pnl, double[] var, double[] es, double confidence) {
    checkSeries(pnl, var, es);
    Checks.openUnitInterval(confidence, "confidence");
    boolean[] hits = exceptions(pnl, var);
    int x = count(hits);
    LikelihoodRatioTest pof = kupiecPof(x, pnl.length, confidence);
    LikelihoodRatioTest ind = christoffersenIndependence(hits);
    double cc = pof.statistic() + ind.statistic();
    LikelihoodRatioTest conditional = new LikelihoodRatioTest("christoffersen-conditional-coverage", cc, 2,
        chiSquaredSurvival(cc, 2));
    Z2Test z2 = acerbiSzekelyZ2(pnl, var, es, confidence, DEFAULT_Z2_SIMULATIONS, DEFAULT_Z2_SEED);
    return new BacktestReport(pnl.length, confidence, x, pof, ind, conditional, z2,
        trafficLight(x, pnl.length, confidence));
  }

  /** Returns which days are exceptions: {@code -pnl[t] > var[t]}. */
  public static boolean[] exceptions(double[] pnl, double[] var) {
    Checks.notNull(pnl, "pnl");
    Checks.notNull(var, "var");
    Checks.check(pnl.length == var.length, "var.length", var.length, "equal to pnl.length " + pnl.length);
    boolean[] hits = new boolean[pnl.length];
    for (int t = 0; t < pnl.length; t++) {
      finite(pnl[t], "pnl", t);
      finite(var[t], "var", t);
      hits[t] = -pnl[t] > var[t];
    }
    return hits;
  }

  /**
   * Kupiec's proportion-of-failures test: with {@code x} exceptions in {@code n} days and coverage
   * {@code p = 1 - confidence},
   * {@code LR = -2 [(n - x) ln(1 - p) + x ln p] + 2 [(n - x) ln(1 - x/n) + x ln(x/n)]}, chi-squared with one
   * degree of freedom (Kupiec 1995, "Techniques for verifying the accuracy of risk measurement models",
   * J. Derivatives 3(2), eq. 5); {@code 0 ln 0 = 0}.
   */
  public static LikelihoodRatioTest kupiecPof(int exceptions, int observations, double confidence) {
    Checks.positive(observations, "observations");
    Checks.check(exceptions >= 0 && exceptions <= observations, "exceptions", exceptions,
        "in [0, observations = " + observations + "]");
    Checks.openUnitInterval(confidence, "confidence");
    double p = 1 - confidence;
    int n = observations;
    int x = exceptions;
    double observed = (double) x / n;
    double lr = -2 * (xlog(n - x, 1 - p) + xlog(x, p)) + 2 * (xlog(n - x, 1 - observed) + xlog(x, observed));
    lr = Math.max(lr, 0);
    return new LikelihoodRatioTest("kupiec-pof", lr, 1, chiSquaredSurvival(lr, 1));
  }

  /**
   * Christoffersen's test that exceptions are independent (a first-order Markov chain against
   * independence): with {@code n_ij} the transitions from state i to j over consecutive days,
   * {@code pi01 = n01 / (n00 + n01)}, {@code pi11 = n11 / (n10 + n11)}, {@code pi = (n01 + n11) / (n - 1)},
   * {@code LR = -2 ln[(1 - pi)^(n00 + n10) pi^(n01 + n11)]
   * + 2 ln[(1 - pi01)^n00 pi01^n01 (1 - pi11)^n10 pi11^n11]}, chi-squared with one degree of freedom
   * (Christoffersen 1998, "Evaluating interval forecasts", International Economic Review 39(4), Section 3.2).
   */
  public static LikelihoodRatioTest christoffersenIndependence(boolean[] exceptions) {
    Checks.notNull(exceptions, "exceptions");
    Checks.check(exceptions.length >= 2, "exceptions.length", exceptions.length, ">= 2 days");
    long n00 = 0;
    long n01 = 0;
    long n10 = 0;
    long n11 = 0;
    for (int t = 1; t < exceptions.length; t++) {
      if (exceptions[t - 1]) {
        if (exceptions[t]) {
          n11++;
        } else {
          n10++;
        }
      } else if (exceptions[t]) {
        n01++;
      } else {
        n00++;
      }
    }
    double pi01 = n00 + n01 == 0 ? 0 : (double) n01 / (n00 + n01);
    double pi11 = n10 + n11 == 0 ? 0 : (double) n11 / (n10 + n11);
    double pi = (double) (n01 + n11) / (n00 + n01 + n10 + n11);
    double restricted = xlog(n00 + n10, 1 - pi) + xlog(n01 + n11, pi);
    double unrestricted = xlog(n00, 1 - pi01) + xlog(n01, pi01) + xlog(n10, 1 - pi11) + xlog(n11, pi11);
    double lr = Math.max(-2 * (restricted - unrestricted), 0);
    return new LikelihoodRatioTest("christoffersen-independence", lr, 1, chiSquaredSurvival(lr, 1));
  }

  /** Runs the Z2 test with the default number of simulations and seed. */
  public static Z2Test acerbiSzekelyZ2(double[] pnl, double[] var, double[] es, double confidence) {
    return acerbiSzekelyZ2(pnl, var, es, confidence, DEFAULT_Z2_SIMULATIONS, DEFAULT_Z2_SEED);
  }

  /**
   * The Acerbi–Szekely Z2 test of ES: with losses {@code L_t = -pnl[t]}, exception indicators
   * {@code I_t = 1{L_t > VaR_t}}, {@code T} days and coverage {@code p = 1 - confidence},
   * {@code Z2 = 1 - sum_t L_t I_t / (T p ES_t)} (Acerbi and Szekely 2014, "Backtesting expected shortfall",
   * Risk, December, eq. for Z2 with P&amp;L sign reversed). Its expectation is 0 when the ES forecasts are
   * right; negative values mean risk was underestimated.
   * <p>
   * <b>p-value.</b> The test needs each day's whole predictive distribution, which a VaR/ES history does not
   * carry. Following the paper's observation that the critical values of Z2 hardly depend on the
   * distribution, the null is simulated with, for each day, the normal loss distribution that has exactly
   * that day's VaR and ES: {@code sigma_t = (ES_t - VaR_t) / (phi(z)/p - z)}, {@code mu_t = VaR_t - sigma_t z},
   * {@code z = Phi^-1(confidence)}. The p-value is {@code (1 + #{Z2_sim <= Z2}) / (1 + simulations)}.
   *
   * @param pnl realised P&amp;L per day
   * @param var VaR forecast per day (positive loss)
   * @param es ES forecast per day (positive loss), &gt; 0 and &gt;= the day's VaR
   * @param confidence the confidence level of the forecasts
   * @param simulations the number of simulated histories, &gt; 0
   * @param seed the seed of the simulation
   */
  public static Z2Test acerbiSzekelyZ2(double[] pnl, double[] var, double[] es, double confidence, int simulations,
      long seed) {
    checkSeries(pnl, var, es);
    Checks.openUnitInterval(confidence, "confidence");
    Checks.positive(simulations, "simulations");
    int n = pnl.length;
    double p = 1 - confidence;
    double observed = z2(pnl, var, es, p);
    NormalDistribution normal = new NormalDistribution(null, 0, 1);
    double z = normal.inverseCumulativeProbability(confidence);
    double k = normal.density(z) / p - z;
    double[] mu = new double[n];
    double[] sigma = new double[n];
    for (int t = 0; t < n; t++) {
      sigma[t] = (es[t] - var[t]) / k;
      mu[t] = var[t] - sigma[t] * z;
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    int atOrBelow = 0;
    for (int m = 0; m < simulations; m++) {
      double sum = 0;
      for (int t = 0; t < n; t++) {
        double loss = mu[t] + sigma[t] * gaussian(rnd);
        if (loss > var[t]) {
          sum += loss / es[t];
        }
      }
      double simulated = 1 - sum / (n * p);
      if (simulated <= observed) {
        atOrBelow++;
      }
    }
    return new Z2Test(observed, (1.0 + atOrBelow) / (1.0 + simulations), simulations, seed);
  }

  /**
   * Classifies a VaR backtest with the Basel traffic light (see {@link TrafficLight}).
   *
   * @param exceptions the number of exceptions
   * @param observations the number of days
   * @param confidence the VaR confidence level, 0.99 in the Basel framework
   */
  public static TrafficLight trafficLight(int exceptions, int observations, double confidence) {
    Checks.positive(observations, "observations");
    Checks.check(exceptions >= 0 && exceptions <= observations, "exceptions", exceptions,
        "in [0, observations = " + observations + "]");
    Checks.openUnitInterval(confidence, "confidence");
    double cumulative = new BinomialDistribution(null, observations, 1 - confidence).cumulativeProbability(exceptions);
    TrafficLightZone zone = cumulative < 0.95 ? TrafficLightZone.GREEN
        : cumulative < 0.9999 ? TrafficLightZone.YELLOW : TrafficLightZone.RED;
    OptionalDouble plus = observations == 250 && Math.abs(confidence - 0.99) < 1e-12
        ? OptionalDouble.of(PLUS_FACTOR_250_AT_99[Math.min(exceptions, 10)])
        : OptionalDouble.empty();
    return new TrafficLight(zone, exceptions, observations, confidence, Math.min(cumulative, 1.0), plus);
  }

  private static double z2(double[] pnl, double[] var, double[] es, double p) {
    double sum = 0;
    for (int t = 0; t < pnl.length; t++) {
      double loss = -pnl[t];
      if (loss > var[t]) {
        sum += loss / es[t];
      }
    }
    return 1 - sum / (pnl.length * p);
  }

  /** A standard normal draw by the Box–Muller transform (one of the pair is used). */
  private static double gaussian(SplittableRandom rnd) {
    double u1 = 1.0 - rnd.nextDouble();
    double u2 = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  private static void checkSeries(double[] pnl, double[] var, double[] es) {
    Checks.notNull(pnl, "pnl");
    Checks.notNull(var, "var");
    Checks.notNull(es, "es");
    Checks.check(pnl.length > 0, "pnl.length", 0, "at least one day");
    Checks.check(var.length == pnl.length, "var.length", var.length, "equal to pnl.length " + pnl.length);
    Checks.check(es.length == pnl.length, "es.length", es.length, "equal to pnl.length " + pnl.length);
    for (int t = 0; t < pnl.length; t++) {
      finite(pnl[t], "pnl", t);
      finite(var[t], "var", t);
      finite(es[t], "es", t);
      if (!(es[t] > 0)) {
        throw new InvalidValueException("es[" + t + "]", Double.toString(es[t]), "> 0 (a loss)", null);
      }
      if (es[t] < var[t]) {
        throw new InvalidValueException("es[" + t + "]", Double.toString(es[t]), ">= var[" + t + "] = " + var[t], null);
      }
    }
  }

  private static void finite(double v, String field, int t) {
    if (!Double.isFinite(v)) {
      throw new InvalidValueException(field + "[" + t + "]", Double.toString(v), "a finite number", null);
    }
  }

  private static int count(boolean[] hits) {
    int x = 0;
    for (boolean h : hits) {
      if (h) {
        x++;
      }
    }
    return x;
  }

  private static double xlog(double count, double probability) {
    return count == 0 ? 0 : count * Math.log(probability);
  }

  private static double chiSquaredSurvival(double statistic, int degreesOfFreedom) {
    if (statistic <= 0) {
      return 1;
    }
    double sf = 1 - new ChiSquaredDistribution(null, degreesOfFreedom).cumulativeProbability(statistic);
    return Math.min(Math.max(sf, 0), 1);
  }
}
