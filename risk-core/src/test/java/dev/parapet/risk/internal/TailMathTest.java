package dev.parapet.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TailMathTest {

  @Test
  void tail_size_snaps_binary_rounding_to_whole_scenarios() {
    // 100 * (1 - 0.95) = 5.000000000000004 and 10 * (1 - 0.8) = 1.9999999999999996 in binary floating point
    assertThat(TailMath.tailSize(100, 0.95)).isEqualTo(5.0);
    assertThat(TailMath.tailSize(10, 0.8)).isEqualTo(2.0);
    assertThat(TailMath.tailSize(500, 0.975)).isCloseTo(12.5, within(1e-12));
    assertThat(TailMath.tailSize(250, 0.99)).isCloseTo(2.5, within(1e-12));
  }

  @Test
  void nth_largest_agrees_with_a_full_sort_on_random_arrays_with_ties() {
    long seed = 71L;
    System.out.println("seed=" + seed);
    Random rnd = new Random(seed);
    for (int trial = 0; trial < 2_000; trial++) {
      int n = 1 + rnd.nextInt(300);
      double[] a = new double[n];
      for (int i = 0; i < n; i++) {
        a[i] = trial % 3 == 0 ? rnd.nextInt(5) : rnd.nextGaussian();
      }
      double[] sorted = a.clone();
      Arrays.sort(sorted);
      int m = rnd.nextInt(n);
      double expected = sorted[n - 1 - m];
      double got = TailMath.nthLargest(a, n, m);
      assertThat(got).isEqualTo(expected);
      for (int i = 0; i < m; i++) {
        assertThat(a[i]).isGreaterThanOrEqualTo(got);
      }
      for (int i = m + 1; i < n; i++) {
        assertThat(a[i]).isLessThanOrEqualTo(got);
      }
    }
  }

  @Test
  void nth_largest_handles_sorted_and_reversed_input() {
    double[] up = new double[1000];
    double[] down = new double[1000];
    for (int i = 0; i < 1000; i++) {
      up[i] = i;
      down[i] = 999 - i;
    }
    assertThat(TailMath.nthLargest(up, 1000, 12)).isEqualTo(987.0);
    assertThat(TailMath.nthLargest(down, 1000, 12)).isEqualTo(987.0);
  }

  @Test
  void top_losses_keeps_the_k_largest_in_order() {
    long seed = 72L;
    System.out.println("seed=" + seed);
    Random rnd = new Random(seed);
    TopLosses top = new TopLosses(13);
    for (int trial = 0; trial < 500; trial++) {
      int n = 13 + rnd.nextInt(500);
      double[] a = new double[n];
      top.reset(13);
      for (int i = 0; i < n; i++) {
        a[i] = trial % 2 == 0 ? rnd.nextInt(7) : rnd.nextGaussian();
        top.offer(a[i]);
      }
      Arrays.sort(a);
      for (int i = 0; i < 13; i++) {
        assertThat(top.get(i)).isEqualTo(a[n - 1 - i]);
      }
      // w = 12.5: ES = (sum of the 12 largest + 0.5 * 13th) / 12.5
      double sum = 0;
      for (int i = 0; i < 12; i++) {
        sum += a[n - 1 - i];
      }
      assertThat(top.expectedShortfall(12.5)).isCloseTo((sum + 0.5 * a[n - 13]) / 12.5, within(1e-12));
      assertThat(top.valueAtRisk()).isEqualTo(a[n - 13]);
    }
  }
}
