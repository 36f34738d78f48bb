package dev.parapet.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.api.InvalidValueException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

  @Test
  void no_arguments_give_the_embedded_defaults() {
    DemoOptions o = DemoOptions.parse().orElseThrow();
    assertThat(o).isEqualTo(DemoOptions.defaults());
    assertThat(o.days()).isEqualTo(5);
    assertThat(o.speed()).isEqualTo(600.0);
    assertThat(o.host()).isEqualTo("127.0.0.1");
    assertThat(o.port()).isEqualTo(8080);
    assertThat(o.instruments()).isEqualTo(50);
    assertThat(o.dataDirectory()).isEmpty();
    assertThat(o.policy()).isEmpty();
    assertThat(o.exitWhenDone()).isFalse();
  }

  @Test
  void parses_every_option_in_both_forms() {
    DemoOptions o = DemoOptions.parse("--days", "3", "--speed=1200", "--seed", "-7", "--host", "0.0.0.0",
        "--port=0", "--data-dir", "d/x", "--policy", "p.json", "--instruments", "11", "--start=2024-03-04",
        "--exit-when-done").orElseThrow();
    assertThat(o).isEqualTo(new DemoOptions(3, 1200, -7, "0.0.0.0", 0, java.util.Optional.of(Path.of("d/x")),
        java.util.Optional.of(Path.of("p.json")), 11, LocalDate.of(2024, 3, 4), true));
    assertThat(DemoOptions.parse("--speed", "MAX").orElseThrow().speed()).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void help_asks_for_the_usage() {
    assertThat(DemoOptions.parse("--days", "2", "--help")).isEmpty();
    assertThat(DemoOptions.parse("-h")).isEmpty();
    assertThat(DemoOptions.USAGE).contains("--days", "--speed", "--seed", "--port", "--data-dir", "--policy");
  }

  @Test
  void mistakes_name_the_option_and_the_value() {
    assertThatThrownBy(() -> DemoOptions.parse("--days", "two")).isInstanceOf(InvalidValueException.class)
        .hasMessage("--days must be a whole number, was 'two'");
    assertThatThrownBy(() -> DemoOptions.parse("--days", "0")).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("days must be > 0, was 0");
    assertThatThrownBy(() -> DemoOptions.parse("--speed", "-1")).hasMessageContaining("speed must be > 0");
    assertThatThrownBy(() -> DemoOptions.parse("--speed", "fast")).hasMessage("--speed must be a number or 'max', was 'fast'");
    assertThatThrownBy(() -> DemoOptions.parse("--port", "70000")).hasMessageContaining("port must be in [0, 65535]");
    assertThatThrownBy(() -> DemoOptions.parse("--start", "2024-13-01")).hasMessageContaining("a date YYYY-MM-DD");
    assertThatThrownBy(() -> DemoOptions.parse("--seed")).hasMessageContaining("--seed must be a value after it");
    assertThatThrownBy(() -> DemoOptions.parse("--colour", "red")).hasMessageContaining("option must be one of")
        .hasMessageContaining("was --colour");
    assertThatThrownBy(() -> DemoOptions.parse("--exit-when-done=yes")).hasMessageContaining("no value");
  }
}
