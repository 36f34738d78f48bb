/**
 * The live status snapshot: what {@code status.json} holds and what {@code TradingControls.status()}
 * returns. Plain records that Jackson serialises; absent figures are JSON nulls.
 */
package dev.parapet.orchestrator.status;
