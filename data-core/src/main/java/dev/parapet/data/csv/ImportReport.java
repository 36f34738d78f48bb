package dev.parapet.data.csv;

import dev.parapet.api.Checks;
import dev.parapet.api.data.IngestResult;
import java.nio.file.Path;
import java.util.List;

/**
 * What importing one CSV file did: rows read, what the store wrote (ingest is idempotent: a file loaded
 * twice writes nothing the second time), rows rejected with their errors (the first
 * {@link CsvBarImporter#MAX_ERRORS_KEPT} kept), and the batches committed.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param file the file imported
 * @param rowsRead the data rows read (header and blank lines excluded)
 * @param stored what the store did with the valid rows
 * @param rejected the rows rejected
 * @param errors the first rejected rows' errors, in file order
 * @param batches the batches committed, each one transaction
 */
public record ImportReport(Path file, long rowsRead, IngestResult stored, long rejected, List<RowError> errors,
    int batches) {

  /** Validates the fields. */
  public ImportReport {
    Checks.notNull(file, "file");
    Checks.nonNegative(rowsRead, "rowsRead");
    Checks.notNull(stored, "stored");
    Checks.nonNegative(rejected, "rejected");
    Checks.check(stored.received() + rejected == rowsRead, "stored + rejected", stored.received() + rejected,
        "rowsRead " + rowsRead);
    errors = List.copyOf(errors);
    Checks.check(errors.size() <= rejected, "errors.size", errors.size(), "<= rejected " + rejected);
    Checks.nonNegative(batches, "batches");
  }
}
