package dev.parapet.risk.crowding;

import dev.parapet.api.Checks;

/**
 * The medium and high thresholds of each crowding indicator; an indicator at or above a threshold raises the
 * level to it. The defaults are house choices, not regulatory figures: an HHI of 0.10 / 0.20 (fewer than
 * 10 / 5 effective positions), a largest-sector share of 35% / 50%, an average pairwise correlation of
 * 0.30 / 0.50, an absorption ratio of 0.80 / 0.90 and a largest correlation cluster holding 40% / 60% of
 * gross exposure. Immutable and thread-safe.
 *
 * @param hhiMedium HHI by instrument, medium
 * @param hhiHigh HHI by instrument, high
 * @param sectorShareMedium the largest sector's share of gross exposure, medium
 * @param sectorShareHigh the largest sector's share of gross exposure, high
 * @param correlationMedium average pairwise correlation, medium
 * @param correlationHigh average pairwise correlation, high
 * @param absorptionMedium absorption ratio, medium
 * @param absorptionHigh absorption ratio, high
 * @param clusterShareMedium the largest cluster's share of gross exposure, medium
 * @param clusterShareHigh the largest cluster's share of gross exposure, high
 */
public record CrowdingThresholds(double hhiMedium, double hhiHigh, double sectorShareMedium, double sectorShareHigh,
    double correlationMedium, double correlationHigh, double absorptionMedium, double absorptionHigh,
    double clusterShareMedium, double clusterShareHigh) {

  /** Validates the fields: each pair in range with medium at most high. */
  public CrowdingThresholds {
    pair(hhiMedium, hhiHigh, 0, 1, "hhi");
    pair(sectorShareMedium, sectorShareHigh, 0, 1, "sectorShare");
    pair(correlationMedium, correlationHigh, -1, 1, "correlation");
    pair(absorptionMedium, absorptionHigh, 0, 1, "absorption");
    pair(clusterShareMedium, clusterShareHigh, 0, 1, "clusterShare");
  }

  /** Returns the default thresholds. */
  public static CrowdingThresholds defaults() {
    return new CrowdingThresholds(0.10, 0.20, 0.35, 0.50, 0.30, 0.50, 0.80, 0.90, 0.40, 0.60);
  }

  private static void pair(double medium, double high, double min, double max, String name) {
    Checks.inRange(medium, min, max, name + "Medium");
    Checks.inRange(high, min, max, name + "High");
    Checks.check(medium <= high, name + "Medium", medium, "<= " + name + "High " + high);
  }
}
