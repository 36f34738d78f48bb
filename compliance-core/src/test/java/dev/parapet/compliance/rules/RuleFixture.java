package dev.parapet.compliance.rules;

import dev.parapet.api.alert.Severity;
import dev.parapet.api.book.PositionBook;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Side;
import dev.parapet.api.time.SimulatedClock;
import dev.parapet.api.fixtures.FakeCalendar;
import dev.parapet.compliance.rule.ComplianceRule;
import dev.parapet.compliance.rule.Enforcement;
import dev.parapet.compliance.rule.RuleContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A book, a clock at Tuesday 2024-03-05 10:00 New York (open), and a context, for rule tests. */
final class RuleFixture {

  static final String ACC = "ACC";
  static final Severity SEV = Severity.HIGH;
  static final Enforcement HARD = Enforcement.HARD;
  static final Enforcement SOFT = Enforcement.SOFT;

  final SimulatedClock clock = SimulatedClock.at(Instant.parse("2024-03-05T15:00:00Z"));
  final FakeCalendar calendar = new FakeCalendar();
  final RuleContext context = RuleContext.builder().clock(clock).calendar(calendar).build();
  final PositionBook book = PositionBook.create();
  private int fills;
  private final GateDecision.Builder builder = GateDecision.builder();

  /** One post-trade breach. */
  record Breach(String subject, ReasonCode code, String message, double limit, double value) {
  }

  GateDecision check(ComplianceRule rule, OrderRequest order) {
    builder.reset(order.clientOrderId());
    rule.checkOrder(order, book, builder);
    return builder.build();
  }

  List<Breach> sweep(ComplianceRule rule, String account) {
    List<Breach> out = new ArrayList<>();
    rule.checkBook(account, book, (r, subject, code, message, limit, value) ->
        out.add(new Breach(subject, code, message, limit, value)));
    return out;
  }

  void fill(String account, Instrument instrument, Side side, long quantity, double price) {
    fills++;
    book.applyFill(new Fill("F" + fills, "FO" + fills, "FO" + fills, account, instrument, side, quantity, price, 0,
        clock.instant()));
  }
}
