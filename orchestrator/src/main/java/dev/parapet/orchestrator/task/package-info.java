/**
 * The task runner: named tasks on interval or daily schedules in the exchange's time zone, gated on
 * the market calendar, run without overlap, with timeouts, retries, catch-up of missed daily runs and
 * per-task health. Driven by an {@link java.time.InstantSource}, so simulated days make the same
 * schedule decisions as real ones.
 */
package dev.parapet.orchestrator.task;
