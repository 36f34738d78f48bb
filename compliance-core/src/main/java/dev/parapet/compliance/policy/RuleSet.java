package dev.parapet.compliance.policy;

import dev.parapet.compliance.rule.ComplianceRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The ordered rules that apply to one scope of a policy (the defaults, an account, or an account and
 * strategy). Indexed access ({@link #size()}, {@link #get(int)}) allocates nothing, for the gate's hot
 * path. Immutable and thread-safe (the rules themselves are invoked under the rule context lock).
 */
public final class RuleSet implements Iterable<ComplianceRule> {

  private final ComplianceRule[] rules;

  RuleSet(List<ComplianceRule> rules) {
    this.rules = rules.toArray(new ComplianceRule[0]);
  }

  /** Returns the number of rules. */
  public int size() {
    return rules.length;
  }

  /** Returns the rule at an index in {@code [0, size())}. */
  public ComplianceRule get(int index) {
    return rules[index];
  }

  /** Returns the rule with an id, if the set has it. */
  public Optional<ComplianceRule> find(String id) {
    for (ComplianceRule r : rules) {
      if (r.id().equals(id)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** Returns the rule ids in order. */
  public List<String> ids() {
    List<String> ids = new ArrayList<>(rules.length);
    for (ComplianceRule r : rules) {
      ids.add(r.id());
    }
    return List.copyOf(ids);
  }

  /** Returns the rules as a list. */
  public List<ComplianceRule> toList() {
    return List.of(rules);
  }

  @Override
  public Iterator<ComplianceRule> iterator() {
    return Arrays.asList(rules).iterator();
  }

  @Override
  public String toString() {
    return ids().toString();
  }
}
