package dev.parapet.risk.crowding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CorrelationClusteringTest {

  @Test
  void two_factor_blocks_form_two_clusters_with_their_exposure() {
    long seed = 121L;
    System.out.println("seed=" + seed);
    Random rnd = new Random(seed);
    int t = 500;
    double[] f1 = gaussians(rnd, t);
    double[] f2 = gaussians(rnd, t);
    List<String> ids = new ArrayList<>();
    double[][] r = new double[8][];
    for (int i = 0; i < 8; i++) {
      ids.add((i < 4 ? "A" : "B") + i);
      double[] f = i < 4 ? f1 : f2;
      r[i] = new double[t];
      for (int k = 0; k < t; k++) {
        // within-block correlation 0.9^2 / (0.9^2 + 0.3^2) = 0.9
        r[i][k] = 0.9 * f[k] + 0.3 * rnd.nextGaussian();
      }
    }
    double[] x = {100, 100, 100, 100, 50, -50, 50, -50};
    List<Cluster> clusters = CorrelationClustering.cluster(CorrelationMatrix.of(ids, r), x, 0.5);
    assertThat(clusters).hasSize(2);
    assertThat(clusters.get(0).members()).containsExactly("A0", "A1", "A2", "A3");
    assertThat(clusters.get(0).grossExposure()).isEqualTo(400);
    assertThat(clusters.get(0).netExposure()).isEqualTo(400);
    assertThat(clusters.get(0).grossShare()).isCloseTo(400.0 / 600, within(1e-12));
    assertThat(clusters.get(0).averageCorrelation()).isCloseTo(0.9, within(0.03));
    assertThat(clusters.get(1).members()).containsExactly("B4", "B5", "B6", "B7");
    assertThat(clusters.get(1).netExposure()).isZero();
  }

  @Test
  void cut_at_correlation_minus_one_joins_everything_and_at_one_separates_everything() {
    long seed = 122L;
    System.out.println("seed=" + seed);
    Random rnd = new Random(seed);
    double[][] r = new double[5][];
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      r[i] = gaussians(rnd, 50);
      ids.add("I" + i);
    }
    CorrelationMatrix c = CorrelationMatrix.of(ids, r);
    assertThat(CorrelationClustering.cluster(c, new double[5], -1)).hasSize(1);
    assertThat(CorrelationClustering.cluster(c, new double[5], 1)).hasSize(5);
  }

  @Test
  void nn_chain_agrees_with_naive_average_linkage() {
    long seed = 123L;
    System.out.println("seed=" + seed);
    Random rnd = new Random(seed);
    for (int trial = 0; trial < 20; trial++) {
      int n = 5 + rnd.nextInt(30);
      int t = 40;
      double[] market = gaussians(rnd, t);
      double[][] r = new double[n][];
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        ids.add("I" + i);
        double beta = rnd.nextDouble() * 2;
        r[i] = new double[t];
        for (int k = 0; k < t; k++) {
          r[i][k] = beta * market[k] + rnd.nextGaussian();
        }
      }
      CorrelationMatrix c = CorrelationMatrix.of(ids, r);
      for (double rho : new double[] {0.0, 0.3, 0.5, 0.7}) {
        double cut = Math.sqrt(2 * (1 - rho));
        int[] fast = CorrelationClustering.labels(c, cut);
        int[] naive = naiveAverageLinkage(c, cut);
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            assertThat(fast[i] == fast[j]).as("trial %d rho %s pair %d,%d", trial, rho, i, j)
                .isEqualTo(naive[i] == naive[j]);
          }
        }
      }
    }
  }

  /**
   * Textbook agglomerative clustering: repeatedly merge the two clusters with the smallest mean member
   * distance, recomputed from the original distances, while it is at most the cut.
   */
  private static int[] naiveAverageLinkage(CorrelationMatrix c, double cut) {
    int n = c.size();
    List<List<Integer>> clusters = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Integer> one = new ArrayList<>();
      one.add(i);
      clusters.add(one);
    }
    while (clusters.size() > 1) {
      double best = Double.POSITIVE_INFINITY;
      int ba = -1;
      int bb = -1;
      for (int a = 0; a < clusters.size(); a++) {
        for (int b = a + 1; b < clusters.size(); b++) {
          double sum = 0;
          for (int i : clusters.get(a)) {
            for (int j : clusters.get(b)) {
              sum += Math.sqrt(Math.max(0, 2 * (1 - c.get(i, j))));
            }
          }
          double avg = sum / (clusters.get(a).size() * clusters.get(b).size());
          if (avg < best) {
            best = avg;
            ba = a;
            bb = b;
          }
        }
      }
      if (best > cut + 1e-12) {
        break;
      }
      clusters.get(ba).addAll(clusters.remove(bb));
    }
    int[] label = new int[n];
    for (int k = 0; k < clusters.size(); k++) {
      for (int i : clusters.get(k)) {
        label[i] = k;
      }
    }
    return label;
  }

  static double[] gaussians(Random rnd, int t) {
    double[] x = new double[t];
    for (int k = 0; k < t; k++) {
      x[k] = rnd.nextGaussian();
    }
    return x;
  }
}
