package dev.parapet.api.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.api.InvalidValueException;
import dev.parapet.api.fixtures.TestInstruments;
import dev.parapet.api.model.Instrument;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class PositionTest {

  private static final Instrument AAPL = TestInstruments.AAPL;

  private static void refuses(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOf(InvalidValueException.class).hasMessage(message);
  }

  @Test
  void market_value_and_total_pnl() {
    Position p = new Position("ACC", AAPL, -100, 190, 25, -500, 195, 0, 10);
    // market value = -100 * 195 * 1 = -19,500; total = 25 + (-500) = -475
    assertThat(p.marketValue()).isEqualTo(-19_500.0);
    assertThat(p.totalPnl()).isEqualTo(-475.0);
  }

  @Test
  void refuses_bad_values() {
    refuses(() -> new Position(" ", AAPL, 0, 0, 0, 0, 1, 0, 0), "account must be a non-blank string, was ' '");
    refuses(() -> new Position("ACC", null, 0, 0, 0, 0, 1, 0, 0), "instrument must be non-null, was null");
    refuses(() -> new Position("ACC", AAPL, 0, -1, 0, 0, 1, 0, 0), "averageCost must be a finite number >= 0, was -1.0");
    refuses(() -> new Position("ACC", AAPL, 0, Double.NaN, 0, 0, 1, 0, 0), "averageCost must be a finite number >= 0, was NaN");
    refuses(() -> new Position("ACC", AAPL, 0, 0, Double.NaN, 0, 1, 0, 0), "realizedPnl must be a finite number, was NaN");
    refuses(() -> new Position("ACC", AAPL, 0, 0, 0, Double.NEGATIVE_INFINITY, 1, 0, 0),
        "unrealizedPnl must be a finite number, was -Infinity");
    refuses(() -> new Position("ACC", AAPL, 0, 0, 0, 0, 1, -1, 0), "pendingBuyQuantity must be >= 0, was -1");
    refuses(() -> new Position("ACC", AAPL, 0, 0, 0, 0, 1, 0, -1), "pendingSellQuantity must be >= 0, was -1");
  }
}
