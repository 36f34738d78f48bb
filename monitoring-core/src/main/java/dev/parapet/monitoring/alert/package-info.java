/**
 * The alert system, modelled on Prometheus Alertmanager: {@link dev.parapet.monitoring.alert.AlertSystem}
 * deduplicates alerts by fingerprint, groups them per route, applies inhibition rules and silences, routes
 * them through a tree of {@link dev.parapet.monitoring.alert.Route}s (with context conditions such as market
 * hours), escalates unacknowledged critical alerts and folds notification storms into summaries.
 */
package dev.parapet.monitoring.alert;
