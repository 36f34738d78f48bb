package dev.parapet.risk.drawdown;

import dev.parapet.api.Checks;

/**
 * One tier of a drawdown budget: once the share of the budget used reaches {@code budgetUsed}, the maximum
 * gross leverage falls to {@code leverageFraction} of normal. For example {@code (0.5, 0.75)}: with half the
 * budget used, 75% of normal leverage; {@code (1.0, 0.0)}: with the whole budget used, flat (halt).
 * Immutable and thread-safe.
 *
 * @param budgetUsed the share of the drawdown budget at which the tier starts, &gt; 0 (1 = the whole budget)
 * @param leverageFraction the maximum gross leverage as a fraction of normal, in [0, 1]
 */
public record DrawdownTier(double budgetUsed, double leverageFraction) {

  /** Validates the fields. */
  public DrawdownTier {
    Checks.positive(budgetUsed, "budgetUsed");
    Checks.inRange(leverageFraction, 0, 1, "leverageFraction");
  }

  /** Creates a tier. */
  public static DrawdownTier of(double budgetUsed, double leverageFraction) {
    return new DrawdownTier(budgetUsed, leverageFraction);
  }
}
