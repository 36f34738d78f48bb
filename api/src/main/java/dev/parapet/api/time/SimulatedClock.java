package dev.parapet.api.time;

import dev.parapet.api.Checks;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An {@link InstantSource} that only moves when told to: tests, backtests and the simulated example
 * drive capabilities with it so that the same code runs live and simulated.
 * <p>
 * Time never goes backwards: {@link #set} refuses an earlier instant. Thread-safe.
 */
public final class SimulatedClock implements InstantSource {

  private final AtomicReference<Instant> now;

  private SimulatedClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /** Creates a clock standing at {@code start}. */
  public static SimulatedClock at(Instant start) {
    return new SimulatedClock(Checks.notNull(start, "start"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  /** Moves the clock forward by a non-negative duration and returns the new time. */
  public Instant advance(Duration duration) {
    Checks.notNull(duration, "duration");
    Checks.check(!duration.isNegative(), "duration", duration, "not negative");
    return now.updateAndGet(t -> t.plus(duration));
  }

  /** Moves the clock to an instant that is not earlier than now. */
  public void set(Instant instant) {
    Checks.notNull(instant, "instant");
    now.updateAndGet(t -> {
      Checks.check(!instant.isBefore(t), "instant", instant, "not before the current time " + t);
      return instant;
    });
  }
}
