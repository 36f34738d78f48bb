package dev.parapet.risk.backtest;

/** The zones of the Basel backtesting traffic light. */
public enum TrafficLightZone {
  /** The model is acceptable: fewer exceptions than the 95% binomial quantile. */
  GREEN,
  /** Inconclusive: the capital multiplier rises with the exceptions. */
  YELLOW,
  /** The model is presumed wrong: at least the 99.99% binomial quantile of exceptions. */
  RED
}
