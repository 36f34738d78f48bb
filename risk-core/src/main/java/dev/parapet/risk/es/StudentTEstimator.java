package dev.parapet.risk.es;

import dev.parapet.risk.EstimationException;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.apache.commons.math3.special.Gamma;

/**
 * Student-t VaR and ES with location, scale and degrees of freedom fitted by maximum likelihood (see
 * {@link RiskEstimators#studentT()}).
 * <p>
 * The fit maximises the profile likelihood in {@code ln nu} with Brent's method over
 * {@code nu in [1.05, 1000]}; for each {@code nu} the location and scale are the EM fixed point of Liu and
 * Rubin (1995, "ML estimation of the t distribution using EM and its extensions, ECM and ECME", Statistica
 * Sinica 5, Section 3): weights {@code w_i = (nu + 1) / (nu + d_i^2)}, location the weighted mean, scale^2
 * the weighted mean square deviation.
 */
final class StudentTEstimator extends AbstractEstimator {

  static final double MIN_NU = 1.05;
  static final double MAX_NU = 1000;
  static final int MINIMUM_OBSERVATIONS = 10;

  StudentTEstimator() {
    super(EsMethod.STUDENT_T, MINIMUM_OBSERVATIONS);
  }

  @Override
  RiskEstimate compute(double[] pnl, double confidence) {
    StudentTFit fit = fit(pnl);
    return new RiskEstimate(EsMethod.STUDENT_T, confidence, pnl.length, fit.valueAtRisk(confidence),
        fit.expectedShortfall(confidence));
  }

  static StudentTFit fit(double[] x) {
    validate(x, RiskEstimator.DEFAULT_CONFIDENCE, EsMethod.STUDENT_T.label(), MINIMUM_OBSERVATIONS);
    Profile profile = new Profile(x);
    if (!(profile.sampleScale > 0)) {
      throw new EstimationException(
          "student-t fit needs a series that is not constant, every value was " + x[0]);
    }
    BrentOptimizer brent = new BrentOptimizer(1e-10, 1e-12);
    UnivariatePointValuePair best = brent.optimize(new MaxEval(500), GoalType.MAXIMIZE,
        new UnivariateObjectiveFunction(profile), new SearchInterval(Math.log(MIN_NU), Math.log(MAX_NU), Math.log(5)));
    double nu = Math.exp(best.getPoint());
    double ll = profile.value(best.getPoint());
    return new StudentTFit(profile.location, Math.sqrt(profile.scale2), nu, ll, x.length);
  }

  /** Log-likelihood of a location-scale t. */
  static double logLikelihood(double[] x, double location, double scale, double nu) {
    int n = x.length;
    double s = 0;
    for (double v : x) {
      double d = (v - location) / scale;
      s += Math.log1p(d * d / nu);
    }
    return n * (Gamma.logGamma((nu + 1) / 2) - Gamma.logGamma(nu / 2) - 0.5 * Math.log(nu * Math.PI) - Math.log(scale))
        - (nu + 1) / 2 * s;
  }

  /** The profile log-likelihood in {@code ln nu}, warm-starting EM from the previous evaluation. */
  private static final class Profile implements UnivariateFunction {
    final double[] x;
    final double sampleScale;
    double location;
    double scale2;

    Profile(double[] x) {
      this.x = x;
      double mean = 0;
      for (double v : x) {
        mean += v;
      }
      mean /= x.length;
      double var = 0;
      for (double v : x) {
        var += (v - mean) * (v - mean);
      }
      var /= x.length;
      this.sampleScale = Math.sqrt(var);
      this.location = mean;
      this.scale2 = var;
    }

    @Override
    public double value(double lnNu) {
      double nu = Math.exp(lnNu);
      int n = x.length;
      for (int iter = 0; iter < 10_000; iter++) {
        double sw = 0;
        double swx = 0;
        for (double v : x) {
          double d = v - location;
          double w = (nu + 1) / (nu + d * d / scale2);
          sw += w;
          swx += w * v;
        }
        double newLocation = swx / sw;
        double ss = 0;
        for (double v : x) {
          double d = v - newLocation;
          double w = (nu + 1) / (nu + (v - location) * (v - location) / scale2);
          ss += w * d * d;
        }
        double newScale2 = ss / n;
        boolean done = Math.abs(newLocation - location) <= 1e-12 * sampleScale
            && Math.abs(newScale2 - scale2) <= 1e-12 * scale2;
        location = newLocation;
        scale2 = newScale2;
        if (done) {
          break;
        }
      }
      return logLikelihood(x, location, Math.sqrt(scale2), nu);
    }
  }
}
