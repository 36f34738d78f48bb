package dev.parapet.api.report;

import dev.parapet.api.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Boundary checks for the day record's collections and optional figures. */
final class Values {

  private Values() {
  }

  /** Returns an unmodifiable copy of a list, checking that neither it nor an element is null. */
  static <T> List<T> list(List<T> list, String field, String context) {
    Checks.notNull(list, field, context);
    List<T> copy = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      copy.add(Checks.notNull(list.get(i), field + "[" + i + "]", context));
    }
    return Collections.unmodifiableList(copy);
  }

  /** Checks an optional reference is not null itself. */
  static <T> Optional<T> optional(Optional<T> value, String field, String context) {
    return Checks.notNull(value, field, context);
  }

  /** Checks an optional double is not null and, when present, finite. */
  static OptionalDouble finite(OptionalDouble value, String field, String context) {
    Checks.notNull(value, field, context);
    if (value.isPresent()) {
      Checks.finite(value.getAsDouble(), field, context);
    }
    return value;
  }

  /** Checks an optional double is not null and, when present, finite and &gt; 0. */
  static OptionalDouble positive(OptionalDouble value, String field, String context) {
    Checks.notNull(value, field, context);
    if (value.isPresent()) {
      Checks.positive(value.getAsDouble(), field, context);
    }
    return value;
  }

  /** Checks an optional long is not null and, when present, &gt;= 0. */
  static OptionalLong nonNegative(OptionalLong value, String field, String context) {
    Checks.notNull(value, field, context);
    if (value.isPresent()) {
      Checks.nonNegative(value.getAsLong(), field, context);
    }
    return value;
  }

  /** Checks that the points' times strictly increase. */
  static void increasing(List<History.Point> points, String field) {
    Instant previous = null;
    for (int i = 0; i < points.size(); i++) {
      Instant t = points.get(i).time();
      if (previous != null) {
        Checks.check(t.isAfter(previous), field + "[" + i + "].time", t, "after the previous point's time " + previous);
      }
      previous = t;
    }
  }
}
