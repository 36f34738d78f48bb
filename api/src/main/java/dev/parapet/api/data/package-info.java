/**
 * Market history as the capabilities read it: the {@link dev.parapet.api.data.HistoryStore} of bars and
 * corporate actions, and the values it returns (aligned {@link dev.parapet.api.data.ReturnMatrix}es, intraday
 * {@link dev.parapet.api.data.VolumeProfile}s) with the {@link dev.parapet.api.data.ImputationPolicy} that fills gaps.
 */
package dev.parapet.api.data;
