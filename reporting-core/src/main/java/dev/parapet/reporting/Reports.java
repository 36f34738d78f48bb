package dev.parapet.reporting;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.api.Checks;
import dev.parapet.api.InvalidValueException;
import dev.parapet.api.report.DayRecord;
import dev.parapet.api.report.ReportException;
import dev.parapet.api.report.ReportGenerator;
import dev.parapet.reporting.internal.CsvReportRenderer;
import dev.parapet.reporting.internal.DayRecordCodec;
import dev.parapet.reporting.internal.HtmlReportRenderer;
import dev.parapet.reporting.internal.JsonReportRenderer;
import dev.parapet.reporting.internal.ReportCalculator;
import java.util.List;

/**
 * Entry points of the reporting module: the default {@link ReportGenerator}, the built-in renderers, and
 * composing a report's JSON tree from a {@link DayRecord}.
 * <p>
 * The report's JSON (schema {@code parapet.eod-report}, version {@value #SCHEMA_VERSION}) is an object
 * with {@code schema}, {@code schemaVersion}, {@code date}, {@code portfolio}, {@code baseCurrency},
 * {@code record} (the day record exactly as given, in its own JSON form, so that a report can be
 * re-rendered from it) and {@code derived} (every figure computed from the record: totals, returns,
 * aggregates, shares, the headline and the attention list). Absent figures are JSON null. A change that
 * removes or renames a field, or changes its meaning, increments the version; adding fields does not.
 */
public final class Reports {

  /** The schema name of the report JSON. */
  public static final String SCHEMA = "parapet.eod-report";
  /** The version of the report JSON schema. */
  public static final int SCHEMA_VERSION = 1;

  private Reports() {
  }

  /** Returns the built-in renderers: JSON, HTML and CSV. */
  public static List<ReportRenderer> standardRenderers() {
    return List.of(new JsonReportRenderer(), new HtmlReportRenderer(), new CsvReportRenderer());
  }

  /** Returns the default generator writing the standard formats into a store, with default options. */
  public static ReportGenerator generator(ReportStore store) {
    return generator(store, ReportOptions.defaults(), standardRenderers());
  }

  /**
   * Returns the default generator.
   *
   * @param store where reports are written
   * @param options the generator's options
   * @param renderers the renderers, run in order; each file name may be created by one renderer only
   */
  public static ReportGenerator generator(ReportStore store, ReportOptions options, List<ReportRenderer> renderers) {
    Checks.notNull(store, "store");
    Checks.notNull(options, "options");
    List<ReportRenderer> rs = List.copyOf(Checks.notNull(renderers, "renderers"));
    Checks.check(!rs.isEmpty(), "renderers", rs, "at least one renderer");
    return day -> {
      ReportDocument doc = compose(day, options);
      return store.write(day.date(), out -> {
        for (ReportRenderer r : rs) {
          r.render(doc, out);
        }
      });
    };
  }

  /**
   * Composes a report's JSON tree from a day record, deriving every computed figure.
   *
   * @throws ReportException if a figure cannot be derived
   */
  public static ReportDocument compose(DayRecord day, ReportOptions options) {
    Checks.notNull(day, "day");
    Checks.notNull(options, "options");
    try {
      ObjectNode root = JsonNodeFactory.instance.objectNode();
      root.put("schema", SCHEMA);
      root.put("schemaVersion", SCHEMA_VERSION);
      root.put("date", day.date().toString());
      root.put("portfolio", day.portfolio());
      root.put("baseCurrency", day.baseCurrency().getCurrencyCode());
      root.set("record", DayRecordCodec.write(day));
      root.set("derived", new ReportCalculator(options.topContributors(), options.topMovers()).derive(day));
      return new ReportDocument(day, root);
    } catch (InvalidValueException | ArithmeticException e) {
      throw new ReportException("cannot compose the report of " + day.date() + ": " + e.getMessage(), e);
    }
  }
}
