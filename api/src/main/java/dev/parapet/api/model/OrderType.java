package dev.parapet.api.model;

/** The type of an order. */
public enum OrderType {
  /** Executes at the prevailing price; has no limit price. */
  MARKET,
  /** Executes at the limit price or better. */
  LIMIT
}
