package dev.parapet.orchestrator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.parapet.orchestrator.internal.AtomicFiles;
import dev.parapet.orchestrator.status.StatusSnapshot;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes {@code status.json} atomically (temporary file, force, rename), so a reader sees the previous
 * snapshot or the new one, never half. Thread-safe.
 */
final class StatusWriter {

  /** The mapper used for status.json and the dashboard: ISO-8601 instants, nulls kept. */
  static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .registerModule(new Jdk8Module())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private final Path file;

  StatusWriter(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  synchronized void write(StatusSnapshot snapshot) throws IOException {
    AtomicFiles.write(file, JSON.writeValueAsBytes(snapshot));
  }
}
