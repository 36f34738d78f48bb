package dev.parapet.execution.algo;

import dev.parapet.api.Checks;
import dev.parapet.api.execution.Aggression;
import dev.parapet.api.execution.ExecutionAlgo;
import dev.parapet.api.execution.MarketState;
import dev.parapet.api.execution.ParentOrderView;
import dev.parapet.api.execution.SliceDecision;
import java.time.Duration;
import java.time.Instant;

/**
 * The common shape of the schedule-following algorithms: a subclass gives the cumulative target
 * quantity at a time; this class turns it into a decision.
 * <p>
 * Pricing: a child is first posted passively and rests for one decision interval; what was due two
 * decisions ago and is still unfilled is then taken aggressively ("passive first, cross when behind").
 * Comparing with the target of two decisions ago, not the last one, leaves a fully filled passive slice
 * on schedule although the engine may have sent less than the target (randomised slice sizes). In the final window
 * before the end time an algorithm that must complete asks for everything that is left, aggressively.
 * <p>
 * Confined: one instance per parent order, called by one thread at a time.
 */
abstract class ScheduledAlgo implements ExecutionAlgo {

  private final Duration recheck;
  private long previousTarget;
  private long olderTarget;

  ScheduledAlgo(Duration recheck) {
    Checks.notNull(recheck, "recheck");
    Checks.check(!recheck.isNegative() && !recheck.isZero(), "recheck", recheck, "> 0");
    this.recheck = recheck;
  }

  /** Returns the cumulative target quantity at {@code now}, in {@code [0, quantity]} (unrounded). */
  abstract double scheduledQuantity(Instant now, ParentOrderView parent, MarketState market);

  /** Returns true if the algorithm must complete the order by its end time (false for POV). */
  boolean mustComplete() {
    return true;
  }

  @Override
  public SliceDecision decide(Instant now, ParentOrderView parent, MarketState market) {
    long quantity = parent.order().quantity();
    double scheduled = scheduledQuantity(now, parent, market);
    long target = (long) Math.min(quantity, Math.max(0, Math.ceil(scheduled - 1e-6)));
    boolean behind = parent.filledQuantity() < olderTarget;
    if (mustComplete() && inFinalWindow(now, parent)) {
      target = quantity;
      behind = true;
    }
    olderTarget = previousTarget;
    previousTarget = Math.max(previousTarget, target);
    return SliceDecision.of(target, behind ? Aggression.AGGRESSIVE : Aggression.PASSIVE, recheck);
  }

  /** Returns true within two rechecks (at most a tenth of the horizon) of the end time. */
  boolean inFinalWindow(Instant now, ParentOrderView parent) {
    return inFinalWindow(now, parent, recheck.multipliedBy(2));
  }

  /** Returns true within {@code window} (at most a tenth of the horizon) of the end time. */
  static boolean inFinalWindow(Instant now, ParentOrderView parent, Duration window) {
    Duration horizon = Duration.between(parent.startTime(), parent.endTime());
    Duration tenth = horizon.dividedBy(10);
    if (window.compareTo(tenth) > 0) {
      window = tenth;
    }
    return !now.isBefore(parent.endTime().minus(window));
  }

  /** Returns the elapsed fraction of the parent's horizon at {@code now}, in {@code [0, 1]}. */
  static double elapsedFraction(Instant now, ParentOrderView parent) {
    long total = Duration.between(parent.startTime(), parent.endTime()).toNanos();
    if (total <= 0) {
      return 1.0;
    }
    double f = Duration.between(parent.startTime(), now).toNanos() / (double) total;
    return f < 0 ? 0 : Math.min(1, f);
  }

  /** Returns the recheck interval. */
  Duration recheck() {
    return recheck;
  }
}
