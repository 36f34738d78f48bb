package dev.parapet.api.execution;

/**
 * How an execution algorithm wants its next child order priced.
 * <p>
 * The engine turns it into a price on the tick grid that never crosses the parent's limit.
 */
public enum Aggression {
  /** Rest on the near side of the book (a buy joins the bid, a sell the ask): saves the spread, may not fill. */
  PASSIVE,
  /** Take liquidity at the far side of the book (a marketable order): pays the spread, fills now. */
  AGGRESSIVE
}
