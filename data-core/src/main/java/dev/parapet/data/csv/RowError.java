package dev.parapet.data.csv;

import dev.parapet.api.Checks;
import java.nio.file.Path;

/**
 * A CSV row that was not imported, with where it is and why.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param file the file
 * @param line the 1-based line number
 * @param message what is wrong, naming the column and value
 */
public record RowError(Path file, long line, String message) {

  /** Validates the fields. */
  public RowError {
    Checks.notNull(file, "file");
    Checks.positive(line, "line");
    Checks.notBlank(message, "message");
  }

  /** Returns {@code file:line: message}. */
  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
