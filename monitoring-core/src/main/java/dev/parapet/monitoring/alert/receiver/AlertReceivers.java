package dev.parapet.monitoring.alert.receiver;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Alert;
import dev.parapet.api.alert.Severity;
import dev.parapet.monitoring.alert.AlertReceiver;
import dev.parapet.monitoring.alert.Notification;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the standard receivers: {@link #log()}, {@link #jsonLines(Path)}, {@link #webhook(URI)} (see
 * {@link WebhookReceiver#builder} for its options) and {@link #stream(int)}.
 */
public final class AlertReceivers {

  private AlertReceivers() {
  }

  /**
   * Returns a receiver that logs each notification as one line through slf4j logger
   * {@code dev.parapet.alerts}: ERROR when a CRITICAL alert fires, WARN for HIGH, INFO otherwise. Thread-safe.
   */
  public static AlertReceiver log() {
    return log(LoggerFactory.getLogger("dev.parapet.alerts"));
  }

  /** Returns a log receiver writing to the given logger. */
  public static AlertReceiver log(Logger logger) {
    Checks.notNull(logger, "logger");
    return n -> {
      Severity top = null;
      for (Alert a : n.firing()) {
        top = top == null || a.severity().compareTo(top) > 0 ? a.severity() : top;
      }
      String line = describe(n);
      if (top == Severity.CRITICAL) {
        logger.error("{}", line);
      } else if (top == Severity.HIGH) {
        logger.warn("{}", line);
      } else {
        logger.info("{}", line);
      }
    };
  }

  /** Returns a one-line description of a notification, as the log receiver writes it. */
  public static String describe(Notification n) {
    StringBuilder sb = new StringBuilder();
    sb.append('[').append(n.kind()).append("] ").append(n.receiver()).append(' ').append(n.status()).append(' ')
        .append(n.groupKey()).append(": ").append(n.firing().size()).append(" firing, ")
        .append(n.resolved().size()).append(" resolved");
    if (n.kind() == Notification.Kind.STORM_SUMMARY) {
      sb.append(", ").append(n.foldedNotifications()).append(" notifications with ").append(n.foldedAlerts())
          .append(" alerts held back by the rate limit");
    }
    int shown = 0;
    for (Alert a : n.alerts()) {
      if (shown++ == 10) {
        sb.append("; ...");
        break;
      }
      sb.append(shown == 1 ? ": " : "; ").append(a.name()).append(' ').append(a.severity())
          .append(a.isResolved() ? " resolved" : "").append(' ').append(a.labels());
      String summary = a.annotations().get(Alert.SUMMARY);
      if (summary != null) {
        sb.append(" - ").append(summary);
      }
    }
    return sb.toString();
  }

  /**
   * Returns a receiver appending each notification as one JSON line ({@link NotificationJson}) to a file,
   * creating the file and its directory if needed; each line is flushed before {@code deliver} returns.
   * Thread-safe. An I/O failure surfaces as an {@link UncheckedIOException}, which the alert system counts and
   * logs.
   */
  public static AlertReceiver jsonLines(Path file) {
    return new JsonLinesReceiver(Checks.notNull(file, "file"));
  }

  /** Returns a webhook receiver with default settings (see {@link WebhookReceiver.Builder}). */
  public static WebhookReceiver webhook(URI uri) {
    return WebhookReceiver.builder(uri).build();
  }

  /** Returns an in-memory stream keeping the last {@code capacity} notifications. */
  public static AlertStream stream(int capacity) {
    return AlertStream.create(capacity);
  }

  private static final class JsonLinesReceiver implements AlertReceiver {
    private final Path file;
    private BufferedWriter writer;

    JsonLinesReceiver(Path file) {
      this.file = file;
    }

    @Override
    public synchronized void deliver(Notification n) {
      try {
        if (writer == null) {
          Path parent = file.toAbsolutePath().getParent();
          if (parent != null) {
            Files.createDirectories(parent);
          }
          writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
              StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        }
        writer.write(NotificationJson.toJson(n));
        writer.newLine();
        writer.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot append alert notification to " + file + ": " + e.getMessage(), e);
      }
    }

    @Override
    public synchronized void close() {
      if (writer != null) {
        try {
          writer.close();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
        } finally {
          writer = null;
        }
      }
    }

    @Override
    public String toString() {
      return "JsonLinesReceiver{" + file + "}";
    }
  }
}
