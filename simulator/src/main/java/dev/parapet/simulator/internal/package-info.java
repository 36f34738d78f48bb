/**
 * The simulator's implementation: the market and venue engines, random streams, correlated shocks and
 * the history and scenario generators. Not API: reach it through {@code SimulatedMarket.builder()}.
 */
package dev.parapet.simulator.internal;
