package dev.parapet.examples.dashboard;

import dev.parapet.api.Checks;
import java.util.Map;

/**
 * One alert as the dashboard shows it. The fingerprint is the alert's 64-bit fingerprint written as 16
 * lower-case hexadecimal digits, because JavaScript numbers cannot hold 64 bits exactly.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param fingerprint the fingerprint, 16 hexadecimal digits
 * @param name the alert name, e.g. {@code DrawdownBudgetBreached}
 * @param severity the severity name ({@code INFO}, {@code WARNING}, {@code CRITICAL}, ...)
 * @param category the category name ({@code RISK}, {@code COMPLIANCE}, ...)
 * @param state {@code FIRING}, {@code SUPPRESSED} or {@code RESOLVED}
 * @param summary the one-line summary, empty when none
 * @param startsAt when the condition started, ISO-8601
 * @param acknowledged true once someone acknowledged it
 * @param acknowledgedBy who acknowledged it, empty when nobody has
 * @param labels the identifying labels
 */
public record AlertView(String fingerprint, String name, String severity, String category, String state,
    String summary, String startsAt, boolean acknowledged, String acknowledgedBy, Map<String, String> labels) {

  /** Validates and copies the fields. */
  public AlertView {
    Checks.notBlank(fingerprint, "fingerprint");
    Checks.check(fingerprint.length() == 16 && fingerprint.chars().allMatch(c -> Character.digit(c, 16) >= 0
        && !Character.isUpperCase(c)), "fingerprint", fingerprint, "16 lower-case hexadecimal digits");
    String ctx = "alert " + fingerprint;
    Checks.notBlank(name, "name", ctx);
    Checks.notBlank(severity, "severity", ctx);
    Checks.notBlank(category, "category", ctx);
    Checks.notBlank(state, "state", ctx);
    Checks.notNull(summary, "summary", ctx);
    Checks.notBlank(startsAt, "startsAt", ctx);
    Checks.notNull(acknowledgedBy, "acknowledgedBy", ctx);
    labels = Map.copyOf(Checks.notNull(labels, "labels", ctx));
  }

  /** Writes a fingerprint as 16 lower-case hexadecimal digits. */
  public static String hex(long fingerprint) {
    return String.format("%016x", fingerprint);
  }

  /**
   * Parses a fingerprint written as 1 to 16 hexadecimal digits.
   *
   * @throws dev.parapet.api.InvalidValueException if it is not
   */
  public static long parseFingerprint(String text) {
    Checks.notNull(text, "fingerprint");
    Checks.check(!text.isEmpty() && text.length() <= 16 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0),
        "fingerprint", text, "1 to 16 hexadecimal digits");
    return Long.parseUnsignedLong(text, 16);
  }
}
