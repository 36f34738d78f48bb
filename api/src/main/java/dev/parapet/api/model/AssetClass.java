package dev.parapet.api.model;

/** The asset class of an instrument. */
public enum AssetClass {
  /** Common and preferred stock. */
  EQUITY,
  /** Exchange-traded funds. */
  ETF,
  /** Listed futures; notional uses the contract multiplier. */
  FUTURE,
  /** Listed options; notional uses the contract multiplier. */
  OPTION,
  /** Spot and forward foreign exchange. */
  FX,
  /** Bonds and other fixed income. */
  FIXED_INCOME,
  /** Physical commodities. */
  COMMODITY,
  /** Crypto assets. */
  CRYPTO
}
