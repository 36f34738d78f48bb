package dev.parapet.risk.crowding;

import dev.parapet.api.Checks;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The crowding of a book with the figures behind its level. Correlation figures are present only when
 * returns were given. Immutable and thread-safe.
 *
 * @param level the crowding level
 * @param byInstrument concentration by instrument
 * @param bySector concentration of gross exposure by sector
 * @param byIssuer concentration of gross exposure by issuer
 * @param averagePairwiseCorrelation the mean off-diagonal correlation of the instruments with returns
 * @param absorptionRatio the absorption ratio of the instruments with returns
 * @param clusters the correlation clusters, largest gross share first; empty without returns
 * @param drivers one line per indicator at or above its medium threshold, e.g. {@code hhi 0.24 >= high 0.20}
 */
public record CrowdingReport(CrowdingLevel level, ConcentrationMetrics byInstrument, ConcentrationMetrics bySector,
    ConcentrationMetrics byIssuer, OptionalDouble averagePairwiseCorrelation, OptionalDouble absorptionRatio,
    List<Cluster> clusters, List<String> drivers) {

  /** Validates and copies the fields. */
  public CrowdingReport {
    Checks.notNull(level, "level");
    Checks.notNull(byInstrument, "byInstrument");
    Checks.notNull(bySector, "bySector");
    Checks.notNull(byIssuer, "byIssuer");
    Checks.notNull(averagePairwiseCorrelation, "averagePairwiseCorrelation");
    Checks.notNull(absorptionRatio, "absorptionRatio");
    clusters = List.copyOf(Checks.notNull(clusters, "clusters"));
    drivers = List.copyOf(Checks.notNull(drivers, "drivers"));
  }
}
