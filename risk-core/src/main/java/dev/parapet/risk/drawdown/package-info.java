/**
 * Drawdown budgeting with automatic de-leveraging: tiers map the share of a drawdown budget used (from the
 * high-water mark) to a maximum gross leverage; crossing a tier emits a de-leverage instruction and an
 * alert, blocks risk-increasing orders, and recovery follows with hysteresis. Start from
 * {@link dev.parapet.risk.drawdown.DrawdownController#builder()}.
 */
package dev.parapet.risk.drawdown;
