package dev.parapet.monitoring.alert;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Alert;
import java.util.List;

/**
 * An inhibition rule, as Alertmanager's {@code inhibit_rules}: while an alert matching every source matcher
 * fires, alerts matching every target matcher that have equal values of the {@code equal} labels are muted
 * (a missing label counts as the empty value on both sides). An alert never inhibits itself, and when the
 * target also matches the source side, only sources that do not match the target side inhibit it
 * (Alertmanager's two-sided rule).
 * <p>
 * Example: a CRITICAL {@code KillSwitchEngaged} alert mutes the HIGH {@code OrderRejected} alerts of the same
 * account: {@code InhibitRule.of(List.of(Matcher.alertName("KillSwitchEngaged")),
 * List.of(Matcher.alertName("OrderRejected")), List.of("account"))}.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param sourceMatchers matchers of the inhibiting alerts, not empty
 * @param targetMatchers matchers of the muted alerts, not empty
 * @param equal labels whose values must be equal in source and target
 */
public record InhibitRule(List<Matcher> sourceMatchers, List<Matcher> targetMatchers, List<String> equal) {

  /** Validates and copies the fields. */
  public InhibitRule {
    sourceMatchers = List.copyOf(Checks.notNull(sourceMatchers, "sourceMatchers"));
    targetMatchers = List.copyOf(Checks.notNull(targetMatchers, "targetMatchers"));
    equal = List.copyOf(Checks.notNull(equal, "equal"));
    Checks.check(!sourceMatchers.isEmpty(), "sourceMatchers", sourceMatchers, "not empty");
    Checks.check(!targetMatchers.isEmpty(), "targetMatchers", targetMatchers, "not empty");
  }

  /** Returns a rule. */
  public static InhibitRule of(List<Matcher> sourceMatchers, List<Matcher> targetMatchers, List<String> equal) {
    return new InhibitRule(sourceMatchers, targetMatchers, equal);
  }

  boolean sourceMatches(Alert a) {
    return all(sourceMatchers, a);
  }

  boolean targetMatches(Alert a) {
    return all(targetMatchers, a);
  }

  String equalKey(Alert a) {
    StringBuilder sb = new StringBuilder();
    for (String label : equal) {
      sb.append(Matcher.labelValue(a, label)).append('\u0000');
    }
    return sb.toString();
  }

  static boolean all(List<Matcher> matchers, Alert a) {
    for (int i = 0, n = matchers.size(); i < n; i++) {
      if (!matchers.get(i).matches(a)) {
        return false;
      }
    }
    return true;
  }
}
