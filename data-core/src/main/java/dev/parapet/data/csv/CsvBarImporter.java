package dev.parapet.data.csv;

import dev.parapet.api.Checks;
import dev.parapet.api.data.IngestResult;
import dev.parapet.api.model.BarInterval;
import dev.parapet.data.BarBatch;
import dev.parapet.data.JdbcHistoryStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Imports bars from a CSV file into a {@link JdbcHistoryStore}, in batches of one transaction each.
 * <p>
 * The file has a header row naming its columns (any order, case-insensitive): {@code instrument};
 * {@code date} (a session date, {@code 2024-01-02}) or {@code start} (an ISO-8601 instant, or a date);
 * {@code open}, {@code high}, {@code low}, {@code close}, {@code volume}; and optionally {@code interval}
 * ({@code DAILY}, {@code ONE_MINUTE} ... or {@code 1d}, {@code 1m}, {@code 5m}, {@code 15m}, {@code 30m},
 * {@code 1h}; default daily) and {@code vwap} (blank where unknown). Fields are separated by commas; no
 * quoting.
 * <p>
 * A row is rejected, with its file and line, when a number does not parse, its instrument is not
 * registered in the store (unless the importer registers new instruments), a price is not positive, the
 * volume is negative, the OHLC values are inconsistent (high below low, low above open or close, high below
 * them, VWAP outside [low, high]) or a daily bar does not start at midnight UTC. The valid rows are kept.
 * <p>
 * Not thread-safe: one import at a time per instance.
 */
public final class CsvBarImporter {

  /** How many rejected rows' errors a report keeps. */
  public static final int MAX_ERRORS_KEPT = 1000;

  private final JdbcHistoryStore store;
  private final int batchSize;
  private final boolean registerInstruments;

  private CsvBarImporter(JdbcHistoryStore store, int batchSize, boolean registerInstruments) {
    this.store = store;
    this.batchSize = batchSize;
    this.registerInstruments = registerInstruments;
  }

  /** Returns an importer into a store with batches of 50,000 rows that rejects unknown instruments. */
  public static CsvBarImporter of(JdbcHistoryStore store) {
    return new CsvBarImporter(Checks.notNull(store, "store"), 50_000, false);
  }

  /** Returns a copy with another batch size (rows per transaction). */
  public CsvBarImporter withBatchSize(int rows) {
    return new CsvBarImporter(store, Checks.positive(rows, "batchSize"), registerInstruments);
  }

  /** Returns a copy that registers instruments it does not know instead of rejecting their rows. */
  public CsvBarImporter registeringInstruments() {
    return new CsvBarImporter(store, batchSize, true);
  }

