package dev.parapet.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * Schedules faults in a {@link SimulatedMarket} and its venue, for soak and resilience tests.
 * <p>
 * Windows are half-open, {@code [from, from + length)}, in simulated time; they may be scheduled before
 * or while the simulation runs and may overlap. Fault draws use their own random stream, so faults never
 * change the market's price path. Thread-safe: faults may be scheduled from any thread; they take effect
 * at the next step that reaches them.
 */
public interface FaultInjector {

  /** Makes the venue reject every order that reaches it within the window. */
  void rejectBurst(Instant from, Duration length);

  /**
   * Makes the venue stop answering within the window: it neither acknowledges, fills, cancels nor
   * expires anything; what happens to the traffic depends on the {@link DisconnectMode}.
   */
  void disconnect(Instant from, Duration length, DisconnectMode mode);

  /** Drops every one-minute bar (of every instrument) that starts within the window. */
  void missingBars(Instant from, Duration length);

  /** Drops every one-minute bar of one instrument that starts within the window. */
  void missingBars(String instrumentId, Instant from, Duration length);

  /**
   * Drops each one-minute bar independently with a probability, from now on.
   *
   * @param probability the probability, in [0, 1]; 0 switches random drops off
   */
  void missingBarProbability(double probability);

  /** Removes every scheduled fault and switches random bar drops off. */
  void clear();
}
