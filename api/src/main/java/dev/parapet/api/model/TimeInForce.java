package dev.parapet.api.model;

/** How long an order stays working. */
public enum TimeInForce {
  /** Until the end of the trading session. */
  DAY,
  /** Immediate or cancel: what cannot fill at once is cancelled. */
  IOC,
  /** Fill or kill: fills whole at once or not at all. */
  FOK,
  /** Good till cancelled. */
  GTC
}
