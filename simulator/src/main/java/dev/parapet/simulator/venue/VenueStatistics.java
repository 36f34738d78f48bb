package dev.parapet.simulator.venue;

/**
 * Counters of the {@link SimulatedVenue} since the market was built, as of the end of the last step.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param received child orders handed to {@code send}
 * @param acknowledged child orders acknowledged
 * @param rejected child orders rejected
 * @param cancelled child orders cancelled (on request, or IOC/FOK remainders)
 * @param expired child orders expired at the end of their session
 * @param fills fills reported
 * @param filledQuantity total filled quantity
 * @param dropped messages and events lost to {@code DROP} disconnects
 * @param ignoredCancels cancel requests for orders that were not working (unknown, filled or done)
 * @param working child orders working now
 */
public record VenueStatistics(
    long received,
    long acknowledged,
    long rejected,
    long cancelled,
    long expired,
    long fills,
    long filledQuantity,
    long dropped,
    long ignoredCancels,
    int working) {
}
