/**
 * Rule engine, rule catalogue, kill switch, continuous monitoring and the audit journal.
 */
package dev.parapet.compliance;
