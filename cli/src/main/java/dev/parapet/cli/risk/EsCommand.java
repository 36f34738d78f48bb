package dev.parapet.cli.risk;

import dev.parapet.cli.CliSupport;
import dev.parapet.cli.UserException;
import dev.parapet.risk.EstimationException;
import dev.parapet.risk.InsufficientHistoryException;
import dev.parapet.risk.es.EsMethod;
import dev.parapet.risk.es.RiskEstimate;
import dev.parapet.risk.es.RiskEstimators;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parapet risk es}: VaR and ES of a P&amp;L or return series, printed as
 * {@code {"method":...,"confidence":...,"observations":...,"var":...,"es":...}} with losses positive.
 */
@Command(
    name = "es",
    mixinStandardHelpOptions = true,
    description = "Value at risk and expected shortfall of a P&L or return series (gains positive, losses negative);"
        + " prints JSON with losses as positive numbers.")
public final class EsCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--pnl", required = true, paramLabel = "FILE",
      description = "P&L or returns, one number per line, or a CSV with a header (see --column).")
  private Path pnl;

  @Option(names = "--column", paramLabel = "NAME", description = "Read this column of a CSV file with a header.")
  private String column;

  @Option(names = "--confidence", defaultValue = "0.975", paramLabel = "ALPHA",
      description = "Confidence level in (0, 1); default ${DEFAULT-VALUE}.")
  private double confidence;

  @Option(names = "--method", defaultValue = "historical", paramLabel = "METHOD",
      description = "historical, normal, student-t, cornish-fisher, fhs or evt; default ${DEFAULT-VALUE}.")
  private String method;

  @Override
  public Integer call() {
    EsMethod m = EsMethod.parse(method);
    double[] series = CliSupport.readSeries(pnl, column, "--pnl");
    RiskEstimate e;
    try {
      e = RiskEstimators.of(m).estimate(series, confidence);
    } catch (InsufficientHistoryException | EstimationException ex) {
      throw new UserException("--pnl file " + pnl + ": " + ex.getMessage(), ex);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("method", m.label());
    out.put("confidence", e.confidence());
    out.put("observations", e.observations());
    out.put("var", e.var());
    out.put("es", e.es());
    CliSupport.printJson(spec.commandLine().getOut(), out);
    return CliSupport.EXIT_OK;
  }
}
