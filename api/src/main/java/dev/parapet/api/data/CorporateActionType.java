package dev.parapet.api.data;

/** The kinds of corporate action the history store adjusts prices and volumes for. */
public enum CorporateActionType {
  /**
   * A stock split (or, with a ratio below 1, a reverse split); the value is the number of new shares per
   * old share, e.g. 2 for a 2:1 split.
   */
  SPLIT,
  /** A cash dividend; the value is the amount per share in the price currency, paid to holders before the ex-date. */
  CASH_DIVIDEND
}
