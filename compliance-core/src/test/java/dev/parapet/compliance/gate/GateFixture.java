package dev.parapet.compliance.gate;

import dev.parapet.api.book.PositionBook;
import dev.parapet.api.fixtures.TestInstruments;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Side;
import dev.parapet.api.time.SimulatedClock;
import dev.parapet.api.fixtures.FakeCalendar;
import dev.parapet.compliance.fixtures.RecordingAlertSink;
import dev.parapet.compliance.fixtures.RecordingTrail;
import dev.parapet.compliance.killswitch.KillSwitch;
import dev.parapet.compliance.rule.RuleContext;
import java.time.Instant;
import java.util.List;

/** A gate over a small book: ACC has NAV 10,000,000 with AAPL, MSFT, JPM marked at 100, ADV set. */
final class GateFixture {

  static final String ACC = "ACC";

  final SimulatedClock clock = SimulatedClock.at(Instant.parse("2024-03-05T15:00:00Z"));
  final RuleContext context = RuleContext.builder().clock(clock).calendar(new FakeCalendar()).build();
  final RecordingAlertSink alerts = new RecordingAlertSink();
  final RecordingTrail journal = new RecordingTrail();
  final KillSwitch killSwitch;
  final PositionBook book = PositionBook.create();
  private int fills;

  GateFixture() {
    this(null);
  }

  GateFixture(KillSwitch.Builder killSwitchBuilder) {
    KillSwitch.Builder b = killSwitchBuilder == null ? KillSwitch.builder() : killSwitchBuilder;
    killSwitch = b.clock(clock).alertSink(alerts).journal(journal).build();
    book.deposit(ACC, 10_000_000);
    for (Instrument i : List.of(TestInstruments.AAPL, TestInstruments.MSFT, TestInstruments.JPM)) {
      book.mark(i.id(), 100.0);
      context.adv().set(i.id(), 10_000_000);
    }
    context.onSessionStart(book, List.of(ACC));
  }

  ComplianceGate gate(String policyJson) {
    return ComplianceGate.builder().context(context).killSwitch(killSwitch).journal(journal)
        .policy(policyJson, "test-policy").build();
  }

  GateDecision check(ComplianceGate gate, OrderRequest order) {
    return gate.check(order, book);
  }

  void fill(String account, Instrument instrument, Side side, long quantity, double price) {
    fills++;
    book.applyFill(new Fill("F" + fills, "FO" + fills, "FO" + fills, account, instrument, side, quantity, price, 0,
        clock.instant()));
  }
}
