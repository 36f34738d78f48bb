/**
 * The {@code parapet data} commands: import bars from CSV, run the data-quality checks, and run the nightly
 * maintenance of a history store (an embedded file or PostgreSQL).
 */
package dev.parapet.cli.data;
