/**
 * Transaction cost analysis: implementation shortfall against the decision and arrival prices
 * (Perold 1988) decomposed into delay, timing, impact, opportunity cost and fees, slippage against
 * interval VWAP and TWAP, and achieved participation, per parent order and aggregated.
 */
package dev.parapet.execution.tca;
