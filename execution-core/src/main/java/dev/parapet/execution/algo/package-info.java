/**
 * Execution algorithms implementing {@link dev.parapet.api.execution.ExecutionAlgo}: Immediate, TWAP,
 * VWAP, POV, Implementation Shortfall (Almgren–Chriss) and Adaptive, built by
 * {@link dev.parapet.execution.algo.ExecutionAlgos}.
 */
package dev.parapet.execution.algo;
