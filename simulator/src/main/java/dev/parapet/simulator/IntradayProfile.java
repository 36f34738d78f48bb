package dev.parapet.simulator;

import dev.parapet.api.Checks;

/**
 * The intraday shape of expected volume and variance: the share of a session's volume (and of its
 * intraday variance) that falls in each minute.
 * <p>
 * The shape is {@code u(x) = 1 + A exp(-x / a) + B exp(-(1 - x) / b)} at the minute's mid-point
 * {@code x = (k + 0.5) / n} (minute {@code k} of {@code n}), normalised to sum to 1: heavy at the open,
 * flat at midday, rising again into the close, the U shape documented for NYSE stocks by Jain &amp; Joh,
 * "The Dependence between Hourly Prices and Trading Volume", JFQA 23(3), 1988, and Admati &amp; Pfleiderer,
 * "A Theory of Intraday Patterns", RFS 1(1), 1988. The default {@link #uShaped()} has {@code A = 2, a = 0.06, B = 1.5, b = 0.04}: the
 * first minute trades about three times, the last about two and a half times the midday rate.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class IntradayProfile {

  private static final IntradayProfile FLAT = new IntradayProfile(0, 1, 0, 1);
  private static final IntradayProfile DEFAULT = new IntradayProfile(2.0, 0.06, 1.5, 0.04);

  private final double openAmplitude;
  private final double openDecay;
  private final double closeAmplitude;
  private final double closeDecay;

  private IntradayProfile(double openAmplitude, double openDecay, double closeAmplitude, double closeDecay) {
    this.openAmplitude = Checks.nonNegative(openAmplitude, "openAmplitude");
    this.openDecay = Checks.positive(openDecay, "openDecay");
    this.closeAmplitude = Checks.nonNegative(closeAmplitude, "closeAmplitude");
    this.closeDecay = Checks.positive(closeDecay, "closeDecay");
  }

  /** Returns the default U shape ({@code A = 2, a = 0.06, B = 1.5, b = 0.04}). */
  public static IntradayProfile uShaped() {
    return DEFAULT;
  }

  /**
   * Returns a U shape with the given parameters.
   *
   * @param openAmplitude {@code A}, the excess at the open over the midday level, &gt;= 0
   * @param openDecay {@code a}, the decay of the open excess as a fraction of the session, &gt; 0
   * @param closeAmplitude {@code B}, the excess at the close, &gt;= 0
   * @param closeDecay {@code b}, the decay of the close excess as a fraction of the session, &gt; 0
   * @return the profile
   */
  public static IntradayProfile uShaped(double openAmplitude, double openDecay, double closeAmplitude,
      double closeDecay) {
    return new IntradayProfile(openAmplitude, openDecay, closeAmplitude, closeDecay);
  }

  /** Returns a flat profile: every minute carries {@code 1 / n} of the session. */
  public static IntradayProfile flat() {
    return FLAT;
  }

  /**
   * Returns the weights of the {@code minutes} minutes of a session, each &gt; 0, summing to 1.
   *
   * @param minutes the session length in minutes, &gt; 0
   * @return a new array of weights
   */
  public double[] weights(int minutes) {
    Checks.positive(minutes, "minutes");
    double[] w = new double[minutes];
    double sum = 0;
    for (int k = 0; k < minutes; k++) {
      double x = (k + 0.5) / minutes;
      w[k] = 1.0 + openAmplitude * StrictMath.exp(-x / openDecay)
          + closeAmplitude * StrictMath.exp(-(1.0 - x) / closeDecay);
      sum += w[k];
    }
    for (int k = 0; k < minutes; k++) {
      w[k] /= sum;
    }
    return w;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntradayProfile p && p.openAmplitude == openAmplitude && p.openDecay == openDecay
        && p.closeAmplitude == closeAmplitude && p.closeDecay == closeDecay;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(openAmplitude) * 31 + Double.hashCode(openDecay) * 17 + Double.hashCode(closeAmplitude) * 7
        + Double.hashCode(closeDecay);
  }

  @Override
  public String toString() {
    return "IntradayProfile[A=" + openAmplitude + ", a=" + openDecay + ", B=" + closeAmplitude + ", b=" + closeDecay
        + "]";
  }
}
