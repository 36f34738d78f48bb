/**
 * Compliance policies: the JSON file that selects rules and their parameters per account and strategy,
 * its validation (a bad policy is refused whole, with every problem's JSON path) and the rule catalogue
 * that maps rule types to factories, which hosts extend with their own rules.
 */
package dev.parapet.compliance.policy;
