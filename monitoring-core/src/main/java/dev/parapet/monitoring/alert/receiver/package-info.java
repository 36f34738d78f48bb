/**
 * Alert receivers: an slf4j log, a JSON Lines file, a webhook (JDK HttpClient, retries with backoff on its
 * own thread) and {@link dev.parapet.monitoring.alert.receiver.AlertStream}, the bounded in-memory stream a
 * dashboard subscribes to. {@link dev.parapet.monitoring.alert.receiver.AlertReceivers} builds them.
 */
package dev.parapet.monitoring.alert.receiver;
