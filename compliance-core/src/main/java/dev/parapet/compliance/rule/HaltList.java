package dev.parapet.compliance.rule;

import dev.parapet.api.Checks;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The instruments currently halted (a regulatory or volatility trading halt, e.g. an LULD pause). The
 * host's market-data adapter calls {@link #halt} and {@link #resume} as the venue reports them; the
 * trading-session rule blocks orders in halted instruments.
 * <p>
 * Thread-safe: every method synchronizes on the context lock. {@link #isHalted} allocates nothing.
 */
public final class HaltList {

  private final Object lock;
  private final HashSet<String> halted = new HashSet<>();

  HaltList(Object lock) {
    this.lock = lock;
  }

  /** Marks an instrument halted. */
  public void halt(String instrumentId) {
    Checks.notBlank(instrumentId, "instrumentId");
    synchronized (lock) {
      halted.add(instrumentId);
    }
  }

  /** Marks an instrument trading again. */
  public void resume(String instrumentId) {
    synchronized (lock) {
      halted.remove(instrumentId);
    }
  }

  /** Returns true if the instrument is halted. */
  public boolean isHalted(String instrumentId) {
    synchronized (lock) {
      return halted.contains(instrumentId);
    }
  }

  /** Returns the halted instruments, sorted. */
  public Set<String> halted() {
    synchronized (lock) {
      return Collections.unmodifiableSet(new TreeSet<>(halted));
    }
  }
}
