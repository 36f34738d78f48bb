package dev.parapet.cli.data;

import dev.parapet.api.alert.Severity;
import dev.parapet.api.calendar.MarketCalendars;
import dev.parapet.cli.CliSupport;
import dev.parapet.cli.UserException;
import dev.parapet.data.JdbcHistoryStore;
import dev.parapet.data.quality.QualityConfig;
import dev.parapet.data.quality.QualityReport;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parapet data check --db URL [--from D --to D]}: runs the quality checks and prints the report as JSON. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Runs the data-quality checks over a window and prints the report as JSON:",
        "{runAt, from, to, instrumentsChecked, barsChecked, issueCount, counts{CHECK: n}, worstIssues[{check,"
            + " instrument, date, severity, detail}]}. The report is also kept in the database.",
        "Exit codes: 0 no issue of HIGH severity or worse, 1 some, 2 usage error."})
public final class DataCheckCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private StoreOptions store = new StoreOptions();

  @Option(names = "--from", paramLabel = "DATE", description = "First session date (default: 30 days before --to).")
  private LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last session date (default: today in New York).")
  private LocalDate to;

  @Option(names = "--stale-run", paramLabel = "N", defaultValue = "5",
      description = "Identical closes that make a price stale (default ${DEFAULT-VALUE}).")
  private int staleRun;

  @Option(names = "--outlier-z", paramLabel = "Z", defaultValue = "8",
      description = "Robust z-score above which a return is an outlier (default ${DEFAULT-VALUE}).")
  private double outlierZ;

  @Override
  public Integer call() {
    LocalDate end = to != null ? to : LocalDate.now(ZoneId.of("America/New_York"));
    LocalDate start = from != null ? from : end.minusDays(30);
    if (end.isBefore(start)) {
      throw new UserException("--to " + end + " is before --from " + start);
    }
    QualityConfig config = QualityConfig.defaults().withStaleRun(staleRun).withOutlierZ(outlierZ);
    QualityReport report;
    try (JdbcHistoryStore s = store.open(MarketCalendars.XNYS)) {
      report = s.checkQuality(start, end, config);
    }
    CliSupport.printJson(spec.commandLine().getOut(), report.toJsonNode());
    return report.maxSeverity().map(v -> v.atLeast(Severity.HIGH)).orElse(false)
        ? CliSupport.EXIT_CHECK_FAILED : CliSupport.EXIT_OK;
  }
}
