/**
 * The {@code parapet report} subcommand: renders an end-of-day report (JSON, HTML, CSV) from a JSON day
 * record, offline.
 */
package dev.parapet.cli.report;
