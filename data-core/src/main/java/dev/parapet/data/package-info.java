/**
 * Historical market data over JDBC: embedded database by default, PostgreSQL in production.
 */
package dev.parapet.data;
