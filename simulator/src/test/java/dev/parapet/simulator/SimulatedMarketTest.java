package dev.parapet.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.api.InvalidValueException;
import dev.parapet.api.calendar.MarketCalendars;
import dev.parapet.api.calendar.TradingSession;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.BarInterval;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.Quote;
import dev.parapet.api.time.SimulatedClock;
import dev.parapet.simulator.calendar.WeekdayCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SimulatedMarketTest {

  private static final Instant MON_OPEN = Instant.parse("2024-01-08T14:30:00Z");

  /** An instrument with a fine tick so that rounding does not blur statistics. */
  static Instrument fine(String id, String sector) {
    return Instrument.builder().id(id).sector(sector).issuer(id + " Inc.").tickSize(0.0001).build();
  }

  // ------------------------------------------------------------------------------------------------
  // reproducibility

  @Test
  void same_seed_gives_identical_quotes_bars_history_and_scenarios() {
    long seed = 42;
    System.out.println("seed=" + seed);
    SimulatedMarket a = SimulatedMarket.builder().seed(seed).instruments(8).build();
    SimulatedMarket b = SimulatedMarket.builder().seed(seed).instruments(8).build();
    Recorder ra = Recorder.attach(a);
    Recorder rb = Recorder.attach(b);
    a.runToClose();
    a.runToClose();
    b.runToClose();
    b.runToClose();
    assertThat(ra.quotes).isNotEmpty().isEqualTo(rb.quotes);
    assertThat(ra.minuteBars).hasSize(2 * 390 * 8).isEqualTo(rb.minuteBars);
    assertThat(ra.dailyBars).hasSize(2 * 8).isEqualTo(rb.dailyBars);
    assertThat(a.profiles()).isEqualTo(b.profiles());
    assertThat(a.dailyHistory(30)).isEqualTo(b.dailyHistory(30));
    assertThat(Arrays.deepEquals(a.returnScenarios(100), b.returnScenarios(100))).isTrue();
  }

  @Test
  void different_seeds_give_different_paths() {
    SimulatedMarket a = SimulatedMarket.builder().seed(1).instruments(3).build();
    SimulatedMarket b = SimulatedMarket.builder().seed(2).instruments(3).build();
    Recorder ra = Recorder.attach(a);
    Recorder rb = Recorder.attach(b);
    a.runToClose();
    b.runToClose();
    assertThat(ra.dailyBars).isNotEqualTo(rb.dailyBars);
  }

  @Test
  void history_and_scenarios_do_not_disturb_the_live_market() {
    SimulatedMarket a = SimulatedMarket.builder().seed(5).instruments(4).build();
    SimulatedMarket b = SimulatedMarket.builder().seed(5).instruments(4).build();
    b.dailyHistory(100);
    b.returnScenarios(1000);
    Recorder ra = Recorder.attach(a);
    Recorder rb = Recorder.attach(b);
    a.runToClose();
    b.runToClose();
    assertThat(ra.minuteBars).isEqualTo(rb.minuteBars);
  }

  // ------------------------------------------------------------------------------------------------
  // time

  @Test
  void starts_open_at_first_session_and_steps_minute_by_minute_to_the_next_open() {
    // 2024-01-06 is a Saturday: the first session is Monday 2024-01-08, 09:30 EST = 14:30Z
    SimulatedMarket m = SimulatedMarket.builder().seed(3).instruments(2).start(LocalDate.of(2024, 1, 6)).build();
    Recorder r = Recorder.attach(m);
    assertThat(m.now()).isEqualTo(MON_OPEN);
    assertThat(m.clock().instant()).isEqualTo(MON_OPEN);
    assertThat(m.isOpen()).isTrue();
    assertThat(m.currentSession()).map(TradingSession::date).contains(LocalDate.of(2024, 1, 8));
    assertThat(m.quotes()).hasSize(2);

    assertThat(m.step()).isEqualTo(Instant.parse("2024-01-08T14:31:00Z"));
    assertThat(m.clock().instant()).isEqualTo(Instant.parse("2024-01-08T14:31:00Z"));
    assertThat(r.minuteBars).hasSize(2);
    assertThat(r.minuteBars.get(0).start()).isEqualTo(MON_OPEN);
    assertThat(r.steps).containsExactly(Instant.parse("2024-01-08T14:31:00Z"));

    TradingSession closed = m.runToClose();
    assertThat(closed.date()).isEqualTo(LocalDate.of(2024, 1, 8));
    assertThat(m.isOpen()).isFalse();
    assertThat(m.currentSession()).isEmpty();
    assertThat(m.now()).isEqualTo(Instant.parse("2024-01-08T21:00:00Z"));
    assertThat(r.minuteBars).hasSize(390 * 2);
    assertThat(r.dailyBars).hasSize(2);
    assertThat(r.dailyBars.get(0).start()).isEqualTo(Instant.parse("2024-01-08T00:00:00Z"));
    assertThat(r.closes).hasSize(1);

    assertThat(m.step()).isEqualTo(Instant.parse("2024-01-09T14:30:00Z"));
    assertThat(m.isOpen()).isTrue();
    assertThat(r.opens).extracting(TradingSession::date).containsExactly(LocalDate.of(2024, 1, 9));
  }

  @Test
  void advance_to_steps_through_minutes_and_sets_the_clock_between_them() {
    SimulatedMarket m = SimulatedMarket.builder().seed(3).instruments(1).start(LocalDate.of(2024, 1, 8)).build();
    Recorder r = Recorder.attach(m);
    m.advanceTo(MON_OPEN.plusSeconds(150));
    assertThat(r.minuteBars).hasSize(2);
    assertThat(m.now()).isEqualTo(MON_OPEN.plusSeconds(120));
    assertThat(m.clock().instant()).isEqualTo(MON_OPEN.plusSeconds(150));
    m.advanceTo(MON_OPEN.plusSeconds(180));
    assertThat(r.minuteBars).hasSize(3);
    // over a weekend: Friday 2024-01-12 close to Monday's open
    m.advanceTo(Instant.parse("2024-01-15T14:30:00Z"));
    assertThat(r.closes).extracting(TradingSession::date).containsExactly(LocalDate.of(2024, 1, 8),
        LocalDate.of(2024, 1, 9), LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 11), LocalDate.of(2024, 1, 12));
    assertThat(m.isOpen()).isTrue();
    assertThat(m.now()).isEqualTo(Instant.parse("2024-01-15T14:30:00Z"));
  }

  @Test
  void short_and_ragged_sessions_get_one_bar_per_started_minute() {
    // an early-close style session 09:30-13:00: 210 minutes
    SimulatedMarket half = SimulatedMarket.builder().instruments(2).start(LocalDate.of(2024, 1, 8))
        .calendar(WeekdayCalendar.of("HALF", ZoneId.of("America/New_York"), LocalTime.of(9, 30),
            LocalTime.of(13, 0))).build();
    Recorder rh = Recorder.attach(half);
    half.runToClose();
    assertThat(rh.minuteBars).hasSize(2 * 210);
    assertThat(half.now()).isEqualTo(Instant.parse("2024-01-08T18:00:00Z"));
    // 09:00:00-09:02:30 UTC: two whole minutes and a last half minute
    SimulatedMarket ragged = SimulatedMarket.builder().instruments(1).start(LocalDate.of(2024, 1, 8))
        .calendar(WeekdayCalendar.of("RAG", ZoneOffset.UTC, LocalTime.of(9, 0),
            LocalTime.of(9, 2, 30))).build();
    Recorder rr = Recorder.attach(ragged);
    ragged.runToClose();
    assertThat(rr.steps).containsExactly(Instant.parse("2024-01-08T09:01:00Z"), Instant.parse("2024-01-08T09:02:00Z"),
        Instant.parse("2024-01-08T09:02:30Z"));
    assertThat(rr.minuteBars).hasSize(3);
    assertThat(rr.dailyBars).hasSize(1);
  }

  @Test
  void runs_on_the_xnys_calendar_across_a_holiday_and_an_early_close() {
    // Thanksgiving 2024-11-28 is a holiday; Friday 2024-11-29 closes at 13:00 New York (18:00Z): 210 minutes
    SimulatedMarket m = SimulatedMarket.builder().instruments(2).calendar(MarketCalendars.XNYS)
        .start(LocalDate.of(2024, 11, 28)).build();
    Recorder r = Recorder.attach(m);
    assertThat(m.now()).isEqualTo(Instant.parse("2024-11-29T14:30:00Z"));
    m.runToClose();
    assertThat(m.now()).isEqualTo(Instant.parse("2024-11-29T18:00:00Z"));
    assertThat(r.minuteBars).hasSize(2 * 210);
    // history skips the holiday too: the two sessions before are Wednesday 27th and Tuesday 26th
    assertThat(m.dailyHistory(2)).extracting(Bar::date).containsExactly(LocalDate.of(2024, 11, 26),
        LocalDate.of(2024, 11, 26), LocalDate.of(2024, 11, 27), LocalDate.of(2024, 11, 27));
    // the next step opens Monday 2024-12-02
    assertThat(m.step()).isEqualTo(Instant.parse("2024-12-02T14:30:00Z"));
  }

  @Test
  void drives_a_clock_handed_in() {
    SimulatedClock clock = SimulatedClock.at(Instant.parse("2024-01-08T00:00:00Z"));
    SimulatedMarket m = SimulatedMarket.builder().instruments(1).start(LocalDate.of(2024, 1, 8)).clock(clock).build();
    assertThat(m.clock()).isSameAs(clock);
    assertThat(clock.instant()).isEqualTo(MON_OPEN);
    m.step();
    assertThat(clock.instant()).isEqualTo(MON_OPEN.plusSeconds(60));
  }

  // ------------------------------------------------------------------------------------------------
  // quotes and bars

  @Test
  void quotes_are_on_the_tick_grid_with_a_spread_of_at_least_one_tick() {
    SimulatedMarket m = SimulatedMarket.builder().seed(17).instruments(20).regimes(RegimeModel.stressedOnly()).build();
    Recorder r = Recorder.attach(m);
    m.runToClose();
    assertThat(r.quotes).hasSize(390 * 20);
    for (Quote q : r.quotes) {
      double tick = m.getProfile(q.instrumentId()).instrument().tickSize();
      assertThat(q.ask() - q.bid()).as("spread of %s", q).isGreaterThanOrEqualTo(tick - 1e-9);
      assertThat(Math.abs(q.bid() / tick - Math.rint(q.bid() / tick))).isLessThan(1e-6);
      assertThat(Math.abs(q.ask() / tick - Math.rint(q.ask() / tick))).isLessThan(1e-6);
      assertThat(q.bidSize()).isPositive();
      assertThat(q.askSize()).isPositive();
    }
  }

  @Test
  void daily_bar_aggregates_the_minute_bars() {
    SimulatedMarket m = SimulatedMarket.builder().seed(8).instruments(3).build();
    Recorder r = Recorder.attach(m);
    m.runToClose();
    for (Bar daily : r.dailyBars) {
      List<Bar> minutes = r.minuteBarsOf(daily.instrumentId());
      assertThat(minutes).hasSize(390);
      assertThat(daily.open()).isEqualTo(minutes.get(0).open());
      assertThat(daily.close()).isEqualTo(minutes.get(389).close());
      assertThat(daily.high()).isEqualTo(minutes.stream().mapToDouble(Bar::high).max().orElseThrow());
      assertThat(daily.low()).isEqualTo(minutes.stream().mapToDouble(Bar::low).min().orElseThrow());
      assertThat(daily.volume()).isEqualTo(minutes.stream().mapToLong(Bar::volume).sum());
      assertThat(m.findLastBar(daily.instrumentId(), BarInterval.DAILY)).contains(daily);
      assertThat(m.findLastBar(daily.instrumentId(), BarInterval.ONE_MINUTE)).contains(minutes.get(389));
      // consecutive minute bars join: each opens where the previous closed
      for (int k = 1; k < minutes.size(); k++) {
        assertThat(minutes.get(k).open()).isEqualTo(minutes.get(k - 1).close());
      }
    }
  }

  @Test
  void intraday_volume_is_u_shaped() {
    SimulatedMarket m = SimulatedMarket.builder().seed(23).instruments(10).build();
    Recorder r = Recorder.attach(m);
    for (int d = 0; d < 5; d++) {
      m.runToClose();
    }
    // thirteen 30-minute buckets summed over instruments and days
    double[] bucket = new double[13];
    for (Bar b : r.minuteBars) {
      long minute = Duration.between(m.calendar().getSession(b.start().atZone(m.calendar().zone()).toLocalDate())
          .open().toInstant(), b.start()).toMinutes();
      bucket[(int) (minute / 30)] += b.volume();
    }
    System.out.println("volume by half hour: " + Arrays.toString(bucket));
    for (int k = 3; k <= 9; k++) {
      assertThat(bucket[0]).as("first bucket vs bucket %d", k).isGreaterThan(bucket[k]);
      assertThat(bucket[12]).as("last bucket vs bucket %d", k).isGreaterThan(bucket[k]);
    }
  }

  @Test
  void spreads_widen_with_volatility() {
    // fine ticks, so that rounding to the grid does not blur the ratio
    List<Instrument> fine = new ArrayList<>();
    for (Instrument i : SimulatedInstruments.create(10)) {
      fine.add(fine(i.id(), i.sector()));
    }
    SimulatedMarket calm = SimulatedMarket.builder().seed(31).instruments(fine).regimes(RegimeModel.calmOnly()).build();
    SimulatedMarket stressed = SimulatedMarket.builder().seed(31).instruments(fine)
        .regimes(RegimeModel.stressedOnly()).build();
    Recorder rc = Recorder.attach(calm);
    Recorder rs = Recorder.attach(stressed);
    calm.runToClose();
    stressed.runToClose();
    double calmSpread = rc.quotes.stream().mapToDouble(Quote::spreadBps).average().orElseThrow();
    double stressedSpread = rs.quotes.stream().mapToDouble(Quote::spreadBps).average().orElseThrow();
    System.out.printf("mean spread calm %.3f bps, stressed %.3f bps%n", calmSpread, stressedSpread);
    // the spread is proportional to volatility, and stressed volatility is twice calm (RegimeModel.stressedOnly);
    // the paths differ only by the stressed scale, so the ratio is 2 up to rounding to the 0.0001 grid
    assertThat(stressedSpread / calmSpread).isCloseTo(2.0, within(0.05));
    // with cent ticks the one-tick floor and outward rounding damp the ratio but it stays well above 1
    SimulatedMarket calmCents = SimulatedMarket.builder().seed(31).instruments(10).regimes(RegimeModel.calmOnly())
        .build();
    SimulatedMarket stressedCents = SimulatedMarket.builder().seed(31).instruments(10)
        .regimes(RegimeModel.stressedOnly()).build();
    assertThat(mean(stressedCents.quotes())).isGreaterThan(1.3 * mean(calmCents.quotes()));
    // and within the day: wider in the first half hour, when intraday variance is highest, than at midday
    double open = rc.quotes.stream().filter(q -> q.timestamp().isBefore(Instant.parse("2024-01-02T15:00:00Z")))
        .mapToDouble(Quote::spreadBps).average().orElseThrow();
    double midday = rc.quotes.stream().filter(q -> !q.timestamp().isBefore(Instant.parse("2024-01-02T17:00:00Z"))
        && q.timestamp().isBefore(Instant.parse("2024-01-02T18:00:00Z"))).mapToDouble(Quote::spreadBps).average()
        .orElseThrow();
    assertThat(open).isGreaterThan(midday);
  }

  private static double mean(List<Quote> quotes) {
    return quotes.stream().mapToDouble(Quote::spreadBps).average().orElseThrow();
  }

  // ------------------------------------------------------------------------------------------------
  // statistical properties of returns

  @Test
  void scenario_correlation_matches_a_given_matrix() {
    long seed = 101;
    System.out.println("seed=" + seed);
    double[][] target = {{1, .6, .3, -.2}, {.6, 1, .5, 0}, {.3, .5, 1, .1}, {-.2, 0, .1, 1}};
    List<Instrument> instruments = List.of(fine("A", "Energy"), fine("B", "Energy"), fine("C", "Financials"),
        fine("D", "Utilities"));
    SimulatedMarket m = SimulatedMarket.builder().seed(seed).instruments(instruments).correlation(target).build();
    assertThat(m.correlation()).isDeepEqualTo(target);
    double[][] x = m.returnScenarios(40_000);
    // sample correlation of t-distributed data with regime mixing: standard error about 0.01
    for (int i = 0; i < 4; i++) {
      for (int j = i + 1; j < 4; j++) {
        assertThat(Stats.correlation(Stats.column(x, i), Stats.column(x, j))).as("corr(%d,%d)", i, j)
            .isCloseTo(target[i][j], within(0.04));
      }
    }
  }

  @Test
  void factor_model_correlation_follows_the_loadings() {
    List<InstrumentProfile> profiles = List.of(
        new InstrumentProfile(fine("A", "Energy"), 50, 0.3, 0, 1_000_000, 5, 0.6, 0.4),
        new InstrumentProfile(fine("B", "Energy"), 60, 0.2, 0, 1_000_000, 5, 0.5, 0.5),
        new InstrumentProfile(fine("C", "Utilities"), 70, 0.25, 0, 1_000_000, 5, 0.7, 0.3));
    SimulatedMarket m = SimulatedMarket.builder().seed(9).profiles(profiles).build();
    // m_i m_j + s_i s_j [same sector]: AB = .3 + .2 = .5, AC = .42, BC = .35
    double[][] c = m.correlation();
    assertThat(c[0][1]).isCloseTo(0.5, within(1e-12));
    assertThat(c[0][2]).isCloseTo(0.42, within(1e-12));
    assertThat(c[1][2]).isCloseTo(0.35, within(1e-12));
    double[][] x = m.returnScenarios(40_000);
    assertThat(Stats.correlation(Stats.column(x, 0), Stats.column(x, 1))).isCloseTo(0.5, within(0.04));
    assertThat(Stats.correlation(Stats.column(x, 0), Stats.column(x, 2))).isCloseTo(0.42, within(0.04));
    assertThat(Stats.correlation(Stats.column(x, 1), Stats.column(x, 2))).isCloseTo(0.35, within(0.04));
  }

  @Test
  void live_minute_returns_have_the_target_correlation() {
    double[][] target = {{1, .7, .2}, {.7, 1, .4}, {.2, .4, 1}};
    List<InstrumentProfile> profiles = List.of(
        InstrumentProfile.of(fine("A", "Energy"), 100, 0.3, 1_000_000, 1),
        InstrumentProfile.of(fine("B", "Energy"), 100, 0.3, 1_000_000, 1),
        InstrumentProfile.of(fine("C", "Energy"), 100, 0.3, 1_000_000, 1));
    SimulatedMarket m = SimulatedMarket.builder().seed(77).profiles(profiles).correlation(target)
        .tailDegreesOfFreedom(Double.POSITIVE_INFINITY).regimes(RegimeModel.calmOnly()).build();
    Recorder r = Recorder.attach(m);
    for (int d = 0; d < 8; d++) {
      m.runToClose();
    }
    double[][] returns = new double[3][];
    for (int i = 0; i < 3; i++) {
      List<Bar> bars = r.minuteBarsOf(profiles.get(i).instrument().id());
      returns[i] = bars.stream().mapToDouble(b -> Math.log(b.close() / b.open())).toArray();
    }
    // 3120 minute returns: standard error of a correlation about (1 - rho^2) / sqrt(n) < 0.02
    assertThat(Stats.correlation(returns[0], returns[1])).isCloseTo(0.7, within(0.05));
    assertThat(Stats.correlation(returns[0], returns[2])).isCloseTo(0.2, within(0.06));
    assertThat(Stats.correlation(returns[1], returns[2])).isCloseTo(0.4, within(0.06));
  }

  @Test
  void daily_returns_are_fat_tailed_with_student_t_and_normal_without() {
    List<Instrument> one = List.of(fine("A", "Energy"));
    double[][] t = SimulatedMarket.builder().seed(5).instruments(one).tailDegreesOfFreedom(6)
        .regimes(RegimeModel.calmOnly()).build().returnScenarios(100_000);
    double[][] normal = SimulatedMarket.builder().seed(5).instruments(one)
        .tailDegreesOfFreedom(Double.POSITIVE_INFINITY).regimes(RegimeModel.calmOnly()).build()
        .returnScenarios(100_000);
    double kt = Stats.kurtosis(Stats.column(t, 0));
    double kn = Stats.kurtosis(Stats.column(normal, 0));
    System.out.printf("kurtosis t6 %.3f (theory 3 + 6 / (6 - 4) = 6), normal %.3f (theory 3)%n", kt, kn);
    assertThat(kt).isGreaterThan(4.5);
    // normal: kurtosis 3 with standard error sqrt(24 / n) = 0.015
    assertThat(kn).isCloseTo(3.0, within(0.08));
    // regime switching alone fattens tails too: a variance mixture has kurtosis above 3
    double[][] mix = SimulatedMarket.builder().seed(5).instruments(one).tailDegreesOfFreedom(Double.POSITIVE_INFINITY)
        .regimes(new RegimeModel(0.2, 0.3, 2.0, 1.5, Regime.CALM)).build().returnScenarios(100_000);
    // hand calculation: pi = 0.4, variance ratio 4: 3 E[m^4] / E[m^2]^2 = 3 (0.6 + 0.4 * 16) / (0.6 + 0.4 * 4)^2
    // = 3 * 7 / 4.84 = 4.339
    assertThat(Stats.kurtosis(Stats.column(mix, 0))).isCloseTo(4.339, within(0.25));
  }

  @Test
  void scenario_volatility_matches_the_profile() {
    // annual 0.02 * sqrt(252) = daily 0.02
    List<InstrumentProfile> p = List.of(InstrumentProfile.of(fine("A", "Energy"), 100, 0.02 * Math.sqrt(252),
        1_000_000, 5));
    double[][] x = SimulatedMarket.builder().seed(6).profiles(p).regimes(RegimeModel.calmOnly())
        .tailDegreesOfFreedom(5).build().returnScenarios(100_000);
    // Student-t scaled to unit variance: the standard deviation is sigma itself
    assertThat(Stats.stdev(Stats.column(x, 0))).isCloseTo(0.02, within(0.0006));
  }

  @Test
  void live_daily_volatility_matches_the_profile() {
    List<InstrumentProfile> p = List.of(InstrumentProfile.of(fine("A", "Energy"), 100, 0.02 * Math.sqrt(252),
        1_000_000, 5));
    SimulatedMarket m = SimulatedMarket.builder().seed(12).profiles(p).regimes(RegimeModel.calmOnly())
        .tailDegreesOfFreedom(Double.POSITIVE_INFINITY).build();
    Recorder r = Recorder.attach(m);
    for (int d = 0; d < 121; d++) {
      m.runToClose();
    }
    double[] closes = r.dailyBars.stream().mapToDouble(Bar::close).toArray();
    double[] ret = new double[closes.length - 1];
    for (int k = 1; k < closes.length; k++) {
      ret[k - 1] = Math.log(closes[k] / closes[k - 1]);
    }
    // overnight (20%) and intraday minutes (80%) add up to the daily variance 0.02^2;
    // 120 returns: standard error of the standard deviation 0.02 / sqrt(240) = 0.0013
    assertThat(Stats.stdev(ret)).isCloseTo(0.02, within(0.004));
  }

  @Test
  void regime_chain_spends_its_stationary_share_stressed_and_stress_raises_volatility() {
    RegimeModel fast = new RegimeModel(0.2, 0.3, 2.0, 1.5, Regime.CALM);
    SimulatedMarket m = SimulatedMarket.builder().seed(19).instruments(1).regimes(fast).build();
    int stressed = 0;
    int steps = 0;
    for (int d = 0; d < 150; d++) {
      while (m.isOpen()) {
        m.step();
        steps++;
        if (m.regime() == Regime.STRESSED) {
          stressed++;
        }
      }
      m.step();
    }
    // pi = 0.2 / (0.2 + 0.3) = 0.4; about 60 switches in 150 days, so the share is known to about +-0.07
    assertThat((double) stressed / steps).isCloseTo(0.4, within(0.12));
  }

  // ------------------------------------------------------------------------------------------------
  // history

  @Test
  void daily_history_covers_the_sessions_before_the_start_and_ends_at_the_initial_prices() {
    SimulatedMarket m = SimulatedMarket.builder().seed(4).instruments(5).start(LocalDate.of(2024, 1, 8)).build();
    List<Bar> history = m.dailyHistory(10);
    assertThat(history).hasSize(50);
    // the ten weekdays before Monday 2024-01-08, oldest first: Mon Dec 25 .. Fri Jan 5 (the weekday calendar has
    // no holidays, so Christmas and New Year's Day count)
    List<LocalDate> dates = new ArrayList<>();
    for (int k = 0; k < 10; k++) {
      Bar b = history.get(k * 5);
      dates.add(b.date());
      for (int i = 0; i < 5; i++) {
        assertThat(history.get(k * 5 + i).date()).isEqualTo(b.date());
        assertThat(history.get(k * 5 + i).instrumentId()).isEqualTo(m.instruments().get(i).id());
        assertThat(history.get(k * 5 + i).interval()).isEqualTo(BarInterval.DAILY);
      }
    }
    assertThat(dates.get(0)).isEqualTo(LocalDate.of(2023, 12, 25));
    assertThat(dates.get(9)).isEqualTo(LocalDate.of(2024, 1, 5));
    assertThat(dates).isSorted().doesNotHaveDuplicates();
    for (int i = 0; i < 5; i++) {
      assertThat(history.get(45 + i).close()).isCloseTo(m.profiles().get(i).initialPrice(), within(1e-9));
      assertThat(history.get(45 + i).volume()).isPositive();
    }
  }

  @Test
  void daily_history_has_the_profile_volatility_and_fat_tails() {
    List<InstrumentProfile> p = List.of(InstrumentProfile.of(fine("A", "Energy"), 100, 0.02 * Math.sqrt(252),
        1_000_000, 5));
    List<Bar> h = SimulatedMarket.builder().seed(14).profiles(p).regimes(RegimeModel.calmOnly())
        .tailDegreesOfFreedom(5).build().dailyHistory(5000);
    double[] ret = new double[h.size() - 1];
    for (int k = 1; k < h.size(); k++) {
      ret[k - 1] = Math.log(h.get(k).close() / h.get(k - 1).close());
    }
    assertThat(Stats.stdev(ret)).isCloseTo(0.02, within(0.0015));
    // Student t with 5 degrees of freedom: kurtosis 3 + 6 / (5 - 4) = 9 in theory; the sample value is noisy
    assertThat(Stats.kurtosis(ret)).isGreaterThan(4.0);
  }

  // ------------------------------------------------------------------------------------------------
  // lookups, faults, listeners, validation

  @Test
  void lookups_throw_or_return_empty_for_unknown_instruments() {
    SimulatedMarket m = SimulatedMarket.builder().instruments(2).build();
    String id = m.instruments().get(0).id();
    assertThat(m.getQuote(id).instrumentId()).isEqualTo(id);
    assertThat(m.findQuote("NOPE")).isEmpty();
    assertThat(m.findLastBar("NOPE", BarInterval.ONE_MINUTE)).isEmpty();
    assertThat(m.findLastBar(id, BarInterval.ONE_MINUTE)).isEmpty();
    assertThatThrownBy(() -> m.getQuote("NOPE")).isInstanceOf(NoSuchElementException.class).hasMessageContaining("NOPE");
    assertThatThrownBy(() -> m.getProfile("NOPE")).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> m.findLastBar(id, BarInterval.FIVE_MINUTES)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("interval");
  }

  @Test
  void missing_bar_faults_drop_bars_in_their_window_only() {
    SimulatedMarket m = SimulatedMarket.builder().seed(2).instruments(3).start(LocalDate.of(2024, 1, 8)).build();
    String first = m.instruments().get(0).id();
    m.faults().missingBars(MON_OPEN.plusSeconds(600), Duration.ofMinutes(5));
    m.faults().missingBars(first, MON_OPEN.plusSeconds(1800), Duration.ofMinutes(10));
    Recorder r = Recorder.attach(m);
    m.runToClose();
    // 390 * 3 bars minus 5 minutes of all three instruments minus 10 minutes of one
    assertThat(r.minuteBars).hasSize(390 * 3 - 15 - 10);
    assertThat(r.minuteBars).noneMatch(b -> !b.start().isBefore(MON_OPEN.plusSeconds(600))
        && b.start().isBefore(MON_OPEN.plusSeconds(900)));
    assertThat(r.dailyBars).hasSize(3);
  }

  @Test
  void random_missing_bars_follow_the_probability_without_changing_prices() {
    SimulatedMarket a = SimulatedMarket.builder().seed(2).instruments(4).build();
    SimulatedMarket b = SimulatedMarket.builder().seed(2).instruments(4).build();
    b.faults().missingBarProbability(0.1);
    Recorder ra = Recorder.attach(a);
    Recorder rb = Recorder.attach(b);
    a.runToClose();
    b.runToClose();
    // 1560 bars, 10% dropped: 156 expected, binomial standard deviation 11.8
    assertThat(1560 - rb.minuteBars.size()).isBetween(110, 200);
    assertThat(ra.minuteBars).containsAll(rb.minuteBars);
    assertThat(ra.dailyBars).isEqualTo(rb.dailyBars);
  }

  @Test
  void snapshot_readers_and_fault_scheduling_are_safe_from_other_threads_while_stepping() throws Exception {
    SimulatedMarket m = SimulatedMarket.builder().seed(44).instruments(10).start(LocalDate.of(2024, 1, 8)).build();
    Recorder r = Recorder.attach(m);
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicLong reads = new AtomicLong();
    List<Thread> readers = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      Thread reader = new Thread(() -> {
        try {
          while (!done.get()) {
            // every snapshot is one step's: ten quotes with the same timestamp
            List<Quote> qs = m.quotes();
            assertThat(qs).hasSize(10);
            assertThat(qs.stream().map(Quote::timestamp).distinct().count()).isEqualTo(1);
            assertThat(m.getQuote(qs.get(3).instrumentId()).timestamp()).isAfterOrEqualTo(qs.get(0).timestamp());
            m.findLastBar(qs.get(0).instrumentId(), BarInterval.ONE_MINUTE);
            m.isOpen();
            m.regime();
            reads.incrementAndGet();
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      });
      reader.start();
      readers.add(reader);
    }
    Thread scheduler = new Thread(() -> {
      for (int k = 0; k < 100; k++) {
        m.faults().missingBars(MON_OPEN.plusSeconds(60L * (200 + k)), Duration.ofMinutes(1));
      }
    });
    scheduler.start();
    scheduler.join();
    m.runToClose();
    done.set(true);
    for (Thread reader : readers) {
      reader.join();
    }
    assertThat(failure.get()).isNull();
    assertThat(reads.get()).isPositive();
    // the fault windows scheduled concurrently all took effect: minutes 200..299 dropped for all ten
    assertThat(r.minuteBars).hasSize((390 - 100) * 10);
  }

  @Test
  void listener_exception_is_rethrown_after_the_step_completes() {
    SimulatedMarket m = SimulatedMarket.builder().instruments(2).build();
    Recorder r = Recorder.attach(m);
    m.addListener(new MarketDataListener() {
      @Override
      public void onBar(Bar bar) {
        throw new IllegalStateException("boom " + bar.instrumentId());
      }
    });
    assertThatThrownBy(m::step).isInstanceOf(SimulationListenerException.class)
        .hasCauseInstanceOf(IllegalStateException.class)
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
    // the step completed: both bars reached the other listener and time moved
    assertThat(r.minuteBars).hasSize(2);
    assertThat(r.steps).hasSize(1);
    assertThat(m.now()).isEqualTo(Instant.parse("2024-01-02T14:31:00Z"));
  }

  @Test
  void builder_rejects_inconsistent_configuration() {
    List<Instrument> two = List.of(fine("A", "Energy"), fine("B", "Energy"));
    assertThatThrownBy(() -> SimulatedMarket.builder().instruments(two).correlation(new double[][] {{1}}).build())
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("correlation");
    assertThatThrownBy(() -> SimulatedMarket.builder().instruments(two)
        .correlation(new double[][] {{1, 1}, {1, 1}}).build())
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("positive definite");
    assertThatThrownBy(() -> SimulatedMarket.builder().instruments(List.of(fine("A", "Energy"), fine("A", "Energy")))
        .build()).isInstanceOf(InvalidValueException.class).hasMessageContaining("A appears twice");
    assertThatThrownBy(() -> SimulatedMarket.builder().tailDegreesOfFreedom(2.0))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("tailDegreesOfFreedom");
    assertThatThrownBy(() -> SimulatedMarket.builder().instruments(0)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> SimulatedMarket.builder().overnightVarianceShare(1.0))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("overnightVarianceShare");
    assertThatThrownBy(() -> SimulatedMarket.builder().instruments(two)
        .clock(SimulatedClock.at(Instant.parse("2024-01-03T00:00:00Z"))).build())
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("clock");
    assertThatThrownBy(() -> SimulatedMarket.builder().instruments(two)
        .calendar(WeekdayCalendar.newYork()).start(null)).isInstanceOf(InvalidValueException.class);
  }
}
