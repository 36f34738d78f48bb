/**
 * Benchmarks of compliance-core: the compliance gate running all seventeen rules on one order against a
 * 500-position book, and the audit journal's throughput and per-record cost, each beside a naive
 * baseline.
 */
package dev.parapet.benchmarks.compliance;
