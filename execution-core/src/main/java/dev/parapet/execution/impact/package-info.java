/**
 * Market impact models (linear Almgren–Chriss, the square-root law, Almgren–Thum–Hauptmann–Li 2005),
 * pre-trade cost estimates for a trade schedule, the Almgren–Chriss optimal trajectory, and
 * least-squares calibration of impact coefficients from recorded executions.
 */
package dev.parapet.execution.impact;
