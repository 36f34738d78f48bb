package dev.parapet.compliance.policy;

import dev.parapet.api.Checks;

/**
 * One problem found in a policy: where (a JSON path such as
 * {@code $.accounts.FUND-A.rules[2].params.maxNotional}), the offending value as JSON text (or
 * {@code missing}), and what was expected. Immutable and thread-safe.
 *
 * @param path the JSON path of the offending element
 * @param value the value found, as JSON text, or {@code missing}
 * @param expected what a valid value looks like
 */
public record PolicyProblem(String path, String value, String expected) {

  /** Validates the fields. */
  public PolicyProblem {
    Checks.notBlank(path, "path");
    Checks.notNull(value, "value");
    Checks.notBlank(expected, "expected");
  }

  /** Returns the problem as one line: {@code path: expected X, was V}. */
  @Override
  public String toString() {
    return path + ": expected " + expected + ", was " + value;
  }
}
