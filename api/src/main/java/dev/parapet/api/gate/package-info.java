/**
 * The pre-trade gate contract: a {@link dev.parapet.api.gate.TradeGate} checks an order against a
 * portfolio view and records a decision with every reason and the figures behind it. Gates are
 * fail-closed: an internal failure becomes a rejection with {@link dev.parapet.api.gate.ReasonCode#INTERNAL_ERROR}.
 */
package dev.parapet.api.gate;
