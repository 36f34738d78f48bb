package dev.parapet.api.execution;

import dev.parapet.api.Checks;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What an execution algorithm wants at one decision point: how much of the parent should be
 * released to the market by now, how aggressively to price what is missing, and when to ask again.
 * <p>
 * {@link #targetQuantity()} is cumulative: the quantity that should be filled or open at the venue
 * after this decision. The engine sends a child order for the difference between the target and
 * what is already filled or open (never less than zero, never beyond the parent's quantity), rounded
 * to the lot size and subject to the minimum child size. An algorithm that is ahead of its schedule
 * simply returns a target at or below what is released; the engine does not cancel working
 * children to reach a lower target.
 * <p>
 * An optional {@link #priceLimit()} tightens the parent's own limit for this child (a buy never pays
 * more, a sell never receives less); the parent's limit always applies.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class SliceDecision {

  private final long targetQuantity;
  private final Aggression aggression;
  private final Duration recheckAfter;
  private final OptionalDouble priceLimit;

  private SliceDecision(long targetQuantity, Aggression aggression, Duration recheckAfter,
      OptionalDouble priceLimit) {
    this.targetQuantity = Checks.nonNegative(targetQuantity, "targetQuantity");
    this.aggression = Checks.notNull(aggression, "aggression");
    Checks.notNull(recheckAfter, "recheckAfter");
    Checks.check(!recheckAfter.isNegative() && !recheckAfter.isZero(), "recheckAfter", recheckAfter, "> 0");
    this.recheckAfter = recheckAfter;
    this.priceLimit = Checks.notNull(priceLimit, "priceLimit");
    if (priceLimit.isPresent()) {
      Checks.positive(priceLimit.getAsDouble(), "priceLimit");
    }
  }

  /**
   * Creates a decision.
   *
   * @param targetQuantity the cumulative quantity to have filled or open after this decision, &gt;= 0
   * @param aggression how to price the child order that makes up the difference
   * @param recheckAfter how long until the algorithm wants to decide again, &gt; 0 (the engine may
   *     randomise it within its configured bounds)
   * @return the decision
   */
  public static SliceDecision of(long targetQuantity, Aggression aggression, Duration recheckAfter) {
    return new SliceDecision(targetQuantity, aggression, recheckAfter, OptionalDouble.empty());
  }

  /** Returns a copy of this decision with a price limit that tightens the parent's limit. */
  public SliceDecision withPriceLimit(double priceLimit) {
    return new SliceDecision(targetQuantity, aggression, recheckAfter, OptionalDouble.of(priceLimit));
  }

  /** Returns the cumulative quantity the parent should have filled or open after this decision. */
  public long targetQuantity() {
    return targetQuantity;
  }

  /** Returns how to price the next child order. */
  public Aggression aggression() {
    return aggression;
  }

  /** Returns how long until the next decision. */
  public Duration recheckAfter() {
    return recheckAfter;
  }

  /** Returns the algorithm's own price limit, if any. */
  public OptionalDouble priceLimit() {
    return priceLimit;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SliceDecision)) {
      return false;
    }
    SliceDecision d = (SliceDecision) o;
    return targetQuantity == d.targetQuantity && aggression == d.aggression && recheckAfter.equals(d.recheckAfter)
        && priceLimit.equals(d.priceLimit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(targetQuantity, aggression, recheckAfter, priceLimit);
  }

  @Override
  public String toString() {
    return "SliceDecision{target " + targetQuantity + " " + aggression + " recheck " + recheckAfter
        + (priceLimit.isPresent() ? " limit " + priceLimit.getAsDouble() : "") + "}";
  }
}
