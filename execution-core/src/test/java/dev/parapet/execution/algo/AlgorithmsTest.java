package dev.parapet.execution.algo;

import static dev.parapet.execution.algo.AlgoFixtures.CLOSE;
import static dev.parapet.execution.algo.AlgoFixtures.OPEN;
import static dev.parapet.execution.algo.AlgoFixtures.market;
import static dev.parapet.execution.algo.AlgoFixtures.parent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.api.execution.Aggression;
import dev.parapet.api.execution.ExecutionAlgo;
import dev.parapet.api.execution.MarketState;
import dev.parapet.api.execution.SliceDecision;
import dev.parapet.api.model.Side;
import dev.parapet.api.model.Urgency;
import dev.parapet.execution.algo.AlgoFixtures.Parent;
import dev.parapet.execution.impact.LinearImpactModel;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlgorithmsTest {

  private static final Instant START = OPEN.plus(Duration.ofMinutes(30)); // 15:00
  private static final Instant END = START.plus(Duration.ofHours(2)); // 17:00

  @Test
  void immediate_asks_for_everything_aggressively() {
    ExecutionAlgo algo = ExecutionAlgos.immediate();
    SliceDecision d = algo.decide(START, parent(Side.BUY, 10_000, Urgency.LOW, START, END, 100, 0),
        market(START, 99.99, 100.01, 0).build());
    assertThat(d.targetQuantity()).isEqualTo(10_000);
    assertThat(d.aggression()).isEqualTo(Aggression.AGGRESSIVE);
    assertThat(algo.name()).isEqualTo("IMMEDIATE");
  }

  @Test
  void twap_releases_in_proportion_to_time_passive_first_then_crossing_what_is_late() {
    ExecutionAlgo algo = ExecutionAlgos.twap(Duration.ofMinutes(1));
    Parent p = parent(Side.BUY, 12_000, Urgency.MEDIUM, START, END, 100, 0);
    MarketState m = market(START, 99.99, 100.01, 0).build();
    assertThat(algo.decide(START, p, m).targetQuantity()).isZero();
    // 30 of 120 minutes: 3,000, posted passively
    SliceDecision d = algo.decide(START.plus(Duration.ofMinutes(30)), p, m);
    assertThat(d.targetQuantity()).isEqualTo(3_000);
    assertThat(d.aggression()).isEqualTo(Aggression.PASSIVE);
    assertThat(d.recheckAfter()).isEqualTo(Duration.ofMinutes(1));
    // one interval later the passive slice gets its interval: 31/120 * 12,000 = 3,100, still passive
    d = algo.decide(START.plus(Duration.ofMinutes(31)), p, m);
    assertThat(d.targetQuantity()).isEqualTo(3_100);
    assertThat(d.aggression()).isEqualTo(Aggression.PASSIVE);
    // two intervals later the 3,000 due two decisions ago is unfilled: cross
    d = algo.decide(START.plus(Duration.ofMinutes(32)), p, m);
    assertThat(d.targetQuantity()).isEqualTo(3_200);
    assertThat(d.aggression()).isEqualTo(Aggression.AGGRESSIVE);
    // filled what was due two decisions ago (3,100), although less than the last target: passive again
    d = algo.decide(START.plus(Duration.ofMinutes(33)), p.withFilled(3_100), m);
    assertThat(d.targetQuantity()).isEqualTo(3_300);
    assertThat(d.aggression()).isEqualTo(Aggression.PASSIVE);
    // final window (2 rechecks before the end): everything, aggressively
    d = algo.decide(END.minus(Duration.ofSeconds(90)), p.withFilled(11_000), m);
    assertThat(d.targetQuantity()).isEqualTo(12_000);
    assertThat(d.aggression()).isEqualTo(Aggression.AGGRESSIVE);
  }

  @Test
  void vwap_follows_the_profile_between_start_and_end() {
    // three equal buckets of the 6.5 h session with volumes 2 : 1 : 3 (shares 1/3, 1/6, 1/2);
    // order over the whole session; at f = 1/2: 1/3 + (1/2 - 1/3) * 3 * 1/6 = 1/3 + 1/12 = 5/12
    ExecutionAlgo algo = ExecutionAlgos.vwap(new double[] {2, 1, 3});
    Parent p = parent(Side.SELL, 12_000, Urgency.MEDIUM, OPEN, CLOSE, 100, 0);
    Instant half = OPEN.plus(Duration.ofMinutes(195));
    MarketState m = market(half, 99.99, 100.01, 0).build();
    assertThat(algo.decide(half, p, m).targetQuantity()).isEqualTo(5_000);
    // a window inside the session: [f = 1/3, f = 2/3] holds only the middle bucket; halfway through it -> 50%
    ExecutionAlgo inner = ExecutionAlgos.vwap(new double[] {2, 1, 3});
    Parent q = parent(Side.SELL, 12_000, Urgency.MEDIUM, OPEN.plus(Duration.ofMinutes(130)),
        OPEN.plus(Duration.ofMinutes(260)), 100, 0);
    assertThat(inner.decide(half, q, m).targetQuantity()).isEqualTo(6_000);
  }

  @Test
  void pov_takes_its_share_of_the_volume_since_start_and_does_not_force_completion() {
    ExecutionAlgo algo = ExecutionAlgos.pov(0.1);
    Parent p = parent(Side.BUY, 10_000, Urgency.MEDIUM, START, END, 100, 1_000_000);
    // 50,000 traded since start -> 5,000
    assertThat(algo.decide(START.plusSeconds(600), p, market(START, 99.99, 100.01, 1_050_000).build())
        .targetQuantity()).isEqualTo(5_000);
    // capped at the order
    assertThat(algo.decide(START.plusSeconds(900), p, market(START, 99.99, 100.01, 1_500_000).build())
        .targetQuantity()).isEqualTo(10_000);
    // at the end with little volume: still only its share
    ExecutionAlgo late = ExecutionAlgos.pov(0.1);
    assertThat(late.decide(END.minusSeconds(1), p, market(START, 99.99, 100.01, 1_020_000).build())
        .targetQuantity()).isEqualTo(2_000);
  }

  @Test
  void implementation_shortfall_follows_the_sinh_trajectory_of_the_urgency() {
    // MEDIUM: kappa T = 2 with T = 2 h / 6.5 h; at t = T/2: x/X = sinh(1) / sinh(2) = 1.1752012 / 3.6268604 = 0.3240271
    ExecutionAlgo algo = ExecutionAlgos.implementationShortfall();
    Parent p = parent(Side.BUY, 100_000, Urgency.MEDIUM, START, END, 100, 0);
    MarketState m = market(START, 99.99, 100.01, 0).build();
    SliceDecision d = algo.decide(START.plus(Duration.ofHours(1)), p, m);
    assertThat(d.targetQuantity()).isEqualTo((long) Math.ceil(100_000 * (1 - 0.3240271) - 1e-9));
    // HIGH: kappa T = 5: x/X = sinh(2.5) / sinh(5) = 6.0502045 / 74.2032106 = 0.0815356
    ExecutionAlgo high = ExecutionAlgos.implementationShortfall();
    Parent ph = parent(Side.BUY, 100_000, Urgency.HIGH, START, END, 100, 0);
    assertThat(high.decide(START.plus(Duration.ofHours(1)), ph, m).targetQuantity()).isBetween(91_846L, 91_847L);
  }

  @Test
  void implementation_shortfall_with_explicit_lambda_uses_the_almgren_chriss_kappa() {
    // paper coefficients, sigma = 0.95 $/sqrt(day) (price 50, 1.9% daily), horizon 5 sessions, N = 5, lambda 1e-6:
    // kappa = acosh(1.19) = 0.6070762 per day (see AlmgrenChrissTest); at t = 1 day x/X = 0.5419556
    ImplementationShortfallParameters params = ImplementationShortfallParameters.defaults()
        .withModel(LinearImpactModel.of(2.5e-7, 2.5e-6, 0.0625)).withLambda(1e-6);
    params = new ImplementationShortfallParameters(params.model(), params.lambda(), 5, 0.5, 2, 5,
        Duration.ofMinutes(5));
    ImplementationShortfallAlgo algo = new ImplementationShortfallAlgo(params);
    Instant end = START.plus(Duration.ofMinutes(5 * 390));
    Parent p = parent(Side.SELL, 1_000_000, Urgency.MEDIUM, START, end, 50, 0);
    MarketState m = market(START, 49.99, 50.01, 0).dailyVolatility(0.019).build();
    SliceDecision d = algo.decide(START.plus(Duration.ofMinutes(390)), p, m);
    assertThat(algo.kappa()).isCloseTo(0.6070762, within(1e-7));
    assertThat(d.targetQuantity()).isBetween(458_044L, 458_045L);
  }

  @Test
  void adaptive_participates_at_its_base_rate_in_normal_conditions() {
    AdaptiveAlgo algo = new AdaptiveAlgo(AdaptiveParameters.defaults().withProfile(VolumeProfile.flat()));
    // long horizon, small order: completion needs little; spread = typical (2 bps at 100: 99.99/100.01), vol normal
    Parent p = parent(Side.BUY, 10_000, Urgency.MEDIUM, START, CLOSE, 100, 1_000_000);
    algo.decide(START, p, market(START, 99.99, 100.01, 1_000_000).build());
    // 10 minutes later 100,000 more traded, mid unchanged: 10% of it
    Instant t = START.plus(Duration.ofMinutes(10));
    SliceDecision d = algo.decide(t, p, market(t, 99.99, 100.01, 1_100_000).build());
    assertThat(algo.lastRate()).isCloseTo(0.10, within(1e-12));
    assertThat(d.targetQuantity()).isEqualTo(10_000);
  }

  @Test
  void adaptive_slows_down_when_the_spread_is_wide_and_speeds_up_in_a_volatile_regime() {
    Parent p = parent(Side.BUY, 10_000, Urgency.MEDIUM, START, CLOSE, 100, 1_000_000);
    Instant t = START.plus(Duration.ofMinutes(10));
    // spread 8 bps vs typical 2: sqrt(2/8) = 0.5 -> 5%
    AdaptiveAlgo wide = new AdaptiveAlgo(AdaptiveParameters.defaults().withProfile(VolumeProfile.flat()));
    wide.decide(t, p, market(t, 99.96, 100.04, 1_000_000).build());
    assertThat(wide.lastRate()).isCloseTo(0.05, within(1e-9));
    // realised vol 1.69x the long-run: sqrt(1.69) = 1.3 -> 13%
    AdaptiveAlgo volatile_ = new AdaptiveAlgo(AdaptiveParameters.defaults().withProfile(VolumeProfile.flat()));
    volatile_.decide(t, p, market(t, 99.99, 100.01, 1_000_000).realizedDailyVolatility(0.0338).build());
    assertThat(volatile_.lastRate()).isCloseTo(0.13, within(1e-9));
  }

  @Test
  void adaptive_accelerates_on_adverse_drift_and_eases_on_favourable_drift() {
    // 97.5 minutes = 0.25 day: sigma sqrt(0.25) = 1% of 100 = 1.00; mid 101 is +1 sd
    Parent buy = parent(Side.BUY, 10_000, Urgency.MEDIUM, START, CLOSE, 100, 1_000_000);
    Instant t = START.plus(Duration.ofSeconds(5_850));
    MarketState up = market(t, 100.99, 101.01, 1_000_000).typicalSpreadBps(1.98).build();
    AdaptiveAlgo a = new AdaptiveAlgo(AdaptiveParameters.defaults().withProfile(VolumeProfile.flat()));
    a.decide(t, buy, up);
    // spread 0.02/101 = 1.980198 bps vs typical 1.98: factor sqrt(1.98/1.980198) = 0.99995; drift +1 sd: x 1.2
    assertThat(a.lastRate()).isCloseTo(0.10 * Math.sqrt(1.98 / 1.980198) * 1.2, within(1e-6));
    Parent sell = parent(Side.SELL, 10_000, Urgency.MEDIUM, START, CLOSE, 100, 1_000_000);
    AdaptiveAlgo b = new AdaptiveAlgo(AdaptiveParameters.defaults().withProfile(VolumeProfile.flat()));
    b.decide(t, sell, up);
    // a sell seeing the price rise 1 sd: x 0.9
    assertThat(b.lastRate()).isCloseTo(0.10 * Math.sqrt(1.98 / 1.980198) * 0.9, within(1e-6));
  }

  @Test
  void adaptive_raises_its_rate_to_finish_and_respects_the_cap() {
    // 1h left of a flat 6.5h session: expected remaining volume 10M / 6.5 = 1,538,461.5 shares;
    // leaves 30,000 -> needs 1.95%, x 1.1 = 2.15% < base 10%: base wins
    Instant t = CLOSE.minus(Duration.ofHours(1));
    Parent small = parent(Side.BUY, 30_000, Urgency.MEDIUM, t, CLOSE, 100, 0);
    AdaptiveAlgo a = new AdaptiveAlgo(AdaptiveParameters.defaults().withProfile(VolumeProfile.flat()));
    a.decide(t, small, market(t, 99.99, 100.01, 0).build());
    assertThat(a.lastRate()).isCloseTo(0.10, within(1e-9));
    // leaves 200,000 -> 13% x 1.1 = 14.3%
    Parent mid = parent(Side.BUY, 200_000, Urgency.MEDIUM, t, CLOSE, 100, 0);
    AdaptiveAlgo b = new AdaptiveAlgo(AdaptiveParameters.defaults().withProfile(VolumeProfile.flat()));
    b.decide(t, mid, market(t, 99.99, 100.01, 0).build());
    assertThat(b.lastRate()).isCloseTo(1.1 * 200_000 / (10_000_000 / 6.5), within(1e-9));
    // leaves 1,000,000 -> capped at 30%
    Parent big = parent(Side.BUY, 1_000_000, Urgency.MEDIUM, t, CLOSE, 100, 0);
    AdaptiveAlgo c = new AdaptiveAlgo(AdaptiveParameters.defaults().withProfile(VolumeProfile.flat()));
    c.decide(t, big, market(t, 99.99, 100.01, 0).build());
    assertThat(c.lastRate()).isEqualTo(0.30);
  }

  @Test
  void adaptive_rests_passively_within_the_slack_then_crosses_part_of_the_lag() {
    // flat profile, rate 10%: the 5-minute slack is 10% of 1e7 * 5 / 390 = 12,820.5 shares;
    // one 30 s interval is 10% of 1e7 * 0.5 / 390 = 1,282.05 shares
    AdaptiveAlgo algo = new AdaptiveAlgo(AdaptiveParameters.defaults().withProfile(VolumeProfile.flat()));
    Parent p = parent(Side.BUY, 100_000, Urgency.MEDIUM, START, CLOSE, 100, 1_000_000);
    algo.decide(START, p, market(START, 99.99, 100.01, 1_000_000).build());
    Instant t1 = START.plus(Duration.ofMinutes(1));
    SliceDecision d1 = algo.decide(t1, p, market(t1, 99.99, 100.01, 1_100_000).build());
    assertThat(d1.targetQuantity()).isEqualTo(10_000);
    assertThat(d1.aggression()).isEqualTo(Aggression.PASSIVE);
    // 10,000 due and unfilled: within the slack, still passive (target 20,000)
    Instant t2 = START.plus(Duration.ofMinutes(2));
    SliceDecision d2 = algo.decide(t2, p, market(t2, 99.99, 100.01, 1_200_000).build());
    assertThat(d2.aggression()).isEqualTo(Aggression.PASSIVE);
    assertThat(d2.targetQuantity()).isEqualTo(20_000);
    // 20,000 due and unfilled, 10,000 resting: beyond the slack; cross min(20,000 - 6,410.26, 2 * 1,282.05)
    // = 2,565 on top of what rests (the engine cancels the resting passive children)
    Instant t3 = START.plus(Duration.ofMinutes(3));
    Parent resting = new Parent(p.order(), p.state(), p.algoName(), p.startTime(), p.endTime(), p.arrivalPrice(),
        p.marketVolumeAtStart(), 0, 10_000, 0, 0, 2, 0, t3, "");
    SliceDecision d3 = algo.decide(t3, resting, market(t3, 99.99, 100.01, 1_300_000).build());
    assertThat(d3.aggression()).isEqualTo(Aggression.AGGRESSIVE);
    assertThat(d3.targetQuantity()).isEqualTo(10_000 + 2_565);
    // within the same interval it does not cross again
    Instant t3b = t3.plusSeconds(3);
    assertThat(algo.decide(t3b, p.withFilled(2_565), market(t3, 99.99, 100.01, 1_300_000).build()).aggression())
        .isEqualTo(Aggression.PASSIVE);
    // final window (6 intervals = 3 minutes before the end): everything, aggressively
    Instant last = CLOSE.minusSeconds(150);
    SliceDecision end = algo.decide(last, p.withFilled(90_000), market(last, 99.99, 100.01, 2_000_000).build());
    assertThat(end.targetQuantity()).isEqualTo(100_000);
    assertThat(end.aggression()).isEqualTo(Aggression.AGGRESSIVE);
  }

  @Test
  void volume_profile_interpolates_within_buckets() {
    VolumeProfile p = VolumeProfile.of(new double[] {2, 1, 3});
    assertThat(p.cumulative(0)).isZero();
    assertThat(p.cumulative(1.0 / 3)).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(p.cumulative(0.5)).isCloseTo(5.0 / 12, within(1e-15));
    assertThat(p.cumulative(1)).isEqualTo(1.0);
    assertThat(p.share(2)).isCloseTo(0.5, within(1e-15));
    // averaging two sessions normalised each: (1/2 + 1/4)/2, (1/2 + 3/4)/2 -> 0.375, 0.625
    VolumeProfile avg = VolumeProfile.average(new double[][] {{10, 10}, {100, 300}});
    assertThat(avg.share(0)).isCloseTo(0.375, within(1e-15));
    // U shape: buckets at f = 1/6, 1/2, 5/6 with curvature 3: weights 1 + 3 * 4/9 = 7/3, 1, 7/3 -> 7/17, 3/17, 7/17
    VolumeProfile u = VolumeProfile.uShaped(3, 3);
    assertThat(u.share(1)).isCloseTo(3.0 / 17, within(1e-15));
  }
}
