package dev.parapet.risk.crowding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.api.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

class CorrelationMatrixTest {

  @Test
  void matches_hand_calculation() {
    // x = 1, 2, 3, 4; y = 2x -> 1; z = reversed -> -1;
    // w = 1, -1, 1, -1: centred x = -1.5, -0.5, 0.5, 1.5; dot = -2; |x| = sqrt 5, |w| = 2 -> -1/sqrt 5
    double[][] r = {{1, 2, 3, 4}, {2, 4, 6, 8}, {4, 3, 2, 1}, {1, -1, 1, -1}};
    CorrelationMatrix c = CorrelationMatrix.of(List.of("x", "y", "z", "w"), r);
    assertThat(c.get("x", "y")).isCloseTo(1, within(1e-12));
    assertThat(c.get("x", "z")).isCloseTo(-1, within(1e-12));
    assertThat(c.get("x", "w")).isCloseTo(-1 / Math.sqrt(5), within(1e-12));
    assertThat(c.get(2, 2)).isEqualTo(1);
    // off-diagonal mean: (1 - 1 - 0.4472 - 1 - 0.4472 + 0.4472) / 6
    double avg = (1 - 1 - 1 / Math.sqrt(5) - 1 - 1 / Math.sqrt(5) + 1 / Math.sqrt(5)) / 6;
    assertThat(c.averagePairwiseCorrelation()).isCloseTo(avg, within(1e-12));
    assertThat(c.standardDeviation(0)).isCloseTo(Math.sqrt(5.0 / 3), within(1e-12));
  }

  @Test
  void agrees_with_commons_math_pearson_on_random_data() {
    long seed = 111L;
    System.out.println("seed=" + seed);
    Random rnd = new Random(seed);
    int n = 12;
    int t = 60;
    double[][] rows = new double[n][t];
    double[][] columns = new double[t][n];
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add("I" + i);
      for (int k = 0; k < t; k++) {
        rows[i][k] = rnd.nextGaussian() + (i % 3) * 0.5 * Math.sin(k);
        columns[k][i] = rows[i][k];
      }
    }
    double[][] reference = new PearsonsCorrelation(columns).getCorrelationMatrix().getData();
    CorrelationMatrix c = CorrelationMatrix.of(ids, rows);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        assertThat(c.get(i, j)).isCloseTo(reference[i][j], within(1e-12));
      }
    }
  }

  @Test
  void absorption_ratio_of_uncorrelated_series_is_the_largest_variance_share() {
    // x and y orthogonal and centred: covariance diagonal, var x = 4/3, var y = 16/3 -> AR(1) = 16 / 20 = 0.8
    double[][] r = {{1, -1, 1, -1}, {2, 2, -2, -2}};
    CorrelationMatrix c = CorrelationMatrix.of(List.of("x", "y"), r);
    assertThat(c.get(0, 1)).isCloseTo(0, within(1e-15));
    assertThat(c.absorptionRatio(1)).isCloseTo(0.8, within(1e-12));
    assertThat(c.absorptionRatio(2)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void absorption_ratio_of_one_factor_is_one() {
    double[][] r = {{1, 2, 0, -1, 3}, {2, 4, 0, -2, 6}, {-3, -6, 0, 3, -9}};
    CorrelationMatrix c = CorrelationMatrix.of(List.of("a", "b", "c"), r);
    assertThat(c.absorptionRatio(1)).isCloseTo(1.0, within(1e-9));
    assertThat(CorrelationMatrix.defaultEigenvectors(500)).isEqualTo(100);
    assertThat(CorrelationMatrix.defaultEigenvectors(3)).isEqualTo(1);
  }

  @Test
  void constant_series_is_uncorrelated_with_everything() {
    CorrelationMatrix c = CorrelationMatrix.of(List.of("flat", "x"), new double[][] {{5, 5, 5}, {1, 2, 4}});
    assertThat(c.get(0, 1)).isZero();
    assertThat(c.get(0, 0)).isEqualTo(1.0);
  }

  @Test
  void rejects_bad_input() {
    assertThatThrownBy(() -> CorrelationMatrix.of(List.of("a"), new double[][] {{1}}))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("at least 2 days");
    assertThatThrownBy(() -> CorrelationMatrix.of(List.of("a", "b"), new double[][] {{1, 2}, {1, Double.NaN}}))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("returns[1][1]");
  }
}
