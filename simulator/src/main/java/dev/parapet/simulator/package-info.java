/**
 * A seeded simulated market for tests, benchmarks and the example: correlated fat-tailed prices with
 * volatility regimes, U-shaped intraday volume, volatility-scaled spreads, quotes, bars, daily history,
 * return scenarios and fault injection. Start at {@link dev.parapet.simulator.SimulatedMarket#builder()}.
 */
package dev.parapet.simulator;
