/**
 * The rule engine contract: {@link dev.parapet.compliance.rule.ComplianceRule} and its base class, and
 * the {@link dev.parapet.compliance.rule.RuleContext} holding the state stateful rules read (message
 * history, resting orders, locates, halts, average daily volumes, start-of-day NAV) with its hooks.
 */
package dev.parapet.compliance.rule;