  /**
   * Imports a file.
   *
   * @throws UncheckedIOException if the file cannot be read
   * @throws dev.parapet.api.InvalidValueException if the header lacks a required column
   * @throws dev.parapet.api.data.HistoryStoreException if a batch cannot be written (that batch is rolled
   *     back; earlier batches stay committed)
   */
  public ImportReport importFile(Path file, ImportProgress progress) {
    Checks.notNull(file, "file");
    Checks.notNull(progress, "progress");
    long total;
    try {
      total = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Set<String> known = new HashSet<>(store.instrumentIds());
    BarBatch batch = new BarBatch(batchSize);
    List<RowError> errors = new ArrayList<>();
    IngestResult stored = IngestResult.empty();
    long rows = 0;
    long rejected = 0;
    long bytes = 0;
    int batches = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      Checks.check(header != null, "file", file, "a CSV file with a header row");
      bytes += header.length() + 1;
      Columns cols = Columns.of(header, file);
      String[] cells = new String[cols.count];
      String line;
      long lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        bytes += line.length() + 1;
        if (line.isBlank()) {
          continue;
        }
        rows++;
        String error = parse(line, cells, cols, known, batch);
        if (error != null) {
          rejected++;
          if (errors.size() < MAX_ERRORS_KEPT) {
            errors.add(new RowError(file, lineNo, error));
          }
        }
        if (batch.isFull()) {
          stored = stored.plus(store.ingest(batch));
          batch.clear();
          batches++;
          progress.onProgress(Math.min(bytes, total), total, rows);
        }
      }
      if (batch.size() > 0) {
        stored = stored.plus(store.ingest(batch));
        batch.clear();
        batches++;
      }
      progress.onProgress(total, total, rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return new ImportReport(file, rows, stored, rejected, errors, batches);
  }

  /** Parses one row into the batch; returns an error message, or null when the row was added. */
  private String parse(String line, String[] cells, Columns cols, Set<String> known, BarBatch batch) {
    int n = split(line, cells);
    if (n != cols.count) {
      return "expected " + cols.count + " fields, found " + n;
    }
    String id = cells[cols.instrument];
    if (id.isEmpty()) {
      return "instrument is blank";
    }
    if (!known.contains(id)) {
      if (!registerInstruments) {
        return "unknown instrument '" + id + "' (register it first)";
      }
      store.putInstruments(List.of(id));
      known.add(id);
    }
    BarInterval interval = BarInterval.DAILY;
    if (cols.interval >= 0 && !cells[cols.interval].isEmpty()) {
      interval = INTERVALS.get(cells[cols.interval].toUpperCase(Locale.ROOT));
      if (interval == null) {
        return "interval '" + cells[cols.interval] + "' is not one of " + INTERVALS.keySet();
      }
    }
    String when = cells[cols.start];
    long start;
    try {
      start = when.length() == 10 ? LocalDate.parse(when).toEpochDay() * 86_400_000L
          : Instant.parse(when).toEpochMilli();
    } catch (DateTimeParseException e) {
      return cols.startName + " '" + when + "' is not a date (2024-01-02) or an ISO-8601 instant";
    }
    if (interval == BarInterval.DAILY && Math.floorMod(start, 86_400_000L) != 0) {
      return "a daily bar starts at its date 00:00 UTC, was " + Instant.ofEpochMilli(start);
    }
    double open;
    double high;
    double low;
    double close;
    long volume;
    double vwap = Double.NaN;
    String field = "open";
    try {
      open = Double.parseDouble(cells[cols.open]);
      field = "high";
      high = Double.parseDouble(cells[cols.high]);
      field = "low";
      low = Double.parseDouble(cells[cols.low]);
      field = "close";
      close = Double.parseDouble(cells[cols.close]);
      field = "volume";
      volume = Long.parseLong(cells[cols.volume]);
      field = "vwap";
      if (cols.vwap >= 0 && !cells[cols.vwap].isEmpty()) {
        vwap = Double.parseDouble(cells[cols.vwap]);
      }
    } catch (NumberFormatException e) {
      int c = cols.indexOf(field);
      return field + " '" + cells[c] + "' is not a number";
    }
    if (!(open > 0 && high > 0 && low > 0 && close > 0) || Double.isInfinite(open + high + low + close)) {
      return "prices must be finite and > 0, were open " + open + " high " + high + " low " + low + " close " + close;
    }
    if (high < low) {
      return "high " + high + " is below low " + low;
    }
    if (low > Math.min(open, close) || high < Math.max(open, close)) {
      return "need low <= min(open, close) and high >= max(open, close), were open " + open + " high " + high
          + " low " + low + " close " + close;
    }
    if (volume < 0) {
      return "volume " + volume + " is negative";
    }
    if (!Double.isNaN(vwap) && !(vwap >= low && vwap <= high)) {
      return "vwap " + vwap + " is outside [low " + low + ", high " + high + "]";
    }
    batch.add(id, interval, start, open, high, low, close, volume, vwap);
    return null;
  }

  /** Splits on commas into {@code cells}, trimming; returns the field count (may exceed the array). */
  private static int split(String line, String[] cells) {
    int n = 0;
    int from = 0;
    while (true) {
      int comma = line.indexOf(',', from);
      String cell = (comma < 0 ? line.substring(from) : line.substring(from, comma)).trim();
      if (n < cells.length) {
        cells[n] = cell;
      }
      n++;
      if (comma < 0) {
        return n;
      }
      from = comma + 1;
    }
  }

  private static final Map<String, BarInterval> INTERVALS = new HashMap<>();

  static {
    for (BarInterval i : BarInterval.values()) {
      INTERVALS.put(i.name(), i);
    }
    INTERVALS.put("1D", BarInterval.DAILY);
    INTERVALS.put("1M", BarInterval.ONE_MINUTE);
    INTERVALS.put("5M", BarInterval.FIVE_MINUTES);
    INTERVALS.put("15M", BarInterval.FIFTEEN_MINUTES);
    INTERVALS.put("30M", BarInterval.THIRTY_MINUTES);
    INTERVALS.put("1H", BarInterval.ONE_HOUR);
  }

  /** Column positions read from the header. */
  private static final class Columns {
    final int count;
    final List<String> names;
    int instrument = -1;
    int start = -1;
    String startName = "date";
    int interval = -1;
    int open = -1;
    int high = -1;
    int low = -1;
    int close = -1;
    int volume = -1;
    int vwap = -1;

    private Columns(List<String> names) {
      this.names = names;
      this.count = names.size();
    }

    int indexOf(String name) {
      return names.indexOf(name);
    }

    static Columns of(String header, Path file) {
      List<String> names = new ArrayList<>();
      for (String h : header.split(",", -1)) {
        names.add(h.trim().toLowerCase(Locale.ROOT));
      }
      Columns c = new Columns(names);
      c.instrument = names.indexOf("instrument");
      c.start = names.indexOf("date");
      if (c.start < 0) {
        c.start = names.indexOf("start");
        c.startName = "start";
      }
      c.interval = names.indexOf("interval");
      c.open = names.indexOf("open");
      c.high = names.indexOf("high");
      c.low = names.indexOf("low");
      c.close = names.indexOf("close");
      c.volume = names.indexOf("volume");
      c.vwap = names.indexOf("vwap");
      Checks.check(c.instrument >= 0 && c.start >= 0 && c.open >= 0 && c.high >= 0 && c.low >= 0 && c.close >= 0
              && c.volume >= 0, "header", header,
          "columns instrument, date (or start), open, high, low, close, volume [, interval, vwap]", file + ":1");
      return c;
    }
  }
}
