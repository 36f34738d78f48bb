package dev.parapet.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.api.Checks;
import dev.parapet.api.report.DayRecord;

/**
 * A composed end-of-day report: the day record and the report's JSON tree (schema
 * {@code parapet.eod-report}), which holds the record as given under {@code record} and the figures
 * derived from it under {@code derived}.
 * <p>
 * Immutable by convention: renderers must not modify the tree. Thread-safe for reading.
 *
 * @param record the day's figures
 * @param json the report's JSON tree
 */
public record ReportDocument(DayRecord record, JsonNode json) {

  /** Validates the fields. */
  public ReportDocument {
    Checks.notNull(record, "record");
    Checks.notNull(json, "json", "report " + record.date());
  }
}
