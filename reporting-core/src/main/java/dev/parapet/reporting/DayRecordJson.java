package dev.parapet.reporting;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.parapet.api.Checks;
import dev.parapet.api.report.DayRecord;
import dev.parapet.reporting.internal.DayRecordCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JSON form of a {@link DayRecord} (schema {@code parapet.day-record}, version 1): what
 * {@code parapet report --input FILE} reads, what a host can produce from its own records, and what a
 * report embeds under {@code record}.
 * <p>
 * Field names are the record components' names; dates are {@code YYYY-MM-DD}, instants ISO-8601 UTC
 * ({@code 2024-03-15T20:15:00Z}), enums their constant names, absent optional values null or left out,
 * absent lists empty or left out. Unknown fields are refused, so a typo does not silently drop a figure.
 * Errors name the JSON path: {@code $.pnl.lines[2].realizedPnl: expected a number, was "abc"}.
 * Stateless and thread-safe.
 */
public final class DayRecordJson {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private DayRecordJson() {
  }

  /**
   * Parses a day record from JSON text.
   *
   * @throws DayRecordFormatException if the text is not valid JSON or not a valid day record
   */
  public static DayRecord parse(String json) {
    Checks.notNull(json, "json");
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new DayRecordFormatException("$", "not valid JSON" + where + ": " + e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode()) {
      throw new DayRecordFormatException("$", "the input is empty");
    }
    return DayRecordCodec.read(root);
  }

  /**
   * Reads a day record from a UTF-8 JSON file.
   *
   * @throws IOException if the file cannot be read
   * @throws DayRecordFormatException if it is not a valid day record
   */
  public static DayRecord read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Returns the JSON text of a day record, pretty-printed. */
  public static String toJson(DayRecord day) {
    try {
      return MAPPER.writeValueAsString(DayRecordCodec.write(Checks.notNull(day, "day")));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree failed to serialise", e);
    }
  }

  /** Writes a day record to a file as UTF-8 JSON. */
  public static void write(DayRecord day, Path file) throws IOException {
    Files.writeString(file, toJson(day), StandardCharsets.UTF_8);
  }
}
