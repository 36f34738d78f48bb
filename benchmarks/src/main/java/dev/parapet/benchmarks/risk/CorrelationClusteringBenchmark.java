package dev.parapet.benchmarks.risk;

import dev.parapet.risk.crowding.Cluster;
import dev.parapet.risk.crowding.CorrelationClustering;
import dev.parapet.risk.crowding.CorrelationMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Correlation clustering of 500 instruments over 250 days: the correlation matrix (EJML) and average-linkage
 * clustering by nearest-neighbour chain, beside a naive baseline (pairwise Pearson loops and the textbook
 * agglomerative algorithm that scans every pair of clusters for each merge, O(n^3)). Also the absorption
 * ratio (EJML symmetric eigenvalues), reported for information. Target for clustering: at most 250 ms.
 * <p>
 * {@code java -jar benchmarks/target/benchmarks.jar CorrelationClusteringBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CorrelationClusteringBenchmark {

  static final int INSTRUMENTS = 500;
  static final int DAYS = 250;

  List<String> ids;
  double[][] returns;
  double[] exposures;
  CorrelationMatrix matrix;

  @Setup
  public void setup() {
    Random rnd = new Random(3);
    ids = new ArrayList<>();
    returns = new double[INSTRUMENTS][DAYS];
    double[][] factors = new double[10][DAYS];
    for (double[] f : factors) {
      for (int t = 0; t < DAYS; t++) {
        f[t] = rnd.nextGaussian();
      }
    }
    exposures = new double[INSTRUMENTS];
    for (int i = 0; i < INSTRUMENTS; i++) {
      ids.add("I" + i);
      double[] f = factors[i % factors.length];
      for (int t = 0; t < DAYS; t++) {
        returns[i][t] = 0.01 * (f[t] + rnd.nextGaussian());
      }
      exposures[i] = rnd.nextDouble() * 1e6;
    }
    matrix = CorrelationMatrix.of(ids, returns);
  }

  /** Correlation matrix plus NN-chain average-linkage clustering and the cluster exposures. */
  @Benchmark
  public List<Cluster> correlationAndClustering() {
    return CorrelationClustering.cluster(CorrelationMatrix.of(ids, returns), exposures, 0.5);
  }

  /** The absorption ratio of the precomputed matrix (covariance eigenvalues, top fifth). */
  @Benchmark
  public double absorptionRatio() {
    return matrix.absorptionRatio(CorrelationMatrix.defaultEigenvectors(INSTRUMENTS));
  }

  /** Naive: Pearson by pairwise loops, then merge the closest pair of clusters found by a full scan, n - 1 times. */
  @Benchmark
  public int[] baselineNaiveClustering() {
    int n = INSTRUMENTS;
    double[] mean = new double[n];
    double[] sd = new double[n];
    for (int i = 0; i < n; i++) {
      double m = 0;
      for (int t = 0; t < DAYS; t++) {
        m += returns[i][t];
      }
      m /= DAYS;
      double ss = 0;
      for (int t = 0; t < DAYS; t++) {
        ss += (returns[i][t] - m) * (returns[i][t] - m);
      }
      mean[i] = m;
      sd[i] = Math.sqrt(ss);
    }
    double[][] d = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double c = 0;
        for (int t = 0; t < DAYS; t++) {
          c += (returns[i][t] - mean[i]) * (returns[j][t] - mean[j]);
        }
        double rho = c / (sd[i] * sd[j]);
        d[i][j] = d[j][i] = Math.sqrt(Math.max(0, 2 * (1 - rho)));
      }
    }
    int[] size = new int[n];
    Arrays.fill(size, 1);
    boolean[] active = new boolean[n];
    Arrays.fill(active, true);
    int[] label = new int[n];
    for (int i = 0; i < n; i++) {
      label[i] = i;
    }
    for (int merge = 0; merge < n - 1; merge++) {
      double best = Double.POSITIVE_INFINITY;
      int ba = -1;
      int bb = -1;
      for (int a = 0; a < n; a++) {
        if (!active[a]) {
          continue;
        }
        for (int b = a + 1; b < n; b++) {
          if (active[b] && d[a][b] < best) {
            best = d[a][b];
            ba = a;
            bb = b;
          }
        }
      }
      if (best > 1.0) {
        break;
      }
      for (int x = 0; x < n; x++) {
        if (active[x] && x != ba && x != bb) {
          double v = (size[ba] * d[ba][x] + size[bb] * d[bb][x]) / (size[ba] + size[bb]);
          d[ba][x] = d[x][ba] = v;
        }
      }
      size[ba] += size[bb];
      active[bb] = false;
      for (int i = 0; i < n; i++) {
        if (label[i] == bb) {
          label[i] = ba;
        }
      }
    }
    return label;
  }
}
