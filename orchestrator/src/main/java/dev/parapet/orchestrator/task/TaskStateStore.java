package dev.parapet.orchestrator.task;

import dev.parapet.api.Checks;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers each task's last successful due time across restarts, for catching up missed daily runs.
 * Implementations are thread-safe.
 */
public interface TaskStateStore {

  /** Returns the due time of the task's last successful run, if any. */
  Optional<Instant> lastSuccess(String taskName);

  /** Records a successful run for the given due time. */
  void recordSuccess(String taskName, Instant scheduledTime);

  /** Returns a store that forgets everything when the process ends. */
  static TaskStateStore inMemory() {
    Map<String, Instant> map = new ConcurrentHashMap<>();
    return new TaskStateStore() {
      @Override
      public Optional<Instant> lastSuccess(String taskName) {
        return Optional.ofNullable(map.get(taskName));
      }

      @Override
      public void recordSuccess(String taskName, Instant scheduledTime) {
        map.merge(taskName, scheduledTime, (a, b) -> a.isAfter(b) ? a : b);
      }
    };
  }

  /**
   * Returns a store kept in a properties file, rewritten atomically (temporary file, then rename) on
   * every success.
   */
  static TaskStateStore file(Path file) {
    Checks.notNull(file, "file");
    Properties props = new Properties();
    if (Files.exists(file)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        props.load(r);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read task state " + file, e);
      }
    }
    return new TaskStateStore() {
      @Override
      public synchronized Optional<Instant> lastSuccess(String taskName) {
        String v = props.getProperty(taskName);
        return v == null ? Optional.empty() : Optional.of(Instant.parse(v));
      }

      @Override
      public synchronized void recordSuccess(String taskName, Instant scheduledTime) {
        Optional<Instant> old = lastSuccess(taskName);
        if (old.isPresent() && old.get().isAfter(scheduledTime)) {
          return;
        }
        props.setProperty(taskName, scheduledTime.toString());
        try {
          Path dir = file.toAbsolutePath().getParent();
          Files.createDirectories(dir);
          Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
          try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            props.store(w, "Parapet task state: last successful due time per task");
          }
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write task state " + file, e);
        }
      }
    };
  }
}
