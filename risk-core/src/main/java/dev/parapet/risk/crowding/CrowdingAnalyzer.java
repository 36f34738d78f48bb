package dev.parapet.risk.crowding;

import dev.parapet.api.Checks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Measures how crowded a book is: concentration by instrument, sector and issuer, and, with returns, the
 * correlation structure and clusters; the level is the highest any indicator reaches (see
 * {@link CrowdingThresholds}). Sector and issuer concentration are measured on each group's gross exposure
 * (sum of absolute exposures). Immutable and thread-safe.
 */
public final class CrowdingAnalyzer {

  private final CrowdingThresholds thresholds;
  private final int topN;
  private final double clusterCorrelation;
  private final int eigenvectors;

  private CrowdingAnalyzer(CrowdingThresholds thresholds, int topN, double clusterCorrelation, int eigenvectors) {
    this.thresholds = thresholds;
    this.topN = topN;
    this.clusterCorrelation = clusterCorrelation;
    this.eigenvectors = eigenvectors;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns an analyzer with the default thresholds, top 5, a cluster cut at correlation 0.5. */
  public static CrowdingAnalyzer withDefaults() {
    return builder().build();
  }

  /** Analyses a book without returns: concentration only. */
  public CrowdingReport analyze(List<CrowdingPosition> positions) {
    return analyze(positions, null, null);
  }

  /**
   * Analyses a book with the returns of its instruments.
   *
   * @param positions the positions
   * @param returnIds the instrument ids of the rows of {@code returns}, or null for no returns; positions
   *     without a row are left out of the correlation figures, rows without a position count with exposure 0
   * @param returns {@code returns[i][t]}, or null
   */
  public CrowdingReport analyze(List<CrowdingPosition> positions, List<String> returnIds, double[][] returns) {
    Checks.notNull(positions, "positions");
    double[] exposures = new double[positions.size()];
    Map<String, Double> sectors = new LinkedHashMap<>();
    Map<String, Double> issuers = new LinkedHashMap<>();
    Map<String, Double> byId = new HashMap<>();
    for (int i = 0; i < positions.size(); i++) {
      CrowdingPosition p = Checks.notNull(positions.get(i), "positions[" + i + "]");
      exposures[i] = p.exposure();
      sectors.merge(p.sector(), Math.abs(p.exposure()), Double::sum);
      issuers.merge(p.issuer(), Math.abs(p.exposure()), Double::sum);
      byId.merge(p.instrumentId(), p.exposure(), Double::sum);
    }
    ConcentrationMetrics byInstrument = Concentration.of(exposures, topN);
    ConcentrationMetrics bySector = Concentration.of(values(sectors), topN);
    ConcentrationMetrics byIssuer = Concentration.of(values(issuers), topN);

    List<String> drivers = new ArrayList<>();
    CrowdingLevel level = CrowdingLevel.LOW;
    level = max(level, rate("hhi", byInstrument.hhi(), thresholds.hhiMedium(), thresholds.hhiHigh(), drivers));
    double topSector = bySector.count() == 0 ? 0 : Concentration.of(values(sectors), 1).topNShare();
    level = max(level, rate("largest sector share", topSector, thresholds.sectorShareMedium(),
        thresholds.sectorShareHigh(), drivers));

    OptionalDouble avgCorr = OptionalDouble.empty();
    OptionalDouble absorption = OptionalDouble.empty();
    List<Cluster> clusters = List.of();
    if (returns != null) {
      Checks.notNull(returnIds, "returnIds");
      CorrelationMatrix corr = CorrelationMatrix.of(returnIds, returns);
      double[] rowExposure = new double[corr.size()];
      for (int i = 0; i < corr.size(); i++) {
        rowExposure[i] = byId.getOrDefault(corr.instrumentIds().get(i), 0.0);
      }
      double avg = corr.averagePairwiseCorrelation();
      int k = eigenvectors > 0 ? Math.min(eigenvectors, corr.size()) : CorrelationMatrix.defaultEigenvectors(corr.size());
      double ar = corr.absorptionRatio(k);
      avgCorr = OptionalDouble.of(avg);
      absorption = OptionalDouble.of(ar);
      clusters = CorrelationClustering.cluster(corr, rowExposure, clusterCorrelation);
      level = max(level, rate("average pairwise correlation", avg, thresholds.correlationMedium(),
          thresholds.correlationHigh(), drivers));
      level = max(level, rate("absorption ratio", ar, thresholds.absorptionMedium(), thresholds.absorptionHigh(),
          drivers));
      double largest = clusters.isEmpty() ? 0 : clusters.get(0).grossShare();
      level = max(level, rate("largest cluster share", largest, thresholds.clusterShareMedium(),
          thresholds.clusterShareHigh(), drivers));
    }
    return new CrowdingReport(level, byInstrument, bySector, byIssuer, avgCorr, absorption, clusters, drivers);
  }

  private static CrowdingLevel rate(String name, double value, double medium, double high, List<String> drivers) {
    if (value >= high) {
      drivers.add(String.format(Locale.ROOT, "%s %.4f >= high %.4f", name, value, high));
      return CrowdingLevel.HIGH;
    }
    if (value >= medium) {
      drivers.add(String.format(Locale.ROOT, "%s %.4f >= medium %.4f", name, value, medium));
      return CrowdingLevel.MEDIUM;
    }
    return CrowdingLevel.LOW;
  }

  private static CrowdingLevel max(CrowdingLevel a, CrowdingLevel b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static double[] values(Map<String, Double> m) {
    double[] out = new double[m.size()];
    int i = 0;
    for (double v : m.values()) {
      out[i++] = v;
    }
    return out;
  }

  /** A builder of {@link CrowdingAnalyzer}; not thread-safe. */
  public static final class Builder {
    private CrowdingThresholds thresholds = CrowdingThresholds.defaults();
    private int topN = 5;
    private double clusterCorrelation = CorrelationClustering.DEFAULT_CORRELATION_THRESHOLD;
    private int eigenvectors;

    private Builder() {
    }

    /** Sets the thresholds (default {@link CrowdingThresholds#defaults()}). */
    public Builder thresholds(CrowdingThresholds thresholds) {
      this.thresholds = thresholds;
      return this;
    }

    /** Sets the N of the top-N share (default 5). */
    public Builder topN(int topN) {
      this.topN = topN;
      return this;
    }

    /** Sets the correlation at which the cluster tree is cut (default 0.5). */
    public Builder clusterCorrelation(double correlation) {
      this.clusterCorrelation = correlation;
      return this;
    }

    /** Sets the eigenvectors of the absorption ratio (default a fifth of the instruments). */
    public Builder eigenvectors(int eigenvectors) {
      this.eigenvectors = eigenvectors;
      return this;
    }

    /** Builds and validates the analyzer. */
    public CrowdingAnalyzer build() {
      Checks.notNull(thresholds, "thresholds");
      Checks.positive(topN, "topN");
      Checks.inRange(clusterCorrelation, -1, 1, "clusterCorrelation");
      Checks.check(eigenvectors >= 0, "eigenvectors", eigenvectors, ">= 0 (0 for the default)");
      return new CrowdingAnalyzer(thresholds, topN, clusterCorrelation, eigenvectors);
    }
  }
}
