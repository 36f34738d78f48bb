package dev.parapet.cli.execution;

import dev.parapet.cli.CliSupport;
import dev.parapet.cli.UserException;
import dev.parapet.execution.impact.AlmgrenChriss;
import dev.parapet.execution.impact.AlmgrenChrissSolution;
import dev.parapet.execution.impact.LinearImpactModel;
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
 * {@code parapet execution schedule}: the Almgren–Chriss (2000) optimal liquidation trajectory for a
 * risk aversion lambda, with its expected cost E[x], variance V[x] and kappa, as one line of JSON.
 */
@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    description = {
        "Computes the Almgren-Chriss (2000) optimal execution trajectory x_j = X sinh(kappa (T - t_j)) / sinh(kappa T)"
            + " and prints it as JSON with E[x], V[x] and kappa.",
        "Units are the paper's: shares, trading days, prices in currency. kappa solves"
            + " cosh(kappa tau) - 1 = tau^2 lambda sigma^2 / (2 eta~), eta~ = eta - gamma tau / 2, tau = T / N.",
        "Example (the paper's section 3.4): --shares 1000000 --price 50 --horizon-days 5 --intervals 5 --sigma 0.95"
            + " --eta 2.5e-6 --gamma 2.5e-7 --epsilon 0.0625 --lambda 1e-6"})
public final class ScheduleCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--algo", defaultValue = "almgren-chriss",
      description = "Schedule: almgren-chriss (optimal for --lambda) or twap (the straight line, lambda = 0)."
          + " Default: ${DEFAULT-VALUE}.")
  private String algo;

  @Option(names = "--shares", required = true, description = "X: shares to trade, > 0.")
  private double shares;

  @Option(names = "--price", required = true,
      description = "S0: arrival price per share, currency, > 0 (for the notional and bps figures).")
  private double price;

  @Option(names = "--horizon-days", required = true, description = "T: horizon in trading days, > 0.")
  private double horizonDays;

  @Option(names = "--intervals", required = true, description = "N: number of trading intervals, > 0.")
  private int intervals;

  @Option(names = "--sigma", required = true,
      description = "sigma: price volatility in currency per share per sqrt(day), >= 0 (e.g. 0.95 = 30%%/year at 50).")
  private double sigma;

  @Option(names = "--eta", required = true,
      description = "eta: temporary impact, currency per share per (share per day), > 0.")
  private double eta;

  @Option(names = "--gamma", defaultValue = "0",
      description = "gamma: permanent impact, currency per share per share, >= 0. Default: ${DEFAULT-VALUE}.")
  private double gamma;

  @Option(names = "--epsilon", defaultValue = "0",
      description = "epsilon: fixed cost per share (half spread plus fees), currency, >= 0. Default: ${DEFAULT-VALUE}.")
  private double epsilon;

  @Option(names = "--lambda", defaultValue = "0",
      description = "lambda: risk aversion, per currency unit, >= 0 (ignored for twap). Default: ${DEFAULT-VALUE}.")
  private double lambda;

  @Override
  public Integer call() {
    double riskAversion;
    switch (algo.toLowerCase(java.util.Locale.ROOT)) {
      case "almgren-chriss":
        riskAversion = lambda;
        break;
      case "twap":
        riskAversion = 0;
        break;
      default:
        throw new UserException("--algo must be almgren-chriss or twap, was '" + algo + "'");
    }
    checkPositive(price, "--price");
    LinearImpactModel model = option(() -> LinearImpactModel.of(gamma, eta, epsilon));
    AlmgrenChrissSolution s = option(() -> AlmgrenChriss.optimal(shares, horizonDays, intervals, sigma, model,
        riskAversion));
    double tau = horizonDays / intervals;
    double[] x = s.schedule().holdings();
    List<Map<String, Object>> trajectory = new ArrayList<>(x.length);
    for (int k = 0; k < x.length; k++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("interval", k);
      row.put("timeDays", k * tau);
      row.put("holdings", x[k]);
      row.put("trade", k == 0 ? 0.0 : x[k - 1] - x[k]);
      trajectory.add(row);
    }
    double notional = shares * price;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("algo", algo.toLowerCase(java.util.Locale.ROOT));
    out.put("shares", shares);
    out.put("price", price);
    out.put("horizonDays", horizonDays);
    out.put("intervals", intervals);
    out.put("tauDays", tau);
    out.put("sigma", sigma);
    out.put("eta", eta);
    out.put("etaTilde", s.etaTilde());
    out.put("gamma", gamma);
    out.put("epsilon", epsilon);
    out.put("lambda", riskAversion);
    out.put("kappa", s.kappa());
    out.put("expectedCost", s.expectedCost());
    out.put("variance", s.variance());
    out.put("standardDeviation", Math.sqrt(s.variance()));
    out.put("expectedCostBps", s.expectedCost() / notional * 10_000.0);
    out.put("standardDeviationBps", Math.sqrt(s.variance()) / notional * 10_000.0);
    out.put("objective", s.objective());
    out.put("trajectory", trajectory);
    CliSupport.printJson(spec.commandLine().getOut(), out);
    return CliSupport.EXIT_OK;
  }

  private static void checkPositive(double v, String option) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new UserException(option + " must be a finite number > 0, was " + v);
    }
  }

  /** Runs a model call, naming the option behind an invalid value. */
  private static <T> T option(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (dev.parapet.api.InvalidValueException e) {
      throw new UserException(optionName(e.field()) + ": " + e.getMessage(), e);
    }
  }

  private static String optionName(String field) {
    switch (field) {
      case "shares":
        return "--shares";
      case "horizonDays":
        return "--horizon-days";
      case "intervals":
        return "--intervals";
      case "sigma":
        return "--sigma";
      case "eta":
        return "--eta";
      case "gamma":
        return "--gamma";
      case "epsilon":
        return "--epsilon";
      case "lambda":
        return "--lambda";
      default:
        return "invalid parameters";
    }
  }
}
