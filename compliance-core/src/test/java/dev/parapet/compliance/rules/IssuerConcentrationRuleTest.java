package dev.parapet.compliance.rules;

import static dev.parapet.api.fixtures.TestInstruments.AAPL;
import static dev.parapet.api.fixtures.TestInstruments.GOOG;
import static dev.parapet.api.fixtures.TestInstruments.GOOGL;
import static dev.parapet.api.fixtures.TestInstruments.JPM;
import static dev.parapet.api.fixtures.TestInstruments.MSFT;
import static dev.parapet.api.fixtures.TestInstruments.XOM;
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
import org.junit.jupiter.api.Test;

class IssuerConcentrationRuleTest {

  private final RuleFixture f = new RuleFixture();

  private IssuerConcentrationRule simple(double max) {
    return new IssuerConcentrationRule("issuer", "d", SEV, HARD, max, Double.NaN, Double.NaN, 1000, f.clock);
  }

  private IssuerConcentrationRule ucits() {
    return new IssuerConcentrationRule("ucits", "d", SEV, HARD, 10, 5, 40, 1000, f.clock);
  }

  @Test
  void passes_below_and_exactly_at_the_issuer_limit_counting_every_share_class() {
    // NAV = 1,000,000 cash. GOOG 400 @ 100 = 40,000 held (cash falls by 40,000, NAV unchanged).
    f.book.deposit(ACC, 1_000_000);
    f.fill(ACC, GOOG, Side.BUY, 400, 100.0);
    f.book.mark("GOOGL", 100.0);
    IssuerConcentrationRule rule = simple(10);
    // Alphabet after buying 600 GOOGL: 40,000 + 60,000 = 100,000 = 10% of NAV exactly -> passes
    assertThat(f.check(rule, market("O1", ACC, GOOGL, Side.BUY, 600)).reasons()).isEmpty();
    // 601 -> 100,100 = 10.01% -> rejected
    GateDecision d = f.check(rule, market("O2", ACC, GOOGL, Side.BUY, 601));
    assertThat(d.reasons()).singleElement().satisfies(r -> {
      assertThat(r.code()).isEqualTo(ReasonCode.ISSUER_CONCENTRATION);
      assertThat(r.value()).isCloseTo(10.01, Offset.offset(1e-9));
      assertThat(r.message()).contains("Alphabet Inc.");
    });
  }

  @Test
  void passes_an_order_that_reduces_an_issuer_already_over_its_limit() {
    f.book.deposit(ACC, 1_000_000);
    f.fill(ACC, AAPL, Side.BUY, 2_000, 100.0); // 200,000 = 20% of NAV
    assertThat(f.check(simple(10), market("O1", ACC, AAPL, Side.SELL, 500)).reasons()).isEmpty();
    assertThat(f.check(simple(10), market("O2", ACC, AAPL, Side.BUY, 1)).approved()).isFalse();
  }

  @Test
  void ucits_aggregate_rejects_the_order_that_takes_issuers_above_5_percent_past_40_percent() {
    // NAV 1,000,000. Four issuers at 9% each = 36% of NAV above the 5% threshold.
    f.book.deposit(ACC, 1_000_000);
    f.fill(ACC, AAPL, Side.BUY, 900, 100.0);
    f.fill(ACC, MSFT, Side.BUY, 900, 100.0);
    f.fill(ACC, JPM, Side.BUY, 900, 100.0);
    f.fill(ACC, XOM, Side.BUY, 900, 100.0);
    f.book.mark("GOOG", 100.0);
    IssuerConcentrationRule rule = ucits();
    // Alphabet at 4% stays below the threshold: aggregate unchanged at 36% -> passes
    assertThat(f.check(rule, market("O1", ACC, GOOG, Side.BUY, 400)).reasons()).isEmpty();
    // Alphabet at exactly 4% + ... 5%: "more than 5%" counts, 5% exactly does not -> passes
    assertThat(f.check(rule, market("O2", ACC, GOOG, Side.BUY, 500)).reasons()).isEmpty();
    // Alphabet at 5.01%: aggregate 36 + 5.01 = 41.01% > 40% -> rejected
    GateDecision d = f.check(rule, market("O3", ACC, GOOG, Side.BUY, 501));
    assertThat(d.reasons()).singleElement().satisfies(r -> {
      assertThat(r.limit()).isEqualTo(40.0);
      assertThat(r.value()).isCloseTo(41.01, Offset.offset(1e-9));
      assertThat(r.message()).contains("UCITS Article 52(2)");
    });
  }

