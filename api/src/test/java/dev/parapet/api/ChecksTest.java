package dev.parapet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChecksTest {

  @Test
  void messages_name_field_value_expectation_and_context() {
    assertThatThrownBy(() -> Checks.positive(-5L, "quantity", "order ABC-17")).isInstanceOf(InvalidValueException.class)
        .hasMessage("quantity must be > 0, was -5 (order ABC-17)");
    assertThatThrownBy(() -> Checks.positive(0, "count")).hasMessage("count must be > 0, was 0");
    assertThatThrownBy(() -> Checks.nonNegative(-1L, "size")).hasMessage("size must be >= 0, was -1");
    assertThatThrownBy(() -> Checks.finite(Double.NaN, "x")).hasMessage("x must be a finite number, was NaN");
    assertThatThrownBy(() -> Checks.inRange(Double.NaN, 0, 1, "w")).hasMessage("w must be in [0.0, 1.0], was NaN");
    assertThatThrownBy(() -> Checks.openUnitInterval(1.0, "alpha")).hasMessage("alpha must be in (0, 1), was 1.0");
    assertThatThrownBy(() -> Checks.openUnitInterval(0.0, "alpha")).hasMessage("alpha must be in (0, 1), was 0.0");
  }

  @Test
  void signed_zero_and_infinities() {
    assertThatThrownBy(() -> Checks.positive(-0.0, "p")).hasMessage("p must be a finite number > 0, was -0.0");
    assertThat(Checks.nonNegative(-0.0, "p")).isEqualTo(-0.0);
    assertThatThrownBy(() -> Checks.nonNegative(Double.POSITIVE_INFINITY, "p"))
        .hasMessage("p must be a finite number >= 0, was Infinity");
    assertThat(Checks.inRange(1.0, 0, 1, "w")).isEqualTo(1.0);
    assertThat(Checks.openUnitInterval(0.975, "alpha")).isEqualTo(0.975);
  }

  @Test
  void tick_grid_accepts_whole_ticks_and_refuses_fractions() {
    assertThat(Checks.onTickGrid(0.3, 0.1, "p", null)).isEqualTo(0.3); // 0.3 / 0.1 = 2.9999999999999996
    assertThat(Checks.onTickGrid(1.0E-8 * 12_345, 1.0E-8, "p", null)).isEqualTo(1.0E-8 * 12_345);
    assertThatThrownBy(() -> Checks.onTickGrid(0.35, 0.1, "p", "ctx"))
        .hasMessage("p must be a multiple of the tick size 0.1, was 0.35 (ctx)");
    assertThat(Checks.onLotGrid(0, 100, "q", null)).isZero();
    assertThatThrownBy(() -> Checks.onLotGrid(-150, 100, "q", null)).hasMessage("q must be a multiple of the lot size 100, was -150");
  }
}
