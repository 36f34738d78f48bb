package dev.parapet.risk.drawdown;

import dev.parapet.api.Checks;
import java.time.Instant;

/**
 * The drawdown state of an account. Immutable and thread-safe.
 *
 * @param account the account
 * @param tier the tier in force: 0 when normal, {@code i} for the {@code i}-th tier of the budget
 * @param nav the last NAV seen
 * @param highWaterMark the highest NAV seen
 * @param drawdown {@code max(0, (highWaterMark - nav) / highWaterMark)}, a fraction
 * @param budgetUsed drawdown over the budget (1 = the whole budget used)
 * @param maxGrossLeverage the maximum gross leverage in force (gross exposure over NAV)
 * @param since when the tier in force was entered
 */
public record DrawdownState(String account, int tier, double nav, double highWaterMark, double drawdown,
    double budgetUsed, double maxGrossLeverage, Instant since) {

  /** Validates the fields. */
  public DrawdownState {
    Checks.notBlank(account, "account");
    Checks.check(tier >= 0, "tier", tier, ">= 0");
    Checks.finite(nav, "nav");
    Checks.finite(highWaterMark, "highWaterMark");
    Checks.nonNegative(drawdown, "drawdown");
    Checks.nonNegative(budgetUsed, "budgetUsed");
    Checks.nonNegative(maxGrossLeverage, "maxGrossLeverage");
    Checks.notNull(since, "since");
  }

  /** Returns true when a tier is in force: risk-increasing orders are blocked. */
  public boolean restricted() {
    return tier > 0;
  }

  /** Returns true when the tier in force allows no gross exposure at all. */
  public boolean halted() {
    return tier > 0 && maxGrossLeverage == 0;
  }
}
