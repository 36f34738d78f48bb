/**
 * Validation of VaR and ES models against realised P&amp;L: Kupiec's proportion-of-failures test,
 * Christoffersen's independence and conditional-coverage tests, the Acerbi–Szekely Z2 test for ES and the
 * Basel traffic light. Start from {@link dev.parapet.risk.backtest.Backtests}.
 */
package dev.parapet.risk.backtest;
