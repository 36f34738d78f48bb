package dev.parapet.risk.drawdown;

import dev.parapet.api.Checks;
import java.time.Instant;
import java.util.List;

/**
 * What to do to bring an account's gross exposure down to what its drawdown tier allows: the target and
 * the reducing orders that reach it. Immutable and thread-safe.
 *
 * @param account the account
 * @param tier the tier in force
 * @param time when the instruction was made
 * @param nav the NAV used
 * @param grossExposure the filled gross exposure at the marks
 * @param targetGrossExposure {@code maxGrossLeverage * max(nav, 0)}
 * @param policy how the reduction was spread
 * @param orders the reducing orders, empty when the account is already within the target
 */
public record DeleverageInstruction(String account, int tier, Instant time, double nav, double grossExposure,
    double targetGrossExposure, ReductionPolicy policy, List<ReducingOrder> orders) {

  /** Validates and copies the fields. */
  public DeleverageInstruction {
    Checks.notBlank(account, "account");
    Checks.notNull(time, "time");
    Checks.finite(nav, "nav");
    Checks.nonNegative(grossExposure, "grossExposure");
    Checks.nonNegative(targetGrossExposure, "targetGrossExposure");
    Checks.notNull(policy, "policy");
    orders = List.copyOf(Checks.notNull(orders, "orders"));
  }

  /** Returns the gross exposure the orders remove. */
  public double reductionNotional() {
    double sum = 0;
    for (ReducingOrder o : orders) {
      sum += o.notional();
    }
    return sum;
  }
}
