package dev.parapet.risk.drawdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.api.InvalidValueException;
import dev.parapet.api.alert.Alert;
import dev.parapet.api.alert.AlertCategory;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.book.PositionBook;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.Side;
import dev.parapet.api.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Budget 10% of the high-water mark, normal gross leverage 2.0, tiers (50% used -> 75% of normal),
 * (75% -> 50%), (100% -> flat); recovery margin 10% of the budget and one hour in a tier before recovering.
 */
class DrawdownControllerTest {

  private static final Instant T0 = Instant.parse("2024-03-04T14:30:00Z");

  private final SimulatedClock clock = SimulatedClock.at(T0);
  private final List<Alert> alerts = new CopyOnWriteArrayList<>();

  private DrawdownController controller() {
    return DrawdownController.builder().account("ACC").budget(0.10).normalMaxGrossLeverage(2.0)
        .tier(0.5, 0.75).tier(0.75, 0.5).tier(1.0, 0.0)
        .recoveryMargin(0.10).minimumRecoveryTime(Duration.ofHours(1))
        .clock(clock).alertSink(alerts::add).build();
  }

  @Test
  void tiers_blocking_and_hysteresis_step_by_step() {
    DrawdownController c = controller();

    // step 1: first NAV sets the high-water mark; normal
    assertThat(c.update(1_000_000)).isEmpty();
    assertThat(c.state().highWaterMark()).isEqualTo(1_000_000);
    assertThat(c.state().restricted()).isFalse();
    assertThat(c.state().maxGrossLeverage()).isEqualTo(2.0);

    // step 2: NAV 960,000 -> drawdown 4%, 40% of the budget: still normal
    clock.advance(Duration.ofMinutes(5));
    assertThat(c.update(960_000)).isEmpty();
    assertThat(c.state().drawdown()).isCloseTo(0.04, within(1e-12));
    assertThat(c.state().budgetUsed()).isCloseTo(0.40, within(1e-12));
    assertThat(c.state().tier()).isZero();

    // step 3: NAV 950,000 -> 5%, exactly 50% used: tier 1, leverage 0.75 * 2.0 = 1.5, risk-increasing blocked
    clock.advance(Duration.ofMinutes(5));
    Instant t3 = clock.instant();
    Optional<DrawdownTransition> tr = c.update(950_000);
    assertThat(tr).isPresent();
    assertThat(tr.get().escalation()).isTrue();
    assertThat(tr.get().from().tier()).isZero();
    assertThat(tr.get().to().tier()).isEqualTo(1);
    assertThat(c.state().maxGrossLeverage()).isCloseTo(1.5, within(1e-12));
    assertThat(c.state().restricted()).isTrue();
    assertThat(c.state().since()).isEqualTo(t3);
    assertThat(alerts).hasSize(1);
    Alert a1 = alerts.get(0);
    assertThat(a1.name()).isEqualTo(DrawdownController.ALERT_NAME);
    assertThat(a1.category()).isEqualTo(AlertCategory.RISK);
    assertThat(a1.severity()).isEqualTo(Severity.HIGH);
    assertThat(a1.labels()).containsEntry("account", "ACC").containsEntry("tier", "1");
    assertThat(a1.startsAt()).isEqualTo(t3);
    assertThat(a1.isResolved()).isFalse();

    // step 4: NAV 955,000 -> 45% used: below the tier but not below 50% - 10% = 40%: stays (hysteresis)
    clock.advance(Duration.ofMinutes(30));
    assertThat(c.update(955_000)).isEmpty();
    assertThat(c.state().tier()).isEqualTo(1);

    // step 5: NAV 962,000 -> 38% used, below 40%, but only 40 minutes in the tier: stays
    clock.advance(Duration.ofMinutes(10));
    assertThat(c.update(962_000)).isEmpty();
    assertThat(c.state().tier()).isEqualTo(1);

    // step 6: 20 minutes later (one hour in the tier) the same NAV recovers to normal; the alert resolves
    clock.advance(Duration.ofMinutes(20));
    Optional<DrawdownTransition> rec = c.update(962_000);
    assertThat(rec).isPresent();
    assertThat(rec.get().recovery()).isTrue();
    assertThat(rec.get().instruction()).isEmpty();
    assertThat(c.state().tier()).isZero();
    assertThat(c.state().maxGrossLeverage()).isEqualTo(2.0);
    assertThat(alerts).hasSize(2);
    assertThat(alerts.get(1).isResolved()).isTrue();
    assertThat(alerts.get(1).fingerprint()).isEqualTo(a1.fingerprint());
    assertThat(alerts.get(1).endsAt()).contains(clock.instant());

    // step 7: NAV 925,000 -> 75% used: straight to tier 2 (leverage 1.0)
    clock.advance(Duration.ofMinutes(1));
    assertThat(c.update(925_000).get().to().tier()).isEqualTo(2);
    assertThat(c.state().maxGrossLeverage()).isCloseTo(1.0, within(1e-12));

    // step 8: NAV 900,000 -> 100% used: tier 3, flat; the tier-2 alert resolves and a CRITICAL one fires
    clock.advance(Duration.ofMinutes(1));
    assertThat(c.update(900_000).get().to().tier()).isEqualTo(3);
    assertThat(c.state().halted()).isTrue();
    assertThat(c.state().maxGrossLeverage()).isZero();
    assertThat(alerts).hasSize(5);
    assertThat(alerts.get(3).isResolved()).isTrue();
    assertThat(alerts.get(3).labels()).containsEntry("tier", "2");
    assertThat(alerts.get(4).severity()).isEqualTo(Severity.CRITICAL);
    assertThat(alerts.get(4).labels()).containsEntry("tier", "3");

    // step 9: NAV 930,000 after two hours -> 70% used: below 100% - 10% and below 75% - 10%? 70% >= 65%, so
    // recovery stops at tier 2 (the highest tier whose threshold minus the margin is reached)
    clock.advance(Duration.ofHours(2));
    assertThat(c.update(930_000).get().to().tier()).isEqualTo(2);

    // step 10: a new high-water mark resets the drawdown; after the dwell time the account is normal
    clock.advance(Duration.ofHours(2));
    assertThat(c.update(1_050_000).get().to().tier()).isZero();
    assertThat(c.state().highWaterMark()).isEqualTo(1_050_000);
    assertThat(c.state().drawdown()).isZero();
  }

