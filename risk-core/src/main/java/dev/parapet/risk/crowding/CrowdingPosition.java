package dev.parapet.risk.crowding;

import dev.parapet.api.Checks;
import dev.parapet.api.model.Instrument;

/**
 * One position of a book as the crowding analysis sees it. Immutable and thread-safe.
 *
 * @param instrumentId the instrument
 * @param sector the sector
 * @param issuer the issuer
 * @param exposure the signed exposure (currency, or a portfolio weight), finite
 */
public record CrowdingPosition(String instrumentId, String sector, String issuer, double exposure) {

  /** Validates the fields. */
  public CrowdingPosition {
    Checks.notBlank(instrumentId, "instrumentId");
    Checks.notBlank(sector, "sector", instrumentId);
    Checks.notBlank(issuer, "issuer", instrumentId);
    Checks.finite(exposure, "exposure", instrumentId);
  }

  /** Creates a position of an instrument with its sector and issuer. */
  public static CrowdingPosition of(Instrument instrument, double exposure) {
    Checks.notNull(instrument, "instrument");
    return new CrowdingPosition(instrument.id(), instrument.sector(), instrument.issuer(), exposure);
  }
}
