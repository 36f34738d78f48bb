/**
 * Implementation of the reporting module: the figures derived from a day record, the renderers, SVG charts
 * and the day record's JSON codec. Not API: use {@link dev.parapet.reporting.Reports}.
 */
package dev.parapet.reporting.internal;
