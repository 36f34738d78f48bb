/**
 * End-of-day reports: model, JSON, HTML with SVG charts, CSV, and the report store.
 */
package dev.parapet.reporting;
