package dev.parapet.api.model;

import dev.parapet.api.Checks;
import java.util.Currency;

/**
 * A tradable instrument with the reference data every control needs.
 * <p>
 * Notional of a quantity at a price is {@code quantity * price * multiplier}, in {@link #currency()}.
 * Prices must lie on the {@link #tickSize()} grid and quantities must be whole multiples of
 * {@link #lotSize()}.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param id unique identifier used as a key everywhere (e.g. a FIGI or an internal id), not blank
 * @param symbol the ticker, not blank
 * @param assetClass the asset class
 * @param currency the currency of prices and notional
 * @param sector the sector or industry classification (e.g. GICS sector name), not blank
 * @param issuer the issuer (legal entity) used for concentration rules, not blank
 * @param lotSize the round lot, in units; quantities are whole multiples of it, &gt; 0
 * @param tickSize the minimum price increment, &gt; 0
 * @param multiplier the contract multiplier (1 for cash instruments), &gt; 0
 */
public record Instrument(
    String id,
    String symbol,
    AssetClass assetClass,
    Currency currency,
    String sector,
    String issuer,
    long lotSize,
    double tickSize,
    double multiplier) {

  /** Validates every field. */
  public Instrument {
    Checks.notBlank(id, "id");
    String ctx = "instrument " + id;
    Checks.notBlank(symbol, "symbol", ctx);
    Checks.notNull(assetClass, "assetClass", ctx);
    Checks.notNull(currency, "currency", ctx);
    Checks.notBlank(sector, "sector", ctx);
    Checks.notBlank(issuer, "issuer", ctx);
    Checks.positive(lotSize, "lotSize", ctx);
    Checks.positive(tickSize, "tickSize", ctx);
    Checks.positive(multiplier, "multiplier", ctx);
  }

  /**
   * Creates a US-dollar equity with a lot of 1 share, a tick of one cent and a multiplier of 1.
   *
   * @param id the identifier, also used as the symbol
   * @param sector the sector
   * @param issuer the issuer
   * @return the instrument
   */
  public static Instrument usEquity(String id, String sector, String issuer) {
    return new Instrument(id, id, AssetClass.EQUITY, Currency.getInstance("USD"), sector, issuer, 1, 0.01, 1.0);
  }

  /** Returns a builder with a lot size of 1, a tick of 0.01, a multiplier of 1 and USD. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the notional of a signed quantity at a price: {@code quantity * price * multiplier}. */
  public double notional(double quantity, double price) {
    return quantity * price * multiplier;
  }

  /** Checks that a price lies on this instrument's tick grid and is finite and positive. */
  public double checkPrice(double price, String field, String context) {
    Checks.positive(price, field, context);
    return Checks.onTickGrid(price, tickSize, field, context);
  }

  /** Checks that a quantity is positive and a whole number of lots. */
  public long checkQuantity(long quantity, String field, String context) {
    Checks.positive(quantity, field, context);
    return Checks.onLotGrid(quantity, lotSize, field, context);
  }

  /** A mutable builder of {@link Instrument}; not thread-safe. */
  public static final class Builder {
    private String id;
    private String symbol;
    private AssetClass assetClass = AssetClass.EQUITY;
    private Currency currency = Currency.getInstance("USD");
    private String sector;
    private String issuer;
    private long lotSize = 1;
    private double tickSize = 0.01;
    private double multiplier = 1.0;

    private Builder() {
    }

    /** Sets the id, and the symbol too if none was set. */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /** Sets the symbol. */
    public Builder symbol(String symbol) {
      this.symbol = symbol;
      return this;
    }

    /** Sets the asset class. */
    public Builder assetClass(AssetClass assetClass) {
      this.assetClass = assetClass;
      return this;
    }

    /** Sets the currency. */
    public Builder currency(Currency currency) {
      this.currency = currency;
      return this;
    }

    /** Sets the currency by ISO 4217 code. */
    public Builder currency(String isoCode) {
      this.currency = Currency.getInstance(Checks.notBlank(isoCode, "currency"));
      return this;
    }

    /** Sets the sector. */
    public Builder sector(String sector) {
      this.sector = sector;
      return this;
    }

    /** Sets the issuer. */
    public Builder issuer(String issuer) {
      this.issuer = issuer;
      return this;
    }

    /** Sets the lot size. */
    public Builder lotSize(long lotSize) {
      this.lotSize = lotSize;
      return this;
    }

    /** Sets the tick size. */
    public Builder tickSize(double tickSize) {
      this.tickSize = tickSize;
      return this;
    }

    /** Sets the contract multiplier. */
    public Builder multiplier(double multiplier) {
      this.multiplier = multiplier;
      return this;
    }

    /** Builds and validates the instrument. */
    public Instrument build() {
      return new Instrument(id, symbol == null ? id : symbol, assetClass, currency, sector, issuer, lotSize, tickSize, multiplier);
    }
  }
}
