/**
 * The {@link dev.parapet.compliance.gate.ComplianceGate}: the pre-trade compliance gate that runs every
 * applicable rule of the policy in force, honours the kill switch, and reloads policies atomically.
 */
package dev.parapet.compliance.gate;
