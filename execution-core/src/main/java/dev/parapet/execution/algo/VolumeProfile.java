package dev.parapet.execution.algo;

import dev.parapet.api.Checks;
import java.util.Arrays;

/**
 * An intraday volume profile: the share of a session's volume traded in each of {@code B} equal
 * buckets of the session, estimated from history.
 * <p>
 * {@link #cumulative(double)} interpolates linearly within a bucket, so the expected fraction of the
 * day's volume traded by session fraction {@code f} is continuous and increasing.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class VolumeProfile {

  private final double[] cumulative;

  private VolumeProfile(double[] bucketVolumes) {
    Checks.check(bucketVolumes.length >= 1, "bucketVolumes.length", bucketVolumes.length, ">= 1");
    double total = 0;
    for (int i = 0; i < bucketVolumes.length; i++) {
      total += Checks.nonNegative(bucketVolumes[i], "bucketVolumes[" + i + "]");
    }
    Checks.check(total > 0, "sum of bucketVolumes", total, "> 0");
    cumulative = new double[bucketVolumes.length + 1];
    double running = 0;
    for (int i = 0; i < bucketVolumes.length; i++) {
      running += bucketVolumes[i];
      cumulative[i + 1] = running / total;
    }
    cumulative[bucketVolumes.length] = 1.0;
  }

  /**
   * Creates a profile from the volume (or share of volume) of each equal bucket of the session, e.g.
   * the average over past sessions of the volume traded in each 5-minute bucket.
   *
   * @param bucketVolumes volumes per bucket, &gt;= 0 with a positive sum; copied and normalised
   * @return the profile
   */
  public static VolumeProfile of(double[] bucketVolumes) {
    Checks.notNull(bucketVolumes, "bucketVolumes");
    return new VolumeProfile(bucketVolumes.clone());
  }

  /**
   * Creates a profile from the bucket volumes of several past sessions: each session is normalised to
   * sum to one and the shares are averaged, so that heavy days do not dominate.
   *
   * @param sessions one array of bucket volumes per session, all of the same length
   * @return the profile
   */
  public static VolumeProfile average(double[][] sessions) {
    Checks.notNull(sessions, "sessions");
    Checks.check(sessions.length >= 1, "sessions.length", sessions.length, ">= 1");
    int buckets = Checks.notNull(sessions[0], "sessions[0]").length;
    double[] mean = new double[buckets];
    for (int d = 0; d < sessions.length; d++) {
      double[] day = Checks.notNull(sessions[d], "sessions[" + d + "]");
      Checks.check(day.length == buckets, "sessions[" + d + "].length", day.length, "== " + buckets);
      double total = 0;
      for (int i = 0; i < buckets; i++) {
        total += Checks.nonNegative(day[i], "sessions[" + d + "][" + i + "]");
      }
      Checks.check(total > 0, "sum of sessions[" + d + "]", total, "> 0");
      for (int i = 0; i < buckets; i++) {
        mean[i] += day[i] / total / sessions.length;
      }
    }
    return new VolumeProfile(mean);
  }

  /** Returns the flat profile (volume spread evenly over the session). */
  public static VolumeProfile flat() {
    return new VolumeProfile(new double[] {1.0});
  }

  /**
   * Returns a U-shaped profile of {@code buckets} buckets: the bucket centred at session fraction
   * {@code f} has weight {@code 1 + curvature * (2f - 1)^2}, so the open and close trade about
   * {@code 1 + curvature} times the midday rate.
   */
  public static VolumeProfile uShaped(int buckets, double curvature) {
    Checks.positive(buckets, "buckets");
    Checks.nonNegative(curvature, "curvature");
    double[] w = new double[buckets];
    for (int i = 0; i < buckets; i++) {
      double f = (i + 0.5) / buckets;
      w[i] = 1 + curvature * (2 * f - 1) * (2 * f - 1);
    }
    return new VolumeProfile(w);
  }

  /** Returns the number of buckets. */
  public int buckets() {
    return cumulative.length - 1;
  }

  /** Returns the share of the session's volume in bucket {@code i}. */
  public double share(int i) {
    Checks.check(i >= 0 && i < buckets(), "i", i, "in [0, " + buckets() + ")");
    return cumulative[i + 1] - cumulative[i];
  }

  /**
   * Returns the expected fraction of the session's volume traded by session fraction {@code f}
   * (clamped to {@code [0, 1]}), interpolating linearly within the bucket.
   */
  public double cumulative(double f) {
    if (!(f > 0)) {
      return 0.0;
    }
    if (f >= 1) {
      return 1.0;
    }
    double pos = f * buckets();
    int i = (int) pos;
    return cumulative[i] + (pos - i) * (cumulative[i + 1] - cumulative[i]);
  }

  /** Returns the expected fraction of the session's volume traded between session fractions {@code a <= b}. */
  public double between(double a, double b) {
    return cumulative(b) - cumulative(a);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VolumeProfile && Arrays.equals(((VolumeProfile) o).cumulative, cumulative);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(cumulative);
  }

  @Override
  public String toString() {
    return "VolumeProfile{" + buckets() + " buckets}";
  }
}
