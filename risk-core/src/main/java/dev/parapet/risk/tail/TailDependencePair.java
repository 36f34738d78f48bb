package dev.parapet.risk.tail;

import dev.parapet.api.Checks;

/**
 * A pair of instruments whose tail dependence exceeds the threshold. Immutable and thread-safe.
 *
 * @param first the first instrument id
 * @param second the second instrument id
 * @param lower the lower tail dependence
 * @param upper the upper tail dependence
 */
public record TailDependencePair(String first, String second, double lower, double upper) {

  /** Validates the fields. */
  public TailDependencePair {
    Checks.notBlank(first, "first");
    Checks.notBlank(second, "second");
  }
}
