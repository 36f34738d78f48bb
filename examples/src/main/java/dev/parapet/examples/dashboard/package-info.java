/**
 * The live dashboard: a JSON API, a Server-Sent Events stream of alerts and one plain HTML page, served by
 * the JDK's own HTTP server from a {@link dev.parapet.examples.dashboard.DashboardSource}.
 */
package dev.parapet.examples.dashboard;
