package dev.parapet.cli.metrics;

import dev.parapet.api.metrics.Metric;
import dev.parapet.api.metrics.MetricsConfig;
import dev.parapet.api.metrics.MetricsSnapshot;
import dev.parapet.cli.CliSupport;
import dev.parapet.cli.UserException;
import dev.parapet.monitoring.metrics.MetricsCalculators;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parapet metrics --returns FILE [--benchmark FILE] [--risk-free R] [--periods 252] [--column NAME]}:
 * prints one JSON object with the seventeen metrics by name ({@code totalReturn}, {@code annualReturn}, ...,
 * {@code winRate}), computed with empyrical's conventions (see {@link Metric}).
 * <p>
 * Every one of the seventeen keys is always printed, in catalogue order; a metric that cannot be computed (no
 * benchmark, too few returns, a zero denominator) is {@code null}. Files hold one periodic return per line as
 * a decimal (0.01 for 1%), or a CSV with a header whose {@code --column} is read.
 */
@Command(name = "metrics", mixinStandardHelpOptions = true,
    description = {"Computes the 17 performance and risk metrics of a periodic return series as one JSON object.",
        "Metrics that cannot be computed (e.g. beta without --benchmark) are null."})
public final class MetricsCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--returns", required = true, paramLabel = "FILE",
      description = "Periodic returns: one decimal per line (0.01 = 1%), or a CSV with --column.")
  private Path returns;

  @Option(names = "--benchmark", paramLabel = "FILE",
      description = "Benchmark returns over the same periods (same format and length); enables beta, alpha, "
          + "information ratio and tracking error.")
  private Path benchmark;

  @Option(names = "--risk-free", paramLabel = "R", defaultValue = "0",
      description = "Risk-free rate per period (not per year), default ${DEFAULT-VALUE}.")
  private double riskFree;

  @Option(names = "--periods", paramLabel = "N", defaultValue = "252",
      description = "Periods per year for annualisation: 252 daily, 52 weekly, 12 monthly (default ${DEFAULT-VALUE}).")
  private double periods;

  @Option(names = "--column", paramLabel = "NAME",
      description = "Read this column of a CSV file with a header row (both files).")
  private String column;

  @Option(names = "--benchmark-column", paramLabel = "NAME",
      description = "Column of the benchmark CSV when it differs from --column.")
  private String benchmarkColumn;

  @Override
  public Integer call() {
    double[] r = CliSupport.readSeries(returns, column, "--returns");
    checkReturns(r, "--returns", returns);
    MetricsConfig config = new MetricsConfig(periods, riskFree, false);
    MetricsSnapshot snapshot;
    if (benchmark != null) {
      double[] b = CliSupport.readSeries(benchmark, benchmarkColumn != null ? benchmarkColumn : column, "--benchmark");
      checkReturns(b, "--benchmark", benchmark);
      if (b.length != r.length) {
        throw new UserException("--benchmark file " + benchmark + " holds " + b.length + " returns but --returns file "
            + returns + " holds " + r.length + "; they must cover the same periods");
      }
      snapshot = MetricsCalculators.compute(config, r, b);
    } else {
      snapshot = MetricsCalculators.compute(config, r);
    }
    CliSupport.printJson(spec.commandLine().getOut(), toJson(snapshot));
    return CliSupport.EXIT_OK;
  }

  /** Returns the seventeen metrics by id, in catalogue order, absent ones as null. */
  static Map<String, Double> toJson(MetricsSnapshot snapshot) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Metric m : Metric.values()) {
      OptionalDouble v = snapshot.find(m);
      out.put(m.id(), v.isPresent() ? v.getAsDouble() : null);
    }
    return out;
  }

  private static void checkReturns(double[] values, String what, Path file) {
    for (int i = 0; i < values.length; i++) {
      if (!(values[i] > -1)) {
        throw new UserException(what + " file " + file + ": return #" + (i + 1) + " is " + values[i]
            + "; a periodic return must be > -1 (a loss of less than 100%)");
      }
    }
  }
}
