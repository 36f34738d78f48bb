/**
 * Bulk import of bars from CSV files into a {@link dev.parapet.data.JdbcHistoryStore}: batched, one
 * transaction per batch, bad rows reported with file and line while the valid rows are kept.
 */
package dev.parapet.data.csv;
