package dev.parapet.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast log1p and expm1 agree with the JDK's fdlibm versions (Math.log1p, Math.expm1) to a few ulps. */
class FastLogTest {

  @Test
  void log1p_and_expm1_match_fdlibm_within_four_ulps() {
    long seed = 11L;
    System.out.println("FastLogTest seed " + seed);
    Random random = new Random(seed);
    for (int i = 0; i < 200_000; i++) {
      // magnitudes from 1e-12 to 10, both signs (log1p above -1)
      double x = Math.pow(10, -12 + 13 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
      double e = Math.expm1(x);
      assertThat(Math.abs(FastLog.expm1(x) - e)).as("expm1(%s)", x).isLessThanOrEqualTo(4 * Math.ulp(e));
      if (x > -1) {
        double l = Math.log1p(x);
        assertThat(Math.abs(FastLog.log1p(x) - l)).as("log1p(%s)", x).isLessThanOrEqualTo(4 * Math.ulp(l));
      }
    }
  }

  @Test
  void edge_values() {
    assertThat(FastLog.log1p(0.0)).isEqualTo(0.0);
    assertThat(FastLog.log1p(-1.0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(FastLog.log1p(-2.0)).isNaN();
    assertThat(FastLog.log1p(1e300)).isEqualTo(Math.log1p(1e300));
    assertThat(FastLog.expm1(0.0)).isEqualTo(0.0);
    assertThat(FastLog.expm1(-800)).isEqualTo(-1.0);
    assertThat(FastLog.expm1(800)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(FastLog.expm1(1e-20)).isEqualTo(1e-20);
  }
}
