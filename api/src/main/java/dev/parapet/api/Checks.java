package dev.parapet.api;

import java.util.Objects;

/**
 * Boundary checks shared by every module. Each method returns its argument when valid and
 * otherwise throws an {@link InvalidValueException} naming the field, the value and the expectation.
 * <p>
 * The optional {@code context} argument (for example {@code "order ABC-17"}) is appended to the
 * message in parentheses; pass null for none. The checks themselves allocate nothing when the value
 * is valid, so they may be used on hot paths.
 */
public final class Checks {

  private Checks() {
  }

  /** Checks that a reference is not null. */
  public static <T> T notNull(T value, String field) {
    return notNull(value, field, null);
  }

  /** Checks that a reference is not null. */
  public static <T> T notNull(T value, String field, String context) {
    if (value == null) {
      throw new InvalidValueException(field, "null", "non-null", context);
    }
    return value;
  }

  /** Checks that a string is neither null nor blank. */
  public static String notBlank(String value, String field) {
    return notBlank(value, field, null);
  }

  /** Checks that a string is neither null nor blank. */
  public static String notBlank(String value, String field, String context) {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException(field, value == null ? "null" : "'" + value + "'", "a non-blank string", context);
    }
    return value;
  }

  /** Checks that a double is finite (neither NaN nor infinite). */
  public static double finite(double value, String field) {
    return finite(value, field, null);
  }

  /** Checks that a double is finite (neither NaN nor infinite). */
  public static double finite(double value, String field, String context) {
    if (!Double.isFinite(value)) {
      throw new InvalidValueException(field, Double.toString(value), "a finite number", context);
    }
    return value;
  }

  /** Checks that a double is finite and strictly positive. */
  public static double positive(double value, String field) {
    return positive(value, field, null);
  }

  /** Checks that a double is finite and strictly positive. */
  public static double positive(double value, String field, String context) {
    if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
      throw new InvalidValueException(field, Double.toString(value), "a finite number > 0", context);
    }
    return value;
  }

  /** Checks that a double is finite and not negative. */
  public static double nonNegative(double value, String field) {
    return nonNegative(value, field, null);
  }

  /** Checks that a double is finite and not negative. */
  public static double nonNegative(double value, String field, String context) {
    if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
      throw new InvalidValueException(field, Double.toString(value), "a finite number >= 0", context);
    }
    return value;
  }

  /** Checks that a long is strictly positive. */
  public static long positive(long value, String field) {
    return positive(value, field, null);
  }

  /** Checks that a long is strictly positive. */
  public static long positive(long value, String field, String context) {
    if (value <= 0) {
      throw new InvalidValueException(field, Long.toString(value), "> 0", context);
    }
    return value;
  }

  /** Checks that a long is not negative. */
  public static long nonNegative(long value, String field) {
    return nonNegative(value, field, null);
  }

  /** Checks that a long is not negative. */
  public static long nonNegative(long value, String field, String context) {
    if (value < 0) {
      throw new InvalidValueException(field, Long.toString(value), ">= 0", context);
    }
    return value;
  }

  /** Checks that an int is strictly positive. */
  public static int positive(int value, String field) {
    if (value <= 0) {
      throw new InvalidValueException(field, Integer.toString(value), "> 0", null);
    }
    return value;
  }

  /** Checks that a double lies in the closed interval {@code [min, max]}. */
  public static double inRange(double value, double min, double max, String field) {
    return inRange(value, min, max, field, null);
  }

  /** Checks that a double lies in the closed interval {@code [min, max]}. */
  public static double inRange(double value, double min, double max, String field, String context) {
    if (!(value >= min && value <= max)) {
      throw new InvalidValueException(field, Double.toString(value), "in [" + min + ", " + max + "]", context);
    }
    return value;
  }

  /** Checks that a probability or confidence level lies in the open interval {@code (0, 1)}. */
  public static double openUnitInterval(double value, String field) {
    if (!(value > 0 && value < 1)) {
      throw new InvalidValueException(field, Double.toString(value), "in (0, 1)", null);
    }
    return value;
  }

  /**
   * Checks that a price lies on the tick grid, i.e. is an integer multiple of {@code tickSize}.
   * <p>
   * {@code price / tickSize} is compared with the nearest whole number within {@code max(1e-9, 64 ulp)}
   * of the tick count: enough to absorb binary representation (0.07 is not exactly 7 cents) and a few
   * roundings, yet a fraction of a tick at any size, so that half a tick is refused also for large
   * prices and fine ticks (10,000,000.005 on a 0.01 grid, or a 1e-8 crypto tick).
   */
  public static double onTickGrid(double price, double tickSize, String field, String context) {
    double ticks = price / tickSize;
    if (Math.abs(ticks - Math.rint(ticks)) > Math.max(1e-9, 64 * Math.ulp(ticks))) {
      throw new InvalidValueException(field, Double.toString(price), "a multiple of the tick size " + tickSize, context);
    }
    return price;
  }

  /** Checks that a quantity is a whole number of lots. */
  public static long onLotGrid(long quantity, long lotSize, String field, String context) {
    if (quantity % lotSize != 0) {
      throw new InvalidValueException(field, Long.toString(quantity), "a multiple of the lot size " + lotSize, context);
    }
    return quantity;
  }

  /** Checks a general condition; {@code expected} says what a valid value looks like. */
  public static void check(boolean condition, String field, Object value, String expected) {
    check(condition, field, value, expected, null);
  }

  /** Checks a general condition; {@code expected} says what a valid value looks like. */
  public static void check(boolean condition, String field, Object value, String expected, String context) {
    if (!condition) {
      throw new InvalidValueException(field, Objects.toString(value), expected, context);
    }
  }
}
