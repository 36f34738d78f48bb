package dev.parapet.execution.algo;

import dev.parapet.api.Checks;
import dev.parapet.api.execution.MarketState;
import dev.parapet.api.execution.ParentOrderView;
import dev.parapet.execution.impact.AlmgrenChriss;
import dev.parapet.execution.impact.LinearImpactModel;
import java.time.Instant;

/**
 * Implementation Shortfall: follows the Almgren–Chriss (2000, section 2.2) optimal trajectory
 * {@code x(t) = X sinh(kappa (T - t)) / sinh(kappa T)}, so the target at time {@code t} is
 * {@code X - x(t)}. Kappa is fixed at the first decision (from lambda and the impact coefficients, or
 * from the urgency's kappa T). Time is measured in trading days of the session. Confined to one parent.
 */
final class ImplementationShortfallAlgo extends ScheduledAlgo {

  private final ImplementationShortfallParameters parameters;
  private double kappa = Double.NaN;
  private double horizonDays;

  ImplementationShortfallAlgo(ImplementationShortfallParameters parameters) {
    super(Checks.notNull(parameters, "parameters").recheck());
    this.parameters = parameters;
  }

  @Override
  public String name() {
    return "IS";
  }

  /** Returns kappa per day, once fixed by the first decision (NaN before). */
  double kappa() {
    return kappa;
  }

  @Override
  double scheduledQuantity(Instant now, ParentOrderView parent, MarketState market) {
    if (Double.isNaN(kappa)) {
      horizonDays = Math.max(1e-9, market.tradingDays(parent.startTime(), parent.endTime()));
      kappa = computeKappa(parent, market);
    }
    double t = market.tradingDays(parent.startTime(), now);
    double x = parent.order().quantity();
    return x * (1 - AlmgrenChriss.remainingFraction(kappa, horizonDays, t));
  }

  private double computeKappa(ParentOrderView parent, MarketState market) {
    if (parameters.lambda().isEmpty()) {
      return parameters.kappaT(parent.order().urgency()) / horizonDays;
    }
    double price = parent.arrivalPrice();
    double spread = Math.max(market.spread(), Math.max(market.typicalSpreadBps(), 1.0) * price / 10_000.0);
    LinearImpactModel model = parameters.model()
        .orElseGet(() -> LinearImpactModel.ruleOfThumb(spread, market.averageDailyVolume()));
    double tau = horizonDays / parameters.intervals();
    double etaTilde = model.etaTilde(tau);
    if (!(etaTilde > 0)) {
      etaTilde = model.eta();
    }
    double sigma = market.dailyVolatility() * price;
    return AlmgrenChriss.kappa(parameters.lambda().getAsDouble(), sigma, etaTilde, tau);
  }
}
