/**
 * The {@code parapet risk} subcommands: expected shortfall of a P&amp;L file, tail dependence of two series,
 * VaR/ES backtests and the crowding of a book. Register {@link dev.parapet.cli.risk.RiskCommand}.
 */
package dev.parapet.cli.risk;
