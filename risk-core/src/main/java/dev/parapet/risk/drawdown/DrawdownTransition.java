package dev.parapet.risk.drawdown;

import dev.parapet.api.Checks;
import java.util.Optional;

/**
 * A change of drawdown tier. Immutable and thread-safe.
 *
 * @param from the state before
 * @param to the state after
 * @param instruction the de-leverage instruction, present when the tier became stricter and the positions
 *     were known (see {@link DrawdownController#update(dev.parapet.api.book.PortfolioView)})
 */
public record DrawdownTransition(DrawdownState from, DrawdownState to, Optional<DeleverageInstruction> instruction) {

  /** Validates the fields. */
  public DrawdownTransition {
    Checks.notNull(from, "from");
    Checks.notNull(to, "to");
    Checks.notNull(instruction, "instruction");
  }

  /** Returns true when the new tier is stricter than the old. */
  public boolean escalation() {
    return to.tier() > from.tier();
  }

  /** Returns true when the new tier is looser than the old. */
  public boolean recovery() {
    return to.tier() < from.tier();
  }
}
