package dev.parapet.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.api.InvalidValueException;
import org.junit.jupiter.api.Test;

class MarketCalendarsTest {

  @Test
  void of_returns_the_calendar_of_a_known_code_case_insensitively() {
    assertThat(MarketCalendars.of("XNYS")).isSameAs(MarketCalendars.XNYS);
    assertThat(MarketCalendars.of(" xnys ")).isSameAs(MarketCalendars.XNYS);
  }

  @Test
  void of_refuses_an_unknown_code_and_lists_the_known_ones() {
    assertThatThrownBy(() -> MarketCalendars.of("XLON")).isInstanceOf(InvalidValueException.class)
        .hasMessage("exchange must be a known market identifier code, one of [XNYS], was 'XLON'");
    assertThatThrownBy(() -> MarketCalendars.of(" ")).isInstanceOf(InvalidValueException.class)
        .hasMessage("exchange must be a non-blank string, was ' '");
    assertThatThrownBy(() -> MarketCalendars.of(null)).isInstanceOf(InvalidValueException.class)
        .hasMessage("exchange must be a non-blank string, was null");
  }

  @Test
  void available_lists_the_codes_and_is_read_only() {
    assertThat(MarketCalendars.available()).containsExactly("XNYS");
    assertThatThrownBy(() -> MarketCalendars.available().add("XLON")).isInstanceOf(UnsupportedOperationException.class);
  }
}
