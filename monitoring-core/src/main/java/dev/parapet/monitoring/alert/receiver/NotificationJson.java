package dev.parapet.monitoring.alert.receiver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.api.alert.Alert;
import dev.parapet.monitoring.alert.Notification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a {@link Notification}, shaped like Alertmanager's webhook payload (version 4): receiver,
 * status, group key and labels, and the alerts with their status, labels, annotations, start and end times and
 * fingerprint; plus Parapet's {@code kind}, {@code severity} per alert and the storm-summary counts.
 * Stateless and thread-safe.
 */
public final class NotificationJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private NotificationJson() {
  }

  /** Returns the notification as an ordered map of plain values. */
  public static Map<String, Object> toMap(Notification n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", "4");
    m.put("kind", n.kind().name());
    m.put("receiver", n.receiver());
    m.put("status", n.status());
    m.put("groupKey", n.groupKey());
    m.put("groupLabels", n.groupLabels());
    m.put("time", n.time().toString());
    List<Map<String, Object>> alerts = new ArrayList<>();
    for (Alert a : n.firing()) {
      alerts.add(alert(a, "firing"));
    }
    for (Alert a : n.resolved()) {
      alerts.add(alert(a, "resolved"));
    }
    m.put("alerts", alerts);
    if (n.kind() == Notification.Kind.STORM_SUMMARY) {
      m.put("foldedNotifications", n.foldedNotifications());
      m.put("foldedAlerts", n.foldedAlerts());
    }
    return m;
  }

  private static Map<String, Object> alert(Alert a, String status) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", status);
    m.put("name", a.name());
    m.put("severity", a.severity().name());
    m.put("labels", a.labels());
    m.put("annotations", a.annotations());
    m.put("startsAt", a.startsAt().toString());
    m.put("endsAt", a.endsAt().map(Object::toString).orElse(null));
    m.put("fingerprint", String.format("%016x", a.fingerprint()));
    return m;
  }

  /** Returns the notification as one line of compact JSON. */
  public static String toJson(Notification n) {
    try {
      return JSON.writeValueAsString(toMap(n));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write notification as JSON: " + e.getMessage(), e);
    }
  }
}
