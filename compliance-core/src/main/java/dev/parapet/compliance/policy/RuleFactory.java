package dev.parapet.compliance.policy;

import dev.parapet.compliance.rule.ComplianceRule;
import dev.parapet.compliance.rule.RuleContext;

/**
 * Creates a rule of one type from its policy entry. Registered in a {@link RuleCatalogue} under the
 * type name used in policy files.
 * <p>
 * A factory reads its parameters through the {@link RuleConfig} getters (which record a problem, with
 * the JSON path, for a missing or mistyped parameter) and passes the config's {@link RuleConfig#id()},
 * description, severity and enforcement to the rule. Value checks in the rule's constructor that throw
 * {@link dev.parapet.api.InvalidValueException} naming the parameter become problems at that
 * parameter's path. Parameters the factory never reads are reported as unknown.
 */
@FunctionalInterface
public interface RuleFactory {

  /**
   * Creates the rule.
   *
   * @param config the rule's policy entry
   * @param context the clock, calendar and rule state the rule may use
   * @return the rule, whose id is {@code config.id()}
   */
  ComplianceRule create(RuleConfig config, RuleContext context);
}