  @Test
  void escalation_is_immediate_even_within_the_dwell_time() {
    DrawdownController c = controller();
    c.update(100.0);
    c.update(95.0);
    assertThat(c.state().tier()).isEqualTo(1);
    assertThat(c.update(90.0).get().to().tier()).isEqualTo(3);
  }

  @Test
  void escalation_with_positions_carries_a_pro_rata_instruction() {
    PositionBook book = book();
    DrawdownController c = DrawdownController.builder().account("ACC").budget(0.10).normalMaxGrossLeverage(2.0)
        .clock(clock).alertSink(alerts::add).initialHighWaterMark(157_894.74).build();
    // NAV 150,000 against HWM 157,894.74: drawdown 5.0%, 50% of the budget -> tier 1, max leverage 1.5
    // target gross = 1.5 * 150,000 = 225,000; gross = 300,000 -> cut 75,000, a quarter of every position:
    // A sell 250 (25,000), B buy 125 to cover (25,000), C sell 500 (25,000)
    DrawdownTransition tr = c.update(book).orElseThrow();
    DeleverageInstruction i = tr.instruction().orElseThrow();
    assertThat(i.nav()).isCloseTo(150_000, within(1e-6));
    assertThat(i.grossExposure()).isCloseTo(300_000, within(1e-6));
    assertThat(i.targetGrossExposure()).isCloseTo(225_000, within(1e-6));
    assertThat(i.orders()).containsExactlyInAnyOrder(
        new ReducingOrder("A", Side.SELL, 250, 25_000),
        new ReducingOrder("B", Side.BUY, 125, 25_000),
        new ReducingOrder("C", Side.SELL, 500, 25_000));
    assertThat(i.reductionNotional()).isCloseTo(75_000, within(1e-6));
    assertThat(alerts.get(0).annotations()).containsEntry("targetGrossExposure", "225000.0");
  }

