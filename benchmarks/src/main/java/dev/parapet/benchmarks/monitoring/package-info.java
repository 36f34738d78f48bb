/**
 * JMH benchmarks of monitoring-core: the streaming update of the seventeen metrics against recomputing over
 * the history, and alert ingest against a naive alert manager.
 */
package dev.parapet.benchmarks.monitoring;
