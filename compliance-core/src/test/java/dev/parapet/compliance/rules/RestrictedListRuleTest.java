package dev.parapet.compliance.rules;

import static dev.parapet.api.fixtures.TestInstruments.AAPL;
import static dev.parapet.api.fixtures.TestInstruments.GOOG;
import static dev.parapet.api.fixtures.TestInstruments.GOOGL;
import static dev.parapet.api.fixtures.TestInstruments.MSFT;
import static dev.parapet.api.fixtures.TestInstruments.limit;
import static dev.parapet.compliance.rules.RuleFixture.ACC;
import static dev.parapet.compliance.rules.RuleFixture.HARD;
import static dev.parapet.compliance.rules.RuleFixture.SEV;
import static dev.parapet.compliance.rules.RuleFixture.SOFT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.api.InvalidValueException;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.Side;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RestrictedListRuleTest {

  private final RuleFixture f = new RuleFixture();

  private RestrictedListRule rule(Set<String> instruments, Set<String> issuers, Set<String> watch) {
    return new RestrictedListRule("restricted", "lists", SEV, HARD, instruments, issuers, watch, Set.of());
  }

  @Test
  void passes_order_in_an_unlisted_instrument() {
    GateDecision d = f.check(rule(Set.of("AAPL"), Set.of(), Set.of()), limit("O1", ACC, MSFT, Side.BUY, 10, 100));
    assertThat(d.approved()).isTrue();
    assertThat(d.reasons()).isEmpty();
  }

  @Test
  void blocks_restricted_instrument_and_every_share_class_of_a_restricted_issuer() {
    RestrictedListRule r = rule(Set.of("AAPL"), Set.of("Alphabet Inc."), Set.of());
    GateDecision byInstrument = f.check(r, limit("O1", ACC, AAPL, Side.SELL, 10, 100));
    assertThat(byInstrument.approved()).isFalse();
    assertThat(byInstrument.reasons()).singleElement().satisfies(reason -> {
      assertThat(reason.code()).isEqualTo(ReasonCode.RESTRICTED_INSTRUMENT);
      assertThat(reason.source()).isEqualTo("compliance/restricted");
      assertThat(reason.message()).contains("AAPL");
    });
    assertThat(f.check(r, limit("O2", ACC, GOOG, Side.BUY, 1, 100)).approved()).isFalse();
    assertThat(f.check(r, limit("O3", ACC, GOOGL, Side.BUY, 1, 100)).reasons().get(0).message())
        .contains("Alphabet Inc.");
  }

  @Test
  void watch_list_only_warns_even_for_a_hard_rule_and_soft_restriction_warns() {
    GateDecision watched = f.check(rule(Set.of(), Set.of(), Set.of("MSFT")), limit("O1", ACC, MSFT, Side.BUY, 1, 100));
    assertThat(watched.approved()).isTrue();
    assertThat(watched.reasons()).singleElement().satisfies(r -> {
      assertThat(r.code()).isEqualTo(ReasonCode.WATCH_LIST);
      assertThat(r.blocking()).isFalse();
    });
    RestrictedListRule soft = new RestrictedListRule("r", "d", SEV, SOFT, Set.of("AAPL"), Set.of(), Set.of(), Set.of());
    GateDecision d = f.check(soft, limit("O2", ACC, AAPL, Side.BUY, 1, 100));
    assertThat(d.approved()).isTrue();
    assertThat(d.reasons()).singleElement().satisfies(r -> assertThat(r.blocking()).isFalse());
  }

  @Test
  void boundary_matches_ids_and_issuers_exactly_not_by_prefix_or_case() {
    RestrictedListRule r = rule(Set.of("AAPL"), Set.of("Alphabet Inc."), Set.of());
    dev.parapet.api.model.Instrument lookalike = dev.parapet.api.model.Instrument.usEquity("AAPL.L",
        "Information Technology", "alphabet inc.");
    assertThat(f.check(r, limit("O1", ACC, lookalike, Side.BUY, 1, 100)).reasons()).isEmpty();
    assertThat(f.check(r, limit("O2", ACC, AAPL, Side.BUY, 1, 100)).approved()).isFalse();
  }

  @Test
  void post_trade_reports_holdings_of_restricted_instruments_only() {
    f.book.deposit(ACC, 1_000_000);
    f.fill(ACC, AAPL, Side.BUY, 100, 100);
    f.fill(ACC, MSFT, Side.BUY, 100, 100);
    assertThat(f.sweep(rule(Set.of("AAPL"), Set.of(), Set.of()), ACC)).singleElement()
        .satisfies(b -> assertThat(b.subject()).isEqualTo("AAPL"));
  }

  @Test
  void refuses_empty_lists_and_blank_names() {
    assertThatThrownBy(() -> rule(Set.of(), Set.of(), Set.of())).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("at least one non-empty list");
    assertThatThrownBy(() -> rule(Set.of(" "), Set.of(), Set.of())).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("restrictedInstruments element");
  }
}
