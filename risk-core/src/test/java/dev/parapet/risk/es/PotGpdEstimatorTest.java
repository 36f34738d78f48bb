package dev.parapet.risk.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.api.InvalidValueException;
import dev.parapet.risk.EstimationException;
import dev.parapet.risk.InsufficientHistoryException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PotGpdEstimatorTest {

  @Test
  void gpd_var_and_es_match_the_closed_form_by_hand() {
    // u = 1, xi = 0.5, beta = 2, N_u = 100 of n = 1000, alpha = 0.99:
    // VaR = 1 + (2 / 0.5) * ((1000/100 * 0.01)^-0.5 - 1) = 1 + 4 (sqrt(10) - 1) = 9.649110640673518
    // ES = VaR / (1 - 0.5) + (2 - 0.5 * 1) / (1 - 0.5) = 19.298221281347036 + 3 = 22.298221281347036
    GpdFit fit = new GpdFit(1, 0.5, 2, 100, 1000, -1);
    assertThat(fit.valueAtRisk(0.99)).isCloseTo(9.649110640673518, within(1e-9));
    assertThat(fit.expectedShortfall(0.99)).isCloseTo(22.298221281347036, within(1e-9));
  }

  @Test
  void exponential_tail_is_the_xi_zero_limit() {
    // xi = 0: VaR = u + beta ln(N_u / (n (1 - alpha))) = 1 + 2 ln 10 = 5.605170185988092, ES = VaR + beta
    GpdFit fit = new GpdFit(1, 0, 2, 100, 1000, -1);
    assertThat(fit.valueAtRisk(0.99)).isCloseTo(5.605170185988092, within(1e-9));
    assertThat(fit.expectedShortfall(0.99)).isCloseTo(7.605170185988092, within(1e-9));
  }

  @Test
  void mle_recovers_gpd_parameters_from_exact_gpd_excesses() {
    long seed = 61L;
    System.out.println("seed=" + seed);
    Random rnd = new Random(seed);
    double xi = 0.25;
    double beta = 1.5;
    double[] y = new double[20_000];
    for (int i = 0; i < y.length; i++) {
      // inverse of G(y) = 1 - (1 + xi y / beta)^(-1/xi)
      y[i] = beta / xi * (Math.pow(1 - rnd.nextDouble(), -xi) - 1);
    }
    Arrays.sort(y);
    GpdFit fit = PotGpdEstimator.fitExcesses(y, 0, 200_000);
    // asymptotic standard errors (Smith 1987): sd(xi) = (1 + xi)/sqrt(k) = 0.009, sd(beta)/beta about 0.011
    assertThat(fit.shape()).isCloseTo(xi, within(0.04));
    assertThat(fit.scale()).isCloseTo(beta, within(0.06));
  }

  @Test
  void fit_is_a_local_maximum_of_the_likelihood() {
    long seed = 62L;
    System.out.println("seed=" + seed);
    double[] x = Samples.studentT(new Random(seed), 5_000, 4, 0, 1);
    GpdFit fit = RiskEstimators.fitGpd(x, 0.9, 20);
    // the excesses over the fitted threshold, recomputed here
    double[] y = Arrays.stream(x).map(v -> -v - fit.threshold()).filter(v -> v > 0).toArray();
    assertThat(y.length).isEqualTo(fit.exceedances());
    double ll = gpdLogLikelihood(y, fit.shape(), fit.scale());
    assertThat(fit.logLikelihood()).isCloseTo(ll, within(1e-9 * Math.abs(ll)));
    for (double h : new double[] {1e-3, -1e-3}) {
      assertThat(gpdLogLikelihood(y, fit.shape() + h, fit.scale())).isLessThanOrEqualTo(ll);
      assertThat(gpdLogLikelihood(y, fit.shape(), fit.scale() * (1 + h))).isLessThanOrEqualTo(ll);
    }
  }

  @Test
  void converges_to_the_student_t_closed_form_on_a_large_sample() {
    long seed = 63L;
    System.out.println("seed=" + seed);
    double[] x = Samples.studentT(new Random(seed), 200_000, 4, 0, 1);
    RiskEstimate e = RiskEstimators.evt().estimate(x, 0.99);
    // t4 at 99% (scipy.stats.t): VaR = 3.746947387979196, ES = 5.220584194492224; a GPD tail above the 90% quantile
    // has a small approximation bias plus sampling error, so allow 3%
    assertThat(e.var()).isCloseTo(3.746947387979196, within(0.11));
    assertThat(e.es()).isCloseTo(5.220584194492224, within(0.16));
  }

  @Test
  void confidence_at_or_below_the_threshold_is_rejected() {
    assertThatThrownBy(() -> RiskEstimators.evt().estimate(RiskEstimatorContractTest.sample(), 0.9))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("threshold quantile 0.9");
  }

  @Test
  void too_few_exceedances_are_insufficient_history() {
    assertThat(RiskEstimators.evt().minimumObservations()).isEqualTo(200);
    assertThatThrownBy(() -> RiskEstimators.evt().estimate(new double[199], 0.975))
        .isInstanceOf(InsufficientHistoryException.class).hasMessageContaining("200");
  }

  @Test
  void infinite_mean_tail_is_an_estimation_error() {
    GpdFit fit = new GpdFit(1, 1.2, 2, 100, 1000, -1);
    assertThatThrownBy(() -> fit.expectedShortfall(0.99)).isInstanceOf(EstimationException.class)
        .hasMessageContaining("xi = 1.2");
  }

  /** GPD log-likelihood, written from the density (1/beta)(1 + xi y/beta)^(-1/xi - 1). */
  private static double gpdLogLikelihood(double[] y, double xi, double beta) {
    double s = 0;
    for (double v : y) {
      s += -Math.log(beta) - (1 / xi + 1) * Math.log(1 + xi * v / beta);
    }
    return s;
  }
}
