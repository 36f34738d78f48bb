/**
 * Parapet's stable API: the domain values, the position book, the market calendar and the small
 * interfaces through which a host reaches every capability. {@link dev.parapet.api.Checks} is the one
 * boundary checker every module uses.
 */
package dev.parapet.api;
