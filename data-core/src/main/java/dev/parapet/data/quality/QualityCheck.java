package dev.parapet.data.quality;

import dev.parapet.api.alert.Severity;

/** The data-quality checks run over bar history, each with the severity of the issues it raises by default. */
public enum QualityCheck {
  /** A session of the market calendar without a daily bar, between an instrument's first and last bar. */
  MISSING_SESSION(Severity.LOW),
  /** Two daily bars on the same session date, or two intraday bars in the same interval slot. */
  DUPLICATE_TIMESTAMP(Severity.MEDIUM),
  /** Low above min(open, close), high below max(open, close), low above high, or VWAP outside [low, high]. */
  OHLC_INCONSISTENT(Severity.HIGH),
  /** An open, high, low or close that is zero, negative or not a number. */
  NON_POSITIVE_PRICE(Severity.HIGH),
  /** A negative volume. */
  NEGATIVE_VOLUME(Severity.HIGH),
  /** A run of at least N identical consecutive daily closes. */
  STALE_PRICE(Severity.MEDIUM),
  /** A daily return whose robust z-score on the median absolute deviation exceeds the threshold. */
  OUTLIER_RETURN(Severity.MEDIUM),
  /** Missing intraday bars between two bars of the same session. */
  INTRADAY_GAP(Severity.LOW),
  /** A close-to-close jump matching a common split ratio with no split recorded on that date. */
  UNMATCHED_SPLIT(Severity.HIGH);

  private final Severity severity;

  QualityCheck(Severity severity) {
    this.severity = severity;
  }

  /** Returns the default severity of this check's issues. */
  public Severity severity() {
    return severity;
  }
}
