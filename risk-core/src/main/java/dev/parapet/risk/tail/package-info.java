/**
 * Empirical lower and upper tail dependence of return series at a chosen quantile: for a pair, as a matrix
 * over a portfolio's instruments, and of each instrument against the portfolio and a benchmark, with pairs
 * above a threshold flagged. Start from {@link dev.parapet.risk.tail.TailDependence}.
 */
package dev.parapet.risk.tail;
