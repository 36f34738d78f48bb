package dev.parapet.api.gate;

/**
 * Why a gate rejected or warned about an order. Expected outcomes are values, not exceptions: every
 * reason a gate can give has a code here, and hosts may switch on it.
 */
public enum ReasonCode {
  /** The kill switch is engaged: every new order is blocked. */
  KILL_SWITCH_ENGAGED,
  /** The instrument or issuer is on the restricted list. */
  RESTRICTED_INSTRUMENT,
  /** The instrument or issuer is on the watch list (a warning). */
  WATCH_LIST,
  /** The order quantity exceeds the maximum. */
  MAX_ORDER_QUANTITY,
  /** The order notional exceeds the maximum (fat finger). */
  MAX_ORDER_NOTIONAL,
  /** The limit price is outside the collar around the reference price. */
  PRICE_COLLAR,
  /** No reference price is known for a check that needs one. */
  NO_REFERENCE_PRICE,
  /** The position limit per instrument would be exceeded. */
  POSITION_LIMIT,
  /** Issuer concentration (share of NAV) would be exceeded. */
  ISSUER_CONCENTRATION,
  /** Sector or industry concentration would be exceeded. */
  SECTOR_CONCENTRATION,
  /** Gross exposure limit would be exceeded. */
  GROSS_EXPOSURE,
  /** Net exposure limit would be exceeded. */
  NET_EXPOSURE,
  /** Leverage limit would be exceeded. */
  LEVERAGE,
  /** A short sale has no (or not enough) locate. */
  NO_LOCATE,
  /** The order would trade against the same account's resting opposite order. */
  WASH_TRADE,
  /** The message rate limit is exceeded. */
  THROTTLE,
  /** Too many open orders. */
  MAX_OPEN_ORDERS,
  /** The order is too large a share of average daily volume. */
  ADV_PARTICIPATION,
  /** The order duplicates a recent one. */
  DUPLICATE_ORDER,
  /** The market is closed. */
  MARKET_CLOSED,
  /** The instrument is halted. */
  INSTRUMENT_HALTED,
  /** The daily loss limit is breached. */
  DAILY_LOSS_LIMIT,
  /** The pro-forma expected shortfall would exceed its limit. */
  ES_LIMIT,
  /** The drawdown budget blocks risk-increasing orders. */
  DRAWDOWN_BLOCK,
  /** Not enough history (missing instrument or too few scenarios) to assess risk. */
  INSUFFICIENT_HISTORY,
  /** A rule defined by the host failed. */
  CUSTOM_RULE,
  /** A gate or rule threw or returned an invalid figure: the gate fails closed. */
  INTERNAL_ERROR
}
