/**
 * Real-time metrics and the alert system.
 */
package dev.parapet.monitoring;
