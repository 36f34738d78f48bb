package dev.parapet.cli.risk;

import dev.parapet.cli.CliSupport;
import dev.parapet.cli.UserException;
import dev.parapet.risk.InsufficientHistoryException;
import dev.parapet.risk.tail.TailDependence;
import dev.parapet.risk.tail.TailDependenceEstimate;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parapet risk tail-dependence}: empirical lower and upper tail dependence, {@code {"lower":...,"upper":...}}. */
@Command(
    name = "tail-dependence",
    mixinStandardHelpOptions = true,
    description = "Empirical lower and upper tail dependence of two return series aligned line by line.")
public final class TailDependenceCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--x", required = true, paramLabel = "FILE", description = "The first series (as for 'risk es').")
  private Path x;

  @Option(names = "--y", required = true, paramLabel = "FILE", description = "The second series, the same length.")
  private Path y;

  @Option(names = "--x-column", paramLabel = "NAME", description = "CSV column of --x.")
  private String xColumn;

  @Option(names = "--y-column", paramLabel = "NAME", description = "CSV column of --y.")
  private String yColumn;

  @Option(names = "--quantile", defaultValue = "0.05", paramLabel = "Q",
      description = "Tail quantile in (0, 0.5]; default ${DEFAULT-VALUE}.")
  private double quantile;

  @Override
  public Integer call() {
    double[] xs = CliSupport.readSeries(x, xColumn, "--x");
    double[] ys = CliSupport.readSeries(y, yColumn, "--y");
    if (xs.length != ys.length) {
      throw new UserException("--x file " + x + " has " + xs.length + " values but --y file " + y + " has "
          + ys.length + "; the series must be aligned line by line");
    }
    TailDependenceEstimate e;
    try {
      e = TailDependence.estimate(xs, ys, quantile);
    } catch (InsufficientHistoryException ex) {
      throw new UserException("--quantile " + quantile + " of " + xs.length + " observations leaves no tail: "
          + ex.getMessage(), ex);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("lower", e.lower());
    out.put("upper", e.upper());
    CliSupport.printJson(spec.commandLine().getOut(), out);
    return CliSupport.EXIT_OK;
  }
}
