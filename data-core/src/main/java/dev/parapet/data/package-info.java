/**
 * Historical market data over JDBC: {@link dev.parapet.data.JdbcHistoryStore}, the
 * {@link dev.parapet.api.data.HistoryStore} on an embedded SQLite file by default and on PostgreSQL in
 * production, with bulk ingest ({@link dev.parapet.data.BarBatch}), quality checks and nightly maintenance
 * ({@link dev.parapet.data.MaintenancePolicy}, {@link dev.parapet.data.MaintenanceSummary}).
 */
package dev.parapet.data;
