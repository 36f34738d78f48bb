/**
 * Expected shortfall, tail dependence, drawdown budgeting, crowding and the RiskGate. Sub-packages hold one
 * concept each: {@code es} (estimators), {@code portfolio} (component and incremental ES), {@code backtest},
 * {@code tail}, {@code drawdown}, {@code crowding} and {@code gate}. Risk figures are losses as positive numbers.
 */
package dev.parapet.risk;
