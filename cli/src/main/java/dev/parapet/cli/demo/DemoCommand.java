package dev.parapet.cli.demo;

import dev.parapet.cli.CliSupport;
import dev.parapet.cli.UserException;
import dev.parapet.examples.DemoRunner;
import dev.parapet.examples.demo.DemoOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parapet demo}: runs the example runner, a simulated trading firm of 50 instruments whose every order
 * goes through Parapet, and serves the live dashboard; prints where the dashboard (with its token),
 * {@code status.json}, the journal and the reports are.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Runs a simulated trading firm that embeds Parapet: a simulated market of 50 instruments, a momentum and "
            + "mean-reversion strategy (with some orders that break limits, so rejections show), every capability "
            + "wired through TradingControls, and a live dashboard in the browser.",
        "Prints the dashboard address with its bearer token, and where status.json, the audit journal and the "
            + "end-of-day reports are. Needs nothing installed beyond Java."})
public final class DemoCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--days", paramLabel = "N", defaultValue = "5",
      description = "Trading sessions to simulate (default: ${DEFAULT-VALUE}).")
  private int days;

  @Option(names = "--speed", paramLabel = "X", defaultValue = "600",
      description = "Simulated seconds per wall-clock second in a session, or 'max' (default: ${DEFAULT-VALUE}, "
          + "a 6.5-hour session in about 40 s). Nights and weekends are skipped quickly.")
  private String speed;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "Seed of the market, the strategy and the faults (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
      description = "Address the dashboard binds to (default: ${DEFAULT-VALUE}).")
  private String host;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
      description = "Dashboard port, 0 for any free port (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "An empty or new directory for the history database, the journal, the reports and "
          + "status.json (default: parapet-demo/run-<start time>).")
  private Path dataDirectory;

  @Option(names = "--policy", paramLabel = "FILE",
      description = "Compliance policy JSON (default: the embedded demo policy).")
  private Path policy;

  @Option(names = "--instruments", paramLabel = "N", defaultValue = "50",
      description = "Simulated instruments (default: ${DEFAULT-VALUE}).")
  private int instruments;

  @Option(names = "--start", paramLabel = "DATE", defaultValue = "2024-01-02",
      description = "First session on or after this date (default: ${DEFAULT-VALUE}).")
  private LocalDate start;

  @Option(names = "--exit-when-done",
      description = "Stop when the simulation ends instead of serving the dashboard until Ctrl-C.")
  private boolean exitWhenDone;

  @Override
  public Integer call() throws InterruptedException {
    double x;
    if (speed.equalsIgnoreCase("max")) {
      x = Double.POSITIVE_INFINITY;
    } else {
      try {
        x = Double.parseDouble(speed);
      } catch (NumberFormatException e) {
        throw new UserException("--speed must be a number or 'max', was '" + speed + "'");
      }
    }
    DemoOptions options = new DemoOptions(days, x, seed, host, port, Optional.ofNullable(dataDirectory),
        Optional.ofNullable(policy), instruments, start, exitWhenDone);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int code = DemoRunner.run(options, out, err);
    return code == DemoRunner.EXIT_USER_ERROR ? CliSupport.EXIT_USER_ERROR : code;
  }
}
