package dev.parapet.compliance.policy;

import dev.parapet.api.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rule types a policy may name, each with its {@link RuleFactory}. The standard catalogue is
 * {@code StandardRules.catalogue()}; hosts add their own types with {@link #with(String, RuleFactory)}.
 * Immutable and thread-safe.
 */
public final class RuleCatalogue {

  private final Map<String, RuleFactory> factories;

  private RuleCatalogue(Map<String, RuleFactory> factories) {
    this.factories = Collections.unmodifiableMap(factories);
  }

  /** Returns an empty catalogue. */
  public static RuleCatalogue empty() {
    return new RuleCatalogue(new LinkedHashMap<>());
  }

  /**
   * Returns a catalogue with one more rule type.
   *
   * @param type the type name used in policy files: lower case letters, digits and hyphens
   * @param factory the factory
   * @return the new catalogue
   * @throws dev.parapet.api.InvalidValueException if the name is malformed or already taken
   */
  public RuleCatalogue with(String type, RuleFactory factory) {
    Checks.notBlank(type, "type");
    Checks.check(type.matches("[a-z0-9]+(-[a-z0-9]+)*"), "type", type, "lower case words joined by hyphens");
    Checks.check(!factories.containsKey(type), "type", type, "not already in the catalogue");
    Checks.notNull(factory, "factory", "rule type " + type);
    Map<String, RuleFactory> copy = new LinkedHashMap<>(factories);
    copy.put(type, factory);
    return new RuleCatalogue(copy);
  }

  /** Returns the factory of a type, if the catalogue has it. */
  public Optional<RuleFactory> find(String type) {
    return Optional.ofNullable(factories.get(type));
  }

  /** Returns the type names, sorted. */
  public Set<String> types() {
    return Collections.unmodifiableSet(new TreeSet<>(factories.keySet()));
  }
}
