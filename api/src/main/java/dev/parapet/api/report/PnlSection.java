package dev.parapet.api.report;

import dev.parapet.api.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The day's profit and loss: NAV, the reference NAVs from which returns are taken, and one line per
 * instrument and strategy.
 * <p>
 * Each line's {@code realizedPnl} and {@code unrealizedPnl} are the day's contributions (realized during
 * the day net of fees, and the day's change in unrealized P&amp;L at the marks), so that their sum over
 * lines is the day's P&amp;L. Returns are simple NAV ratios ({@code nav / reference - 1}), which assumes no
 * external cash flows over the period; a reference NAV is empty when unknown (the first day), and the
 * return is then reported absent.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param nav net asset value at the close, in the base currency
 * @param navPreviousClose NAV at the previous session's close, for the day return
 * @param navMonthStart NAV at the last close of the previous month, for the month-to-date return
 * @param navYearStart NAV at the last close of the previous year, for the year-to-date return
 * @param lines one line per (instrument, strategy); empty on a day without positions
 */
public record PnlSection(
    double nav,
    OptionalDouble navPreviousClose,
    OptionalDouble navMonthStart,
    OptionalDouble navYearStart,
    List<Line> lines) {

  /** Validates and copies the fields; (instrument, strategy) pairs must be unique. */
  public PnlSection {
    Checks.finite(nav, "nav", "pnl");
    Values.positive(navPreviousClose, "navPreviousClose", "pnl");
    Values.positive(navMonthStart, "navMonthStart", "pnl");
    Values.positive(navYearStart, "navYearStart", "pnl");
    lines = Values.list(lines, "lines", "pnl");
    Set<String> keys = new HashSet<>();
    for (Line l : lines) {
      Checks.check(keys.add(l.instrumentId() + "\u0000" + l.strategy()), "lines", l.instrumentId() + "/" + l.strategy(),
          "unique (instrumentId, strategy) pairs", "pnl");
    }
  }

  /** How the mark behind a line's valuation was obtained. */
  public enum MarkStatus {
    /** A price observed today. */
    OBSERVED,
    /** No price today: the last known mark was carried forward and the figures use it. */
    STALE,
    /** No price at all: market value and unrealized P&amp;L are reported as 0 and excluded. */
    MISSING
  }

  /**
   * One instrument and strategy's P&amp;L for the day.
   *
   * @param instrumentId the instrument id
   * @param symbol the ticker
   * @param sector the sector
   * @param issuer the issuer
   * @param strategy the strategy (or account) the position belongs to
   * @param quantity the signed quantity at the close
   * @param markPrice the mark used; empty exactly when {@code markStatus} is MISSING
   * @param markStatus how the mark was obtained
   * @param marketValue signed market value at the mark, in the base currency (0 when MISSING)
   * @param realizedPnl P&amp;L realized during the day, net of fees
   * @param unrealizedPnl the day's change in unrealized P&amp;L (0 when MISSING)
   */
  public record Line(
      String instrumentId,
      String symbol,
      String sector,
      String issuer,
      String strategy,
      long quantity,
      OptionalDouble markPrice,
      MarkStatus markStatus,
      double marketValue,
      double realizedPnl,
      double unrealizedPnl) {

    /** Validates the fields. */
    public Line {
      Checks.notBlank(instrumentId, "instrumentId");
      String ctx = "pnl line " + instrumentId;
      Checks.notBlank(symbol, "symbol", ctx);
      Checks.notBlank(sector, "sector", ctx);
      Checks.notBlank(issuer, "issuer", ctx);
      Checks.notBlank(strategy, "strategy", ctx);
      Values.positive(markPrice, "markPrice", ctx);
      Checks.notNull(markStatus, "markStatus", ctx);
      Checks.check(markPrice.isEmpty() == (markStatus == MarkStatus.MISSING), "markPrice", markPrice,
          "empty exactly when markStatus is MISSING (markStatus " + markStatus + ")", ctx);
      Checks.finite(marketValue, "marketValue", ctx);
      Checks.finite(realizedPnl, "realizedPnl", ctx);
      Checks.finite(unrealizedPnl, "unrealizedPnl", ctx);
      if (markStatus == MarkStatus.MISSING) {
        Checks.check(marketValue == 0 && unrealizedPnl == 0, "marketValue/unrealizedPnl", marketValue + "/" + unrealizedPnl,
            "0 when the mark is MISSING", ctx);
      }
    }

    /** Returns the day's total P&amp;L of the line, realized plus unrealized. */
    public double totalPnl() {
      return realizedPnl + unrealizedPnl;
    }
  }
}
