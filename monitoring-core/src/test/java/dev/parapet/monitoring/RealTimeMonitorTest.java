package dev.parapet.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.api.book.PositionBook;
import dev.parapet.api.fixtures.TestInstruments;
import dev.parapet.api.metrics.Metric;
import dev.parapet.api.metrics.MetricsConfig;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.Side;
import dev.parapet.api.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RealTimeMonitorTest {

  private static final String ACCOUNT = "ACC1";
  private static final Instrument AAPL = TestInstruments.AAPL;
  private static final Instrument MSFT = TestInstruments.MSFT;

  private final SimulatedClock clock = SimulatedClock.at(Instant.parse("2025-03-03T14:31:00Z"));
  private final AtomicInteger fills = new AtomicInteger();
  private PositionBook book;

  @BeforeEach
  void setUp() {
    book = PositionBook.create();
    book.deposit(ACCOUNT, 100_000);
  }

  private void fill(Instrument instrument, Side side, long quantity, double price) {
    int id = fills.incrementAndGet();
    book.applyFill(new Fill("F" + id, "O" + id, "O" + id, ACCOUNT, instrument, side, quantity, price, 0,
        clock.instant()));
  }

  private MonitorSnapshot minute(RealTimeMonitor monitor) {
    clock.advance(Duration.ofMinutes(1));
    return monitor.sample();
  }

  @Test
  void first_sample_sets_the_base_and_later_samples_add_nav_returns() {
    RealTimeMonitor monitor = RealTimeMonitor.builder(book, ACCOUNT, clock).build();
    fill(AAPL, Side.BUY, 100, 200); // cash 80,000 + 100 * 200 = NAV 100,000
    MonitorSnapshot first = monitor.sample();
    assertThat(first.nav()).isEqualTo(100_000);
    assertThat(first.periodReturn()).isEmpty();
    assertThat(first.skipReason()).isEmpty();
    assertThat(first.metrics().count()).isZero();

    book.mark("AAPL", 210); // NAV 101,000: +1%
    MonitorSnapshot s1 = minute(monitor);
    assertThat(s1.periodReturn().getAsDouble()).isCloseTo(0.01, within(1e-15));
    book.mark("AAPL", 190); // NAV 99,000: 99,000 / 101,000 - 1
    MonitorSnapshot s2 = minute(monitor);
    double r2 = 99_000.0 / 101_000 - 1;
    assertThat(s2.periodReturn().getAsDouble()).isCloseTo(r2, within(1e-15));
    assertThat(s2.time()).isEqualTo(Instant.parse("2025-03-03T14:33:00Z"));

    // two returns: total = 0.99 - 1, drawdown from the 101,000 peak, win rate 1/2
    assertThat(s2.metrics().count()).isEqualTo(2);
    assertThat(s2.metrics().get(Metric.TOTAL_RETURN)).isCloseTo(-0.01, within(1e-12));
    assertThat(s2.metrics().get(Metric.MAX_DRAWDOWN)).isCloseTo(99_000.0 / 101_000 - 1, within(1e-12));
    assertThat(s2.metrics().get(Metric.WIN_RATE)).isEqualTo(0.5);
    // default annualisation: minutes; volatility = sample sd * sqrt(252 * 390)
    double mean = (0.01 + r2) / 2;
    double sd = Math.sqrt(((0.01 - mean) * (0.01 - mean) + (r2 - mean) * (r2 - mean)) / 1);
    assertThat(s2.metrics().get(Metric.ANNUAL_VOLATILITY)).isCloseTo(sd * Math.sqrt(98_280), within(1e-9));
    assertThat(s2.metrics().config().periodsPerYear()).isEqualTo(MetricsConfig.MINUTES_PER_YEAR);
    assertThat(monitor.findLatest()).contains(s2);
  }

  @Test
  void reports_exposures_leverage_and_turnover() {
    RealTimeMonitor monitor = RealTimeMonitor.builder(book, ACCOUNT, clock).build();
    monitor.sample();
    fill(AAPL, Side.BUY, 300, 200);      // long 60,000
    fill(MSFT, Side.SELL_SHORT, 100, 400); // short 40,000; cash 100,000 - 60,000 + 40,000 = 80,000
    MonitorSnapshot s = minute(monitor);
    assertThat(s.nav()).isEqualTo(100_000);
    assertThat(s.longExposure()).isEqualTo(60_000);
    assertThat(s.shortExposure()).isEqualTo(40_000);
    assertThat(s.grossExposure()).isEqualTo(100_000);
    assertThat(s.netExposure()).isEqualTo(20_000);
    assertThat(s.leverage().getAsDouble()).isEqualTo(1.0);
    // traded: 300 * 200 + 100 * 400
    assertThat(s.tradedNotional()).isEqualTo(100_000);
    assertThat(s.turnover().getAsDouble()).isEqualTo(1.0);

    fill(AAPL, Side.SELL, 300, 200);     // AAPL flat: traded another 60,000
    MonitorSnapshot s2 = minute(monitor);
    assertThat(s2.tradedNotional()).isEqualTo(160_000);
    assertThat(s2.turnover().getAsDouble()).isCloseTo(1.6, within(1e-12));
    monitor.resetTurnover();
    MonitorSnapshot s3 = minute(monitor);
    assertThat(s3.tradedNotional()).isZero();
  }

  @Test
  void benchmark_price_enables_benchmark_metrics() {
    double[] bench = {100, 101, 99.99, 102};
    AtomicInteger tick = new AtomicInteger();
    RealTimeMonitor monitor = RealTimeMonitor.builder(book, ACCOUNT, clock)
        .metrics(MetricsConfig.daily())
        .benchmarkPrice(() -> bench[tick.get()])
        .build();
    fill(AAPL, Side.BUY, 500, 200); // all in AAPL: NAV = cash 0 + 500 * mark
    double[] aapl = {200, 204, 201.96, 208.08};
    monitor.sample();
    MonitorSnapshot s = null;
    for (int i = 1; i < 4; i++) {
      tick.set(i);
      book.mark("AAPL", aapl[i]);
      s = minute(monitor);
    }
    // NAV returns r = +2%, -1%, +3.03%; benchmark b = +1%, -1%, +2.01%; beta is the OLS slope of r on b,
    // S_br / S_bb (Greene, Econometric Analysis, 3.2), worked out here
    double[] r = {204 / 200.0 - 1, 201.96 / 204 - 1, 208.08 / 201.96 - 1};
    double[] b = {101 / 100.0 - 1, 99.99 / 101 - 1, 102 / 99.99 - 1};
    double mr = (r[0] + r[1] + r[2]) / 3;
    double mb = (b[0] + b[1] + b[2]) / 3;
    double sbr = 0;
    double sbb = 0;
    for (int i = 0; i < 3; i++) {
      sbr += (b[i] - mb) * (r[i] - mr);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    assertThat(s.metrics().get(Metric.BETA)).isCloseTo(sbr / sbb, within(1e-9));
    assertThat(s.metrics().isPresent(Metric.TRACKING_ERROR)).isTrue();
    assertThat(s.metrics().isPresent(Metric.INFORMATION_RATIO)).isTrue();
  }

  @Test
  void without_benchmark_the_benchmark_metrics_are_absent() {
    RealTimeMonitor monitor = RealTimeMonitor.builder(book, ACCOUNT, clock).build();
    fill(AAPL, Side.BUY, 100, 200);
    monitor.sample();
    book.mark("AAPL", 201);
    minute(monitor);
    book.mark("AAPL", 199);
    MonitorSnapshot s = minute(monitor);
    assertThat(s.metrics().isPresent(Metric.BETA)).isFalse();
    assertThat(s.metrics().findAbsenceReason(Metric.BETA)).contains("no benchmark series was given");
    Map<String, Object> map = s.toMap();
    @SuppressWarnings("unchecked")
    Map<String, Object> metrics = (Map<String, Object>) map.get("metrics");
    assertThat(metrics).hasSize(17).containsEntry("beta", null).containsKey("sharpeRatio");
    assertThat(metrics.get("sharpeRatio")).isInstanceOf(Double.class);
    assertThat(map).containsEntry("account", ACCOUNT).containsEntry("returns", 2L);
  }

  @Test
  void missing_benchmark_price_skips_the_sample_and_the_next_return_spans_the_gap() {
    double[] bench = {100, Double.NaN, 103};
    AtomicInteger tick = new AtomicInteger();
    RealTimeMonitor monitor = RealTimeMonitor.builder(book, ACCOUNT, clock)
        .benchmarkPrice(() -> bench[tick.get()]).build();
    fill(AAPL, Side.BUY, 100, 200);
    monitor.sample();
    tick.set(1);
    book.mark("AAPL", 210);
    MonitorSnapshot skipped = minute(monitor);
    assertThat(skipped.periodReturn()).isEmpty();
    assertThat(skipped.skipReason()).hasValueSatisfying(r -> assertThat(r).contains("benchmark price"));
    assertThat(skipped.skippedSamples()).isEqualTo(1);
    tick.set(2);
    book.mark("AAPL", 220);
    MonitorSnapshot s = minute(monitor);
    // NAV 100,000 -> 102,000 over both minutes
    assertThat(s.periodReturn().getAsDouble()).isCloseTo(0.02, within(1e-15));
    assertThat(s.metrics().count()).isEqualTo(1);
    assertThat(s.skipReason()).isEmpty();
  }

  @Test
  void cash_flows_do_not_count_as_returns() {
    RealTimeMonitor monitor = RealTimeMonitor.builder(book, ACCOUNT, clock).build();
    monitor.sample();
    book.deposit(ACCOUNT, 50_000);
    monitor.recordCashFlow(50_000);
    MonitorSnapshot s = minute(monitor);
    assertThat(s.nav()).isEqualTo(150_000);
    assertThat(s.periodReturn().getAsDouble()).isEqualTo(0.0);
  }

  @Test
  void non_positive_nav_is_skipped_with_a_reason() {
    PositionBook empty = PositionBook.create();
    RealTimeMonitor monitor = RealTimeMonitor.builder(empty, "NONE", clock).build();
    monitor.sample(); // NAV 0 sets the base
    MonitorSnapshot s = minute(monitor);
    assertThat(s.periodReturn()).isEmpty();
    assertThat(s.skipReason()).hasValueSatisfying(r -> assertThat(r).contains("previous NAV is not positive"));
    assertThat(s.leverage()).isEmpty();
    assertThat(s.turnover()).isEmpty();
    assertThat(s.toMap()).containsEntry("leverage", null);
  }

  @Test
  void reset_forgets_history() {
    RealTimeMonitor monitor = RealTimeMonitor.builder(book, ACCOUNT, clock).build();
    fill(AAPL, Side.BUY, 100, 200);
    monitor.sample();
    book.mark("AAPL", 210);
    minute(monitor);
    monitor.reset();
    assertThat(monitor.findLatest()).isEmpty();
    MonitorSnapshot s = minute(monitor);
    assertThat(s.metrics().count()).isZero();
    assertThat(s.periodReturn()).isEmpty();
  }

  @Test
  void rejects_a_non_finite_cash_flow() {
    RealTimeMonitor monitor = RealTimeMonitor.builder(book, ACCOUNT, clock).build();
    assertThatThrownBy(() -> monitor.recordCashFlow(Double.NaN))
        .hasMessage("amount must be a finite number, was NaN (cash flow of ACC1)");
  }
}
