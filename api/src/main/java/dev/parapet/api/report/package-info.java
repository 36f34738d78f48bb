/**
 * End-of-day reports: the plain-data {@link dev.parapet.api.report.DayRecord} a host or the orchestrator
 * fills from its own records, the {@link dev.parapet.api.report.ReportGenerator} that renders and stores
 * one day, and the {@link dev.parapet.api.report.ReportArchive} through which stored reports are listed and
 * fetched by date.
 */
package dev.parapet.api.report;
