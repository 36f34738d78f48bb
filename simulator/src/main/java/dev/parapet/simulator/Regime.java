package dev.parapet.simulator;

/** The volatility regime of the simulated market: a two-state Markov chain (see {@link RegimeModel}). */
public enum Regime {
  /** Normal conditions: each instrument trades at its calm volatility and average volume. */
  CALM,
  /** Stressed conditions: volatility, spreads and volume are scaled up by the {@link RegimeModel} ratios. */
  STRESSED
}
