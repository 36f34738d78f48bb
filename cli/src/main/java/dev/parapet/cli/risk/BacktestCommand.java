package dev.parapet.cli.risk;

import dev.parapet.api.InvalidValueException;
import dev.parapet.cli.CliSupport;
import dev.parapet.cli.UserException;
import dev.parapet.risk.backtest.BacktestReport;
import dev.parapet.risk.backtest.Backtests;
import dev.parapet.risk.backtest.LikelihoodRatioTest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parapet risk backtest}: Kupiec, Christoffersen, Acerbi–Szekely Z2 and the Basel traffic light for a
 * history of VaR and ES forecasts against realised P&amp;L.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description = "Backtests VaR and ES forecasts (positive losses) against realised P&L (gains positive), files"
        + " aligned line by line; prints each test's statistic and p-value as JSON.")
public final class BacktestCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--pnl", required = true, paramLabel = "FILE", description = "Realised P&L per day.")
  private Path pnl;

  @Option(names = "--var", required = true, paramLabel = "FILE", description = "VaR forecast per day, a positive loss.")
  private Path var;

  @Option(names = "--es", required = true, paramLabel = "FILE", description = "ES forecast per day, a positive loss.")
  private Path es;

  @Option(names = "--column", paramLabel = "NAME", description = "CSV column to read from each file.")
  private String column;

  @Option(names = "--confidence", defaultValue = "0.975", paramLabel = "ALPHA",
      description = "Confidence level of the forecasts; default ${DEFAULT-VALUE}.")
  private double confidence;

  @Override
  public Integer call() {
    double[] p = CliSupport.readSeries(pnl, column, "--pnl");
    double[] v = CliSupport.readSeries(var, column, "--var");
    double[] e = CliSupport.readSeries(es, column, "--es");
    if (v.length != p.length || e.length != p.length) {
      throw new UserException("--pnl, --var and --es must have the same number of values; they have " + p.length
          + ", " + v.length + " and " + e.length);
    }
    BacktestReport r;
    try {
      r = Backtests.run(p, v, e, confidence);
    } catch (InvalidValueException ex) {
      throw new UserException("backtest input: " + ex.getMessage() + " (indices count from 0, in file order;"
          + " VaR and ES are positive losses with ES >= VaR)", ex);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("observations", r.observations());
    out.put("confidence", r.confidence());
    out.put("exceptions", r.exceptions());
    out.put("exceptionRate", r.exceptionRate());
    out.put("kupiec", lr(r.kupiec()));
    out.put("christoffersenIndependence", lr(r.independence()));
    out.put("christoffersenConditionalCoverage", lr(r.conditionalCoverage()));
    Map<String, Object> z2 = new LinkedHashMap<>();
    z2.put("statistic", r.z2().statistic());
    z2.put("pValue", r.z2().pValue());
    z2.put("simulations", r.z2().simulations());
    out.put("acerbiSzekelyZ2", z2);
    Map<String, Object> light = new LinkedHashMap<>();
    light.put("zone", r.trafficLight().zone().name());
    light.put("cumulativeProbability", r.trafficLight().cumulativeProbability());
    if (r.trafficLight().plusFactor().isPresent()) {
      light.put("plusFactor", r.trafficLight().plusFactor().getAsDouble());
    }
    out.put("trafficLight", light);
    CliSupport.printJson(spec.commandLine().getOut(), out);
    return CliSupport.EXIT_OK;
  }

  private static Map<String, Object> lr(LikelihoodRatioTest t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("statistic", t.statistic());
    m.put("degreesOfFreedom", t.degreesOfFreedom());
    m.put("pValue", t.pValue());
    return m;
  }
}
