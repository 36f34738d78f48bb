package dev.parapet.risk.crowding;

import dev.parapet.api.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Hierarchical clustering of instruments by correlation.
 * <p>
 * <b>Distance.</b> {@code d_ij = sqrt(2 (1 - rho_ij))}, a metric on correlations (Mantegna 1999,
 * "Hierarchical structure in financial markets", Eur. Phys. J. B 11, eq. 2): 0 for perfectly correlated,
 * {@code sqrt 2} for uncorrelated, 2 for perfectly anti-correlated instruments.
 * <p>
 * <b>Linkage.</b> Average linkage (UPGMA): the distance between two clusters is the mean distance between
 * their members, updated by the Lance–Williams formula
 * {@code d(k, i+j) = (n_i d(k, i) + n_j d(k, j)) / (n_i + n_j)}. Built with the nearest-neighbour-chain
 * algorithm in {@code O(n^2)} time and memory (Muellner 2011, "Modern hierarchical, agglomerative
 * clustering algorithms", arXiv:1109.2378, Section 3.1, Figure 4), which is exact for average linkage.
 * <p>
 * <b>Cut.</b> The tree is cut at the distance of a correlation threshold {@code rho*}:
 * {@code d* = sqrt(2 (1 - rho*))}; two clusters stay apart when their average distance exceeds {@code d*},
 * i.e. roughly when their members' correlation is below {@code rho*}. Stateless and thread-safe.
 */
public final class CorrelationClustering {

  /** The default correlation threshold of the cut, 0.5 (distance 1). */
  public static final double DEFAULT_CORRELATION_THRESHOLD = 0.5;

  private CorrelationClustering() {
  }

  /**
   * Clusters the instruments of a correlation matrix and measures the book's exposure to each cluster.
   *
   * @param correlation the correlation matrix
   * @param exposures signed exposures in the matrix's row order, finite
   * @param correlationThreshold the cut as a correlation in [-1, 1]
   * @return the clusters, largest gross share first
   */
  public static List<Cluster> cluster(CorrelationMatrix correlation, double[] exposures, double correlationThreshold) {
    Checks.notNull(correlation, "correlation");
    Checks.notNull(exposures, "exposures");
    int n = correlation.size();
    Checks.check(exposures.length == n, "exposures.length", exposures.length, "one per instrument (" + n + ")");
    Checks.inRange(correlationThreshold, -1, 1, "correlationThreshold");
    for (int i = 0; i < n; i++) {
      Checks.finite(exposures[i], "exposures[" + i + "]", "instrument " + correlation.instrumentIds().get(i));
    }
    int[] label = labels(correlation, Math.sqrt(2 * (1 - correlationThreshold)));
    return describe(correlation, exposures, label);
  }

  /**
   * Returns a flat cluster label per instrument (labels are representative row indices) for a cut at
   * distance {@code cut}.
   */
  static int[] labels(CorrelationMatrix correlation, double cut) {
    int n = correlation.size();
    double[] d = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        d[i * n + j] = i == j ? 0 : Math.sqrt(Math.max(0, 2 * (1 - correlation.get(i, j))));
      }
    }
    int[] size = new int[n];
    Arrays.fill(size, 1);
    boolean[] active = new boolean[n];
    Arrays.fill(active, true);
    int[] chain = new int[n];
    int chainLength = 0;
    int[] mergeA = new int[Math.max(n - 1, 0)];
    int[] mergeB = new int[Math.max(n - 1, 0)];
    double[] height = new double[Math.max(n - 1, 0)];
    int merges = 0;
    int remaining = n;
    int nextStart = 0;
    while (remaining > 1) {
      if (chainLength == 0) {
        while (!active[nextStart]) {
          nextStart++;
        }
        chain[chainLength++] = nextStart;
      }
      int a = chain[chainLength - 1];
      int previous = chainLength >= 2 ? chain[chainLength - 2] : -1;
      // nearest active neighbour of a, preferring the previous chain element on ties (guarantees termination)
      int b = previous;
      double best = previous >= 0 ? d[a * n + previous] : Double.POSITIVE_INFINITY;
      for (int x = 0; x < n; x++) {
        if (x != a && active[x] && d[a * n + x] < best) {
          best = d[a * n + x];
          b = x;
        }
      }
      if (b == previous) {
        chainLength -= 2;
        int keep = Math.min(a, b);
        int drop = Math.max(a, b);
        mergeA[merges] = keep;
        mergeB[merges] = drop;
        height[merges++] = best;
        int sa = size[keep];
        int sb = size[drop];
        for (int x = 0; x < n; x++) {
          if (active[x] && x != keep && x != drop) {
            double v = (sa * d[keep * n + x] + sb * d[drop * n + x]) / (sa + sb);
            d[keep * n + x] = v;
            d[x * n + keep] = v;
          }
        }
        size[keep] = sa + sb;
        active[drop] = false;
        remaining--;
      } else {
        chain[chainLength++] = b;
      }
    }
    // cut: union every merge at or below the cut height (average linkage is monotone, so these form subtrees)
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int m = 0; m < merges; m++) {
      if (height[m] <= cut + 1e-12) {
        int ra = find(parent, mergeA[m]);
        int rb = find(parent, mergeB[m]);
        if (ra != rb) {
          parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
      }
    }
    int[] label = new int[n];
    for (int i = 0; i < n; i++) {
      label[i] = find(parent, i);
    }
    return label;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static List<Cluster> describe(CorrelationMatrix correlation, double[] exposures, int[] label) {
    int n = label.length;
    double totalGross = 0;
    for (double x : exposures) {
      totalGross += Math.abs(x);
    }
    List<Cluster> clusters = new ArrayList<>();
    boolean[] done = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (done[i]) {
        continue;
      }
      List<Integer> rows = new ArrayList<>();
      for (int j = i; j < n; j++) {
        if (label[j] == label[i]) {
          rows.add(j);
          done[j] = true;
        }
      }
      List<String> members = new ArrayList<>();
      double net = 0;
      double gross = 0;
      double corrSum = 0;
      for (int a = 0; a < rows.size(); a++) {
        int r = rows.get(a);
        members.add(correlation.instrumentIds().get(r));
        net += exposures[r];
        gross += Math.abs(exposures[r]);
        for (int b = a + 1; b < rows.size(); b++) {
          corrSum += correlation.get(r, rows.get(b));
        }
      }
      int k = rows.size();
      double avg = k == 1 ? 1 : corrSum / (k * (k - 1) / 2.0);
      clusters.add(new Cluster(members, net, gross, totalGross > 0 ? gross / totalGross : 0, avg));
    }
    clusters.sort(Comparator.comparingDouble(Cluster::grossShare).reversed()
        .thenComparing(Comparator.comparingInt((Cluster c) -> c.members().size()).reversed()));
    return clusters;
  }
}
