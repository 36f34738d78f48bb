package dev.parapet.api.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.api.InvalidValueException;
import java.time.Instant;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class AlertTest {

  private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");

  private static void refuses(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOf(InvalidValueException.class).hasMessage(message);
  }

  private static Alert.Builder valid() {
    return Alert.builder("KillSwitchEngaged", Severity.CRITICAL, AlertCategory.COMPLIANCE).startsAt(T0);
  }

  @Test
  void refuses_bad_names_severity_category_and_labels() {
    refuses(() -> Alert.builder(" ", Severity.LOW, AlertCategory.RISK).startsAt(T0).build(),
        "name must be a non-blank string, was ' '");
    refuses(() -> Alert.builder("A", null, AlertCategory.RISK).startsAt(T0).build(),
        "severity must be non-null, was null (alert A)");
    refuses(() -> Alert.builder("A", Severity.LOW, null), "category must be non-null, was null (alert A)");
    refuses(() -> valid().label(null, "x"), "label name must be a non-blank string, was null (alert KillSwitchEngaged)");
    refuses(() -> valid().label(" ", "x"), "label name must be a non-blank string, was ' ' (alert KillSwitchEngaged)");
    refuses(() -> valid().label("account", null).build(), "label account must be non-null, was null (alert KillSwitchEngaged)");
    refuses(() -> valid().label(Alert.CATEGORY, "BOGUS").build(),
        "category must be one of RISK, COMPLIANCE, EXECUTION, DATA, SYSTEM, was BOGUS (alert KillSwitchEngaged)");
    refuses(() -> valid().annotation("", "x"), "annotation name must be a non-blank string, was '' (alert KillSwitchEngaged)");
    refuses(() -> valid().summary(null).build(), "annotation summary must be non-null, was null (alert KillSwitchEngaged)");
  }

  @Test
  void refuses_missing_start_and_an_end_before_the_start() {
    refuses(() -> valid().startsAt(null).build(), "startsAt must be non-null, was null (alert KillSwitchEngaged)");
    refuses(() -> valid().endsAt(T0.minusSeconds(1)).build(),
        "endsAt must be not before startsAt 2026-03-02T15:00:00Z, was 2026-03-02T14:59:59Z (alert KillSwitchEngaged)");
    refuses(() -> valid().build().resolvedAt(null), "time must be non-null, was null");
  }

  @Test
  void fingerprint_depends_on_name_and_labels_only() {
    Alert a = valid().label(Alert.ACCOUNT, "ACC").summary("one").build();
    Alert b = valid().label(Alert.ACCOUNT, "ACC").summary("two").startsAt(T0.plusSeconds(60)).build();
    Alert c = valid().label(Alert.ACCOUNT, "OTHER").build();
    assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).isNotEqualTo(c.fingerprint());
    assertThat(a.category()).isEqualTo(AlertCategory.COMPLIANCE);
    assertThat(a.resolvedAt(T0.plusSeconds(5)).isResolved()).isTrue();
    assertThat(a.resolvedAt(T0.plusSeconds(5)).fingerprint()).isEqualTo(a.fingerprint());
  }

  @Test
  void fingerprint_is_fnv1a_64_with_a_field_separator() {
    // FNV-1a 64 of the single byte "a" is 0xaf63dc4c8601ec8c (FNV reference test vectors, Fowler/Noll/Vo);
    // the fingerprint then folds in the 0xff field separator: (h ^ 0xff) * FNV prime 0x100000001b3.
    long expected = (0xaf63dc4c8601ec8cL ^ 0xff) * 0x100000001b3L;
    assertThat(Alert.fingerprint("a", Map.of())).isEqualTo(expected);
  }
}
