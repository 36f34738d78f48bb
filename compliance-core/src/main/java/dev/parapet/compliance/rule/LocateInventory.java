package dev.parapet.compliance.rule;

import dev.parapet.api.Checks;
import java.util.HashMap;

/**
 * The locates an account holds per instrument for short sales (SEC Reg SHO Rule 203(b)(1): a broker
 * may not accept a short sale without reasonable grounds to believe the security can be borrowed).
 * <p>
 * The host {@linkplain #grant grants} located quantities (for example from its prime broker's
 * easy-to-borrow file or a locate request). An accepted short sale consumes its quantity
 * ({@link RuleContext#onOrderAccepted}); when the order is done, its unfilled quantity is returned
 * ({@link RuleContext#onOrderDone}). Locates are day-scoped in practice: call {@link #clear()} at the
 * start of each day before granting that day's locates.
 * <p>
 * Thread-safe: every method synchronizes on the context lock. Reading allocates nothing.
 */
public final class LocateInventory {

  private final Object lock;
  // account -> instrument -> {granted, used}
  private final HashMap<String, HashMap<String, long[]>> slots = new HashMap<>();

  LocateInventory(Object lock) {
    this.lock = lock;
  }

  /**
   * Adds a located quantity.
   *
   * @param account the account
   * @param instrumentId the instrument
   * @param quantity the quantity located, &gt; 0
   */
  public void grant(String account, String instrumentId, long quantity) {
    Checks.notBlank(account, "account");
    Checks.notBlank(instrumentId, "instrumentId");
    Checks.positive(quantity, "quantity", "locate of " + instrumentId + " for " + account);
    synchronized (lock) {
      slot(account, instrumentId)[0] += quantity;
    }
  }

  /** Returns the quantity still available: granted minus consumed (negative if over-consumed). */
  public long available(String account, String instrumentId) {
    synchronized (lock) {
      long[] s = find(account, instrumentId);
      return s == null ? 0 : s[0] - s[1];
    }
  }

  /** Returns the quantity granted today. */
  public long granted(String account, String instrumentId) {
    synchronized (lock) {
      long[] s = find(account, instrumentId);
      return s == null ? 0 : s[0];
    }
  }

  /** Returns the quantity consumed by accepted short sales that is not returned. */
  public long used(String account, String instrumentId) {
    synchronized (lock) {
      long[] s = find(account, instrumentId);
      return s == null ? 0 : s[1];
    }
  }

  /** Forgets every locate (the start of a new day). */
  public void clear() {
    synchronized (lock) {
      slots.clear();
    }
  }

  void consume(String account, String instrumentId, long quantity) {
    slot(account, instrumentId)[1] += quantity;
  }

  void restore(String account, String instrumentId, long quantity) {
    long[] s = find(account, instrumentId);
    if (s != null) {
      s[1] = Math.max(0, s[1] - quantity);
    }
  }

  private long[] find(String account, String instrumentId) {
    HashMap<String, long[]> byInstrument = slots.get(account);
    return byInstrument == null ? null : byInstrument.get(instrumentId);
  }

  private long[] slot(String account, String instrumentId) {
    return slots.computeIfAbsent(account, k -> new HashMap<>()).computeIfAbsent(instrumentId, k -> new long[2]);
  }
}
