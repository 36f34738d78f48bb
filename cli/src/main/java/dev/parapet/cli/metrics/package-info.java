/**
 * The {@code parapet metrics} command: the seventeen performance and risk metrics of a return series, as JSON.
 */
package dev.parapet.cli.metrics;
