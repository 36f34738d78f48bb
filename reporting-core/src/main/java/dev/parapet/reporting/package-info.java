/**
 * End-of-day reports: {@link dev.parapet.reporting.Reports} builds the default generator (JSON with a
 * versioned schema, a self-contained HTML page with SVG charts, CSV tables), {@link dev.parapet.reporting.ReportStore}
 * keeps them atomically under {@code reports/YYYY-MM-DD/}, and {@link dev.parapet.reporting.DayRecordJson}
 * reads and writes the day record as JSON.
 */
package dev.parapet.reporting;
