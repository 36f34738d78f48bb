/**
 * Data-quality checks of bar history: the {@link dev.parapet.data.quality.QualityCheck}s, the issues they
 * raise, the {@link dev.parapet.data.quality.BarSeriesChecker} that runs them over one instrument's series,
 * and the per-run {@link dev.parapet.data.quality.QualityReport} kept in the database.
 */
package dev.parapet.data.quality;
