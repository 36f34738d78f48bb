package dev.parapet.simulator.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.api.InvalidValueException;
import org.junit.jupiter.api.Test;

class TrueImpactModelTest {

  private final TrueImpactModel model = new TrueImpactModel(0.2, 0.1);

  @Test
  void first_fill_of_minute_pays_eta_sigma_root_participation() {
    // eta sigma sqrt(q / V) = 0.2 * 0.02 * sqrt(100 / 10_000) = 0.0004
    assertThat(model.temporaryImpact(0.02, 0, 100, 10_000)).isCloseTo(0.0004, within(1e-15));
    // four times the size, twice the concession
    assertThat(model.temporaryImpact(0.02, 0, 400, 10_000)).isCloseTo(0.0008, within(1e-15));
  }

  @Test
  void later_fill_in_same_minute_pays_the_incremental_cost() {
    // c = 300, q = 100, V = 10_000: 0.2 * 0.02 * (400^1.5 - 300^1.5) / (100 * 100)
    // = 0.004 * (8000 - 5196.152423) / 10_000 = 0.0011215390
    assertThat(model.temporaryImpact(0.02, 300, 100, 10_000)).isCloseTo(0.0011215390, within(1e-10));
  }

  @Test
  void splitting_a_minute_costs_the_same_as_one_fill() {
    // total cost q * I is path independent: 100 * I(0, 100) + 300 * I(100, 300) = 400 * I(0, 400)
    double split = 100 * model.temporaryImpact(0.02, 0, 100, 10_000) + 300 * model.temporaryImpact(0.02, 100, 300,
        10_000);
    assertThat(split).isCloseTo(400 * 0.0008, within(1e-12));
  }

  @Test
  void temporary_impact_is_capped_at_one_half() {
    assertThat(new TrueImpactModel(100, 0).temporaryImpact(0.5, 0, 1_000_000, 1)).isEqualTo(0.5);
  }

  @Test
  void permanent_impact_is_square_root_of_net_quantity_over_adv() {
    // gamma sigma sqrt(Q / ADV) = 0.1 * 0.02 * sqrt(10_000 / 1_000_000) = 0.0002
    assertThat(model.permanentImpact(0.02, 0, 10_000, 1_000_000)).isCloseTo(0.0002, within(1e-15));
    // a sell from +10_000 to -30_000: 0.002 * (-sqrt(0.03) - 0.1) = -0.00054641016
    assertThat(model.permanentImpact(0.02, 10_000, -30_000, 1_000_000)).isCloseTo(-0.00054641016, within(1e-11));
    // slicing does not matter: two halves add up to the whole
    double halves = model.permanentImpact(0.02, 0, 5_000, 1_000_000) + model.permanentImpact(0.02, 5_000, 10_000,
        1_000_000);
    assertThat(halves).isCloseTo(0.0002, within(1e-15));
  }

  @Test
  void rejects_negative_or_nan_coefficients() {
    assertThatThrownBy(() -> new TrueImpactModel(-0.1, 0)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("eta");
    assertThatThrownBy(() -> new TrueImpactModel(0.1, Double.NaN)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("gamma");
  }
}
