package dev.parapet.compliance.rules;

import static dev.parapet.api.fixtures.TestInstruments.AAPL;
import static dev.parapet.api.fixtures.TestInstruments.JPM;
import static dev.parapet.api.fixtures.TestInstruments.MSFT;
import static dev.parapet.api.fixtures.TestInstruments.market;
import static dev.parapet.compliance.rules.RuleFixture.ACC;
import static dev.parapet.compliance.rules.RuleFixture.HARD;
import static dev.parapet.compliance.rules.RuleFixture.SEV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.api.InvalidValueException;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.Side;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SectorConcentrationRuleTest {

  private final RuleFixture f = new RuleFixture();
  private final SectorConcentrationRule rule = new SectorConcentrationRule("sector", "d", SEV, HARD, 25);

  @BeforeEach
  void book() {
    // NAV 1,000,000; Information Technology: AAPL 100,000 + MSFT 100,000 = 20%
    f.book.deposit(ACC, 1_000_000);
    f.fill(ACC, AAPL, Side.BUY, 1_000, 100.0);
    f.fill(ACC, MSFT, Side.BUY, 1_000, 100.0);
    f.book.mark("JPM", 100.0);
  }

  @Test
  void passes_other_sectors_and_exactly_the_limit() {
    assertThat(f.check(rule, market("O1", ACC, JPM, Side.BUY, 2_000)).reasons()).isEmpty();
    // 200,000 + 500 x 100 = 250,000 = 25% of NAV exactly
    assertThat(f.check(rule, market("O2", ACC, MSFT, Side.BUY, 500)).reasons()).isEmpty();
  }

  @Test
  void rejects_order_that_takes_the_sector_over_the_limit_counting_open_orders() {
    f.book.reserve(market("OPEN", ACC, AAPL, Side.BUY, 400), 100.0); // pending 40,000: worst case 24%
    GateDecision d = f.check(rule, market("O1", ACC, MSFT, Side.BUY, 101)); // 240,000 + 10,100 = 25.01%
    assertThat(d.reasons()).singleElement().satisfies(r -> {
      assertThat(r.code()).isEqualTo(ReasonCode.SECTOR_CONCENTRATION);
      assertThat(r.value()).isCloseTo(25.01, Offset.offset(1e-9));
    });
    assertThat(f.check(rule, market("O2", ACC, MSFT, Side.SELL, 101)).reasons()).isEmpty();
  }

  @Test
  void post_trade_finds_the_sector_after_prices_rise() {
    assertThat(f.sweep(rule, ACC)).isEmpty();
    f.book.mark("AAPL", 160.0);
    f.book.mark("MSFT", 160.0); // 320,000 / 1,120,000 = 28.57%
    assertThat(f.sweep(rule, ACC)).singleElement().satisfies(b -> {
      assertThat(b.subject()).isEqualTo("sector:Information Technology");
      assertThat(b.value()).isCloseTo(320_000.0 / 1_120_000.0 * 100, Offset.offset(1e-9));
    });
  }

  @Test
  void refuses_a_limit_outside_0_to_100() {
    assertThatThrownBy(() -> new SectorConcentrationRule("s", "d", SEV, HARD, 0))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("maxPercentOfNav");
    assertThatThrownBy(() -> new SectorConcentrationRule("s", "d", SEV, HARD, 101))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("in [0.0, 100.0]");
  }
}
