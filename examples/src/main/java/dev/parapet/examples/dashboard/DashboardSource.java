package dev.parapet.examples.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.api.report.ReportArchive;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the dashboard shows and changes: the status snapshot, the alerts and their stream, the kill switch
 * and the report archive. The example runner adapts {@code TradingControls} to it; tests use a fake.
 * <p>
 * Contract: implementations are thread-safe. The dashboard calls them from its HTTP threads while the host
 * trades on its own thread.
 */
public interface DashboardSource {

  /**
   * Returns the current status snapshot as a JSON object, shaped like {@code status.json}: at least
   * {@code generatedAt}, and the sections {@code metrics}, {@code risk}, {@code compliance} and
   * {@code execution} when the host has them.
   */
  JsonNode status();

  /** Returns the alerts the host holds now (firing, suppressed or recently resolved), newest first. */
  List<AlertView> alerts();

  /**
   * Subscribes to new and changed alerts from now on; the listener runs on the host's thread and must
   * return quickly.
   *
   * @return the subscription; closing it unsubscribes
   */
  Subscription subscribeAlerts(Consumer<AlertView> listener);

  /**
   * Acknowledges a firing alert.
   *
   * @param fingerprint the alert's fingerprint
   * @param by who acknowledges
   * @param comment a note, may be empty
   * @return false if no such alert is firing
   */
  boolean acknowledgeAlert(long fingerprint, String by, String comment);

  /** Engages the kill switch (idempotent) and returns whether it is engaged afterwards. */
  boolean engageKillSwitch(String by, String reason);

  /** Resets the kill switch (idempotent) and returns whether it is engaged afterwards. */
  boolean resetKillSwitch(String by, String reason);

  /** Returns the end-of-day report archive. */
  ReportArchive reports();

  /** A subscription to the alert stream; {@link #close()} ends it. */
  @FunctionalInterface
  interface Subscription extends AutoCloseable {
    /** Unsubscribes; idempotent. */
    @Override
    void close();
  }
}
