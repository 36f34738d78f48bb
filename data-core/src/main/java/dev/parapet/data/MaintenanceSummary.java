package dev.parapet.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.api.Checks;
import dev.parapet.data.quality.QualityReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one maintenance run did: the quality report, the intraday bars pruned and the cut-off, the
 * statistics and space steps run (in order, with what they found), and the database size before and after.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param startedAt when the run started
 * @param finishedAt when it finished
 * @param quality the quality report of the run
 * @param prunedIntradayBars intraday bars deleted by retention, &gt;= 0
 * @param pruneCutoff intraday bars starting before this were deleted
 * @param steps the housekeeping steps run, in order, e.g. {@code ANALYZE}, {@code VACUUM skipped: 0.4% free}
 * @param sizeBeforeBytes the database size before the run (file size or relation sizes), &gt;= 0
 * @param sizeAfterBytes the database size after the run, &gt;= 0
 */
public record MaintenanceSummary(Instant startedAt, Instant finishedAt, QualityReport quality,
    long prunedIntradayBars, Instant pruneCutoff, List<String> steps, long sizeBeforeBytes, long sizeAfterBytes) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Validates every field. */
  public MaintenanceSummary {
    Checks.notNull(startedAt, "startedAt");
    Checks.notNull(finishedAt, "finishedAt");
    Checks.notNull(quality, "quality");
    Checks.nonNegative(prunedIntradayBars, "prunedIntradayBars");
    Checks.notNull(pruneCutoff, "pruneCutoff");
    steps = List.copyOf(steps);
    Checks.nonNegative(sizeBeforeBytes, "sizeBeforeBytes");
    Checks.nonNegative(sizeAfterBytes, "sizeAfterBytes");
  }

  /** Returns how long the run took. */
  public Duration duration() {
    return Duration.between(startedAt, finishedAt);
  }

  /** Returns the summary as JSON, the quality report nested under {@code quality}. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("startedAt", startedAt.toString());
    root.put("finishedAt", finishedAt.toString());
    root.put("prunedIntradayBars", prunedIntradayBars);
    root.put("pruneCutoff", pruneCutoff.toString());
    steps.forEach(root.putArray("steps")::add);
    root.put("sizeBeforeBytes", sizeBeforeBytes);
    root.put("sizeAfterBytes", sizeAfterBytes);
    root.set("quality", quality.toJsonNode());
    return root.toString();
  }
}
