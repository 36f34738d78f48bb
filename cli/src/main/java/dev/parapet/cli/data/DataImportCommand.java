package dev.parapet.cli.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.api.calendar.MarketCalendars;
import dev.parapet.cli.CliSupport;
import dev.parapet.cli.UserException;
import dev.parapet.data.JdbcHistoryStore;
import dev.parapet.data.csv.CsvBarImporter;
import dev.parapet.data.csv.ImportProgress;
import dev.parapet.data.csv.ImportReport;
import dev.parapet.data.csv.RowError;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parapet data import --db URL --csv FILE}: imports bars from a CSV file, showing a progress bar on
 * stderr and printing a JSON summary on stdout.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Imports bars from a CSV file (idempotent: loading it again changes nothing).",
        "Columns: instrument, date (or start), open, high, low, close, volume [, interval, vwap].",
        "Rejected rows are listed on stderr as FILE:LINE: reason; valid rows are kept.",
        "Prints {file, rowsRead, written, unchanged, rejected, batches, errors} as JSON.",
        "Exit codes: 0 all rows imported, 1 some rows rejected, 2 usage or file error."})
public final class DataImportCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private StoreOptions store = new StoreOptions();

  @Option(names = "--csv", required = true, paramLabel = "FILE", description = "The CSV file to import.")
  private Path csv;

  @Option(names = "--register-instruments",
      description = "Register instruments the store does not know instead of rejecting their rows.")
  private boolean register;

  @Option(names = "--batch-size", paramLabel = "ROWS", defaultValue = "50000",
      description = "Rows per transaction (default ${DEFAULT-VALUE}).")
  private int batchSize;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(csv)) {
      throw new UserException("--csv file " + csv + " does not exist");
    }
    if (batchSize <= 0) {
      throw new UserException("--batch-size must be > 0, was " + batchSize);
    }
    PrintWriter err = spec.commandLine().getErr();
    ImportReport report;
    try (JdbcHistoryStore s = store.open(MarketCalendars.XNYS)) {
      CsvBarImporter importer = CsvBarImporter.of(s).withBatchSize(batchSize);
      if (register) {
        importer = importer.registeringInstruments();
      }
      report = importer.importFile(csv, new ProgressBar(err));
    } catch (UncheckedIOException e) {
      throw new UserException(e.getMessage(), e);
    }
    err.println();
    for (RowError e : report.errors()) {
      err.println(e);
    }
    if (report.rejected() > report.errors().size()) {
      err.println("... and " + (report.rejected() - report.errors().size()) + " more rejected rows");
    }
    err.flush();
    ObjectNode out = CliSupport.json().createObjectNode();
    out.put("file", report.file().toString());
    out.put("rowsRead", report.rowsRead());
    out.put("written", report.stored().written());
    out.put("unchanged", report.stored().unchanged());
    out.put("rejected", report.rejected());
    out.put("batches", report.batches());
    report.errors().forEach(e -> out.withArray("errors").add(e.toString()));
    if (!out.has("errors")) {
      out.putArray("errors");
    }
    CliSupport.printJson(spec.commandLine().getOut(), out);
    return report.rejected() > 0 ? CliSupport.EXIT_CHECK_FAILED : CliSupport.EXIT_OK;
  }

  /** A one-line text progress bar redrawn with a carriage return. */
  static final class ProgressBar implements ImportProgress {
    private static final int WIDTH = 30;
    private final PrintWriter err;

    ProgressBar(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void onProgress(long bytesRead, long totalBytes, long rowsRead) {
      double f = totalBytes == 0 ? 1 : Math.min(1, (double) bytesRead / totalBytes);
      int done = (int) Math.round(f * WIDTH);
      err.print("\r[" + "#".repeat(done) + " ".repeat(WIDTH - done) + "] "
          + String.format(java.util.Locale.ROOT, "%3.0f%% %,d rows", 100 * f, rowsRead));
      err.flush();
    }
  }
}
