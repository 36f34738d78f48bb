package dev.parapet.compliance.monitor;

import static dev.parapet.api.fixtures.TestInstruments.AAPL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.api.alert.Alert;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.book.PositionBook;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Side;
import dev.parapet.api.time.SimulatedClock;
import dev.parapet.api.fixtures.FakeCalendar;
import dev.parapet.compliance.fixtures.RecordingAlertSink;
import dev.parapet.compliance.fixtures.RecordingTrail;
import dev.parapet.compliance.gate.ComplianceGate;
import dev.parapet.compliance.journal.AuditRecords;
import dev.parapet.compliance.killswitch.KillSwitch;
import dev.parapet.compliance.rule.AbstractComplianceRule;
import dev.parapet.compliance.rule.BreachSink;
import dev.parapet.compliance.rule.RuleContext;
import dev.parapet.compliance.rules.StandardRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ComplianceSweepTest {

  private final SimulatedClock clock = SimulatedClock.at(Instant.parse("2024-03-05T15:00:00Z"));
  private final RuleContext context = RuleContext.builder().clock(clock).calendar(new FakeCalendar()).build();
  private final RecordingAlertSink alerts = new RecordingAlertSink();
  private final RecordingTrail journal = new RecordingTrail();
  private final KillSwitch killSwitch = KillSwitch.builder().clock(clock).build();
  private final PositionBook book = PositionBook.create();
  private ComplianceSweep sweep;

  @BeforeEach
  void setUp() {
    // NAV 1,000,000: long AAPL 1,000 at 100 (100,000 = 10% of NAV)
    book.deposit("A", 1_000_000);
    book.applyFill(new Fill("F1", "O1", "O1", "A", AAPL, Side.BUY, 1_000, 100.0, 0, clock.instant()));
    book.deposit("B", 1_000_000);
    context.onSessionStart(book, book.accounts());
    ComplianceGate gate = ComplianceGate.builder().context(context).killSwitch(killSwitch)
        .catalogue(StandardRules.catalogue().with("broken-post-trade", (c, ctx) ->
            new AbstractComplianceRule(c.id(), "fails post-trade", Severity.LOW, c.enforcement()) {
              @Override
              public void checkOrder(OrderRequest o, PortfolioView p, GateDecision.Builder d) {
              }

              @Override
              public void checkBook(String account, PortfolioView p, BreachSink b) {
                if (account.equals("B")) {
                  throw new IllegalStateException("cannot read the book");
                }
              }
            }))
        .policy("""
            {"rules": [
              {"type": "position-limit", "id": "pos", "severity": "MEDIUM", "params": {"maxNotional": 120000}},
              {"type": "daily-loss-limit", "params": {"maxLoss": 60000}},
              {"type": "broken-post-trade"}
            ]}
            """, "p").build();
    sweep = ComplianceSweep.builder().gate(gate).alertSink(alerts).journal(journal).build();
  }

  private List<Alert> violationAlerts() {
    return alerts.alerts().stream().filter(a -> a.name().equals(ComplianceSweep.ALERT_NAME)
        && a.labels().get("account").equals("A")).toList();
  }

  @Test
  void a_passive_breach_is_reported_once_when_it_opens_and_once_when_it_closes() {
    assertThat(sweep.sweep(book).opened()).extracting(Violation::subject).containsExactly("rule-failure");
    Instant opened = clock.advance(Duration.ofMinutes(1));
    book.mark("AAPL", 125.0); // 125,000 > 120,000: the price moved, nobody traded
    SweepReport first = sweep.sweep(book);
    assertThat(first.opened()).singleElement().satisfies(v -> {
      assertThat(v.status()).isEqualTo(ViolationStatus.NEW);
      assertThat(v.key()).isEqualTo("A|pos|AAPL/notional");
      assertThat(v.value()).isEqualTo(125_000.0);
      assertThat(v.openedAt()).isEqualTo(opened);
    });
    clock.advance(Duration.ofMinutes(1));
    book.mark("AAPL", 130.0);
    SweepReport second = sweep.sweep(book);
    assertThat(second.opened()).isEmpty();
    assertThat(second.ongoing()).extracting(Violation::subject).contains("AAPL/notional");
    assertThat(second.ongoing()).filteredOn(v -> v.account().equals("A")).singleElement()
        .satisfies(v -> assertThat(v.value()).isEqualTo(130_000.0));
    assertThat(violationAlerts()).hasSize(1);
    Instant closed = clock.advance(Duration.ofMinutes(1));
    book.mark("AAPL", 119.0);
    SweepReport third = sweep.sweep(book);
    assertThat(third.resolved()).singleElement().satisfies(v -> {
      assertThat(v.status()).isEqualTo(ViolationStatus.RESOLVED);
      assertThat(v.resolvedAt()).contains(closed);
      assertThat(v.openedAt()).isEqualTo(opened);
    });
    assertThat(sweep.sweep(book).resolved()).isEmpty();
    List<Alert> a = violationAlerts();
    assertThat(a).hasSize(2);
    assertThat(a.get(0).severity()).isEqualTo(Severity.MEDIUM);
    assertThat(a.get(0).isResolved()).isFalse();
    assertThat(a.get(1).isResolved()).isTrue();
    assertThat(a.get(1).fingerprint()).isEqualTo(a.get(0).fingerprint());
    assertThat(journal.ofType(AuditRecords.VIOLATION)).extracting(RecordingTrail.Entry::payload)
        .filteredOn(p -> p.contains("\"account\":\"A\"")).satisfiesExactly(
            p -> assertThat(p).contains("\"status\":\"NEW\"", "\"subject\":\"AAPL/notional\"", "\"value\":125000.0"),
            p -> assertThat(p).contains("\"status\":\"RESOLVED\"", "\"resolvedAt\":\"" + closed + "\""));
  }

  @Test
  void a_rule_failing_post_trade_is_a_violation_not_silence() {
    SweepReport r = sweep.sweep(book);
    assertThat(r.opened()).singleElement().satisfies(v -> {
      assertThat(v.account()).isEqualTo("B");
      assertThat(v.code()).isEqualTo(ReasonCode.INTERNAL_ERROR);
      assertThat(v.message()).contains("cannot read the book");
    });
  }

  @Test
  void a_daily_loss_found_by_the_sweep_trips_the_kill_switch() {
    book.mark("AAPL", 40.0); // loss 60,000: at the limit
    sweep.sweep(book);
    assertThat(killSwitch.isEngaged()).isFalse();
    book.mark("AAPL", 39.99); // loss 60,010
    SweepReport r = sweep.sweep(book);
    assertThat(r.opened()).extracting(Violation::code).contains(ReasonCode.DAILY_LOSS_LIMIT);
    assertThat(killSwitch.isEngaged()).isTrue();
    assertThat(killSwitch.state().trigger()).isEqualTo("daily-loss-limit");
  }

  @Test
  void violations_of_accounts_not_swept_stay_open() {
    book.mark("AAPL", 125.0);
    sweep.sweep(book);
    book.mark("AAPL", 100.0);
    SweepReport onlyB = sweep.sweep(book, List.of("B"));
    assertThat(onlyB.resolved()).isEmpty();
    assertThat(sweep.openViolations()).extracting(Violation::key).contains("A|pos|AAPL/notional");
    assertThat(sweep.sweep(book).resolved()).extracting(Violation::key).containsExactly("A|pos|AAPL/notional");
  }
}
