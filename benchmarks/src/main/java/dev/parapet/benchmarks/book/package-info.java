/**
 * Benchmarks of the position book: fills and marks on a 500-position book against a naive baseline that
 * recomputes every aggregate from a map of immutable positions on each update.
 */
package dev.parapet.benchmarks.book;
