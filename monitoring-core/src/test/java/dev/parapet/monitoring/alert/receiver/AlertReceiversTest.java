package dev.parapet.monitoring.alert.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.api.alert.Alert;
import dev.parapet.api.alert.AlertCategory;
import dev.parapet.api.alert.Severity;
import dev.parapet.monitoring.alert.AlertReceiver;
import dev.parapet.monitoring.alert.Notification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertReceiversTest {

  private static final Instant T0 = Instant.parse("2025-03-03T15:00:00Z");

  private static Alert alert(String account) {
    return Alert.builder("OrderRejected", Severity.HIGH, AlertCategory.EXECUTION).label(Alert.ACCOUNT, account)
        .summary("price collar").startsAt(T0).build();
  }

  @Test
  void json_lines_appends_one_parsable_line_per_notification(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("alerts/notifications.jsonl");
    AlertReceiver receiver = AlertReceivers.jsonLines(file);
    receiver.deliver(new Notification(Notification.Kind.GROUP, "file", "0{}", Map.of(), List.of(alert("ACC1")),
        List.of(), T0, 0, 0));
    receiver.deliver(new Notification(Notification.Kind.GROUP, "file", "0{}", Map.of(), List.of(),
        List.of(alert("ACC1").resolvedAt(T0.plusSeconds(60))), T0.plusSeconds(60), 0, 0));
    receiver.close();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    ObjectMapper json = new ObjectMapper();
    JsonNode first = json.readTree(lines.get(0));
    assertThat(first.get("status").asText()).isEqualTo("firing");
    assertThat(first.get("alerts").get(0).get("startsAt").asText()).isEqualTo("2025-03-03T15:00:00Z");
    assertThat(first.get("alerts").get(0).get("fingerprint").asText())
        .isEqualTo(String.format("%016x", alert("ACC1").fingerprint()));
    JsonNode second = json.readTree(lines.get(1));
    assertThat(second.get("status").asText()).isEqualTo("resolved");
    assertThat(second.get("alerts").get(0).get("endsAt").asText()).isEqualTo("2025-03-03T15:01:00Z");
  }

  @Test
  void log_line_names_the_group_alerts_and_summary() {
    Notification n = new Notification(Notification.Kind.STORM_SUMMARY, "ops", "storm-summary/ops", Map.of(),
        List.of(alert("ACC1")), List.of(), T0, 4, 6);
    assertThat(AlertReceivers.describe(n)).isEqualTo("[STORM_SUMMARY] ops firing storm-summary/ops: 1 firing, "
        + "0 resolved, 4 notifications with 6 alerts held back by the rate limit: OrderRejected HIGH "
        + "{account=ACC1, category=EXECUTION} - price collar");
    // logging itself must not throw without a logging backend
    AlertReceivers.log().deliver(n);
  }
}
