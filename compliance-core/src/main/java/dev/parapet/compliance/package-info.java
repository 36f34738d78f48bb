/**
 * Pre-trade and post-trade compliance: the rule engine ({@code rule}), the standard rule catalogue
 * ({@code rules}), policy files ({@code policy}), the {@code ComplianceGate} ({@code gate}), the kill
 * switch, the continuous post-trade sweep ({@code monitor}) and the tamper-evident audit journal.
 */
package dev.parapet.compliance;
