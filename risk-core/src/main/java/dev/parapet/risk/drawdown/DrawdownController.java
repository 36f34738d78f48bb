package dev.parapet.risk.drawdown;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.AlertSink;
import dev.parapet.api.book.PortfolioView;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The drawdown budget of one account: follows NAV against its high-water mark, applies the tier for the
 * share of the budget used, and on every change of tier publishes an alert and (when the tier becomes
 * stricter) a de-leverage instruction.
 * <p>
 * <b>Tiers.</b> With drawdown {@code d = max(0, (HWM - NAV) / HWM)} and budget {@code b}, the budget used
 * is {@code u = d / b}. The tier in force is the highest whose {@code budgetUsed} is at most {@code u}
 * (reaching a threshold to within 1e-12 counts, so that binary rounding cannot hide a crossing);
 * its maximum gross leverage is {@code leverageFraction * normalMaxGrossLeverage}.
 * <p>
 * <b>Hysteresis.</b> A stricter tier applies at once. A looser one applies only when {@code u} has fallen
 * below the current tier's threshold minus {@code recoveryMargin} (a share of the budget) and the current
 * tier has been in force for at least {@code minimumRecoveryTime}; the account then moves to the highest
 * tier whose threshold minus the margin is at most {@code u} (possibly straight back to normal). This keeps
 * a NAV hovering around a threshold from flapping between tiers.
 * <p>
 * <b>Alerts.</b> Entering tier {@code i > 0} fires alert {@value #ALERT_NAME} (category RISK, labels
 * {@code account} and {@code tier}, severity HIGH, or CRITICAL for a tier that allows no exposure); leaving
 * it publishes the same alert resolved.
 * <p>
 * <b>Threads.</b> Thread-safe: updates are serialised on the controller; {@link #state()} is a volatile
 * read of an immutable snapshot and allocates nothing, so a gate may call it on every order.
 */
public interface DrawdownController {

  /** The name of the alert published on tier changes. */
  String ALERT_NAME = "DrawdownTier";

  /** Returns the account. */
  String account();

  /** Returns the current state; allocation-free. */
  DrawdownState state();

  /**
   * Feeds a new NAV and applies the tier it implies. Without positions no de-leverage instruction can be
   * made; use {@link #update(PortfolioView)} or {@link #deleverage(PortfolioView)} for one.
   *
   * @param nav the account's NAV, finite
   * @return the transition, if the tier changed
   */
  Optional<DrawdownTransition> update(double nav);

  /**
   * Reads the account's NAV from the portfolio, applies the tier it implies and, when the tier becomes
   * stricter, includes the de-leverage instruction for the portfolio's positions.
   *
   * @param portfolio the portfolio
   * @return the transition, if the tier changed
   */
  Optional<DrawdownTransition> update(PortfolioView portfolio);

  /**
   * Makes the de-leverage instruction for the tier in force and the portfolio's filled positions (empty
   * orders when the account is within its target). Open orders are not counted: the host should cancel
   * risk-increasing open orders as well.
   */
  DeleverageInstruction deleverage(PortfolioView portfolio);

  /** Returns a builder. */
  static Builder builder() {
    return new Builder();
  }

  /** A builder of {@link DrawdownController}; not thread-safe. */
  final class Builder {
    private String account;
    private double budget = Double.NaN;
    private double normalMaxGrossLeverage = Double.NaN;
    private final List<DrawdownTier> tiers = new ArrayList<>();
    private double recoveryMargin = 0.10;
    private Duration minimumRecoveryTime = Duration.ZERO;
    private ReductionPolicy policy = ReductionPolicy.PRO_RATA;
    private RiskContribution riskContribution = RiskContribution.absoluteExposure();
    private InstantSource clock;
    private AlertSink alertSink = AlertSink.discarding();
    private double initialHighWaterMark = Double.NaN;

    private Builder() {
    }

    /** Sets the account (required). */
    public Builder account(String account) {
      this.account = account;
      return this;
    }

    /** Sets the drawdown budget as a fraction of the high-water mark, e.g. 0.10 (required). */
    public Builder budget(double budget) {
      this.budget = budget;
      return this;
    }

    /** Sets the maximum gross leverage in normal times, e.g. 2.0 (required). */
    public Builder normalMaxGrossLeverage(double leverage) {
      this.normalMaxGrossLeverage = leverage;
      return this;
    }

    /**
     * Adds a tier; tiers must be added in increasing {@code budgetUsed} with non-increasing
     * {@code leverageFraction}. Without tiers the default is {@code (0.5, 0.75)}, {@code (0.75, 0.5)},
     * {@code (1.0, 0.0)}.
     */
    public Builder tier(double budgetUsed, double leverageFraction) {
      tiers.add(DrawdownTier.of(budgetUsed, leverageFraction));
      return this;
    }

    /** Sets the hysteresis margin as a share of the budget (default 0.10), below the first tier's threshold. */
    public Builder recoveryMargin(double margin) {
      this.recoveryMargin = margin;
      return this;
    }

    /** Sets the least time a tier stays in force before a recovery (default zero). */
    public Builder minimumRecoveryTime(Duration time) {
      this.minimumRecoveryTime = time;
      return this;
    }

    /** Sets how reductions are spread (default {@link ReductionPolicy#PRO_RATA}). */
    public Builder reductionPolicy(ReductionPolicy policy) {
      this.policy = policy;
      return this;
    }

    /** Sets how positions are ranked for {@link ReductionPolicy#LARGEST_RISK_FIRST} (default absolute exposure). */
    public Builder riskContribution(RiskContribution riskContribution) {
      this.riskContribution = riskContribution;
      return this;
    }

    /** Sets the clock (required). */
    public Builder clock(InstantSource clock) {
      this.clock = clock;
      return this;
    }

    /** Sets where transitions are published (default discarding). */
    public Builder alertSink(AlertSink alertSink) {
      this.alertSink = alertSink;
      return this;
    }

    /** Sets the starting high-water mark (default: the first NAV seen). */
    public Builder initialHighWaterMark(double highWaterMark) {
      this.initialHighWaterMark = highWaterMark;
      return this;
    }

    /** Builds and validates the controller. */
    public DrawdownController build() {
      Checks.notBlank(account, "account");
      Checks.check(budget > 0 && budget <= 1, "budget", budget, "in (0, 1]", "account " + account);
      Checks.positive(normalMaxGrossLeverage, "normalMaxGrossLeverage", "account " + account);
      List<DrawdownTier> list = tiers.isEmpty()
          ? List.of(DrawdownTier.of(0.5, 0.75), DrawdownTier.of(0.75, 0.5), DrawdownTier.of(1.0, 0.0))
          : List.copyOf(tiers);
      for (int i = 1; i < list.size(); i++) {
        Checks.check(list.get(i).budgetUsed() > list.get(i - 1).budgetUsed(), "tiers[" + i + "].budgetUsed",
            list.get(i).budgetUsed(), "> the previous tier's " + list.get(i - 1).budgetUsed());
        Checks.check(list.get(i).leverageFraction() <= list.get(i - 1).leverageFraction(),
            "tiers[" + i + "].leverageFraction", list.get(i).leverageFraction(),
            "<= the previous tier's " + list.get(i - 1).leverageFraction());
      }
      Checks.check(recoveryMargin >= 0 && recoveryMargin < list.get(0).budgetUsed(), "recoveryMargin",
          recoveryMargin, "in [0, first tier's budgetUsed " + list.get(0).budgetUsed() + ")");
      Checks.notNull(minimumRecoveryTime, "minimumRecoveryTime");
      Checks.check(!minimumRecoveryTime.isNegative(), "minimumRecoveryTime", minimumRecoveryTime, "not negative");
      Checks.notNull(policy, "reductionPolicy");
      Checks.notNull(riskContribution, "riskContribution");
      Checks.notNull(clock, "clock");
      Checks.notNull(alertSink, "alertSink");
      if (!Double.isNaN(initialHighWaterMark)) {
        Checks.positive(initialHighWaterMark, "initialHighWaterMark");
      }
      return new TieredDrawdownController(account, budget, normalMaxGrossLeverage, list, recoveryMargin,
          minimumRecoveryTime, policy, riskContribution, clock, alertSink, initialHighWaterMark);
    }
  }
}
