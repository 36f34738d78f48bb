package dev.parapet.api.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.api.InvalidValueException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class GateDecisionTest {

  private static final Reason BLOCK = Reason.block(ReasonCode.MAX_ORDER_NOTIONAL, "compliance/fat-finger", "too big");
  private static final Reason WARN = new Reason(ReasonCode.WATCH_LIST, "compliance/watch", "watched", false,
      Double.NaN, Double.NaN);

  private static void refuses(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOf(InvalidValueException.class).hasMessage(message);
  }

  @Test
  void reason_refuses_nulls_and_blank_source() {
    refuses(() -> new Reason(null, "s", "m", true, 1, 2), "code must be non-null, was null");
    refuses(() -> new Reason(ReasonCode.THROTTLE, " ", "m", true, 1, 2), "source must be a non-blank string, was ' '");
    refuses(() -> new Reason(ReasonCode.THROTTLE, "s", null, true, 1, 2), "message must be non-null, was null");
  }

  @Test
  void reason_has_figures_only_when_limit_and_value_are_known() {
    assertThat(new Reason(ReasonCode.GROSS_EXPOSURE, "risk", "m", true, 1e6, 1.2e6).hasFigures()).isTrue();
    assertThat(new Reason(ReasonCode.GROSS_EXPOSURE, "risk", "m", true, 1e6, Double.NaN).hasFigures()).isFalse();
    assertThat(BLOCK.hasFigures()).isFalse();
  }

  @Test
  void decision_refuses_inconsistent_or_missing_fields() {
    refuses(() -> new GateDecision("", true, List.of(), Map.of()), "clientOrderId must be a non-blank string, was ''");
    refuses(() -> new GateDecision("O1", true, null, Map.of()), "reasons must be non-null, was null (order O1)");
    refuses(() -> new GateDecision("O1", true, List.of(), null), "figures must be non-null, was null (order O1)");
    refuses(() -> new GateDecision("O1", true, Arrays.asList(WARN, null), Map.of()),
        "reasons[1] must be non-null, was null (order O1)");
    refuses(() -> new GateDecision("O1", true, List.of(BLOCK), Map.of()),
        "approved must be true exactly when no reason is blocking, was true (order O1)");
    refuses(() -> new GateDecision("O1", false, List.of(WARN), Map.of()),
        "approved must be true exactly when no reason is blocking, was false (order O1)");
  }

  @Test
  void decision_copies_its_inputs() {
    List<Reason> reasons = new ArrayList<>(List.of(WARN));
    GateDecision d = new GateDecision("O1", true, reasons, Map.of("nav", 1e6));
    reasons.add(BLOCK);
    assertThat(d.reasons()).containsExactly(WARN);
    assertThat(d.findFigure("nav")).hasValue(1e6);
    assertThat(d.findFigure("es")).isEmpty();
    assertThatThrownBy(() -> d.figures().put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void builder_approves_until_a_blocking_reason_and_warnings_do_not_block() {
    GateDecision.Builder b = GateDecision.builder().reset("O1");
    b.warn(ReasonCode.WATCH_LIST, "compliance", "watched", 0, 0);
    assertThat(b.isApproved()).isTrue();
    b.reject(ReasonCode.GROSS_EXPOSURE, "risk", "gross 1.2M > 1M", 1e6, 1.2e6);
    assertThat(b.isApproved()).isFalse();
    GateDecision d = b.build();
    assertThat(d.approved()).isFalse();
    assertThat(d.reasons()).hasSize(2);
    assertThat(d.blockingReasons()).extracting(Reason::code).containsExactly(ReasonCode.GROSS_EXPOSURE);
  }

  @Test
  void builder_replaces_figures_by_name_keeps_order_grows_and_resets() {
    GateDecision.Builder b = GateDecision.builder().reset("O1");
    b.figure("nav", 1).figure("es", 2).figure("nav", 3);
    assertThat(b.figure("nav")).isEqualTo(3);
    assertThat(b.figure("missing")).isNaN();
    for (int i = 0; i < 40; i++) { // beyond the 32 preallocated slots
      b.figure("f" + i, i);
    }
    GateDecision d = b.build();
    assertThat(d.figures()).hasSize(42);
    assertThat(d.figures().keySet()).startsWith("nav", "es", "f0");
    assertThat(d.figures().get("f39")).isEqualTo(39.0);
    b.reset("O2").reject(ReasonCode.THROTTLE, "compliance", "slow down");
    b.reset("O3");
    GateDecision clean = b.build();
    assertThat(clean.clientOrderId()).isEqualTo("O3");
    assertThat(clean.approved()).isTrue();
    assertThat(clean.reasons()).isEmpty();
    assertThat(clean.figures()).isEmpty();
  }

  @Test
  void builder_refuses_a_null_reason() {
    refuses(() -> GateDecision.builder().reset("O1").reason(null), "reason must be non-null, was null");
  }

  @Test
  void default_check_turns_a_throwing_gate_into_an_internal_error_rejection() {
    TradeGate broken = new TradeGate() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public void check(dev.parapet.api.model.OrderRequest order, dev.parapet.api.book.PortfolioView portfolio,
          GateDecision.Builder decision) {
        throw new IllegalStateException("boom");
      }
    };
    GateDecision d = broken.check(dev.parapet.api.fixtures.TestInstruments.market("O1", "ACC",
        dev.parapet.api.fixtures.TestInstruments.AAPL, dev.parapet.api.model.Side.BUY, 10),
        dev.parapet.api.book.PositionBook.create());
    assertThat(d.approved()).isFalse();
    assertThat(d.reasons()).singleElement().satisfies(r -> {
      assertThat(r.code()).isEqualTo(ReasonCode.INTERNAL_ERROR);
      assertThat(r.message()).contains("boom");
    });
  }
}
