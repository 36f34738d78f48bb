/**
 * JMH benchmarks and their baselines (not published).
 */
package dev.parapet.benchmarks;
