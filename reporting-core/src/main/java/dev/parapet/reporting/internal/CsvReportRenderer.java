package dev.parapet.reporting.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.reporting.ReportDocument;
import dev.parapet.reporting.ReportOutput;
import dev.parapet.reporting.ReportRenderer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the report's tables as CSV (RFC 4180: comma separated, CRLF line ends, fields with a comma,
 * quote or line break quoted, UTF-8). Every file is written every day, with its header even when the
 * table is empty, so that consumers see the same set of files; absent figures are empty fields.
 * Stateless and thread-safe.
 */
public final class CsvReportRenderer implements ReportRenderer {

  /** The CSV files written, in order. */
  public static final List<String> FILES = List.of("pnl_by_instrument.csv", "pnl_by_sector.csv", "pnl_by_strategy.csv",
      "component_es.csv", "exposures_by_sector.csv", "exposures_by_issuer.csv", "execution_orders.csv",
      "compliance_rules.csv", "compliance_violations.csv", "kill_switch_events.csv", "alerts_open.csv", "metrics.csv");

  @Override
  public void render(ReportDocument report, ReportOutput out) throws IOException {
    JsonNode rec = report.json().path("record");
    JsonNode der = report.json().path("derived");
    write(out, FILES.get(0), der.path("pnl").path("byInstrument"), List.of("instrumentId", "symbol", "sector", "strategy",
        "quantity", "markPrice", "markStatus", "marketValue", "realized", "unrealized", "total"));
    List<String> group = List.of("name", "realized", "unrealized", "total", "marketValue");
    write(out, FILES.get(1), der.path("pnl").path("bySector"), group);
    write(out, FILES.get(2), der.path("pnl").path("byStrategy"), group);
    write(out, FILES.get(3), rec.path("risk").path("componentEs"), List.of("instrumentId", "sector", "componentEs"));
    List<String> exposure = List.of("name", "long", "short", "gross", "net", "grossPctNav");
    write(out, FILES.get(4), der.path("risk").path("exposures").path("bySector"), exposure);
    write(out, FILES.get(5), der.path("risk").path("exposures").path("byIssuer"), exposure);
    write(out, FILES.get(6), der.path("execution").path("orders"), List.of("orderId", "instrumentId", "strategy", "side",
        "algorithm", "status", "quantity", "filledQuantity", "fillRate", "arrivalNotional", "filledNotional",
        "shortfall.delay", "shortfall.impact", "shortfall.timing", "shortfall.opportunity", "shortfall.fees",
        "shortfall.total", "shortfallBps", "slippageVsVwapBps", "slippageVsTwapBps", "participation"));
    write(out, FILES.get(7), der.path("compliance").path("byRule"), List.of("ruleId", "rejections", "warnings"));
    write(out, FILES.get(8), rec.path("compliance").path("violations"), List.of("violationId", "ruleId", "subject",
        "severity", "openedAt", "resolvedAt", "detail"));
    write(out, FILES.get(9), rec.path("compliance").path("killSwitchEvents"), List.of("time", "action", "trigger",
        "actor", "reason"));
    write(out, FILES.get(10), rec.path("alerts").path("openAlerts"), List.of("name", "severity", "category",
        "startsAt", "summary", "acknowledged"));
    JsonNode metrics = der.path("metrics");
    StringBuilder b = new StringBuilder("name,value,note\r\n");
    for (String part : List.of("standard", "other")) {
      for (JsonNode m : metrics.path(part)) {
        b.append(field(m.path("name"))).append(',').append(field(m.path("value"))).append(',')
            .append(field(m.path("note"))).append("\r\n");
      }
    }
    emit(out, FILES.get(11), b);
  }

  private static void write(ReportOutput out, String file, JsonNode rows, List<String> columns) throws IOException {
    StringBuilder b = new StringBuilder(1024);
    for (int i = 0; i < columns.size(); i++) {
      b.append(i == 0 ? "" : ",").append(quote(columns.get(i)));
    }
    b.append("\r\n");
    for (JsonNode row : rows) {
      for (int i = 0; i < columns.size(); i++) {
        JsonNode v = row;
        for (String part : columns.get(i).split("\\.")) {
          v = v.path(part);
        }
        b.append(i == 0 ? "" : ",").append(field(v));
      }
      b.append("\r\n");
    }
    emit(out, file, b);
  }

  private static void emit(ReportOutput out, String file, StringBuilder b) throws IOException {
    try (OutputStream os = out.create(file, "text/csv; charset=utf-8")) {
      os.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String field(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "";
    }
    if (v.isNumber()) {
      return v.asText();
    }
    return quote(v.asText());
  }

  /** Quotes a field when it holds a comma, a quote or a line break (RFC 4180 section 2). */
  static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
