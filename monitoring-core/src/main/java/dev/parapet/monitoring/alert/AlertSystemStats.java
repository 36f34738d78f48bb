package dev.parapet.monitoring.alert;

/**
 * Counters of an {@link AlertSystem} since it was built. This class is immutable and thread-safe.
 *
 * @param received alerts published
 * @param deduplicated publications of an already firing fingerprint (updates, no new notification)
 * @param resolved publications that resolved a firing alert
 * @param firing alerts firing now (including muted ones)
 * @param groups aggregation groups now
 * @param notifications notifications handed to receivers (groups, escalations and summaries)
 * @param suppressed alert occurrences left out of a group notification because silenced or inhibited
 * @param folded notifications held back by a rate limit and folded into a summary
 * @param escalations critical alerts escalated
 * @param deliveryErrors receiver deliveries that threw
 */
public record AlertSystemStats(long received, long deduplicated, long resolved, long firing, long groups,
    long notifications, long suppressed, long folded, long escalations, long deliveryErrors) {
}
