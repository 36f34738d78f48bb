/**
 * The simulated venue: an {@link dev.parapet.api.execution.OrderRouter} that fills child orders with
 * latency, partial fills, rejects, cancels and expiries under a true square-root impact model hidden from
 * execution code, reporting to {@link dev.parapet.simulator.venue.VenueListener}s.
 */
package dev.parapet.simulator.venue;
