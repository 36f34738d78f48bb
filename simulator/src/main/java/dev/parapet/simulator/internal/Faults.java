package dev.parapet.simulator.internal;

import dev.parapet.api.Checks;
import dev.parapet.simulator.DisconnectMode;
import dev.parapet.simulator.FaultInjector;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fault schedule of one market. Scheduling is thread-safe (copy-on-write list, volatile
 * probability); queries and random drops run on the simulation thread with their own random stream.
 */
public final class Faults implements FaultInjector {

  enum Kind { REJECT_BURST, DISCONNECT, MISSING_BARS }

  /** A scheduled fault window {@code [from, to)}. */
  record Window(Kind kind, Instant from, Instant to, DisconnectMode mode, String instrumentId) {
    boolean contains(Instant t) {
      return !t.isBefore(from) && t.isBefore(to);
    }
  }

  private final List<Window> windows = new CopyOnWriteArrayList<>();
  private final Rng rng;
  private volatile double missingBarProbability;

  Faults(long seed) {
    this.rng = Rng.stream(seed, MarketModel.STREAM_FAULTS);
  }

  @Override
  public void rejectBurst(Instant from, Duration length) {
    windows.add(window(Kind.REJECT_BURST, from, length, null, null));
  }

  @Override
  public void disconnect(Instant from, Duration length, DisconnectMode mode) {
    windows.add(window(Kind.DISCONNECT, from, length, Checks.notNull(mode, "mode"), null));
  }

  @Override
  public void missingBars(Instant from, Duration length) {
    windows.add(window(Kind.MISSING_BARS, from, length, null, null));
  }

  @Override
  public void missingBars(String instrumentId, Instant from, Duration length) {
    windows.add(window(Kind.MISSING_BARS, from, length, null, Checks.notBlank(instrumentId, "instrumentId")));
  }

  @Override
  public void missingBarProbability(double probability) {
    this.missingBarProbability = Checks.inRange(probability, 0.0, 1.0, "probability");
  }

  @Override
  public void clear() {
    windows.clear();
    missingBarProbability = 0.0;
  }

  private static Window window(Kind kind, Instant from, Duration length, DisconnectMode mode, String instrumentId) {
    Checks.notNull(from, "from");
    Checks.notNull(length, "length");
    Checks.check(!length.isNegative() && !length.isZero(), "length", length, "positive");
    return new Window(kind, from, from.plus(length), mode, instrumentId);
  }

  /** Returns the disconnect window containing {@code t}, or null; of several, the one ending last. */
  Window disconnectAt(Instant t) {
    Window found = null;
    for (Window w : windows) {
      if (w.kind == Kind.DISCONNECT && w.contains(t) && (found == null || w.to.isAfter(found.to))) {
        found = w;
      }
    }
    return found;
  }

  /** Returns true if a reject burst covers {@code t}. */
  boolean rejectBurstAt(Instant t) {
    for (Window w : windows) {
      if (w.kind == Kind.REJECT_BURST && w.contains(t)) {
        return true;
      }
    }
    return false;
  }

  /** Returns true if the minute bar of an instrument starting at {@code start} is to be dropped. */
  boolean dropBar(String instrumentId, Instant start) {
    double p = missingBarProbability;
    boolean drop = p > 0 && rng.nextDouble() < p;
    if (drop) {
      return true;
    }
    for (Window w : windows) {
      if (w.kind == Kind.MISSING_BARS && w.contains(start)
          && (w.instrumentId == null || w.instrumentId.equals(instrumentId))) {
        return true;
      }
    }
    return false;
  }
}
