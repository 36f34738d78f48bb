/**
 * The execution commands: {@code parapet execution schedule} (the Almgren–Chriss optimal trajectory)
 * and {@code parapet tca} (transaction cost analysis of recorded fills against market data).
 */
package dev.parapet.cli.execution;
