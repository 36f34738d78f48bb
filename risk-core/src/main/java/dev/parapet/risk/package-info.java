/**
 * Expected shortfall, tail dependence, drawdown budgeting, crowding and the RiskGate.
 */
package dev.parapet.risk;
