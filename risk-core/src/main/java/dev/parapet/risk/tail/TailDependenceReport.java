package dev.parapet.risk.tail;

import dev.parapet.api.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tail dependence of a portfolio: the pairwise matrix, each instrument against the portfolio and (when one
 * was given) a benchmark, and the pairs above the threshold. Immutable and thread-safe.
 *
 * @param matrix the pairwise matrix
 * @param versusPortfolio each instrument's tail dependence with the portfolio's return series, by id in row order
 * @param versusBenchmark each instrument's tail dependence with the benchmark, by id in row order; empty without one
 * @param threshold the flagging threshold
 * @param flaggedPairs the pairs whose lower or upper tail dependence exceeds the threshold, strongest first
 */
public record TailDependenceReport(TailDependenceMatrix matrix, Map<String, TailDependenceEstimate> versusPortfolio,
    Map<String, TailDependenceEstimate> versusBenchmark, double threshold, List<TailDependencePair> flaggedPairs) {

  /** Validates and copies the fields. */
  public TailDependenceReport {
    Checks.notNull(matrix, "matrix");
    versusPortfolio = Collections.unmodifiableMap(new LinkedHashMap<>(Checks.notNull(versusPortfolio, "versusPortfolio")));
    versusBenchmark = Collections.unmodifiableMap(new LinkedHashMap<>(Checks.notNull(versusBenchmark, "versusBenchmark")));
    Checks.inRange(threshold, 0, 1, "threshold");
    flaggedPairs = List.copyOf(Checks.notNull(flaggedPairs, "flaggedPairs"));
  }
}
