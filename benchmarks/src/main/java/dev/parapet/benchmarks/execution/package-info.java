/**
 * Execution benchmarks: the measured comparison of execution algorithms on the simulated market
 * ({@link dev.parapet.benchmarks.execution.ExecutionAlgoBenchmark}).
 */
package dev.parapet.benchmarks.execution;
