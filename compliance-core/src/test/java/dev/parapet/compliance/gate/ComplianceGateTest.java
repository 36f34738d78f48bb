package dev.parapet.compliance.gate;

import static dev.parapet.api.fixtures.TestInstruments.AAPL;
import static dev.parapet.api.fixtures.TestInstruments.MSFT;
import static dev.parapet.api.fixtures.TestInstruments.limit;
import static dev.parapet.api.fixtures.TestInstruments.market;
import static dev.parapet.compliance.gate.GateFixture.ACC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.api.alert.Severity;
import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.Reason;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Side;
import dev.parapet.compliance.fixtures.Policies;
import dev.parapet.compliance.journal.AuditRecords;
import dev.parapet.compliance.killswitch.KillSwitch;
import dev.parapet.compliance.policy.PolicyException;
import dev.parapet.compliance.rule.AbstractComplianceRule;
import dev.parapet.compliance.rules.StandardRules;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ComplianceGateTest {

  private final GateFixture f = new GateFixture();

  @Test
  void approves_a_plain_order_against_all_seventeen_rules() {
    ComplianceGate gate = f.gate(Policies.ALL_RULES);
    assertThat(gate.rulesFor(ACC, "default").size()).isEqualTo(17);
    GateDecision d = f.check(gate, limit("O1", ACC, AAPL, Side.BUY, 100, 100.50));
    assertThat(d.reasons()).isEmpty();
    assertThat(d.approved()).isTrue();
  }

  @Test
  void reports_every_breach_not_just_the_first() {
    ComplianceGate gate = f.gate(Policies.ALL_RULES);
    f.context.onOrderAccepted(limit("REST", ACC, AAPL, Side.SELL, 10, 100.00));
    // Buy 200,000 AAPL at 120.00 with the mark at 100 and NAV 10,000,000 (hand calculation):
    //   quantity 200,000 > 100,000; notional 200,000 x 120 = 24,000,000 > 5,000,000; collar |120-100|/100 = 20% > 5%;
    //   exposure rules value at the mark: worst-case units added = max(200,000, 10) - 10 = 199,990 -> 19,999,000,
    //   issuer 199.99% > 10% and the UCITS aggregate 199.99% > 40%, sector 199.99% > 40%;
    //   leverage 19,999,000 / 10,000,000 = 2.0 <= 3, gross 19,999,000 <= 100,000,000, net <= 50,000,000 pass;
    //   ADV 200,000 / 10,000,000 = 2% <= 10% passes; buy at 120 >= resting sell at 100: wash trade.
    GateDecision d = f.check(gate, limit("O1", ACC, AAPL, Side.BUY, 200_000, 120.00));
    assertThat(d.approved()).isFalse();
    assertThat(d.reasons()).extracting(Reason::code).containsExactly(ReasonCode.MAX_ORDER_QUANTITY,
        ReasonCode.MAX_ORDER_NOTIONAL, ReasonCode.PRICE_COLLAR, ReasonCode.ISSUER_CONCENTRATION,
        ReasonCode.ISSUER_CONCENTRATION, ReasonCode.SECTOR_CONCENTRATION, ReasonCode.WASH_TRADE);
    assertThat(d.reasons()).allSatisfy(r -> {
      assertThat(r.blocking()).isTrue();
      assertThat(r.source()).startsWith("compliance/");
    });
  }

  @Test
  void a_rule_that_throws_becomes_an_internal_error_naming_it_and_the_others_still_run() {
    ComplianceGate gate = ComplianceGate.builder().context(f.context).killSwitch(f.killSwitch)
        .catalogue(StandardRules.catalogue().with("exploding", (c, ctx) ->
            new AbstractComplianceRule(c.id(), "always throws", Severity.HIGH, c.enforcement()) {
              @Override
              public void checkOrder(OrderRequest order, PortfolioView portfolio, GateDecision.Builder decision) {
                throw new IllegalStateException("boom");
              }
            }))
        .policy("{\"rules\": [{\"type\": \"exploding\", \"id\": \"bomb\"},"
            + "{\"type\": \"max-order-quantity\", \"params\": {\"maxQuantity\": 5}}]}", "p")
        .build();
    GateDecision d = f.check(gate, market("O1", ACC, AAPL, Side.BUY, 10));
    assertThat(d.reasons()).extracting(Reason::code).containsExactly(ReasonCode.INTERNAL_ERROR,
        ReasonCode.MAX_ORDER_QUANTITY);
    assertThat(d.reasons().get(0).source()).isEqualTo("compliance/bomb");
    assertThat(d.reasons().get(0).message()).contains("rule bomb failed", "boom");
  }

  @Test
  void an_engaged_kill_switch_blocks_every_order_until_reset() {
    ComplianceGate gate = f.gate("{\"rules\": []}");
    f.killSwitch.engage("ops", "test");
    GateDecision d = f.check(gate, market("O1", ACC, AAPL, Side.BUY, 1));
    assertThat(d.reasons()).singleElement().satisfies(r -> {
      assertThat(r.code()).isEqualTo(ReasonCode.KILL_SWITCH_ENGAGED);
      assertThat(r.source()).isEqualTo(ComplianceGate.KILL_SWITCH_SOURCE);
    });
    f.killSwitch.reset("ops", "checked");
    assertThat(f.check(gate, market("O2", ACC, AAPL, Side.BUY, 1)).approved()).isTrue();
  }

  @Test
  void a_daily_loss_breach_trips_the_kill_switch() {
    ComplianceGate gate = f.gate("{\"rules\": [{\"type\": \"daily-loss-limit\", \"params\": {\"maxLoss\": 50000}}]}");
    f.fill(ACC, AAPL, Side.BUY, 10_000, 100.0);
    f.book.mark("AAPL", 95.0); // loss 50,000: at the limit
    assertThat(f.check(gate, market("O1", ACC, MSFT, Side.BUY, 1)).approved()).isTrue();
    f.book.mark("AAPL", 94.99); // loss 50,100
    GateDecision d = f.check(gate, market("O2", ACC, MSFT, Side.BUY, 1));
    assertThat(d.reasons()).extracting(Reason::code).containsExactly(ReasonCode.DAILY_LOSS_LIMIT);
    assertThat(f.killSwitch.isEngaged()).isTrue();
    assertThat(f.killSwitch.state().trigger()).isEqualTo("daily-loss-limit");
    // from now on every order is blocked, even once the loss recovers
    f.book.mark("AAPL", 100.0);
    assertThat(f.check(gate, market("O3", ACC, MSFT, Side.BUY, 1)).reasons()).extracting(Reason::code)
        .containsExactly(ReasonCode.KILL_SWITCH_ENGAGED);
  }

  @Test
  void too_many_rejections_in_a_window_trip_the_kill_switch() {
    GateFixture g = new GateFixture(KillSwitch.builder().maxRejections(3, Duration.ofSeconds(10)));
    ComplianceGate gate = g.gate("{\"rules\": [{\"type\": \"max-order-quantity\", \"params\": {\"maxQuantity\": 5}}]}");
    for (int i = 0; i < 3; i++) {
      g.check(gate, market("R" + i, ACC, AAPL, Side.BUY, 6));
    }
    assertThat(g.killSwitch.isEngaged()).isFalse();
    g.check(gate, market("R3", ACC, AAPL, Side.BUY, 6));
    assertThat(g.killSwitch.isEngaged()).isTrue();
    assertThat(g.killSwitch.state().trigger()).isEqualTo(KillSwitch.REJECTION_RATE);
  }

  @Test
  void the_ready_ucits_policy_enforces_10_percent_per_issuer_and_no_uncovered_sales() {
    ComplianceGate gate = f.gate(dev.parapet.compliance.policy.CompliancePolicy.ucits51040());
    // NAV 10,000,000: 10% per issuer = 1,000,000 = 10,000 AAPL at 100
    assertThat(f.check(gate, market("O1", ACC, AAPL, Side.BUY, 10_000)).approved()).isTrue();
    GateDecision over = f.check(gate, market("O2", ACC, AAPL, Side.BUY, 10_001));
    assertThat(over.reasons()).extracting(Reason::source).containsExactly("compliance/ucits-issuer-5-10-40");
    assertThat(f.check(gate, market("O3", ACC, AAPL, Side.SELL, 1)).reasons()).extracting(Reason::code)
        .containsExactly(ReasonCode.NO_LOCATE);
  }

  @Test
  void soft_rules_warn_and_approve() {
    ComplianceGate gate = f.gate("{\"rules\": [{\"type\": \"max-order-quantity\", \"enforcement\": \"SOFT\","
        + " \"params\": {\"maxQuantity\": 5}}]}");
    GateDecision d = f.check(gate, market("O1", ACC, AAPL, Side.BUY, 6));
    assertThat(d.approved()).isTrue();
    assertThat(d.reasons()).singleElement().satisfies(r -> assertThat(r.blocking()).isFalse());
  }

  @Test
  void applies_the_rules_of_the_account_and_strategy() {
    ComplianceGate gate = f.gate("""
        {"rules": [{"type": "max-order-quantity", "params": {"maxQuantity": 100}}],
         "accounts": {"ACC": {"strategies": {"arb": {"rules": [
            {"type": "max-order-quantity", "params": {"maxQuantity": 10}}]}}}}}
        """);
    OrderRequest arb = OrderRequest.builder().clientOrderId("A1").account(ACC).strategy("arb").instrument(AAPL)
        .side(Side.BUY).quantity(50).build();
    assertThat(f.check(gate, arb).approved()).isFalse();
    assertThat(f.check(gate, market("A2", ACC, AAPL, Side.BUY, 50)).approved()).isTrue();
  }

  @Test
  void a_bad_policy_reload_never_replaces_the_good_one_and_names_the_json_path() {
    ComplianceGate gate = f.gate("{\"name\": \"good\", \"rules\": [{\"type\": \"max-order-quantity\","
        + " \"params\": {\"maxQuantity\": 100}}]}");
    String before = gate.policy().sha256();
    assertThatThrownBy(() -> gate.reloadPolicy("{\"name\": \"bad\", \"rules\": [{\"type\": \"max-order-quantity\","
        + " \"params\": {\"maxQuantity\": -1}}]}", "reload.json"))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("$.rules[0].params.maxQuantity: expected > 0, was -1");
    assertThat(gate.policy().name()).isEqualTo("good");
    assertThat(gate.policy().sha256()).isEqualTo(before);
    assertThat(f.check(gate, market("O1", ACC, AAPL, Side.BUY, 101)).approved()).isFalse();
    assertThat(f.journal.ofType(AuditRecords.POLICY_REFUSED)).singleElement().satisfies(e ->
        assertThat(e.payload()).contains("reload.json", "$.rules[0].params.maxQuantity", before));

    gate.reloadPolicy("{\"name\": \"looser\", \"rules\": [{\"type\": \"max-order-quantity\","
        + " \"params\": {\"maxQuantity\": 1000}}]}", "reload2.json");
    assertThat(gate.policy().name()).isEqualTo("looser");
    assertThat(f.check(gate, market("O2", ACC, AAPL, Side.BUY, 101)).approved()).isTrue();
    assertThat(f.journal.ofType(AuditRecords.POLICY_LOADED)).hasSize(2).last().satisfies(e ->
        assertThat(e.payload()).contains("\"name\":\"looser\"", "\"previousSha256\":\"" + before + "\""));
  }

  @Test
  void a_reload_that_cannot_be_journalled_leaves_the_old_policy_in_force() {
    ComplianceGate gate = f.gate("{\"name\": \"good\", \"rules\": []}");
    f.journal.failing(true);
    assertThatThrownBy(() -> gate.reloadPolicy("{\"name\": \"new\", \"rules\": []}", "r.json"))
        .hasMessageContaining("disk full");
    assertThat(gate.policy().name()).isEqualTo("good");
  }

  @Test
  void hooks_feed_the_stateful_rules() {
    ComplianceGate gate = f.gate("{\"rules\": [{\"type\": \"duplicate-order\"}, {\"type\": \"wash-trade\"}]}");
    OrderRequest o = limit("O1", ACC, AAPL, Side.BUY, 10, 100);
    assertThat(f.check(gate, o).approved()).isTrue();
    gate.onOrderAccepted(o);
    assertThat(f.check(gate, limit("O2", ACC, AAPL, Side.BUY, 10, 100)).reasons()).extracting(Reason::code)
        .containsExactly(ReasonCode.DUPLICATE_ORDER);
    assertThat(f.check(gate, limit("O3", ACC, AAPL, Side.SELL, 10, 99)).reasons()).extracting(Reason::code)
        .containsExactly(ReasonCode.WASH_TRADE);
    gate.onOrderDone("O1", 10);
    assertThat(f.check(gate, limit("O4", ACC, AAPL, Side.SELL, 10, 99)).approved()).isTrue();
  }

  @Test
  void reasons_of_earlier_gates_are_kept_and_not_counted_as_this_gates_rejections() {
    GateFixture g = new GateFixture(KillSwitch.builder().maxRejections(1, Duration.ofSeconds(10)));
    ComplianceGate gate = g.gate("{\"rules\": []}");
    GateDecision.Builder b = GateDecision.builder().reset("O1");
    b.reject(ReasonCode.ES_LIMIT, "risk", "earlier gate");
    gate.check(market("O1", ACC, AAPL, Side.BUY, 1), g.book, b);
    gate.check(market("O1", ACC, AAPL, Side.BUY, 1), g.book, b);
    assertThat(b.build().reasons()).extracting(Reason::code).containsExactly(ReasonCode.ES_LIMIT);
    assertThat(g.killSwitch.isEngaged()).isFalse();
  }

  @Test
  void builder_refuses_a_bad_initial_policy_with_its_path() {
    assertThatThrownBy(() -> f.gate("{\"rules\": [{\"type\": \"leverage\", \"params\": {}}]}"))
        .isInstanceOf(PolicyException.class).hasMessageContaining("$.rules[0].params.maxLeverage");
  }
}
