package dev.parapet.cli.compliance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.cli.UserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a JSON input file and its fields, turning every mistake into a {@link UserException} that names
 * the file, the JSON path, the value and what was expected.
 */
final class JsonInput {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final String what;
  private final Path file;

  JsonInput(String what, Path file) {
    this.what = what;
    this.file = file;
  }

  /** Reads the file as a JSON object. */
  JsonNode read() {
    String text = text();
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":" + e.getLocation()
          .getColumnNr();
      throw new UserException(what + " file " + file + where + " is not well-formed JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw fail("$", root == null || root.isMissingNode() ? "empty" : root.getNodeType().name().toLowerCase(),
          "a JSON object");
    }
    return root;
  }

  /** Reads the file as text. */
  String text() {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new UserException(what + " file " + file + " does not exist");
    } catch (IOException e) {
      throw new UserException("cannot read " + what + " file " + file + ": " + e.getMessage(), e);
    }
  }

  UserException fail(String path, String value, String expected) {
    return new UserException(what + " file " + file + ": " + path + ": expected " + expected + ", was " + value);
  }

  JsonNode field(JsonNode node, String name, String path, boolean required) {
    JsonNode v = node.get(name);
    if (v == null && required) {
      throw fail(path + "." + name, "missing", "a value");
    }
    return v;
  }

  String text(JsonNode node, String name, String path) {
    JsonNode v = field(node, name, path, true);
    if (!v.isTextual() || v.textValue().isBlank()) {
      throw fail(path + "." + name, v.toString(), "a non-blank string");
    }
    return v.textValue();
  }

  String text(JsonNode node, String name, String path, String absent) {
    return node.has(name) ? text(node, name, path) : absent;
  }

  double number(JsonNode node, String name, String path) {
    JsonNode v = field(node, name, path, true);
    if (!v.isNumber()) {
      throw fail(path + "." + name, v.toString(), "a number");
    }
    return v.doubleValue();
  }

  double number(JsonNode node, String name, String path, double absent) {
    return node.has(name) ? number(node, name, path) : absent;
  }

  long integer(JsonNode node, String name, String path) {
    JsonNode v = field(node, name, path, true);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw fail(path + "." + name, v.toString(), "an integer");
    }
    return v.longValue();
  }

  long integer(JsonNode node, String name, String path, long absent) {
    return node.has(name) ? integer(node, name, path) : absent;
  }

  JsonNode array(JsonNode node, String name, String path) {
    JsonNode v = node.get(name);
    if (v == null) {
      return JSON.createArrayNode();
    }
    if (!v.isArray()) {
      throw fail(path + "." + name, v.toString(), "an array");
    }
    return v;
  }

  JsonNode object(JsonNode node, String name, String path) {
    JsonNode v = node.get(name);
    if (v == null) {
      return JSON.createObjectNode();
    }
    if (!v.isObject()) {
      throw fail(path + "." + name, v.toString(), "an object");
    }
    return v;
  }

  <E extends Enum<E>> E enumValue(JsonNode node, String name, String path, Class<E> type, E absent) {
    if (!node.has(name)) {
      return absent;
    }
    String v = text(node, name, path);
    for (E c : type.getEnumConstants()) {
      if (c.name().equalsIgnoreCase(v)) {
        return c;
      }
    }
    throw fail(path + "." + name, "\"" + v + "\"", "one of " + java.util.Arrays.toString(type.getEnumConstants()));
  }
}
