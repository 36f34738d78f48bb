/** Benchmarks of the market calendar's hot query, {@code isOpen}, against a naive baseline. */
package dev.parapet.benchmarks.calendar;
