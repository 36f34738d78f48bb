package dev.parapet.compliance.rule;

import dev.parapet.api.Checks;
import java.util.HashMap;
import java.util.OptionalDouble;

/**
 * Average daily volume per instrument, in units (shares, contracts), for the ADV participation rule.
 * The host loads it before the session (typically a 20- or 30-day average from its market data).
 * <p>
 * Thread-safe: every method synchronizes on the context lock. {@link #adv} allocates nothing.
 */
public final class AdvTable {

  private final Object lock;
  private final HashMap<String, double[]> adv = new HashMap<>();

  AdvTable(Object lock) {
    this.lock = lock;
  }

  /**
   * Sets an instrument's average daily volume.
   *
   * @param instrumentId the instrument
   * @param averageDailyVolume the volume in units per day, finite and &gt; 0
   */
  public void set(String instrumentId, double averageDailyVolume) {
    Checks.notBlank(instrumentId, "instrumentId");
    Checks.positive(averageDailyVolume, "averageDailyVolume", "ADV of " + instrumentId);
    synchronized (lock) {
      adv.computeIfAbsent(instrumentId, k -> new double[1])[0] = averageDailyVolume;
    }
  }

  /** Forgets an instrument's volume. */
  public void remove(String instrumentId) {
    synchronized (lock) {
      adv.remove(instrumentId);
    }
  }

  /** Returns the average daily volume, or NaN when unknown. */
  public double adv(String instrumentId) {
    synchronized (lock) {
      double[] v = adv.get(instrumentId);
      return v == null ? Double.NaN : v[0];
    }
  }

  /** Returns the average daily volume if known. */
  public OptionalDouble findAdv(String instrumentId) {
    double v = adv(instrumentId);
    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }
}
