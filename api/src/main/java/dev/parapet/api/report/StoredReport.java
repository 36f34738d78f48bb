package dev.parapet.api.report;

import dev.parapet.api.Checks;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A stored end-of-day report: its date, its directory and the files in it.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param date the trading day
 * @param directory the report's directory, e.g. {@code reports/2024-03-15}
 * @param files the files, sorted by name
 */
public record StoredReport(LocalDate date, Path directory, List<ReportFile> files) {

  /** The JSON report, the source of truth. */
  public static final String JSON = "report.json";
  /** The self-contained HTML page. */
  public static final String HTML = "report.html";

  /** Validates and copies the fields. */
  public StoredReport {
    Checks.notNull(date, "date");
    Checks.notNull(directory, "directory", "report " + date);
    files = List.copyOf(Checks.notNull(files, "files", "report " + date));
  }

  /** Returns a file of the report by name, if present. */
  public Optional<ReportFile> findFile(String name) {
    for (ReportFile f : files) {
      if (f.name().equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** Returns the path of the JSON report. */
  public Path jsonPath() {
    return directory.resolve(JSON);
  }

  /** Returns the path of the HTML report. */
  public Path htmlPath() {
    return directory.resolve(HTML);
  }

  /**
   * One file of a stored report.
   *
   * @param name the file name, e.g. {@code pnl_by_instrument.csv}
   * @param mediaType the media type, e.g. {@code text/csv}
   * @param sizeBytes the size in bytes
   */
  public record ReportFile(String name, String mediaType, long sizeBytes) {

    /** Validates the fields. */
    public ReportFile {
      Checks.notBlank(name, "name");
      Checks.notBlank(mediaType, "mediaType", "file " + name);
      Checks.nonNegative(sizeBytes, "sizeBytes", "file " + name);
    }
  }
}
