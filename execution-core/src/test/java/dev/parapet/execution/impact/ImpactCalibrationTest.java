package dev.parapet.execution.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.api.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Calibration recovers known coefficients from executions simulated with them (seeded; the seed is
 * printed). Each estimate must lie within 4 standard errors of the truth, and the standard error must be
 * small enough for that to mean something.
 */
class ImpactCalibrationTest {

  private static final long SEED = 20_050_710L;

  @Test
  void recovers_linear_almgren_chriss_coefficients_from_simulated_intervals() {
    System.out.println("ImpactCalibrationTest linear seed " + SEED);
    SplittableRandom rnd = new SplittableRandom(SEED);
    double gamma = 2.5e-7;
    double eta = 2.5e-6;
    double epsilon = 0.0625;
    double sigma = 0.05; // $/share/sqrt(day): a quiet market, so that permanent impact is measurable
    double tau = 0.05;
    List<IntervalObservation> obs = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      int side = rnd.nextBoolean() ? 1 : -1;
      double n = 1_000 + rnd.nextDouble() * 49_000;
      double before = 50 + rnd.nextDouble();
      // section 1.2-1.3: execution at S_(k-1) + s (eps + eta n / tau) (+ noise), S_k = S_(k-1) + s gamma n + sigma sqrt(tau) xi
      double avg = before + side * (epsilon + eta * n / tau) + 0.01 * gaussian(rnd);
      double after = before + side * gamma * n + sigma * Math.sqrt(tau) * gaussian(rnd);
      obs.add(new IntervalObservation(side, n, tau, before, avg, after));
    }
    ImpactCalibration.LinearFit fit = ImpactCalibration.linear(obs);
    assertRecovered(fit.gamma(), gamma);
    assertRecovered(fit.eta(), eta);
    assertRecovered(fit.epsilon(), epsilon);
    assertThat(fit.model().eta()).isEqualTo(fit.eta().value());
  }

  @Test
  void recovers_square_root_prefactor_from_simulated_orders() {
    System.out.println("ImpactCalibrationTest square-root seed " + SEED);
    SplittableRandom rnd = new SplittableRandom(SEED + 1);
    double y = 0.8;
    List<ExecutionObservation> obs = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      int side = rnd.nextBoolean() ? 1 : -1;
      double v = 1e6 + rnd.nextDouble() * 9e6;
      double x = v * (0.001 + rnd.nextDouble() * 0.2);
      double sigma = 0.01 + rnd.nextDouble() * 0.03;
      double cost = y * sigma * Math.sqrt(x / v) + 5e-4 * gaussian(rnd);
      double arrival = 20 + 80 * rnd.nextDouble();
      obs.add(new ExecutionObservation(side, x, 0.5, arrival, arrival * (1 + side * cost), arrival, sigma, v,
          OptionalDouble.empty()));
    }
    assertRecovered(ImpactCalibration.squareRoot(obs), y);
  }

  @Test
  void recovers_almgren_thum_coefficients_from_simulated_orders() {
    System.out.println("ImpactCalibrationTest almgren-thum seed " + SEED);
    SplittableRandom rnd = new SplittableRandom(SEED + 2);
    AlmgrenThumImpactModel truth = AlmgrenThumImpactModel.paperCoefficients();
    List<ExecutionObservation> obs = new ArrayList<>();
    for (int i = 0; i < 800; i++) {
      int side = rnd.nextBoolean() ? 1 : -1;
      double v = 1e6 + rnd.nextDouble() * 9e6;
      double theta = v * (50 + 450 * rnd.nextDouble());
      double x = v * (0.005 + rnd.nextDouble() * 0.2);
      double t = 0.1 + 0.9 * rnd.nextDouble();
      double sigma = 0.01 + rnd.nextDouble() * 0.03;
      MarketConditions m = MarketConditions.of(50, sigma, v).withSharesOutstanding(theta);
      double permanent = truth.permanentImpact(x, m) + 5e-4 * gaussian(rnd);
      double realized = 0.5 * permanent + truth.temporaryImpact(x, t, m) + 3e-4 * gaussian(rnd);
      double arrival = 20 + 80 * rnd.nextDouble();
      obs.add(new ExecutionObservation(side, x, t, arrival, arrival * (1 + side * realized),
          arrival * (1 + side * permanent), sigma, v, OptionalDouble.of(theta)));
    }
    ImpactCalibration.AlmgrenThumFit fit = ImpactCalibration.almgrenThum(obs);
    assertRecovered(fit.gamma(), 0.314);
    assertRecovered(fit.eta(), 0.142);
  }

  @Test
  void exact_data_gives_exact_coefficients() {
    // three intervals on the line slippage = 0.05 + 1e-6 * rate, no noise
    List<IntervalObservation> obs = List.of(
        new IntervalObservation(1, 1_000, 1, 50, 50 + 0.05 + 1e-6 * 1_000, 50 + 2e-7 * 1_000),
        new IntervalObservation(-1, 2_000, 1, 50, 50 - 0.05 - 1e-6 * 2_000, 50 - 2e-7 * 2_000),
        new IntervalObservation(1, 4_000, 2, 50, 50 + 0.05 + 1e-6 * 2_000, 50 + 2e-7 * 4_000));
    ImpactCalibration.LinearFit fit = ImpactCalibration.linear(obs);
    assertThat(fit.epsilon().value()).isCloseTo(0.05, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(fit.eta().value()).isCloseTo(1e-6, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(fit.gamma().value()).isCloseTo(2e-7, org.assertj.core.api.Assertions.within(1e-13));
  }

  @Test
  void rejects_too_few_or_degenerate_observations() {
    assertThatThrownBy(() -> ImpactCalibration.linear(List.of()))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("intervals.size");
    IntervalObservation same = new IntervalObservation(1, 1_000, 1, 50, 50.1, 50);
    assertThatThrownBy(() -> ImpactCalibration.linear(List.of(same, same, same)))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("distinct");
    ExecutionObservation noTheta = new ExecutionObservation(1, 1e5, 1, 50, 50.1, 50.05, 0.02, 1e6,
        OptionalDouble.empty());
    assertThatThrownBy(() -> ImpactCalibration.almgrenThum(List.of(noTheta, noTheta)))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("sharesOutstanding");
  }

  private static void assertRecovered(CoefficientFit fit, double truth) {
    System.out.printf("  %s = %.6g (se %.3g, truth %.6g)%n", fit.name(), fit.value(), fit.standardError(), truth);
    assertThat(fit.standardError()).as(fit.name() + " standard error").isLessThan(0.1 * Math.abs(truth));
    assertThat(Math.abs(fit.value() - truth)).as(fit.name()).isLessThan(4 * fit.standardError());
  }

  private static double gaussian(SplittableRandom rnd) {
    // Box-Muller
    double u = 1 - rnd.nextDouble();
    double v = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
