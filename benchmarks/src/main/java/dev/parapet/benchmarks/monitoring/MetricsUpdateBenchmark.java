package dev.parapet.benchmarks.monitoring;

import dev.parapet.api.metrics.Metric;
import dev.parapet.api.metrics.MetricsCalculator;
import dev.parapet.api.metrics.MetricsConfig;
import dev.parapet.monitoring.metrics.MetricsCalculators;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One new return (with a benchmark return) into the seventeen metrics, then every metric read.
 * <ul>
 *   <li>{@code streaming*}: the streaming calculator; its expanding window restarts ({@code reset()}, buffers
 *       kept) every {@code history} returns, so the history it covers cycles through 0..history.</li>
 *   <li>{@code naiveRecompute}: the baseline, the batch calculator that keeps the series and recomputes every
 *       statistic over it (sort included) when read; it holds between {@code history} and
 *       {@code history + 100} returns.</li>
 * </ul>
 * Target: streaming update of all 17 &lt;= 300 ns/op and 0 B/op ({@code -prof gc}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MetricsUpdateBenchmark {

  private static final Metric[] METRICS = Metric.values();
  private static final int SERIES = 1 << 20;

  /** Returns covered: 1,000 (about 4 years of days) or 100,000 (about a year of session minutes). */
  @Param({"1000", "100000"})
  int history;

  private double[] returns;
  private double[] benchmarkReturns;
  private int next;
  private MetricsCalculator streaming;
  private MetricsCalculator naive;

  @Setup
  public void setUp() {
    Random random = new Random(42);
    returns = new double[SERIES];
    benchmarkReturns = new double[SERIES];
    for (int i = 0; i < SERIES; i++) {
      double b = 0.0005 * random.nextGaussian();
      benchmarkReturns[i] = b;
      returns[i] = 0.9 * b + 0.0004 * random.nextGaussian() / Math.sqrt(0.5 + random.nextDouble());
    }
    MetricsConfig config = new MetricsConfig(MetricsConfig.MINUTES_PER_YEAR, 0, true);
    streaming = MetricsCalculators.streaming(config, history);
    naive = MetricsCalculators.batch(config);
    refill(naive);
  }

  private void refill(MetricsCalculator c) {
    c.reset();
    for (int i = 0; i < history; i++) {
      c.add(returns[i], benchmarkReturns[i]);
    }
  }

  private int nextIndex() {
    int i = next;
    next = (i + 1) & (SERIES - 1);
    return i;
  }

  /** The streaming update alone. */
  @Benchmark
  public long streamingUpdate() {
    if (streaming.count() == history) {
      streaming.reset();
    }
    int i = nextIndex();
    streaming.add(returns[i], benchmarkReturns[i]);
    return streaming.count();
  }

  /** The streaming update, then all seventeen metrics read. */
  @Benchmark
  public void streamingUpdateAndReadAll(Blackhole bh) {
    if (streaming.count() == history) {
      streaming.reset();
    }
    int i = nextIndex();
    streaming.add(returns[i], benchmarkReturns[i]);
    for (Metric m : METRICS) {
      bh.consume(streaming.getOrDefault(m, 0));
    }
  }

  /** The baseline: append, then recompute all seventeen over the history. */
  @Benchmark
  public void naiveRecompute(Blackhole bh) {
    if (naive.count() >= history + 100) {
      refill(naive);
    }
    int i = nextIndex();
    naive.add(returns[i], benchmarkReturns[i]);
    for (Metric m : METRICS) {
      bh.consume(naive.getOrDefault(m, 0));
    }
  }
}
