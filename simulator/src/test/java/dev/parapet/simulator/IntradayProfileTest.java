package dev.parapet.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.api.InvalidValueException;
import org.junit.jupiter.api.Test;

class IntradayProfileTest {

  @Test
  void weights_match_hand_calculation() {
    // A = 1, a = 1, B = 0, two minutes at x = 0.25 and 0.75:
    // u = 1 + e^-0.25 = 1.7788007831, 1 + e^-0.75 = 1.4723665527; sum 3.2511673358
    // w = 0.5471268007, 0.4528731993
    double[] w = IntradayProfile.uShaped(1, 1, 0, 1).weights(2);
    assertThat(w[0]).isCloseTo(0.5471268007, within(1e-9));
    assertThat(w[1]).isCloseTo(0.4528731993, within(1e-9));
  }

  @Test
  void default_profile_is_u_shaped_and_sums_to_one() {
    double[] w = IntradayProfile.uShaped().weights(390);
    double sum = 0;
    for (double x : w) {
      assertThat(x).isPositive();
      sum += x;
    }
    assertThat(sum).isCloseTo(1.0, within(1e-12));
    double midday = w[195];
    assertThat(w[0]).isGreaterThan(2.5 * midday);
    assertThat(w[389]).isGreaterThan(2.0 * midday);
    // falls through the morning, rises through the afternoon
    assertThat(w[0]).isGreaterThan(w[30]);
    assertThat(w[30]).isGreaterThan(w[120]);
    assertThat(w[389]).isGreaterThan(w[360]);
    assertThat(w[360]).isGreaterThan(w[270]);
  }

  @Test
  void flat_profile_gives_equal_weights() {
    double[] w = IntradayProfile.flat().weights(4);
    assertThat(w).containsExactly(0.25, 0.25, 0.25, 0.25);
  }

  @Test
  void rejects_invalid_parameters() {
    assertThatThrownBy(() -> IntradayProfile.uShaped(-1, 1, 0, 1)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("openAmplitude");
    assertThatThrownBy(() -> IntradayProfile.uShaped(1, 0, 0, 1)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("openDecay");
    assertThatThrownBy(() -> IntradayProfile.flat().weights(0)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("minutes");
  }
}
