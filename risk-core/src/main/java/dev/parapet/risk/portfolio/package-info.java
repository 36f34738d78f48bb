/**
 * Portfolio expected shortfall from a scenario matrix (instruments by scenarios of returns) and signed
 * exposures, with its Euler allocation to instruments (component ES, summing to the total), marginal ES and
 * the incremental ES of a proposed trade.
 */
package dev.parapet.risk.portfolio;
