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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExposureLimitRuleTest {

  private static final double NONE = Double.NaN;
  private final RuleFixture f = new RuleFixture();

  @BeforeEach
  void book() {
    // NAV 1,000,000: long AAPL 300,000, short MSFT 100,000 -> gross 400,000, net 200,000
    f.book.deposit(ACC, 1_000_000);
    f.fill(ACC, AAPL, Side.BUY, 3_000, 100.0);
    f.fill(ACC, MSFT, Side.SELL_SHORT, 1_000, 100.0);
    f.book.mark("JPM", 100.0);
  }

  private ExposureLimitRule rule(double gross, double net, double grossPct, double netPct) {
    return new ExposureLimitRule("exposure", "d", SEV, HARD, gross, net, grossPct, netPct);
  }

  @Test
  void passes_order_within_gross_and_net_limits_and_exactly_at_them() {
    ExposureLimitRule r = rule(500_000, 300_000, NONE, NONE);
    // buy 1,000 JPM: gross 500,000 (= limit), net 300,000 (= limit)
    assertThat(f.check(r, market("O1", ACC, JPM, Side.BUY, 1_000)).reasons()).isEmpty();
    assertThat(f.check(r, market("O2", ACC, JPM, Side.BUY, 999)).reasons()).isEmpty();
  }

  @Test
  void rejects_gross_and_net_breaches_together() {
    ExposureLimitRule r = rule(500_000, 300_000, NONE, NONE);
    GateDecision d = f.check(r, market("O1", ACC, JPM, Side.BUY, 1_001));
    assertThat(d.reasons()).extracting(x -> x.code()).containsExactly(ReasonCode.GROSS_EXPOSURE,
        ReasonCode.NET_EXPOSURE);
    assertThat(d.reasons().get(0).value()).isEqualTo(500_100.0);
    assertThat(d.reasons().get(1).value()).isEqualTo(300_100.0);
  }

  @Test
  void net_limit_counts_pending_orders_on_both_sides_exactly() {
    // pending: buy 500 JPM (+50,000) and sell short 4,000 JPM (-400,000):
    // netHigh = 200,000 + 50,000 = 250,000; netLow = 200,000 - 400,000 = -200,000
    f.book.reserve(market("B", ACC, JPM, Side.BUY, 500), 100.0);
    f.book.reserve(market("S", ACC, JPM, Side.SELL_SHORT, 4_000), 100.0);
    ExposureLimitRule r = rule(NONE, 300_000, NONE, NONE);
    // a further buy of 500: netHigh 300,000 = limit -> passes (the bound |W| + n = 300,000 is not over)
    assertThat(f.check(r, market("O1", ACC, AAPL, Side.BUY, 500)).reasons()).isEmpty();
    // a sell of 1,000: netLow -300,000 -> |.| = 300,000 = limit -> passes (bound 350,000 > limit: exact scan)
    assertThat(f.check(r, market("O2", ACC, AAPL, Side.SELL, 1_000)).reasons()).isEmpty();
    // a sell of 1,001: netLow -300,100 -> rejected
    assertThat(f.check(r, market("O3", ACC, AAPL, Side.SELL, 1_001)).reasons()).singleElement()
        .satisfies(x -> assertThat(x.value()).isEqualTo(300_100.0));
  }

  @Test
  void order_that_does_not_increase_net_passes_when_already_over() {
    ExposureLimitRule r = rule(NONE, 100_000, NONE, NONE); // net 200,000 already over
    assertThat(f.check(r, market("O1", ACC, AAPL, Side.SELL, 500)).reasons()).isEmpty();
    assertThat(f.check(r, market("O2", ACC, AAPL, Side.BUY, 1)).approved()).isFalse();
  }

  @Test
  void percent_of_nav_limits_and_post_trade() {
    ExposureLimitRule r = rule(NONE, NONE, 40, 20); // gross 40%, net 20% of NAV 1,000,000: both exactly met
    assertThat(f.sweep(r, ACC)).isEmpty();
    assertThat(f.check(r, market("O1", ACC, JPM, Side.BUY, 1)).reasons()).extracting(x -> x.code())
        .containsExactly(ReasonCode.GROSS_EXPOSURE, ReasonCode.NET_EXPOSURE);
    f.book.mark("AAPL", 110.0); // gross 430,000 / NAV 1,030,000 = 41.7%; net 230,000 = 22.3%
    assertThat(f.sweep(r, ACC)).extracting(RuleFixture.Breach::subject)
        .containsExactly("gross-percent", "net-percent");
  }

  @Test
  void refuses_no_limit_and_non_positive_limits() {
    assertThatThrownBy(() -> rule(NONE, NONE, NONE, NONE)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("at least one of maxGross");
    assertThatThrownBy(() -> rule(-1, NONE, NONE, NONE)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("maxGross must be a finite number > 0");
    assertThatThrownBy(() -> rule(NONE, NONE, NONE, 0)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("maxNetPercentOfNav");
  }
}
