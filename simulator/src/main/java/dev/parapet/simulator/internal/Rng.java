package dev.parapet.simulator.internal;

/**
 * A small, fully specified pseudo-random generator so that a seed gives the same numbers on every JDK
 * and platform: SplitMix64 for the bits (Steele, Lea &amp; Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014, §3), the Marsaglia polar method for normals (Marsaglia &amp; Bray, SIAM Review
 * 6(3), 1964) and Marsaglia &amp; Tsang (ACM TOMS 26(3), 2000) for gamma variates. Transcendental
 * functions go through {@link StrictMath}, whose results are specified bit for bit.
 * <p>
 * Not thread-safe: each stream is confined to one thread.
 */
public final class Rng {

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private long state;
  private double spareGaussian;
  private boolean hasSpare;

  private Rng(long state) {
    this.state = state;
  }

  /** Creates a generator from a seed. */
  public static Rng of(long seed) {
    return new Rng(seed);
  }

  /**
   * Derives an independent stream from a seed and a stream number, so that streams used for different
   * purposes (price path, volume, venue, faults) never share draws.
   */
  public static Rng stream(long seed, long streamId) {
    return new Rng(mix(seed ^ mix(streamId * GOLDEN + 0x632BE59BD9B4E019L)));
  }

  /** The SplitMix64 finaliser: a bijective mix of 64 bits. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Returns the next 64 random bits. */
  public long nextLong() {
    state += GOLDEN;
    return mix(state);
  }

  /** Returns a uniform double in [0, 1). */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Returns a uniform double in (0, 1]: safe to take the logarithm of. */
  public double nextOpenDouble() {
    return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
  }

  /** Returns a uniform double in [lo, hi). */
  public double uniform(double lo, double hi) {
    return lo + (hi - lo) * nextDouble();
  }

  /** Returns true with probability {@code p}. */
  public boolean bernoulli(double p) {
    return nextDouble() < p;
  }

  /** Returns a standard normal variate (Marsaglia polar method). */
  public double nextGaussian() {
    if (hasSpare) {
      hasSpare = false;
      return spareGaussian;
    }
    double u;
    double v;
    double s;
    do {
      u = 2.0 * nextDouble() - 1.0;
      v = 2.0 * nextDouble() - 1.0;
      s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    double m = Math.sqrt(-2.0 * StrictMath.log(s) / s);
    spareGaussian = v * m;
    hasSpare = true;
    return u * m;
  }

  /** Returns an exponential variate with mean 1. */
  public double nextExponential() {
    return -StrictMath.log(nextOpenDouble());
  }

  /**
   * Returns a gamma variate with the given shape and scale 1 (Marsaglia &amp; Tsang 2000; for a shape
   * below 1 the boost {@code G(a) = G(a + 1) U^(1/a)} of the same paper, §6).
   */
  public double nextGamma(double shape) {
    if (shape < 1.0) {
      return nextGamma(shape + 1.0) * StrictMath.pow(nextOpenDouble(), 1.0 / shape);
    }
    double d = shape - 1.0 / 3.0;
    double c = 1.0 / Math.sqrt(9.0 * d);
    while (true) {
      double x;
      double v;
      do {
        x = nextGaussian();
        v = 1.0 + c * x;
      } while (v <= 0.0);
      v = v * v * v;
      double u = nextOpenDouble();
      if (u < 1.0 - 0.0331 * x * x * x * x) {
        return d * v;
      }
      if (StrictMath.log(u) < 0.5 * x * x + d * (1.0 - v + StrictMath.log(v))) {
        return d * v;
      }
    }
  }

  /** Returns a chi-square variate with {@code dof} degrees of freedom: {@code 2 G(dof / 2)}. */
  public double nextChiSquared(double dof) {
    return 2.0 * nextGamma(0.5 * dof);
  }
}
