package dev.parapet.compliance.rules;

import static dev.parapet.api.fixtures.TestInstruments.AAPL;
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
import dev.parapet.compliance.rules.AdvParticipationRule.MissingAdv;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdvParticipationRuleTest {

  private final RuleFixture f = new RuleFixture();
  private final AdvParticipationRule rule = new AdvParticipationRule("adv", "d", SEV, HARD, 10, MissingAdv.REJECT,
      f.context.adv());

  @BeforeEach
  void adv() {
    f.context.adv().set("AAPL", 50_000);
  }

  @Test
  void passes_below_and_exactly_at_the_share_of_adv() {
    assertThat(f.check(rule, market("O1", ACC, AAPL, Side.BUY, 4_999)).reasons()).isEmpty();
    assertThat(f.check(rule, market("O2", ACC, AAPL, Side.BUY, 5_000)).reasons()).isEmpty(); // 10.0%
  }

  @Test
  void rejects_above_the_share_of_adv() {
    GateDecision d = f.check(rule, market("O1", ACC, AAPL, Side.SELL, 5_001));
    assertThat(d.reasons()).singleElement().satisfies(r -> {
      assertThat(r.code()).isEqualTo(ReasonCode.ADV_PARTICIPATION);
      assertThat(r.value()).isCloseTo(10.002, Offset.offset(1e-12));
    });
  }

  @Test
  void unknown_adv_is_rejected_by_default_and_allowed_when_configured() {
    assertThat(f.check(rule, market("O1", ACC, MSFT, Side.BUY, 1)).approved()).isFalse();
    AdvParticipationRule allow = new AdvParticipationRule("adv", "d", SEV, HARD, 10, MissingAdv.ALLOW, f.context.adv());
    assertThat(f.check(allow, market("O2", ACC, MSFT, Side.BUY, 1)).approved()).isTrue();
  }

  @Test
  void refuses_bad_share_and_bad_adv() {
    assertThatThrownBy(() -> new AdvParticipationRule("a", "d", SEV, HARD, 0, MissingAdv.REJECT, f.context.adv()))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("maxPercentOfAdv");
    assertThatThrownBy(() -> new AdvParticipationRule("a", "d", SEV, HARD, 150, MissingAdv.REJECT, f.context.adv()))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("in [0.0, 100.0]");
    assertThatThrownBy(() -> f.context.adv().set("AAPL", Double.NaN)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("averageDailyVolume");
  }
}
