package dev.parapet.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.api.metrics.Metric;
import dev.parapet.api.metrics.MetricsCalculator;
import dev.parapet.api.metrics.MetricsConfig;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming calculator (Welford moments, heap order statistics) and the batch calculator (two-pass
 * moments, sorting) agree to 1e-12 relative on seeded random series, after every single return; and both
 * agree with a naive reference written here from the textbook definitions.
 * <p>
 * One exception to a plain relative comparison: alpha is a difference, {@code (1 + x)^P - 1} with the
 * intercept {@code x = (mean r - rf) - beta (mean b - rf)}, so a last-bit difference in beta moves it by
 * {@code |mean b - rf|} times that; alpha is compared to 1e-12 of the scale of its terms,
 * {@code P (1 + |alpha|) (|mean r - rf| + |beta (mean b - rf)|)}, which is the best any two algorithms can
 * promise (its condition number).
 */
class StreamingEqualsBatchTest {

  private static final double RELATIVE = 1e-12;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1L, 42L, 20240601L})
  void streaming_equals_batch_after_every_return(long seed) {
    System.out.println("StreamingEqualsBatchTest seed " + seed);
    Random random = new Random(seed);
    MetricsConfig config = new MetricsConfig(252, 0.0001, true);
    MetricsCalculator streaming = MetricsCalculators.streaming(config, 8);
    MetricsCalculator batch = MetricsCalculators.batch(config);
    double sumR = 0;
    double sumB = 0;
    for (int i = 0; i < 600; i++) {
      double b = 0.01 * random.nextGaussian();
      // fat tails: a Student-t-like mixture, occasionally a jump
      double r = 0.0003 + 0.8 * b + 0.012 * random.nextGaussian() / Math.sqrt(0.5 + random.nextDouble());
      if (random.nextInt(50) == 0) {
        r -= 0.05;
      }
      streaming.add(r, b);
      batch.add(r, b);
      sumR += r;
      sumB += b;
      double alphaScale = 0;
      if (batch.isPresent(Metric.ALPHA)) {
        double meanR = sumR / (i + 1);
        double meanB = sumB / (i + 1);
        alphaScale = config.periodsPerYear() * (1 + Math.abs(batch.get(Metric.ALPHA)))
            * (Math.abs(meanR - config.riskFreeRate()) + Math.abs(batch.get(Metric.BETA) * (meanB - config.riskFreeRate())));
      }
      assertSame(streaming, batch, i + 1, alphaScale);
    }
  }

  @Test
  void streaming_equals_batch_on_a_long_minute_series() {
    long seed = 7L;
    System.out.println("StreamingEqualsBatchTest seed " + seed);
    Random random = new Random(seed);
    MetricsConfig config = MetricsConfig.of(MetricsConfig.MINUTES_PER_YEAR);
    MetricsCalculator streaming = MetricsCalculators.streaming(config, 1024);
    MetricsCalculator batch = MetricsCalculators.batch(config);
    for (int i = 0; i < 50_000; i++) {
      double r = 0.0004 * random.nextGaussian() + 0.000001;
      streaming.add(r);
      batch.add(r);
      if (i % 4999 == 0) {
        assertSame(streaming, batch, i + 1);
      }
    }
    assertSame(streaming, batch, 50_000);
  }

  @Test
  void streaming_equals_batch_with_many_ties() {
    long seed = 99L;
    System.out.println("StreamingEqualsBatchTest seed " + seed);
    Random random = new Random(seed);
    MetricsConfig config = MetricsConfig.daily();
    MetricsCalculator streaming = MetricsCalculators.streaming(config, 4);
    MetricsCalculator batch = MetricsCalculators.batch(config);
    for (int i = 0; i < 400; i++) {
      double r = (random.nextInt(7) - 3) / 100.0;
      streaming.add(r);
      batch.add(r);
      assertSame(streaming, batch, i + 1);
    }
  }

  @Test
  void both_match_a_naive_reference_from_the_definitions() {
    long seed = 314L;
    System.out.println("StreamingEqualsBatchTest seed " + seed);
    Random random = new Random(seed);
    int n = 333;
    double[] r = new double[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      b[i] = 0.01 * random.nextGaussian();
      r[i] = 0.5 * b[i] + 0.01 * random.nextGaussian();
    }
    double rf = 0.0002;
    double p = 252;
    MetricsConfig config = new MetricsConfig(p, rf, true);
    MetricsCalculator streaming = MetricsCalculators.streaming(config);
    streaming.addAll(r, b);
    MetricsCalculator batch = MetricsCalculators.batch(config);
    batch.addAll(r, b);

    // naive textbook reference
    double mean = 0;
    double meanB = 0;
    for (int i = 0; i < n; i++) {
      mean += r[i] / n;
      meanB += b[i] / n;
    }
    double ss = 0;
    double sbb = 0;
    double sbr = 0;
    double down = 0;
    double up = 0;
    double dn = 0;
    int wins = 0;
    double w = 1;
    double peak = 1;
    double mdd = 0;
    double meanA = 0;
    for (int i = 0; i < n; i++) {
      ss += (r[i] - mean) * (r[i] - mean);
      sbb += (b[i] - meanB) * (b[i] - meanB);
      sbr += (b[i] - meanB) * (r[i] - mean);
      down += Math.pow(Math.min(r[i] - rf, 0), 2);
      up += Math.max(r[i] - rf, 0);
      dn += Math.max(rf - r[i], 0);
      wins += r[i] > 0 ? 1 : 0;
      w *= 1 + r[i];
      peak = Math.max(peak, w);
      mdd = Math.min(mdd, w / peak - 1);
      meanA += (r[i] - b[i]) / n;
    }
    double ssa = 0;
    for (int i = 0; i < n; i++) {
      ssa += Math.pow(r[i] - b[i] - meanA, 2);
    }
    double sd = Math.sqrt(ss / (n - 1));
    double[] sorted = r.clone();
    java.util.Arrays.sort(sorted);
    double beta = sbr / sbb;
    double annual = Math.pow(w, p / n) - 1;
    double te = Math.sqrt(ssa / (n - 1));
    int tail = (int) ((n - 1) * 0.025) + 1;
    double tailSum = 0;
    for (int i = 0; i < tail; i++) {
      tailSum += sorted[i];
    }
    double[] expected = new double[Metric.count()];
    expected[Metric.TOTAL_RETURN.ordinal()] = w - 1;
    expected[Metric.ANNUAL_RETURN.ordinal()] = annual;
    expected[Metric.ANNUAL_VOLATILITY.ordinal()] = sd * Math.sqrt(p);
    expected[Metric.SHARPE_RATIO.ordinal()] = (mean - rf) / sd * Math.sqrt(p);
    expected[Metric.SORTINO_RATIO.ordinal()] = (mean - rf) * p / (Math.sqrt(down / n) * Math.sqrt(p));
    expected[Metric.CALMAR_RATIO.ordinal()] = annual / Math.abs(mdd);
    expected[Metric.OMEGA_RATIO.ordinal()] = up / dn;
    expected[Metric.MAX_DRAWDOWN.ordinal()] = mdd;
    expected[Metric.CURRENT_DRAWDOWN.ordinal()] = w / peak - 1;
    expected[Metric.VALUE_AT_RISK_99.ordinal()] = -percentile(sorted, 0.01);
    expected[Metric.EXPECTED_SHORTFALL_975.ordinal()] = -tailSum / tail;
    expected[Metric.BETA.ordinal()] = beta;
    expected[Metric.ALPHA.ordinal()] = Math.pow(1 + mean - rf - beta * (meanB - rf), p) - 1;
    expected[Metric.INFORMATION_RATIO.ordinal()] = meanA / te * Math.sqrt(p);
    expected[Metric.TRACKING_ERROR.ordinal()] = te * Math.sqrt(p);
    expected[Metric.TAIL_RATIO.ordinal()] = Math.abs(percentile(sorted, 0.95)) / Math.abs(percentile(sorted, 0.05));
    expected[Metric.WIN_RATE.ordinal()] = (double) wins / n;
    for (Metric m : Metric.values()) {
      double e = expected[m.ordinal()];
      // the naive reference sums without compensation and compounds a plain product: agree to 1e-9 relative
      assertThat(Math.abs(streaming.get(m) - e)).as("streaming " + m.id()).isLessThanOrEqualTo(1e-9 * Math.abs(e));
      assertThat(Math.abs(batch.get(m) - e)).as("batch " + m.id()).isLessThanOrEqualTo(1e-9 * Math.abs(e));
    }
  }

  /** numpy's linear percentile written out: virtual index (n - 1) q, linear interpolation. */
  private static double percentile(double[] sorted, double q) {
    double v = (sorted.length - 1) * q;
    int lo = (int) Math.floor(v);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (v - lo);
  }

  private static void assertSame(MetricsCalculator streaming, MetricsCalculator batch, int n) {
    assertSame(streaming, batch, n, 0);
  }

  private static void assertSame(MetricsCalculator streaming, MetricsCalculator batch, int n, double alphaScale) {
    assertThat(streaming.count()).isEqualTo(batch.count());
    for (Metric m : Metric.values()) {
      boolean present = batch.isPresent(m);
      assertThat(streaming.isPresent(m)).as("%s present at n=%d", m.id(), n).isEqualTo(present);
      if (present) {
        double s = streaming.get(m);
        double b = batch.get(m);
        assertThat(Math.abs(s - b)).as("%s at n=%d: streaming %s, batch %s", m.id(), n, s, b)
            .isLessThanOrEqualTo(RELATIVE * (m == Metric.ALPHA ? alphaScale : Math.max(Math.abs(s), Math.abs(b))));
      }
    }
  }
}
