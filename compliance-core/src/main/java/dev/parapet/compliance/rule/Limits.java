package dev.parapet.compliance.rule;

/**
 * Limit comparisons shared by the rules, tolerant of binary floating-point noise.
 * <p>
 * A value is "at the limit" when it differs from the limit by at most {@code 1e-9} relative
 * ({@code 1e-9 * max(1, |limit|)}), and a value at the limit passes: limits are inclusive. Without the
 * tolerance, {@code 100.05 - 100.00} (= 0.04999999999999716) would pass a 5-tick collar on one side
 * and {@code 0.07 * 100} (= 7.000000000000001) would fail a 7% one on the other.
 */
public final class Limits {

  /** The relative tolerance of limit comparisons. */
  public static final double RELATIVE_TOLERANCE = 1e-9;

  private Limits() {
  }

  /** Returns true when {@code value} is above {@code limit} by more than the tolerance (NaN counts as above). */
  public static boolean exceeds(double value, double limit) {
    return !(value <= limit + RELATIVE_TOLERANCE * Math.max(1.0, Math.abs(limit)));
  }

  /** Returns true when {@code after} is larger than {@code before} by more than the tolerance. */
  public static boolean increases(double before, double after) {
    return after > before + RELATIVE_TOLERANCE * Math.max(1.0, Math.abs(before));
  }
}
