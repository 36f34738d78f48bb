package dev.parapet.risk.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.risk.EstimationException;
import java.util.Random;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

class StudentTEstimatorTest {

  @Test
  void standard_t_es_matches_the_closed_form_to_1e_6() {
    // scipy.stats.t: nu = 4, alpha = 0.975: q = 2.7764451051977934,
    // ES = f(q)/0.025 * (4 + q^2)/3 = 3.99355702271285 (and the tail integral E[T | T > q] = 3.993557022712848)
    StudentTFit t4 = new StudentTFit(0, 1, 4, -1, 100);
    assertThat(t4.valueAtRisk(0.975)).isCloseTo(2.7764451051977934, within(1e-6));
    assertThat(t4.expectedShortfall(0.975)).isCloseTo(3.99355702271285, within(1e-6));
    // nu = 3, alpha = 0.99: q = 4.540702858568132, ES = 7.003082036242108
    StudentTFit t3 = new StudentTFit(0, 1, 3, -1, 100);
    assertThat(t3.valueAtRisk(0.99)).isCloseTo(4.540702858568132, within(1e-6));
    assertThat(t3.expectedShortfall(0.99)).isCloseTo(7.003082036242108, within(1e-6));
  }

  @Test
  void location_and_scale_enter_linearly_with_losses_positive() {
    // X = 0.5 + 2 T_6; loss -X: VaR = -0.5 + 2 * 2.4469118511449786, ES = -0.5 + 2 * 3.2561510974232535 (scipy)
    StudentTFit fit = new StudentTFit(0.5, 2, 6, -1, 100);
    assertThat(fit.valueAtRisk(0.975)).isCloseTo(-0.5 + 2 * 2.4469118511449786, within(1e-6));
    assertThat(fit.expectedShortfall(0.975)).isCloseTo(-0.5 + 2 * 3.2561510974232535, within(1e-6));
  }

  @Test
  void closed_form_agrees_with_numerical_tail_integral_for_non_integer_nu() {
    double nu = 3.7;
    double alpha = 0.975;
    TDistribution t = new TDistribution(null, nu, 1e-14);
    double q = t.inverseCumulativeProbability(alpha);
    // E[T | T > q] = (1 / (1 - alpha)) * integral_q^inf x f(x) dx; substitute x = q / s, s in (0, 1]
    IterativeLegendreGaussIntegrator gauss = new IterativeLegendreGaussIntegrator(32, 1e-13, 1e-15);
    double integral = gauss.integrate(1_000_000, s -> {
      double x = q / s;
      return x * t.density(x) * q / (s * s);
    }, 1e-9, 1);
    StudentTFit fit = new StudentTFit(0, 1, nu, -1, 100);
    assertThat(fit.expectedShortfall(alpha)).isCloseTo(integral / (1 - alpha), within(1e-6));
  }

  @Test
  void estimate_equals_closed_form_at_the_fitted_parameters() {
    long seed = 31L;
    System.out.println("seed=" + seed);
    double[] x = Samples.studentT(new Random(seed), 5_000, 4, 0.001, 0.01);
    StudentTFit fit = RiskEstimators.fitStudentT(x);
    RiskEstimate e = RiskEstimators.studentT().estimate(x, 0.975);
    // the closed form evaluated here with commons-math3's t quantile and density
    TDistribution t = new TDistribution(null, fit.degreesOfFreedom(), 1e-14);
    double q = t.inverseCumulativeProbability(0.975);
    double standardEs = t.density(q) / 0.025 * (fit.degreesOfFreedom() + q * q) / (fit.degreesOfFreedom() - 1);
    assertThat(e.var()).isCloseTo(-fit.location() + fit.scale() * q, within(1e-6 * fit.scale()));
    assertThat(e.es()).isCloseTo(-fit.location() + fit.scale() * standardEs, within(1e-6 * fit.scale()));
  }

  @Test
  void mle_recovers_the_generating_parameters() {
    long seed = 32L;
    System.out.println("seed=" + seed);
    double[] x = Samples.studentT(new Random(seed), 20_000, 4, 0.001, 0.01);
    StudentTFit fit = RiskEstimators.fitStudentT(x);
    // asymptotic standard errors at n = 20,000: nu about 0.15, scale about 0.8%, location about 0.00008
    assertThat(fit.degreesOfFreedom()).isCloseTo(4.0, within(0.6));
    assertThat(fit.scale()).isCloseTo(0.01, within(0.0004));
    assertThat(fit.location()).isCloseTo(0.001, within(0.0003));
    assertThat(fit.observations()).isEqualTo(20_000);
    // and the ES is within sampling error of the generating distribution's: -0.001 + 0.01 * 3.99355702271285
    assertThat(RiskEstimators.studentT().estimate(x, 0.975).es()).isCloseTo(-0.001 + 0.01 * 3.99355702271285,
        within(0.003));
  }

  @Test
  void fit_is_a_local_maximum_of_the_likelihood() {
    long seed = 33L;
    System.out.println("seed=" + seed);
    double[] x = Samples.studentT(new Random(seed), 2_000, 5, 0, 2);
    StudentTFit fit = RiskEstimators.fitStudentT(x);
    double ll = logLikelihood(x, fit.location(), fit.scale(), fit.degreesOfFreedom());
    assertThat(fit.logLikelihood()).isCloseTo(ll, within(1e-6 * Math.abs(ll)));
    double[] steps = {1e-3, -1e-3};
    for (double h : steps) {
      assertThat(logLikelihood(x, fit.location() + h * fit.scale(), fit.scale(), fit.degreesOfFreedom()))
          .isLessThanOrEqualTo(ll);
      assertThat(logLikelihood(x, fit.location(), fit.scale() * (1 + h), fit.degreesOfFreedom()))
          .isLessThanOrEqualTo(ll);
      assertThat(logLikelihood(x, fit.location(), fit.scale(), fit.degreesOfFreedom() * (1 + 10 * h)))
          .isLessThanOrEqualTo(ll);
    }
  }

  @Test
  void constant_series_cannot_be_fitted() {
    double[] x = new double[20];
    java.util.Arrays.fill(x, 1.5);
    assertThatThrownBy(() -> RiskEstimators.studentT().estimate(x, 0.975)).isInstanceOf(EstimationException.class)
        .hasMessageContaining("constant");
  }

  /** The location-scale t log-likelihood, written out from the density with commons-math3's. */
  private static double logLikelihood(double[] x, double location, double scale, double nu) {
    TDistribution t = new TDistribution(null, nu);
    double s = 0;
    for (double v : x) {
      s += t.logDensity((v - location) / scale) - Math.log(scale);
    }
    return s;
  }
}
