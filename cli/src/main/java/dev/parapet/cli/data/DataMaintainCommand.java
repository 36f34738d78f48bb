package dev.parapet.cli.data;

import dev.parapet.api.calendar.MarketCalendars;
import dev.parapet.cli.CliSupport;
import dev.parapet.cli.UserException;
import dev.parapet.data.JdbcHistoryStore;
import dev.parapet.data.MaintenancePolicy;
import dev.parapet.data.MaintenanceSummary;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parapet data maintain --db URL}: runs the maintenance and prints its summary as JSON. */
@Command(name = "maintain", mixinStandardHelpOptions = true,
    description = {"Runs maintenance: quality checks over recent sessions, pruning of old intraday bars,",
        "statistics refresh and space reclamation. Prints {startedAt, finishedAt, prunedIntradayBars,"
            + " pruneCutoff, steps[], sizeBeforeBytes, sizeAfterBytes, quality{...}} as JSON."})
public final class DataMaintainCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private StoreOptions store = new StoreOptions();

  @Option(names = "--retention-days", paramLabel = "DAYS", defaultValue = "90",
      description = "Keep intraday bars this many days (default ${DEFAULT-VALUE}).")
  private int retentionDays;

  @Option(names = "--check-sessions", paramLabel = "N", defaultValue = "21",
      description = "Sessions the quality checks cover (default ${DEFAULT-VALUE}).")
  private int checkSessions;

  @Override
  public Integer call() {
    if (retentionDays <= 0) {
      throw new UserException("--retention-days must be > 0, was " + retentionDays);
    }
    if (checkSessions <= 0) {
      throw new UserException("--check-sessions must be > 0, was " + checkSessions);
    }
    MaintenancePolicy policy = MaintenancePolicy.defaults().withIntradayRetention(Duration.ofDays(retentionDays))
        .withCheckSessions(checkSessions);
    MaintenanceSummary summary;
    try (JdbcHistoryStore s = store.open(MarketCalendars.XNYS)) {
      summary = s.maintain(policy);
    }
    spec.commandLine().getOut().println(summary.toJson());
    spec.commandLine().getOut().flush();
    return CliSupport.EXIT_OK;
  }
}
