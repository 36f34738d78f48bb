package dev.parapet.examples.demo;

import dev.parapet.api.Checks;
import dev.parapet.api.InvalidValueException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The example runner's options, with embedded defaults for every one of them.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param days how many trading sessions to simulate, &gt; 0
 * @param speed how many simulated seconds pass per wall-clock second during a session, &gt; 0 (600: a
 *     6.5-hour session in 39 s); {@link Double#POSITIVE_INFINITY} runs as fast as the machine can. Nights and
 *     weekends are always skipped quickly.
 * @param seed the seed of the market, the strategy and the faults
 * @param host the address the dashboard binds to
 * @param port the dashboard's port, 0 for any free one
 * @param dataDirectory where the history database, the journal, the reports and {@code status.json} go;
 *     empty for a new directory under {@code parapet-demo/} named after the wall-clock start time
 * @param policy the compliance policy file; empty for the embedded demo policy
 * @param instruments how many simulated instruments, &gt; 0
 * @param start the first session on or after this date
 * @param exitWhenDone stop the dashboard when the simulation ends instead of serving until interrupted
 */
public record DemoOptions(int days, double speed, long seed, String host, int port, Optional<Path> dataDirectory,
    Optional<Path> policy, int instruments, LocalDate start, boolean exitWhenDone) {

  /** Usage text of the options, as printed by {@code --help}. */
  public static final String USAGE = String.join("\n",
      "Runs a simulated trading firm that routes every order through Parapet, with a live dashboard.",
      "",
      "Options:",
      "  --days N           trading sessions to simulate (default 5)",
      "  --speed X          simulated seconds per wall-clock second in a session, or 'max' (default 600:",
      "                     a 6.5-hour session in about 40 s); nights and weekends are skipped quickly",
      "  --seed N           seed of the market, the strategy and the faults (default 42)",
      "  --host ADDR        address the dashboard binds to (default 127.0.0.1)",
      "  --port N           dashboard port, 0 for any free port (default 8080)",
      "  --data-dir DIR     an empty or new directory for the history database, the audit journal,",
      "                     the reports and status.json (default parapet-demo/run-<start time>)",
      "  --policy FILE      compliance policy JSON (default: the embedded demo policy)",
      "  --instruments N    simulated instruments (default 50)",
      "  --start DATE       first session on or after this date (default 2024-01-02)",
      "  --exit-when-done   stop when the simulation ends instead of serving the dashboard until Ctrl-C",
      "  -h, --help         show this help");

  /** Validates every field. */
  public DemoOptions {
    Checks.check(days > 0, "days", days, "> 0");
    Checks.check(speed > 0 && !Double.isNaN(speed), "speed", speed, "> 0");
    Checks.notBlank(host, "host");
    Checks.check(port >= 0 && port <= 65_535, "port", port, "in [0, 65535]");
    Checks.notNull(dataDirectory, "dataDirectory");
    Checks.notNull(policy, "policy");
    Checks.check(instruments > 0, "instruments", instruments, "> 0");
    Checks.notNull(start, "start");
  }

  /** Returns the defaults: 5 days at 600x, seed 42, 127.0.0.1:8080, 50 instruments from 2024-01-02. */
  public static DemoOptions defaults() {
    return new DemoOptions(5, 600, 42, "127.0.0.1", 8080, Optional.empty(), Optional.empty(), 50,
        LocalDate.of(2024, 1, 2), false);
  }

  /** Returns a copy with another number of days. */
  public DemoOptions withDays(int days) {
    return new DemoOptions(days, speed, seed, host, port, dataDirectory, policy, instruments, start, exitWhenDone);
  }

  /** Returns a copy with another speed. */
  public DemoOptions withSpeed(double speed) {
    return new DemoOptions(days, speed, seed, host, port, dataDirectory, policy, instruments, start, exitWhenDone);
  }

  /** Returns a copy with another seed. */
  public DemoOptions withSeed(long seed) {
    return new DemoOptions(days, speed, seed, host, port, dataDirectory, policy, instruments, start, exitWhenDone);
  }

  /** Returns a copy with another port. */
  public DemoOptions withPort(int port) {
    return new DemoOptions(days, speed, seed, host, port, dataDirectory, policy, instruments, start, exitWhenDone);
  }

  /** Returns a copy with another data directory. */
  public DemoOptions withDataDirectory(Path dataDirectory) {
    return new DemoOptions(days, speed, seed, host, port, Optional.of(dataDirectory), policy, instruments, start,
        exitWhenDone);
  }

  /** Returns a copy with another policy file. */
  public DemoOptions withPolicy(Path policy) {
    return new DemoOptions(days, speed, seed, host, port, dataDirectory, Optional.of(policy), instruments, start,
        exitWhenDone);
  }

  /** Returns a copy with another number of instruments. */
  public DemoOptions withInstruments(int instruments) {
    return new DemoOptions(days, speed, seed, host, port, dataDirectory, policy, instruments, start, exitWhenDone);
  }

  /** Returns a copy that exits (or not) when the simulation ends. */
  public DemoOptions withExitWhenDone(boolean exitWhenDone) {
    return new DemoOptions(days, speed, seed, host, port, dataDirectory, policy, instruments, start, exitWhenDone);
  }

  /**
   * Parses command-line arguments ({@code --name value} or {@code --name=value}) over the defaults.
   *
   * @return the options, or empty when {@code --help} was asked for
   * @throws InvalidValueException naming the option and the value if an argument is wrong
   */
  public static Optional<DemoOptions> parse(String... args) {
    DemoOptions o = defaults();
    for (int i = 0; i < args.length; i++) {
      String arg = Checks.notNull(args[i], "argument " + (i + 1));
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      switch (name) {
        case "-h", "--help" -> {
          return Optional.empty();
        }
        case "--exit-when-done" -> {
          Checks.check(value == null, name, value, "no value");
          o = o.withExitWhenDone(true);
          continue;
        }
        default -> {
          // an option with a value
        }
      }
      if (value == null) {
        Checks.check(i + 1 < args.length, name, "(missing)", "a value after it");
        value = args[++i];
      }
      switch (name) {
        case "--days" -> o = o.withDays(integer(name, value));
        case "--speed" -> o = o.withSpeed(value.equalsIgnoreCase("max") ? Double.POSITIVE_INFINITY
            : number(name, value));
        case "--seed" -> o = o.withSeed(longValue(name, value));
        case "--host" -> o = new DemoOptions(o.days, o.speed, o.seed, value, o.port, o.dataDirectory, o.policy,
            o.instruments, o.start, o.exitWhenDone);
        case "--port" -> o = o.withPort(integer(name, value));
        case "--data-dir" -> o = o.withDataDirectory(Path.of(value));
        case "--policy" -> o = o.withPolicy(Path.of(value));
        case "--instruments" -> o = o.withInstruments(integer(name, value));
        case "--start" -> o = new DemoOptions(o.days, o.speed, o.seed, o.host, o.port, o.dataDirectory, o.policy,
            o.instruments, date(name, value), o.exitWhenDone);
        default -> throw new InvalidValueException("option", name, "one of --days, --speed, --seed, --host, --port, "
            + "--data-dir, --policy, --instruments, --start, --exit-when-done, --help", null);
      }
    }
    return Optional.of(o);
  }

  private static int integer(String name, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidValueException(name, "'" + value + "'", "a whole number", null);
    }
  }

  private static long longValue(String name, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidValueException(name, "'" + value + "'", "a whole number", null);
    }
  }

  private static double number(String name, String value) {
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidValueException(name, "'" + value + "'", "a number or 'max'", null);
    }
  }

  private static LocalDate date(String name, String value) {
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidValueException(name, "'" + value + "'", "a date YYYY-MM-DD", null);
    }
  }
}
