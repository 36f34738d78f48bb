/**
 * Continuous (post-trade) compliance: the sweep of the whole book against every rule's post-trade
 * check, finding passive breaches, and the life of each violation (NEW, ONGOING, RESOLVED), reported once
 * when it opens and once when it closes.
 */
package dev.parapet.compliance.monitor;
