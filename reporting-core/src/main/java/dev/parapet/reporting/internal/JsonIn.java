package dev.parapet.reporting.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.api.InvalidValueException;
import dev.parapet.reporting.DayRecordFormatException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;

/** A JSON value with its path, read with errors that name the path, the value and the expectation. */
final class JsonIn {

  private final JsonNode node;
  private final String path;

  JsonIn(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  String path() {
    return path;
  }

  DayRecordFormatException error(String message) {
    return new DayRecordFormatException(path, message);
  }

  /** Checks this is an object whose fields are all among {@code allowed}. */
  JsonIn object(String... allowed) {
    if (!node.isObject()) {
      throw error("expected an object, was " + describe(node));
    }
    List<String> names = Arrays.asList(allowed);
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!names.contains(name)) {
        throw new DayRecordFormatException(path + "." + name, "unknown field (expected one of " + names + ")");
      }
    }
    return this;
  }

  JsonIn field(String name) {
    JsonNode child = node.get(name);
    if (child == null || child.isNull()) {
      throw new DayRecordFormatException(path + "." + name, "required field is missing");
    }
    return new JsonIn(child, path + "." + name);
  }

  Optional<JsonIn> optField(String name) {
    JsonNode child = node.get(name);
    if (child == null || child.isNull()) {
      return Optional.empty();
    }
    return Optional.of(new JsonIn(child, path + "." + name));
  }

  double num() {
    if (!node.isNumber()) {
      throw error("expected a number, was " + describe(node));
    }
    double v = node.doubleValue();
    if (!Double.isFinite(v)) {
      throw error("expected a finite number, was " + node.asText());
    }
    return v;
  }

  long integer() {
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw error("expected an integer, was " + describe(node));
    }
    return node.longValue();
  }

  int int32() {
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw error("expected an integer, was " + describe(node));
    }
    return node.intValue();
  }

  String str() {
    if (!node.isTextual()) {
      throw error("expected a string, was " + describe(node));
    }
    return node.textValue();
  }

  boolean bool() {
    if (!node.isBoolean()) {
      throw error("expected true or false, was " + describe(node));
    }
    return node.booleanValue();
  }

  LocalDate date() {
    String s = str();
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw error("expected a date YYYY-MM-DD, was \"" + s + "\"");
    }
  }

  Instant instant() {
    String s = str();
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw error("expected an ISO-8601 instant such as 2024-03-15T20:15:00Z, was \"" + s + "\"");
    }
  }

  <E extends Enum<E>> E enumOf(Class<E> type) {
    String s = str();
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(s)) {
        return e;
      }
    }
    throw error("expected one of " + Arrays.toString(type.getEnumConstants()) + ", was \"" + s + "\"");
  }

  <T> List<T> list(Function<JsonIn, T> element) {
    if (!node.isArray()) {
      throw error("expected an array, was " + describe(node));
    }
    List<T> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      out.add(element.apply(new JsonIn(node.get(i), path + "[" + i + "]")));
    }
    return out;
  }

  /** A field that is an array, or an empty list when the field is absent or null. */
  <T> List<T> listField(String name, Function<JsonIn, T> element) {
    return optField(name).map(f -> f.list(element)).orElse(List.of());
  }

  OptionalDouble optNum(String name) {
    Optional<JsonIn> f = optField(name);
    return f.isPresent() ? OptionalDouble.of(f.get().num()) : OptionalDouble.empty();
  }

  OptionalLong optLong(String name) {
    Optional<JsonIn> f = optField(name);
    return f.isPresent() ? OptionalLong.of(f.get().integer()) : OptionalLong.empty();
  }

  /** Builds a value, turning a validation failure into a format error at this path. */
  <T> T build(Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (InvalidValueException e) {
      throw error(e.getMessage());
    }
  }

  private static String describe(JsonNode n) {
    if (n.isTextual()) {
      return "\"" + n.textValue() + "\"";
    }
    if (n.isObject()) {
      return "an object";
    }
    if (n.isArray()) {
      return "an array";
    }
    return n.toString();
  }
}
