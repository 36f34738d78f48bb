package dev.parapet.monitoring.alert.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.monitoring.alert.Notification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertStreamTest {

  private static Notification n(int i) {
    return new Notification(Notification.Kind.GROUP, "dashboard", "g" + i, Map.of(), List.of(), List.of(),
        Instant.EPOCH.plusSeconds(i), 0, 0);
  }

  @Test
  void keeps_the_last_notifications_oldest_first() {
    AlertStream stream = AlertReceivers.stream(3);
    assertThat(stream.recent()).isEmpty();
    for (int i = 1; i <= 5; i++) {
      stream.deliver(n(i));
    }
    assertThat(stream.recent()).extracting(Notification::groupKey).containsExactly("g3", "g4", "g5");
    assertThat(stream.total()).isEqualTo(5);
  }

  @Test
  void listeners_see_new_notifications_until_they_unsubscribe() {
    AlertStream stream = AlertStream.create(10);
    List<String> seen = new ArrayList<>();
    AlertStream.Subscription sub = stream.subscribe(x -> seen.add(x.groupKey()));
    stream.subscribe(x -> {
      throw new IllegalStateException("broken listener");
    });
    stream.deliver(n(1));
    sub.close();
    stream.deliver(n(2));
    assertThat(seen).containsExactly("g1");
    assertThat(stream.listenerErrors()).isEqualTo(2);
    assertThat(stream.recent()).hasSize(2);
  }
}