  @Test
  void largest_risk_first_cuts_the_riskiest_position_first() {
    PositionBook book = book();
    // rank C above B above A, whatever their exposure
    RiskContribution risk = (id, exposure) -> id.equals("C") ? 3 : id.equals("B") ? 2 : 1;
    DrawdownController c = DrawdownController.builder().account("ACC").budget(0.10).normalMaxGrossLeverage(2.0)
        .reductionPolicy(ReductionPolicy.LARGEST_RISK_FIRST).riskContribution(risk)
        .clock(clock).initialHighWaterMark(157_894.74).build();
    c.update(book);
    // cut 75,000 from C alone: 75,000 / 50 = 1,500 shares
    DeleverageInstruction i = c.deleverage(book);
    assertThat(i.orders()).containsExactly(new ReducingOrder("C", Side.SELL, 1_500, 75_000));
  }

  @Test
  void largest_risk_first_moves_on_when_a_position_is_exhausted() {
    PositionBook book = book();
    DrawdownController c = DrawdownController.builder().account("ACC").budget(0.10).normalMaxGrossLeverage(2.0)
        .tier(0.5, 0.25).reductionPolicy(ReductionPolicy.LARGEST_RISK_FIRST)
        .riskContribution((id, exposure) -> id.equals("B") ? 9 : id.equals("A") ? 5 : 1)
        .clock(clock).initialHighWaterMark(157_894.74).build();
    c.update(book);
    // leverage 0.5 -> target 75,000, cut 225,000: all of B (100,000), all of A (100,000), then 25,000 of C (500)
    assertThat(c.deleverage(book).orders()).containsExactly(
        new ReducingOrder("B", Side.BUY, 500, 100_000),
        new ReducingOrder("A", Side.SELL, 1_000, 100_000),
        new ReducingOrder("C", Side.SELL, 500, 25_000));
  }

  @Test
  void halt_tier_closes_every_position() {
    PositionBook book = book();
    DrawdownController c = DrawdownController.builder().account("ACC").budget(0.05).normalMaxGrossLeverage(2.0)
        .clock(clock).initialHighWaterMark(157_894.74).build();
    DeleverageInstruction i = c.update(book).orElseThrow().instruction().orElseThrow();
    assertThat(c.state().halted()).isTrue();
    assertThat(i.targetGrossExposure()).isZero();
    assertThat(i.orders()).containsExactlyInAnyOrder(
        new ReducingOrder("A", Side.SELL, 1_000, 100_000),
        new ReducingOrder("B", Side.BUY, 500, 100_000),
        new ReducingOrder("C", Side.SELL, 2_000, 100_000));
  }

  @Test
  void instruction_within_target_has_no_orders() {
    PositionBook book = book();
    DrawdownController c = DrawdownController.builder().account("ACC").budget(0.10).normalMaxGrossLeverage(2.0)
        .clock(clock).build();
    c.update(book);
    // normal: target 2.0 * 150,000 = 300,000 = gross -> nothing to cut
    assertThat(c.deleverage(book).orders()).isEmpty();
  }

  @Test
  void reductions_round_up_to_whole_lots() {
    Instrument fut = Instrument.builder().id("F").sector("Index").issuer("CME").lotSize(10).multiplier(50).build();
    PositionBook book = PositionBook.create();
    book.deposit("ACC", 1_000_000);
    book.applyFill(new Fill("f1", "o1", "o1", "ACC", fut, Side.BUY, 100, 100.0, 0, T0));
    // gross = 100 * 100 * 50 = 500,000; NAV = 1,000,000; leverage 0.5 -> target 500,000: nothing to cut;
    // leverage 0.44 -> target 440,000, cut 60,000 = 12 contracts of 5,000 -> rounded up to 20 (2 lots of 10)
    DrawdownController c = DrawdownController.builder().account("ACC").budget(0.10).normalMaxGrossLeverage(0.5)
        .clock(clock).build();
    c.update(book);
    assertThat(c.deleverage(book).orders()).isEmpty();
    DrawdownController d = DrawdownController.builder().account("ACC").budget(0.10).normalMaxGrossLeverage(0.44)
        .tier(0.2, 1.0).clock(clock).initialHighWaterMark(1_030_000).build();
    d.update(book);
    assertThat(d.state().tier()).isEqualTo(1);
    assertThat(d.deleverage(book).orders()).containsExactly(new ReducingOrder("F", Side.SELL, 20, 100_000));
  }

