/**
 * Performance and risk metrics of a return series: the {@link dev.parapet.api.metrics.Metric} catalogue,
 * the {@link dev.parapet.api.metrics.MetricsCalculator} contract (streaming or batch) and the immutable
 * {@link dev.parapet.api.metrics.MetricsSnapshot} it produces. Implementations live in monitoring-core.
 */
package dev.parapet.api.metrics;
