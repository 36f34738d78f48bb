package dev.parapet.risk.crowding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CrowdingAnalyzerTest {

  @Test
  void diversified_book_with_independent_returns_is_low() {
    long seed = 131L;
    System.out.println("seed=" + seed);
    Random rnd = new Random(seed);
    List<CrowdingPosition> book = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    double[][] r = new double[40][];
    for (int i = 0; i < 40; i++) {
      String id = "I" + i;
      ids.add(id);
      book.add(new CrowdingPosition(id, "S" + (i % 10), "Issuer " + i, 1_000));
      r[i] = CorrelationClusteringTest.gaussians(rnd, 250);
    }
    CrowdingReport report = CrowdingAnalyzer.withDefaults().analyze(book, ids, r);
    assertThat(report.level()).isEqualTo(CrowdingLevel.LOW);
    assertThat(report.drivers()).isEmpty();
    assertThat(report.byInstrument().hhi()).isCloseTo(1.0 / 40, within(1e-12));
    assertThat(report.bySector().count()).isEqualTo(10);
    assertThat(report.averagePairwiseCorrelation().getAsDouble()).isCloseTo(0, within(0.02));
    assertThat(report.clusters()).hasSize(40);
  }

  @Test
  void concentrated_book_is_high_and_names_its_drivers() {
    List<CrowdingPosition> book = List.of(
        new CrowdingPosition("A", "Tech", "A Inc", 800),
        new CrowdingPosition("B", "Tech", "B Inc", 100),
        new CrowdingPosition("C", "Energy", "C Inc", 100));
    CrowdingReport report = CrowdingAnalyzer.withDefaults().analyze(book);
    // HHI = 0.64 + 0.01 + 0.01 = 0.66 >= 0.20; Tech share 0.9 >= 0.50
    assertThat(report.level()).isEqualTo(CrowdingLevel.HIGH);
    assertThat(report.byInstrument().hhi()).isCloseTo(0.66, within(1e-12));
    assertThat(report.drivers()).containsExactly("hhi 0.6600 >= high 0.2000", "largest sector share 0.9000 >= high 0.5000");
    assertThat(report.averagePairwiseCorrelation()).isEmpty();
    assertThat(report.clusters()).isEmpty();
  }

  @Test
  void one_correlated_cluster_holding_half_the_book_is_medium() {
    long seed = 132L;
    System.out.println("seed=" + seed);
    Random rnd = new Random(seed);
    double[] factor = CorrelationClusteringTest.gaussians(rnd, 250);
    List<CrowdingPosition> book = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    double[][] r = new double[20][250];
    for (int i = 0; i < 20; i++) {
      String id = "I" + i;
      ids.add(id);
      book.add(new CrowdingPosition(id, "S" + i, "Issuer " + i, 1_000));
      for (int k = 0; k < 250; k++) {
        r[i][k] = i < 10 ? factor[k] + 0.3 * rnd.nextGaussian() : rnd.nextGaussian();
      }
    }
    CrowdingReport report = CrowdingAnalyzer.builder().eigenvectors(4).build().analyze(book, ids, r);
    // 10 of 20 equal positions in one cluster: share 0.5 in [0.40, 0.60) -> MEDIUM
    assertThat(report.clusters().get(0).members()).hasSize(10);
    assertThat(report.clusters().get(0).grossShare()).isCloseTo(0.5, within(1e-12));
    assertThat(report.level()).as("drivers %s", report.drivers()).isEqualTo(CrowdingLevel.MEDIUM);
    assertThat(report.drivers()).anyMatch(d -> d.startsWith("largest cluster share 0.5000 >= medium"));
  }
}