  @Test
  void ucits_aggregate_sees_a_fill_made_after_the_cache_was_built() {
    f.book.deposit(ACC, 1_000_000);
    f.fill(ACC, AAPL, Side.BUY, 900, 100.0);
    f.fill(ACC, MSFT, Side.BUY, 900, 100.0);
    f.fill(ACC, JPM, Side.BUY, 900, 100.0);
    f.book.mark("GOOG", 100.0);
    f.book.mark("XOM", 100.0);
    IssuerConcentrationRule rule = ucits();
    // aggregate 27%; Alphabet 9% -> 36%: passes, and the cache now holds 27%
    assertThat(f.check(rule, market("O1", ACC, GOOG, Side.BUY, 900)).reasons()).isEmpty();
    // XOM fills to 9% (positions version changes): aggregate 36%, then Alphabet 9% -> 45% > 40%
    f.fill(ACC, XOM, Side.BUY, 900, 100.0);
    assertThat(f.check(rule, market("O2", ACC, GOOG, Side.BUY, 900)).approved()).isFalse();
  }

  @Test
  void post_trade_reports_each_issuer_over_the_limit_and_the_aggregate() {
    f.book.deposit(ACC, 1_000_000);
    f.fill(ACC, AAPL, Side.BUY, 1_100, 100.0); // 11%
    f.fill(ACC, MSFT, Side.BUY, 900, 100.0);
    f.fill(ACC, JPM, Side.BUY, 900, 100.0);
    f.fill(ACC, XOM, Side.BUY, 900, 100.0); // 11 + 27 = 38% above 5%
    assertThat(f.sweep(ucits(), ACC)).extracting(RuleFixture.Breach::subject).containsExactly("issuer:Apple Inc.");
    f.book.mark("JPM", 130.0); // NAV 1,027,000: JPM 11.39%; aggregate (110+90+117+90)/1027 = 39.63%
    f.book.mark("XOM", 120.0); // NAV 1,045,000: XOM 10.33%; aggregate (110+90+117+108)/1045 = 40.67%
    assertThat(f.sweep(ucits(), ACC)).extracting(RuleFixture.Breach::subject)
        .containsExactlyInAnyOrder("issuer:Apple Inc.", "issuer:JPMorgan Chase & Co.", "issuer:Exxon Mobil Corp.",
            "issuer-aggregate");
  }

  @Test
  void rejects_any_increase_when_nav_is_not_positive() {
    f.book.mark("AAPL", 100.0);
    GateDecision d = f.check(simple(10), market("O1", ACC, AAPL, Side.BUY, 1));
    assertThat(d.reasons().get(0).message()).contains("not positive");
  }

  @Test
  void refuses_bad_parameters() {
    assertThatThrownBy(() -> simple(0)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("maxPercentOfNav");
    assertThatThrownBy(() -> simple(120)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("maxPercentOfNav must be in [0.0, 100.0], was 120.0");
    assertThatThrownBy(() -> new IssuerConcentrationRule("u", "d", SEV, HARD, 10, 5, Double.NaN, 1000, f.clock))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("aggregateMaxPercent");
    assertThatThrownBy(() -> new IssuerConcentrationRule("u", "d", SEV, HARD, 10, 12, 40, 1000, f.clock))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("aggregateThresholdPercent");
  }
}
