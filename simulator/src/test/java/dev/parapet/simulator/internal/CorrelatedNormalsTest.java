package dev.parapet.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.api.InvalidValueException;
import dev.parapet.api.model.Instrument;
import dev.parapet.simulator.InstrumentProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrelatedNormalsTest {

  @Test
  void cholesky_of_two_by_two_matches_closed_form() {
    // L = [[1, 0], [rho, sqrt(1 - rho^2)]] for [[1, rho], [rho, 1]]
    double rho = 0.6;
    double[][] l = CorrelatedNormals.choleskyFactor(new double[][] {{1, rho}, {rho, 1}});
    assertThat(l[0][0]).isCloseTo(1.0, within(1e-15));
    assertThat(l[0][1]).isEqualTo(0.0);
    assertThat(l[1][0]).isCloseTo(0.6, within(1e-15));
    assertThat(l[1][1]).isCloseTo(0.8, within(1e-15));
  }

  @Test
  void cholesky_of_three_by_three_matches_hand_calculation() {
    // C = [[1, .5, .25], [.5, 1, .5], [.25, .5, 1]]:
    // l11 = 1; l21 = .5; l22 = sqrt(1 - .25) = .8660254; l31 = .25;
    // l32 = (.5 - .25 * .5) / .8660254 = .4330127; l33 = sqrt(1 - .0625 - .1875) = .8660254
    double[][] l = CorrelatedNormals.choleskyFactor(new double[][] {{1, .5, .25}, {.5, 1, .5}, {.25, .5, 1}});
    assertThat(l[1][0]).isCloseTo(0.5, within(1e-12));
    assertThat(l[1][1]).isCloseTo(0.8660254038, within(1e-9));
    assertThat(l[2][0]).isCloseTo(0.25, within(1e-12));
    assertThat(l[2][1]).isCloseTo(0.4330127019, within(1e-9));
    assertThat(l[2][2]).isCloseTo(0.8660254038, within(1e-9));
  }

  @Test
  void rejects_matrices_that_are_not_correlation_matrices() {
    assertThatThrownBy(() -> CorrelatedNormals.cholesky(new double[][] {{1, .9, -.9}, {.9, 1, .9}, {-.9, .9, 1}}, 3))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("positive definite");
    assertThatThrownBy(() -> CorrelatedNormals.cholesky(new double[][] {{1, .5}, {.4, 1}}, 2))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("symmetric");
    assertThatThrownBy(() -> CorrelatedNormals.cholesky(new double[][] {{2, 0}, {0, 1}}, 2))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("correlation[0][0]");
    assertThatThrownBy(() -> CorrelatedNormals.cholesky(new double[][] {{1, 0}, {0, 1}}, 3))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("3 rows");
    assertThatThrownBy(() -> CorrelatedNormals.cholesky(new double[][] {{1, 0, 0}, {0, 1}, {0, 0, 1}}, 3))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("correlation[1]");
    assertThatThrownBy(() -> CorrelatedNormals.cholesky(new double[][] {{1, 1.5}, {1.5, 1}}, 2))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("[-1.0, 1.0]");
  }

  @Test
  void factor_model_correlation_is_market_times_market_plus_sector_times_sector() {
    List<InstrumentProfile> profiles = List.of(
        profile("A", "Energy", 0.6, 0.3),
        profile("B", "Energy", 0.5, 0.4),
        profile("C", "Utilities", 0.4, 0.2));
    double[][] c = CorrelatedNormals.factorModel(profiles).correlation();
    // same sector: .6 * .5 + .3 * .4 = .42; different sectors: market only, .6 * .4 = .24 and .5 * .4 = .20
    assertThat(c[0][1]).isCloseTo(0.42, within(1e-12));
    assertThat(c[0][2]).isCloseTo(0.24, within(1e-12));
    assertThat(c[1][2]).isCloseTo(0.20, within(1e-12));
    assertThat(c[2][2]).isEqualTo(1.0);
  }

  @Test
  void samples_have_unit_variance_and_target_correlation() {
    long seed = 20240601L;
    System.out.println("CorrelatedNormalsTest seed=" + seed);
    double[][] target = {{1, .7, -.3}, {.7, 1, 0}, {-.3, 0, 1}};
    // the factor model's matrix, worked out by hand in the test above
    double[][] factorTarget = {{1, .42, .24}, {.42, 1, .20}, {.24, .20, 1}};
    CorrelatedNormals[] samplers = {CorrelatedNormals.cholesky(target, 3),
        CorrelatedNormals.factorModel(List.of(profile("A", "Energy", 0.6, 0.3), profile("B", "Energy", 0.5, 0.4),
            profile("C", "Utilities", 0.4, 0.2)))};
    double[][][] expectations = {target, factorTarget};
    for (int s = 0; s < 2; s++) {
      CorrelatedNormals normals = samplers[s];
      double[][] expected = expectations[s];
      Rng rng = Rng.of(seed);
      int n = 100_000;
      double[] z = new double[3];
      double[] scratch = new double[normals.scratchSize()];
      double[][] sum = new double[3][3];
      for (int k = 0; k < n; k++) {
        normals.next(rng, z, scratch);
        for (int i = 0; i < 3; i++) {
          for (int j = 0; j < 3; j++) {
            sum[i][j] += z[i] * z[j];
          }
        }
      }
      // E[z_i z_j] = rho_ij; standard error about 1 / sqrt(n) = 0.003
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          assertThat(sum[i][j] / n).as("E[z%d z%d]", i, j).isCloseTo(expected[i][j], within(0.015));
        }
      }
    }
  }

  private static InstrumentProfile profile(String id, String sector, double market, double sectorLoading) {
    return new InstrumentProfile(Instrument.usEquity(id, sector, id + " Inc."), 100.0, 0.3, 0.0, 1_000_000, 5.0,
        market, sectorLoading);
  }
}
