/**
 * Benchmarks of the history store: the embedded-engine comparison (H2, SQLite, DuckDB) that chose the
 * default engine, and JMH benchmarks of ingest, quality checks and reads against their naive baselines.
 */
package dev.parapet.benchmarks.data;
