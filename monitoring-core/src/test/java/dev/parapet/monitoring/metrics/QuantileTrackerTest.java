package dev.parapet.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The heap order-statistic tracker and the shared numpy percentile arithmetic. */
class QuantileTrackerTest {

  @Test
  void percentile_matches_empyrical_published_value_at_risk_values() {
    // empyrical test_value_at_risk: value_at_risk([1, 81, 82, 83, 84, 85], cutoff) == np.percentile(..., 100 * cutoff)
    double[] sorted = {1, 81, 82, 83, 84, 85};
    assertThat(Percentiles.ofSorted(sorted, 6, 0.1)).isEqualTo(41.0);
    assertThat(Percentiles.ofSorted(sorted, 6, 0.2)).isEqualTo(81.0);
    assertThat(Percentiles.ofSorted(sorted, 6, 0.3)).isCloseTo(81.5, org.assertj.core.data.Offset.offset(1e-12));
    double[] two = {1.0, 2.0};
    assertThat(Percentiles.ofSorted(two, 2, 0.0)).isEqualTo(1.0);
    assertThat(Percentiles.ofSorted(two, 2, 0.3)).isCloseTo(1.3, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(Percentiles.ofSorted(two, 2, 1.0)).isEqualTo(2.0);
  }

  @Test
  void tracker_matches_the_published_values_when_fed_unsorted() {
    QuantileTracker t = new QuantileTracker(0.1, 1, false);
    for (double x : new double[] {84, 1, 85, 82, 81, 83}) {
      t.add(x);
    }
    assertThat(t.quantile()).isEqualTo(41.0);
  }

  @Test
  void tracker_equals_sorting_for_every_prefix_of_a_random_series() {
    long seed = 2718L;
    System.out.println("QuantileTrackerTest seed " + seed);
    Random random = new Random(seed);
    double[] qs = {0.01, 0.025, 0.05, 0.5, 0.95, 0.99};
    QuantileTracker[] trackers = new QuantileTracker[qs.length];
    for (int j = 0; j < qs.length; j++) {
      trackers[j] = new QuantileTracker(qs[j], 2, true);
    }
    double[] values = new double[3000];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextInt(10) == 0 ? Math.rint(random.nextGaussian() * 3) : random.nextGaussian();
      double[] sorted = Arrays.copyOf(values, i + 1);
      Arrays.sort(sorted);
      for (int j = 0; j < qs.length; j++) {
        trackers[j].add(values[i]);
        assertThat(trackers[j].quantile()).as("q=%s n=%d", qs[j], i + 1)
            .isEqualTo(Percentiles.ofSorted(sorted, i + 1, qs[j]));
        int tail = (int) Math.floor(i * qs[j]) + 1;
        double sum = 0;
        for (int k = 0; k < tail; k++) {
          sum += sorted[k];
        }
        assertThat(trackers[j].lowerTailMean()).as("tail mean q=%s n=%d", qs[j], i + 1)
            .isCloseTo(sum / tail, org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, Math.abs(sum / tail))));
      }
    }
  }

  @Test
  void reset_empties_the_tracker() {
    QuantileTracker t = new QuantileTracker(0.5, 4, true);
    for (int i = 0; i < 100; i++) {
      t.add(i);
    }
    t.reset();
    assertThat(t.count()).isZero();
    t.add(5);
    t.add(7);
    assertThat(t.quantile()).isEqualTo(6.0);
    assertThat(t.lowerTailMean()).isEqualTo(5.0);
  }
}
