package dev.parapet.cli.report;

import dev.parapet.api.report.DayRecord;
import dev.parapet.api.report.ReportException;
import dev.parapet.api.report.StoredReport;
import dev.parapet.cli.CliSupport;
import dev.parapet.cli.UserException;
import dev.parapet.reporting.DayRecordFormatException;
import dev.parapet.reporting.DayRecordJson;
import dev.parapet.reporting.ReportStore;
import dev.parapet.reporting.Reports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parapet report --date D --input FILE --out DIR}: renders the end-of-day report of a JSON day
 * record into {@code DIR/D/} (report.json, report.html and the CSV tables), atomically, replacing any
 * earlier report of that day, and prints
 * {@code {"date":"D","directory":"DIR/D","files":["component_es.csv",...]}}.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
        "Renders an end-of-day report from a JSON day record (schema parapet.day-record, version 1): "
            + "report.json (schema parapet.eod-report), a self-contained report.html and CSV tables, "
            + "written atomically to DIR/YYYY-MM-DD/, replacing any earlier report of that day.",
        "Prints {\"date\":...,\"directory\":...,\"files\":[...]} on success; a bad record gives the JSON path "
            + "of the problem and exit code 2."})
public final class ReportCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--date", required = true, paramLabel = "D",
      description = "The trading day, YYYY-MM-DD; must equal the record's date.")
  private LocalDate date;

  @Option(names = "--input", required = true, paramLabel = "FILE",
      description = "The JSON day record (UTF-8).")
  private Path input;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "The reports directory (created if needed); the report goes to DIR/YYYY-MM-DD/.")
  private Path out;

  @Override
  public Integer call() {
    DayRecord day = read();
    if (!day.date().equals(date)) {
      throw new UserException("--date " + date + " does not match the record's date " + day.date()
          + " ($.date in " + input + ")");
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UserException("--out " + out + " is a file, not a directory");
    }
    StoredReport report;
    try {
      report = Reports.generator(ReportStore.open(out)).generate(day);
    } catch (ReportException e) {
      throw new UserException("cannot write the report to --out " + out + ": " + e.getMessage(), e);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("date", report.date().toString());
    result.put("directory", report.directory().toString());
    List<String> files = new ArrayList<>();
    report.files().forEach(f -> files.add(f.name()));
    result.put("files", files);
    CliSupport.printJson(spec.commandLine().getOut(), result);
    return CliSupport.EXIT_OK;
  }

  private DayRecord read() {
    try {
      return DayRecordJson.read(input);
    } catch (NoSuchFileException e) {
      throw new UserException("--input file " + input + " does not exist");
    } catch (IOException e) {
      throw new UserException("cannot read --input file " + input + ": " + e.getMessage(), e);
    } catch (DayRecordFormatException e) {
      throw new UserException("--input file " + input + " is not a valid day record: " + e.getMessage(), e);
    }
  }
}
