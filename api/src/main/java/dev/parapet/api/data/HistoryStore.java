package dev.parapet.api.data;

import dev.parapet.api.calendar.MarketCalendar;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.BarInterval;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The market history every capability reads: daily and intraday bars, corporate actions, and the
 * derived series risk and execution need (aligned return matrices, average daily volume, intraday
 * volume profiles), on one market calendar.
 * <p>
 * Writes are idempotent: a bar is identified by its instrument, interval and start, a corporate action
 * by its instrument, ex-date and type; writing identical values again changes nothing, writing different
 * values replaces them. Each write call is atomic (one transaction). Instruments must be registered
 * before their bars or actions are written.
 * <p>
 * Implementations are thread-safe. Failures of the storage throw {@link HistoryStoreException}.
 */
public interface HistoryStore extends AutoCloseable {

  /** Returns the market calendar sessions, windows and gaps are measured on. */
  MarketCalendar calendar();

  // ---------------------------------------------------------------------------------------------- instruments

  /** Registers instrument ids; ids already registered are left alone. */
  void putInstruments(Collection<String> instrumentIds);

  /** Returns the registered instrument ids, sorted. */
  List<String> instrumentIds();

  // ---------------------------------------------------------------------------------------------- bars

  /**
   * Writes bars in one transaction.
   *
   * @throws UnknownInstrumentException if any bar's instrument is not registered (nothing is written)
   */
  IngestResult putBars(Collection<Bar> bars);

  /**
   * Returns the bars of an instrument and interval with {@code from <= start < toExclusive}, by start.
   * Stored rows that violate {@link Bar}'s invariants (they can only arrive by writing to the database
   * directly) are skipped here and reported by the quality checks.
   *
   * @throws UnknownInstrumentException if the instrument is not registered
   */
  List<Bar> getBars(String instrumentId, BarInterval interval, Instant from, Instant toExclusive);

  /** Returns the daily bars of an instrument with session dates in {@code [from, to]}, by date. */
  default List<Bar> getDailyBars(String instrumentId, LocalDate from, LocalDate to) {
    return getBars(instrumentId, BarInterval.DAILY, from.atStartOfDay(ZoneOffset.UTC).toInstant(),
        to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  // ---------------------------------------------------------------------------------------------- corporate actions

  /**
   * Writes corporate actions in one transaction.
   *
   * @throws UnknownInstrumentException if any action's instrument is not registered (nothing is written)
   */
  IngestResult putCorporateActions(Collection<CorporateAction> actions);

  /** Returns the corporate actions of an instrument with ex-dates in {@code [from, to]}, by ex-date. */
  List<CorporateAction> getCorporateActions(String instrumentId, LocalDate from, LocalDate to);

  // ---------------------------------------------------------------------------------------------- derived reads

  /**
   * Returns the aligned daily return matrix of instruments over the sessions of {@link #calendar()} with
   * dates in {@code [from, to]} (each return runs from the previous session's close, which may lie before
   * {@code from}), adjusted for splits and cash dividends, gaps treated by {@code policy}.
   *
   * @param instrumentIds the instruments, unique, in the row order wanted
   * @param from the first session date of the window
   * @param to the last session date of the window, not before {@code from}
   * @param policy how sessions without an observed close are treated
   * @return the matrix; it has no columns if no session can be filled
   * @throws UnknownInstrumentException if an instrument is not registered
   */
  ReturnMatrix returnMatrix(List<String> instrumentIds, LocalDate from, LocalDate to, ImputationPolicy policy);

  /**
   * Returns the average daily volume of an instrument over the {@code sessions} sessions of
   * {@link #calendar()} ending at {@code asOf} (inclusive), averaged over the sessions that have a daily
   * bar, with volumes before a split scaled by its ratio to today's share count; empty if no session in
   * the window has a bar.
   *
   * @throws UnknownInstrumentException if the instrument is not registered
   */
  OptionalDouble findAverageDailyVolume(String instrumentId, LocalDate asOf, int sessions);

  /**
   * Returns the average intraday volume profile of an instrument from its bars of an intraday interval
   * over the {@code sessions} sessions of {@link #calendar()} ending at {@code asOf} (inclusive): each
   * session's bar volumes are bucketed by their offset from the session open and divided by the session's
   * volume, and the fractions averaged over sessions with volume. Empty if no session has intraday volume.
   *
   * @throws UnknownInstrumentException if the instrument is not registered
   */
  Optional<VolumeProfile> findVolumeProfile(String instrumentId, BarInterval interval, LocalDate asOf, int sessions);

  /** Releases the store's connections; further calls fail. */
  @Override
  void close();
}
