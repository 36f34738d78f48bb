package dev.parapet.reporting.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.parapet.reporting.ReportDocument;
import dev.parapet.reporting.ReportOutput;
import dev.parapet.reporting.ReportRenderer;
import java.io.IOException;
import java.io.OutputStream;

/** Writes {@code report.json}, the report's JSON tree, pretty-printed in UTF-8. Thread-safe. */
public final class JsonReportRenderer implements ReportRenderer {

  /** The file this renderer writes. */
  public static final String FILE = "report.json";

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  @Override
  public void render(ReportDocument report, ReportOutput out) throws IOException {
    try (OutputStream os = out.create(FILE, "application/json")) {
      MAPPER.writeValue(os, report.json());
    }
  }
}
