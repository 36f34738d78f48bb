/**
 * The {@link dev.parapet.risk.gate.RiskGate}: a pre-trade gate that checks each order's pro-forma expected
 * shortfall (including open-order reservations) against absolute and NAV-relative limits and the drawdown
 * state, incrementally and without allocating; and the {@link dev.parapet.risk.gate.ScenarioProvider} that
 * feeds it per-instrument return scenarios.
 */
package dev.parapet.risk.gate;
