package dev.parapet.compliance.rule;

/**
 * Limit comparisons shared by the rules, tolerant of binary floating-point noise.
 * <p>
 * A value is "at the limit" when it differs from the limit by at most {@code 1e-9} relative
 * ({@code 1e-9 * max(1, |limit|)}), and a value at the limit passes: limits are inclusive. Without the
 * tolerance, a limit price of 100.03 against a reference of 100.00 would be
 * {@code (100.03 - 100.00) / 0.01 = 3.0000000000001137} ticks and fail a 3-tick collar, and 3 units at
 * 1.10 would be {@code 3.3000000000000003} and fail a notional limit of 3.30.
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
