package dev.parapet.api.model;

import static dev.parapet.api.model.InstrumentTest.refuses;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderEventTest {

  private static final Instant T = Instant.parse("2026-03-02T15:00:00Z");

  @Test
  void accepts_an_empty_reason() {
    assertThat(new OrderEvent("C1", OrderEvent.Type.CANCELLED, "", T).reason()).isEmpty();
  }

  @Test
  void refuses_bad_values() {
    refuses(() -> new OrderEvent(" ", OrderEvent.Type.ACKNOWLEDGED, "", T), "childOrderId must be a non-blank string, was ' '");
    refuses(() -> new OrderEvent("C1", null, "", T), "type must be non-null, was null (event on C1)");
    refuses(() -> new OrderEvent("C1", OrderEvent.Type.REJECTED, null, T), "reason must be non-null, was null (event on C1)");
    refuses(() -> new OrderEvent("C1", OrderEvent.Type.EXPIRED, "", null), "timestamp must be non-null, was null (event on C1)");
  }
}
