/**
 * Time sources. Capabilities take a {@link java.time.InstantSource}; {@link dev.parapet.api.time.SimulatedClock}
 * is one that tests, backtests and the simulated example advance by hand.
 */
package dev.parapet.api.time;
