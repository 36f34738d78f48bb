/**
 * A seeded simulated market and venue for tests, benchmarks and the example.
 */
package dev.parapet.simulator;
