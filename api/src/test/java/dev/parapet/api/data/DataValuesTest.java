package dev.parapet.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.api.InvalidValueException;
import dev.parapet.api.model.BarInterval;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataValuesTest {

  static final LocalDate D = LocalDate.of(2024, 1, 2);

  @Test
  void split_and_dividend_price_factors_follow_crsp() {
    // 2:1 split: earlier prices halve; dividend 1 on a previous close of 50: 1 - 1/50 = 0.98
    assertThat(CorporateAction.split("A", D, 2).priceAdjustmentFactor(Double.NaN)).isEqualTo(0.5);
    assertThat(CorporateAction.cashDividend("A", D, 1).priceAdjustmentFactor(50)).isCloseTo(0.98, within(1e-15));
    assertThatThrownBy(() -> CorporateAction.split("A", D, 1)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("ratio");
    assertThatThrownBy(() -> CorporateAction.cashDividend("A", D, 60).priceAdjustmentFactor(50))
        .hasMessageContaining("amount must be < previous close 50.0");
  }

  @Test
  void return_matrix_copies_its_input_and_counts_imputed_values() {
    double[][] r = {{0.01, 0.02}, {0.0, -0.01}};
    boolean[][] imp = {{false, true}, {false, false}};
    ReturnMatrix m = ReturnMatrix.of(List.of("A", "B"), List.of(D, D.plusDays(1)), r, imp,
        ImputationPolicy.FORWARD_FILL, 1);
    r[0][0] = 99;
    assertThat(m.get(0, 0)).isEqualTo(0.01);
    assertThat(m.imputedCount()).isEqualTo(1);
    assertThat(m.imputedCount(1)).isZero();
    assertThat(m.indexOf("B")).isEqualTo(1);
    assertThatThrownBy(() -> m.indexOf("C")).isInstanceOf(UnknownInstrumentException.class);
    double[] row = m.returnsOf(0);
    row[1] = 5;
    assertThat(m.get(0, 1)).isEqualTo(0.02);
  }

  @Test
  void return_matrix_rejects_nan_ragged_rows_and_imputed_values_under_exclude() {
    List<LocalDate> dates = List.of(D);
    assertThatThrownBy(() -> ReturnMatrix.of(List.of("A"), dates, new double[][] {{Double.NaN}},
        new boolean[][] {{false}}, ImputationPolicy.EXCLUDE, 0)).hasMessageContaining("return must be a finite");
    assertThatThrownBy(() -> ReturnMatrix.of(List.of("A"), dates, new double[][] {{0.1, 0.2}},
        new boolean[][] {{false, false}}, ImputationPolicy.EXCLUDE, 0)).hasMessageContaining("returns[0].length");
    assertThatThrownBy(() -> ReturnMatrix.of(List.of("A"), dates, new double[][] {{0.1}},
        new boolean[][] {{true}}, ImputationPolicy.EXCLUDE, 0)).hasMessageContaining("under policy EXCLUDE");
  }

  @Test
  void volume_profile_fractions_must_sum_to_one() {
    VolumeProfile p = VolumeProfile.of("A", BarInterval.THIRTY_MINUTES, new double[] {0.25, 0.75}, 3);
    assertThat(p.bucketOffset(1)).hasMinutes(30);
    assertThatThrownBy(() -> VolumeProfile.of("A", BarInterval.THIRTY_MINUTES, new double[] {0.25, 0.7}, 3))
        .hasMessageContaining("sum of fractions");
    assertThatThrownBy(() -> VolumeProfile.of("A", BarInterval.DAILY, new double[] {1}, 3))
        .hasMessageContaining("intraday");
  }

  @Test
  void ingest_result_adds_up() {
    assertThat(new IngestResult(3, 1, 2).plus(new IngestResult(1, 1, 0))).isEqualTo(new IngestResult(4, 2, 2));
    assertThatThrownBy(() -> new IngestResult(3, 1, 1)).isInstanceOf(InvalidValueException.class);
  }
}
