/**
 * TradingControls facade, task runner, schedules and status snapshot.
 */
package dev.parapet.orchestrator;
