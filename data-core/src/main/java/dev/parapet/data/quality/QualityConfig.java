package dev.parapet.data.quality;

import dev.parapet.api.Checks;

/**
 * Thresholds of the data-quality checks.
 * <p>
 * The outlier test is Iglewicz and Hoaglin's modified z-score, {@code z = 0.6745 (r - median) / MAD}
 * (B. Iglewicz and D. Hoaglin, "How to Detect and Handle Outliers", ASQC 1993, section 3.3); they suggest
 * 3.5 for roughly normal data, but daily equity returns are fat-tailed and 3.5 flags about one genuine
 * session in a hundred, so the default here is 8, which flags data errors rather than market moves.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param staleRun the number of identical consecutive closes that makes a price stale, &gt;= 2
 * @param outlierZ the robust z-score above which a return is an outlier, &gt; 0
 * @param minReturnsForOutliers the fewest returns an instrument needs before outliers are tested, &gt;= 3
 * @param splitTolerance the largest |log(ratio) - log(split ratio)| that counts as a split-like jump, in (0, 0.2]
 * @param worstIssuesKept how many of the worst issues a report keeps, &gt; 0
 */
public record QualityConfig(int staleRun, double outlierZ, int minReturnsForOutliers, double splitTolerance,
    int worstIssuesKept) {

  /** Validates every field. */
  public QualityConfig {
    Checks.check(staleRun >= 2, "staleRun", staleRun, ">= 2");
    Checks.positive(outlierZ, "outlierZ");
    Checks.check(minReturnsForOutliers >= 3, "minReturnsForOutliers", minReturnsForOutliers, ">= 3");
    Checks.check(splitTolerance > 0 && splitTolerance <= 0.2, "splitTolerance", splitTolerance, "in (0, 0.2]");
    Checks.positive(worstIssuesKept, "worstIssuesKept");
  }

  /** Returns the defaults: stale after 5 identical closes, outliers beyond z 8 with 20 returns, split tolerance 0.03, 100 worst issues kept. */
  public static QualityConfig defaults() {
    return new QualityConfig(5, 8.0, 20, 0.03, 100);
  }

  /** Returns a copy with another stale-run length. */
  public QualityConfig withStaleRun(int run) {
    return new QualityConfig(run, outlierZ, minReturnsForOutliers, splitTolerance, worstIssuesKept);
  }

  /** Returns a copy with another outlier threshold. */
  public QualityConfig withOutlierZ(double z) {
    return new QualityConfig(staleRun, z, minReturnsForOutliers, splitTolerance, worstIssuesKept);
  }
}
