package dev.parapet.risk.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.api.InvalidValueException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FilteredHistoricalEstimatorTest {

  @Test
  void matches_hand_calculation_on_four_returns() {
    // r = 2, -2, 4, -4 with lambda = 0.5. Seed s2(1) = (4 + 4 + 16 + 16) / 4 = 10.
    // s2(2) = 0.5*10 + 0.5*4 = 7; s2(3) = 0.5*7 + 0.5*4 = 5.5; s2(4) = 0.5*5.5 + 0.5*16 = 10.75;
    // today s2(5) = 0.5*10.75 + 0.5*16 = 13.375.
    // rescaled losses -r(t) * sqrt(13.375 / s2(t)):
    //   -2*sqrt(1.3375) = -2.3130067012440754, 2*sqrt(13.375/7) = 2.7645717829090892,
    //   -4*sqrt(13.375/5.5) = -6.237715199421252, 4*sqrt(13.375/10.75) = 4.461723517228073
    // alpha = 0.5: w = 2 -> ES = (4.461723517228073 + 2.7645717829090892) / 2 = 3.613147650068581,
    // VaR = third largest = -2.3130067012440754
    RiskEstimate e = RiskEstimators.filteredHistorical(0.5).estimate(new double[] {2, -2, 4, -4}, 0.5);
    assertThat(e.es()).isCloseTo(3.613147650068581, within(1e-12));
    assertThat(e.var()).isCloseTo(-2.3130067012440754, within(1e-12));
  }

  @Test
  void rescales_to_the_latest_volatility() {
    // the same returns with a calm period appended have a lower forecast, so a lower ES
    double[] stressed = {0.01, -0.02, 0.015, -0.03, 0.02, -0.025, 0.03, -0.04};
    double[] calmed = new double[stressed.length + 60];
    System.arraycopy(stressed, 0, calmed, 0, stressed.length);
    for (int i = stressed.length; i < calmed.length; i++) {
      calmed[i] = (i % 2 == 0 ? 1 : -1) * 0.001;
    }
    double esStressed = RiskEstimators.filteredHistorical().estimate(stressed, 0.9).es();
    double esCalmed = RiskEstimators.filteredHistorical().estimate(calmed, 0.9).es();
    assertThat(esCalmed).isLessThan(esStressed / 2);
  }

  @Test
  void with_lambda_near_one_it_reduces_to_historical_simulation() {
    long seed = 51L;
    System.out.println("seed=" + seed);
    double[] x = Samples.normal(new Random(seed), 200_000, 0, 1);
    RiskEstimate e = RiskEstimators.filteredHistorical(0.999999).estimate(x, 0.975);
    // standard normal closed form ES = 2.3378027922014133; sampling error about 0.006
    assertThat(e.es()).isCloseTo(2.3378027922014133, within(0.03));
  }

  @Test
  void all_zero_returns_have_zero_risk() {
    RiskEstimate e = RiskEstimators.filteredHistorical().estimate(new double[5], 0.9);
    assertThat(e.es()).isZero();
    assertThat(e.var()).isZero();
  }

  @Test
  void rejects_lambda_outside_the_unit_interval() {
    assertThatThrownBy(() -> RiskEstimators.filteredHistorical(1.0)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("lambda");
  }
}
