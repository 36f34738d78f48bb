package dev.parapet.compliance.rule;

import dev.parapet.api.Checks;
import java.util.HashMap;
import java.util.OptionalDouble;

/**
 * Each account's net asset value at the start of the trading day, the baseline of the daily loss
 * limit. {@link RuleContext#onSessionStart} records it from the book; a host may also {@link #set} it
 * (for example from the previous close's official NAV).
 * <p>
 * Thread-safe: every method synchronizes on the context lock. {@link #nav} allocates nothing.
 */
public final class StartOfDayNav {

  private final Object lock;
  private final HashMap<String, double[]> nav = new HashMap<>();

  StartOfDayNav(Object lock) {
    this.lock = lock;
  }

  /** Sets an account's start-of-day NAV (finite). */
  public void set(String account, double startOfDayNav) {
    Checks.notBlank(account, "account");
    Checks.finite(startOfDayNav, "startOfDayNav", "account " + account);
    synchronized (lock) {
      nav.computeIfAbsent(account, k -> new double[1])[0] = startOfDayNav;
    }
  }

  /** Returns the start-of-day NAV, or NaN when none was recorded. */
  public double nav(String account) {
    synchronized (lock) {
      double[] v = nav.get(account);
      return v == null ? Double.NaN : v[0];
    }
  }

  /** Returns the start-of-day NAV if recorded. */
  public OptionalDouble findNav(String account) {
    double v = nav(account);
    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** Forgets every baseline. */
  public void clear() {
    synchronized (lock) {
      nav.clear();
    }
  }
}
