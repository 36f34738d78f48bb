/**
 * Crowding of a book: concentration (HHI, effective number of positions, Gini, top-N share) by instrument,
 * sector and issuer; correlation structure (correlation matrix, average pairwise correlation, absorption
 * ratio) and hierarchical correlation clustering; and a LOW / MEDIUM / HIGH level with the figures behind it.
 */
package dev.parapet.risk.crowding;
