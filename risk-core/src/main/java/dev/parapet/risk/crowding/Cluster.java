package dev.parapet.risk.crowding;

import dev.parapet.api.Checks;
import java.util.List;

/**
 * One cluster of correlated instruments and the book's exposure to it. Immutable and thread-safe.
 *
 * @param members the instrument ids in the cluster
 * @param netExposure the sum of the members' signed exposures
 * @param grossExposure the sum of the members' absolute exposures
 * @param grossShare the cluster's share of the book's gross exposure, in [0, 1]
 * @param averageCorrelation the mean pairwise correlation inside the cluster (1 for a single instrument)
 */
public record Cluster(List<String> members, double netExposure, double grossExposure, double grossShare,
    double averageCorrelation) {

  /** Validates and copies the fields. */
  public Cluster {
    members = List.copyOf(Checks.notNull(members, "members"));
    Checks.check(!members.isEmpty(), "members", members, "at least one instrument");
    Checks.finite(netExposure, "netExposure");
    Checks.nonNegative(grossExposure, "grossExposure");
    Checks.inRange(grossShare, 0, 1 + 1e-12, "grossShare");
    Checks.finite(averageCorrelation, "averageCorrelation");
  }
}