  @Test
  void concurrent_updates_and_reads_keep_a_consistent_state() throws Exception {
    DrawdownController c = controller();
    c.update(1_000_000);
    int threads = 4;
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger inconsistent = new AtomicInteger();
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      final int id = t;
      workers[t] = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        for (int i = 0; i < 20_000; i++) {
          if (id % 2 == 0) {
            c.update(900_000 + (i % 100) * 1_000);
          } else {
            DrawdownState s = c.state();
            double expected = s.tier() == 0 ? 2.0 : s.tier() == 1 ? 1.5 : s.tier() == 2 ? 1.0 : 0.0;
            if (Math.abs(s.maxGrossLeverage() - expected) > 1e-12 || s.highWaterMark() != 1_000_000) {
              inconsistent.incrementAndGet();
            }
          }
        }
      });
      workers[t].start();
    }
    start.countDown();
    for (Thread w : workers) {
      w.join();
    }
    assertThat(inconsistent.get()).isZero();
    // every escalation fired and every de-escalation resolved: firing and resolved alerts alternate per tier
    long firing = alerts.stream().filter(a -> !a.isResolved()).count();
    long resolved = alerts.stream().filter(Alert::isResolved).count();
    assertThat(firing - resolved).isBetween(0L, 1L);
  }

  @Test
  void rejects_invalid_configuration() {
    assertThatThrownBy(() -> DrawdownController.builder().account("A").budget(0).normalMaxGrossLeverage(1)
        .clock(clock).build()).isInstanceOf(InvalidValueException.class).hasMessageContaining("budget");
    assertThatThrownBy(() -> DrawdownController.builder().account("A").budget(0.1).normalMaxGrossLeverage(1)
        .tier(0.5, 0.5).tier(0.4, 0.2).clock(clock).build()).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("tiers[1].budgetUsed");
    assertThatThrownBy(() -> DrawdownController.builder().account("A").budget(0.1).normalMaxGrossLeverage(1)
        .tier(0.5, 0.5).tier(0.7, 0.6).clock(clock).build()).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("leverageFraction");
    assertThatThrownBy(() -> DrawdownController.builder().account("A").budget(0.1).normalMaxGrossLeverage(1)
        .recoveryMargin(0.5).clock(clock).build()).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("recoveryMargin");
    assertThatThrownBy(() -> controller().update(Double.NaN)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("nav");
  }

  /**
   * Account ACC: A long 1,000 at 100, B short 500 at 200, C long 2,000 at 50 (each 100,000 gross);
   * cash 150,000 - 100,000 + 100,000 - 100,000 = 50,000; NAV = 50,000 + 100,000 - 100,000 + 100,000 = 150,000.
   */
  private static PositionBook book() {
    PositionBook book = PositionBook.create();
    book.deposit("ACC", 150_000);
    Instrument a = Instrument.usEquity("A", "Tech", "A Inc");
    Instrument b = Instrument.usEquity("B", "Energy", "B Inc");
    Instrument cc = Instrument.usEquity("C", "Health", "C Inc");
    book.applyFill(new Fill("f1", "o1", "o1", "ACC", a, Side.BUY, 1_000, 100.0, 0, T0));
    book.applyFill(new Fill("f2", "o2", "o2", "ACC", b, Side.SELL_SHORT, 500, 200.0, 0, T0));
    book.applyFill(new Fill("f3", "o3", "o3", "ACC", cc, Side.BUY, 2_000, 50.0, 0, T0));
    return book;
  }
}
