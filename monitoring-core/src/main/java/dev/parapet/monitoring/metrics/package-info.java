/**
 * Metric calculators: {@link dev.parapet.monitoring.metrics.MetricsCalculators} builds a streaming calculator
 * (O(log n) per return, allocation-free) or a batch one (recomputes over the kept series), both implementing
 * {@link dev.parapet.api.metrics.MetricsCalculator} with empyrical's conventions.
 */
package dev.parapet.monitoring.metrics;
