/**
 * Alerts and the sink every capability reports through: risk breaches, compliance violations, kill
 * switch changes, failed tasks, data-quality problems and execution rejects all become
 * {@link dev.parapet.api.alert.Alert}s published to an {@link dev.parapet.api.alert.AlertSink}.
 */
package dev.parapet.api.alert;
