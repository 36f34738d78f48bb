package dev.parapet.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.api.InvalidValueException;
import org.junit.jupiter.api.Test;

class RegimeModelTest {

  @Test
  void stationary_probability_is_p_over_p_plus_q() {
    // two-state chain: pi_stressed = p / (p + q) = 0.01 / 0.06 = 1/6
    assertThat(RegimeModel.defaults().stationaryStressedProbability()).isCloseTo(1.0 / 6.0, within(1e-15));
    assertThat(RegimeModel.calmOnly().stationaryStressedProbability()).isEqualTo(0.0);
    assertThat(RegimeModel.stressedOnly().stationaryStressedProbability()).isEqualTo(1.0);
    // absorbing stress
    assertThat(new RegimeModel(0.1, 0.0, 2, 1, Regime.CALM).stationaryStressedProbability()).isEqualTo(1.0);
  }

  @Test
  void multipliers_apply_only_under_stress() {
    RegimeModel m = new RegimeModel(0.01, 0.05, 2.5, 1.8, Regime.CALM);
    assertThat(m.volatilityMultiplier(Regime.CALM)).isEqualTo(1.0);
    assertThat(m.volatilityMultiplier(Regime.STRESSED)).isEqualTo(2.5);
    assertThat(m.volumeMultiplier(Regime.CALM)).isEqualTo(1.0);
    assertThat(m.volumeMultiplier(Regime.STRESSED)).isEqualTo(1.8);
    assertThat(m.switches()).isTrue();
    assertThat(RegimeModel.calmOnly().switches()).isFalse();
  }

  @Test
  void rejects_invalid_values() {
    assertThatThrownBy(() -> new RegimeModel(1.5, 0, 2, 1, Regime.CALM)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("calmToStressedPerDay");
    assertThatThrownBy(() -> new RegimeModel(0, Double.NaN, 2, 1, Regime.CALM))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("stressedToCalmPerDay");
    assertThatThrownBy(() -> new RegimeModel(0, 0, 0.5, 1, Regime.CALM)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("stressedVolatilityRatio");
    assertThatThrownBy(() -> new RegimeModel(0, 0, 2, 1, null)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("initialRegime");
  }
}
