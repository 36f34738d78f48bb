package dev.parapet.risk.crowding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.api.InvalidValueException;
import org.junit.jupiter.api.Test;

class ConcentrationTest {

  @Test
  void matches_hand_calculation() {
    // |x| = 50, 30, 20 (the flat position is ignored) -> w = 0.5, 0.3, 0.2
    // HHI = 0.25 + 0.09 + 0.04 = 0.38; effective N = 1 / 0.38 = 2.631578947368421
    // Gini: mean absolute difference over all ordered pairs = 2 * (0.1 + 0.3 + 0.2) / 9 = 0.13333,
    // divided by twice the mean (2/3): 0.2
    // top 2 = 0.8
    ConcentrationMetrics m = Concentration.of(new double[] {50, -30, 20, 0}, 2);
    assertThat(m.count()).isEqualTo(3);
    assertThat(m.hhi()).isCloseTo(0.38, within(1e-12));
    assertThat(m.effectiveN()).isCloseTo(2.631578947368421, within(1e-12));
    assertThat(m.gini()).isCloseTo(0.2, within(1e-12));
    assertThat(m.topNShare()).isCloseTo(0.8, within(1e-12));
  }

  @Test
  void equal_weights_have_hhi_one_over_n_and_no_inequality() {
    ConcentrationMetrics m = Concentration.of(new double[] {10, -10, 10, -10, 10}, 3);
    assertThat(m.hhi()).isCloseTo(0.2, within(1e-12));
    assertThat(m.effectiveN()).isCloseTo(5, within(1e-12));
    assertThat(m.gini()).isCloseTo(0, within(1e-12));
    assertThat(m.topNShare()).isCloseTo(0.6, within(1e-12));
  }

  @Test
  void single_position_is_fully_concentrated() {
    ConcentrationMetrics m = Concentration.of(new double[] {0, 0, 7}, 5);
    assertThat(m.hhi()).isEqualTo(1.0);
    assertThat(m.effectiveN()).isEqualTo(1.0);
    assertThat(m.gini()).isZero();
    assertThat(m.topNShare()).isEqualTo(1.0);
  }

  @Test
  void one_dominant_position_among_many_approaches_gini_n_minus_one_over_n() {
    // 1 large and 99 tiny: Gini -> (n - 1)/n = 0.99 as the tiny ones vanish
    double[] x = new double[100];
    java.util.Arrays.fill(x, 1e-9);
    x[0] = 1;
    assertThat(Concentration.of(x, 1).gini()).isCloseTo(0.99, within(1e-6));
  }

  @Test
  void empty_book_has_zero_figures() {
    ConcentrationMetrics m = Concentration.of(new double[0], 5);
    assertThat(m.count()).isZero();
    assertThat(m.hhi()).isZero();
  }

  @Test
  void rejects_nan_exposure() {
    assertThatThrownBy(() -> Concentration.of(new double[] {1, Double.NaN}, 1))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("exposures[1]");
  }
}
