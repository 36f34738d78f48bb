/**
 * Real-time monitoring: {@link dev.parapet.monitoring.RealTimeMonitor} samples an account's NAV and exposures
 * each minute into a {@link dev.parapet.monitoring.MonitorSnapshot} of the seventeen metrics plus exposure,
 * leverage and turnover. Metric calculators live in {@code metrics}, the alert system in {@code alert}.
 */
package dev.parapet.monitoring;
