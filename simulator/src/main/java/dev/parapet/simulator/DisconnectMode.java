package dev.parapet.simulator;

/** What the simulated venue does with traffic during a disconnect (see {@link FaultInjector#disconnect}). */
public enum DisconnectMode {
  /**
   * Messages that reach the venue during the outage are held and processed when it ends, and events it
   * would have sent (end-of-day expiries) are delivered then: a slow venue.
   */
  HOLD,
  /**
   * Messages that reach the venue during the outage are lost and never answered, and events it would
   * have sent are lost too: a dropped connection. Callers must time out.
   */
  DROP
}
