package dev.parapet.api.data;

import dev.parapet.api.Checks;
import dev.parapet.api.model.BarInterval;
import java.time.Duration;
import java.util.Arrays;

/**
 * The average intraday volume profile of an instrument: the fraction of a regular session's volume
 * traded in each bucket of equal length from the open, averaged over a number of sessions (the
 * volume curve VWAP and POV schedules follow; Kissell, "The Science of Algorithmic Trading and
 * Portfolio Management", 2013, section 2.5). Fractions are not negative and sum to 1.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class VolumeProfile {

  private final String instrumentId;
  private final BarInterval interval;
  private final double[] fractions;
  private final int sessions;

  private VolumeProfile(String instrumentId, BarInterval interval, double[] fractions, int sessions) {
    this.instrumentId = Checks.notBlank(instrumentId, "instrumentId");
    String ctx = "volume profile " + instrumentId;
    this.interval = Checks.notNull(interval, "interval", ctx);
    Checks.check(interval.isIntraday(), "interval", interval, "intraday", ctx);
    Checks.check(fractions.length > 0, "fractions.length", fractions.length, "> 0", ctx);
    this.fractions = fractions.clone();
    double sum = 0;
    for (double f : this.fractions) {
      Checks.nonNegative(f, "fraction", ctx);
      sum += f;
    }
    Checks.check(Math.abs(sum - 1.0) <= 1e-9, "sum of fractions", sum, "1 within 1e-9", ctx);
    this.sessions = Checks.positive(sessions, "sessions");
  }

  /**
   * Creates a profile.
   *
   * @param instrumentId the instrument
   * @param interval the bucket length, intraday
   * @param fractions the fraction of session volume per bucket from the open, each &gt;= 0, summing to 1; copied
   * @param sessions the number of sessions averaged, &gt; 0
   * @return the profile
   */
  public static VolumeProfile of(String instrumentId, BarInterval interval, double[] fractions, int sessions) {
    return new VolumeProfile(instrumentId, interval, fractions, sessions);
  }

  /** Returns the instrument id. */
  public String instrumentId() {
    return instrumentId;
  }

  /** Returns the bucket length. */
  public BarInterval interval() {
    return interval;
  }

  /** Returns the number of buckets. */
  public int bucketCount() {
    return fractions.length;
  }

  /** Returns the offset of a bucket's start from the session open. */
  public Duration bucketOffset(int bucket) {
    return interval.duration().multipliedBy(bucket);
  }

  /** Returns the fraction of session volume traded in a bucket. */
  public double fraction(int bucket) {
    return fractions[bucket];
  }

  /** Returns a copy of the fractions, one per bucket. */
  public double[] fractions() {
    return fractions.clone();
  }

  /** Returns the number of sessions averaged. */
  public int sessions() {
    return sessions;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VolumeProfile v && instrumentId.equals(v.instrumentId) && interval == v.interval
        && sessions == v.sessions && Arrays.equals(fractions, v.fractions);
  }

  @Override
  public int hashCode() {
    return instrumentId.hashCode() * 31 + Arrays.hashCode(fractions);
  }

  @Override
  public String toString() {
    return "VolumeProfile{" + instrumentId + " " + interval + " x" + fractions.length + " over " + sessions
        + " sessions}";
  }
}
