package dev.parapet.api.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.api.InvalidValueException;
import dev.parapet.api.fixtures.TestInstruments;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Quote;
import dev.parapet.api.model.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ExecutionValuesTest {

  private static final Instant OPEN = Instant.parse("2024-03-04T14:30:00Z");
  private static final Instant CLOSE = Instant.parse("2024-03-04T21:00:00Z");

  private static MarketState.Builder state() {
    return MarketState.builder("AAPL", OPEN.plusSeconds(3_600)).quote(99.99, 100.01).averageDailyVolume(1e6)
        .dailyVolatility(0.02).session(OPEN, CLOSE);
  }

  @Test
  void market_state_defaults_and_derived_figures() {
    MarketState m = state().sessionVolume(12_345).build();
    assertThat(m.mid()).isCloseTo(100.0, within(1e-12));
    // (100.01 - 99.99) / 100 * 10,000 = 2 bps
    assertThat(m.spreadBps()).isCloseTo(2.0, within(1e-9));
    assertThat(m.typicalSpreadBps()).isCloseTo(2.0, within(1e-9));
    assertThat(m.realizedDailyVolatility()).isEqualTo(0.02);
    assertThat(m.volatilityRatio()).isEqualTo(1.0);
    assertThat(m.sessionLength()).isEqualTo(Duration.ofMinutes(390));
    // 97.5 minutes of a 390-minute session = 0.25 day
    assertThat(m.tradingDays(OPEN, OPEN.plusSeconds(5_850))).isCloseTo(0.25, within(1e-15));
    assertThat(m.sessionFraction(OPEN.minusSeconds(60))).isZero();
    assertThat(m.sessionFraction(CLOSE.plusSeconds(60))).isEqualTo(1.0);
    assertThat(m.toBuilder().realizedDailyVolatility(0.03).build().volatilityRatio()).isCloseTo(1.5, within(1e-12));
    MarketState fromQuote = state().quote(new Quote("AAPL", 10, 10.02, 300, 400, OPEN)).build();
    assertThat(fromQuote.bidSize()).isEqualTo(300);
    assertThat(fromQuote.askSize()).isEqualTo(400);
  }

  @Test
  void market_state_rejects_invalid_values_naming_the_field() {
    assertThatThrownBy(() -> state().quote(100.02, 100.01).build()).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("ask");
    assertThatThrownBy(() -> MarketState.builder("AAPL", OPEN).quote(1, 2).dailyVolatility(0.02).session(OPEN, CLOSE)
        .build()).isInstanceOf(InvalidValueException.class).hasMessageContaining("averageDailyVolume");
    assertThatThrownBy(() -> state().realizedDailyVolatility(Double.NaN).build())
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("realizedDailyVolatility");
    assertThatThrownBy(() -> state().session(CLOSE, OPEN).build()).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("sessionClose");
    assertThatThrownBy(() -> state().sessionVolume(-1).build()).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("sessionVolume");
  }

  @Test
  void slice_decision_validates_and_compares_by_value() {
    SliceDecision d = SliceDecision.of(100, Aggression.PASSIVE, Duration.ofSeconds(30));
    assertThat(d).isEqualTo(SliceDecision.of(100, Aggression.PASSIVE, Duration.ofSeconds(30)));
    assertThat(d.priceLimit()).isEmpty();
    assertThat(d.withPriceLimit(99.5).priceLimit()).hasValue(99.5);
    assertThatThrownBy(() -> SliceDecision.of(-1, Aggression.PASSIVE, Duration.ofSeconds(1)))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("targetQuantity");
    assertThatThrownBy(() -> SliceDecision.of(1, Aggression.PASSIVE, Duration.ZERO))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("recheckAfter");
    assertThatThrownBy(() -> d.withPriceLimit(Double.NaN)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("priceLimit");
  }

  @Test
  void parent_state_terminality_and_view_defaults() {
    assertThat(ParentOrderState.FILLED.isTerminal()).isTrue();
    assertThat(ParentOrderState.CANCELLED.isTerminal()).isTrue();
    assertThat(ParentOrderState.EXPIRED.isTerminal()).isTrue();
    assertThat(ParentOrderState.PARTIALLY_FILLED.isTerminal()).isFalse();
    OrderRequest order = TestInstruments.market("P1", "ACC", TestInstruments.AAPL, Side.BUY, 1_000);
    ParentOrderView v = new ParentOrderView() {
      @Override public OrderRequest order() {
        return order;
      }

      @Override public ParentOrderState state() {
        return ParentOrderState.PARTIALLY_FILLED;
      }

      @Override public String algoName() {
        return "X";
      }

      @Override public Instant startTime() {
        return OPEN;
      }

      @Override public Instant endTime() {
        return CLOSE;
      }

      @Override public double arrivalPrice() {
        return 100;
      }

      @Override public long marketVolumeAtStart() {
        return 0;
      }

      @Override public long filledQuantity() {
        return 400;
      }

      @Override public long openQuantity() {
        return 250;
      }

      @Override public double filledValue() {
        return 400 * 100.5;
      }

      @Override public double fees() {
        return 0;
      }

      @Override public int childOrderCount() {
        return 2;
      }

      @Override public int rejectCount() {
        return 0;
      }

      @Override public Instant lastUpdate() {
        return OPEN;
      }

      @Override public String statusReason() {
        return "";
      }
    };
    assertThat(v.clientOrderId()).isEqualTo("P1");
    assertThat(v.unreleasedQuantity()).isEqualTo(350);
    assertThat(v.leavesQuantity()).isEqualTo(600);
    assertThat(v.averageFillPrice()).isEqualTo(OptionalDouble.of(100.5));
  }
}
