package dev.parapet.orchestrator;

import dev.parapet.api.alert.Alert;
import dev.parapet.api.alert.AlertCategory;
import dev.parapet.api.alert.Severity;
import dev.parapet.monitoring.alert.Notification;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts the alert episodes raised per exchange day, by severity and category, from the notifications
 * of the alert stream. The alert system forgets an alert once its resolution is notified, so the
 * end-of-day report could not count the day's alerts from its current list alone; this tally keeps
 * them. An episode is one alert fingerprint with one start time, however many times it was notified.
 * <p>
 * Keeps the last {@value #KEEP_DAYS} days. Thread-safe (every method synchronised).
 */
final class AlertTally {

  static final int KEEP_DAYS = 10;

  private final ZoneId zone;
  private final TreeMap<LocalDate, Day> days = new TreeMap<>();

  private static final class Day {
    final Set<String> episodes = new HashSet<>();
    final Map<Severity, Map<AlertCategory, Long>> counts = new EnumMap<>(Severity.class);
  }

  AlertTally(ZoneId zone) {
    this.zone = zone;
  }

  /** Counts every alert of a notification not counted before. */
  synchronized void onNotification(Notification n) {
    for (Alert a : n.firing()) {
      count(a);
    }
    for (Alert a : n.resolved()) {
      count(a);
    }
  }

  /** Counts an alert episode (no-op if already counted). */
  synchronized void count(Alert a) {
    LocalDate date = a.startsAt().atZone(zone).toLocalDate();
    Day d = days.get(date);
    if (d == null) {
      if (!days.isEmpty() && date.isBefore(days.lastKey().minusDays(KEEP_DAYS))) {
        return;
      }
      d = new Day();
      days.put(date, d);
      while (days.size() > KEEP_DAYS) {
        days.pollFirstEntry();
      }
    }
    if (d.episodes.add(Long.toHexString(a.fingerprint()) + '@' + a.startsAt())) {
      d.counts.computeIfAbsent(a.severity(), k -> new EnumMap<>(AlertCategory.class))
          .merge(a.category(), 1L, Long::sum);
    }
  }

  /** Returns the counts of a day by severity then category (empty maps for a day without alerts). */
  synchronized Map<Severity, Map<AlertCategory, Long>> counts(LocalDate date) {
    Day d = days.get(date);
    Map<Severity, Map<AlertCategory, Long>> out = new TreeMap<>();
    if (d != null) {
      d.counts.forEach((s, m) -> out.put(s, new TreeMap<>(m)));
    }
    return out;
  }
}
