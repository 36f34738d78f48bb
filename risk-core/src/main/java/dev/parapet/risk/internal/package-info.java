/**
 * Helpers shared by the risk packages: Acerbi–Tasche tail arithmetic, selection without sorting, sample
 * moments and the top-k tail buffer of the gate's hot path. Not API: hosts should not use these directly.
 */
package dev.parapet.risk.internal;
