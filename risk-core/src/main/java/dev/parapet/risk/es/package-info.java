/**
 * Value at risk and expected shortfall of one P&amp;L or return series at any confidence level (default 97.5%,
 * the FRTB level): historical (Acerbi–Tasche), normal, Student-t by maximum likelihood, Cornish–Fisher,
 * filtered historical simulation and a peaks-over-threshold GPD tail. Start from {@link dev.parapet.risk.es.RiskEstimators}.
 */
package dev.parapet.risk.es;
