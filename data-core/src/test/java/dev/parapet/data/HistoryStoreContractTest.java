package dev.parapet.data;

import dev.parapet.api.fixtures.FakeCalendar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.api.alert.Alert;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.data.CorporateAction;
import dev.parapet.api.data.ImputationPolicy;
import dev.parapet.api.data.IngestResult;
import dev.parapet.api.data.ReturnMatrix;
import dev.parapet.api.data.UnknownInstrumentException;
import dev.parapet.api.data.VolumeProfile;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.BarInterval;
import dev.parapet.api.time.SimulatedClock;
import dev.parapet.data.quality.QualityCheck;
import dev.parapet.data.quality.QualityConfig;
import dev.parapet.data.quality.QualityReport;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link JdbcHistoryStore}, run once per engine by subclasses. Every expected figure is a
 * hand calculation written out beside the assertion.
 */
abstract class HistoryStoreContractTest {

  static final LocalDate D1 = LocalDate.of(2024, 1, 2); // Tuesday; 2024-01-01 is a holiday
  static final FakeCalendar CAL = FakeCalendar.of2024();

  protected JdbcHistoryStore store;
  protected final List<Alert> alerts = new CopyOnWriteArrayList<>();
  protected final SimulatedClock clock = SimulatedClock.at(Instant.parse("2024-03-01T07:00:00Z"));

  /** Opens a fresh, empty store publishing to {@link #alerts}. */
  protected abstract JdbcHistoryStore openStore();

  /** Releases what {@link #openStore()} created, after the store is closed. */
  protected void cleanUp() {
  }

  @BeforeEach
  void open() {
    store = openStore();
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
    cleanUp();
  }

  /** The first {@code n} sessions of the fake calendar from D1. */
  static List<LocalDate> sessions(int n) {
    List<LocalDate> out = new ArrayList<>();
    LocalDate d = D1;
    while (out.size() < n) {
      if (CAL.isTradingDay(d)) {
        out.add(d);
      }
      d = d.plusDays(1);
    }
    return out;
  }

  static Bar daily(String id, LocalDate d, double close, long volume) {
    return Bar.daily(id, d, close, close * 1.01, close * 0.99, close, volume);
  }

  void sql(String statement) {
    store.withConnection("test sql", c -> {
      try (PreparedStatement ps = c.prepareStatement(statement)) {
        ps.executeUpdate();
      }
      return null;
    });
  }

  // ---------------------------------------------------------------------------------------------- bars

  @Test
  void bars_round_trip_with_and_without_vwap() {
    store.putInstruments(List.of("AAA"));
    Bar withVwap = new Bar("AAA", BarInterval.FIVE_MINUTES, Instant.parse("2024-01-02T14:30:00Z"), 10, 11, 9, 10.5,
        700, OptionalDouble.of(10.2));
    Bar plain = daily("AAA", D1, 100, 5000);
    IngestResult r = store.putBars(List.of(withVwap, plain));
    assertThat(r).isEqualTo(new IngestResult(2, 2, 0));
    assertThat(store.getDailyBars("AAA", D1, D1)).containsExactly(plain);
    assertThat(store.getBars("AAA", BarInterval.FIVE_MINUTES, Instant.parse("2024-01-02T14:30:00Z"),
        Instant.parse("2024-01-02T14:35:00Z"))).containsExactly(withVwap);
    // the end is exclusive
    assertThat(store.getBars("AAA", BarInterval.FIVE_MINUTES, Instant.parse("2024-01-02T14:00:00Z"),
        Instant.parse("2024-01-02T14:30:00Z"))).isEmpty();
  }

  @Test
  void reloading_the_same_bars_changes_nothing_and_a_changed_bar_is_replaced() {
    store.putInstruments(List.of("AAA"));
    List<Bar> bars = new ArrayList<>();
    for (LocalDate d : sessions(5)) {
      bars.add(daily("AAA", d, 100, 1000));
    }
    assertThat(store.putBars(bars)).isEqualTo(new IngestResult(5, 5, 0));
    assertThat(store.putBars(bars)).isEqualTo(new IngestResult(5, 0, 5));
    Bar changed = daily("AAA", sessions(5).get(2), 101, 1000);
    assertThat(store.putBars(List.of(changed))).isEqualTo(new IngestResult(1, 1, 0));
    assertThat(store.getDailyBars("AAA", D1, sessions(5).get(4))).hasSize(5).contains(changed);
  }

  @Test
  void unknown_instrument_is_refused_and_nothing_is_written() {
    store.putInstruments(List.of("AAA"));
    List<Bar> bars = List.of(daily("AAA", D1, 100, 1), daily("ZZZ", D1, 100, 1));
    assertThatThrownBy(() -> store.putBars(bars)).isInstanceOf(UnknownInstrumentException.class)
        .hasMessageContaining("ZZZ");
    assertThat(store.getDailyBars("AAA", D1, D1)).isEmpty();
    assertThatThrownBy(() -> store.getDailyBars("ZZZ", D1, D1)).isInstanceOf(UnknownInstrumentException.class);
  }

  @Test
  void instruments_register_idempotently_and_list_sorted() {
    store.putInstruments(List.of("BBB", "AAA"));
    store.putInstruments(List.of("AAA", "CCC"));
    assertThat(store.instrumentIds()).containsExactly("AAA", "BBB", "CCC");
  }

  @Test
  void corporate_actions_round_trip_idempotently() {
    store.putInstruments(List.of("AAA"));
    CorporateAction split = CorporateAction.split("AAA", LocalDate.of(2024, 1, 10), 2);
    CorporateAction div = CorporateAction.cashDividend("AAA", LocalDate.of(2024, 1, 5), 0.5);
    assertThat(store.putCorporateActions(List.of(split, div))).isEqualTo(new IngestResult(2, 2, 0));
    assertThat(store.putCorporateActions(List.of(split, div))).isEqualTo(new IngestResult(2, 0, 2));
    assertThat(store.getCorporateActions("AAA", D1, LocalDate.of(2024, 1, 31))).containsExactly(div, split);
  }

  @Test
  void bulk_ingest_of_a_batch_is_idempotent() {
    store.putInstruments(List.of("AAA", "BBB"));
    BarBatch batch = new BarBatch(100);
    for (LocalDate d : sessions(40)) {
      long ts = d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      batch.add("AAA", BarInterval.DAILY, ts, 10, 11, 9, 10.5, 100, Double.NaN);
      batch.add("BBB", BarInterval.DAILY, ts, 20, 21, 19, 20.5, 200, 20.1);
    }
    assertThat(store.ingest(batch)).isEqualTo(new IngestResult(80, 80, 0));
    assertThat(store.ingest(batch)).isEqualTo(new IngestResult(80, 0, 80));
    assertThat(store.getDailyBars("BBB", D1, LocalDate.of(2024, 12, 31))).hasSize(40)
        .allSatisfy(b -> assertThat(b.vwap()).hasValue(20.1));
  }

  @Test
  void within_one_batch_a_later_row_with_the_same_key_wins() {
    store.putInstruments(List.of("AAA"));
    BarBatch batch = new BarBatch(2);
    long ts = D1.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    batch.add("AAA", BarInterval.DAILY, ts, 10, 11, 9, 10, 100, Double.NaN);
    batch.add("AAA", BarInterval.DAILY, ts, 10, 12, 9, 11, 300, Double.NaN);
    store.ingest(batch);
    assertThat(store.getDailyBars("AAA", D1, D1)).containsExactly(Bar.daily("AAA", D1, 10, 12, 9, 11, 300));
  }

  @Test
  void concurrent_writers_and_readers_lose_nothing() throws Exception {
    int threads = 4;
    int days = 30;
    List<String> ids = List.of("T0", "T1", "T2", "T3");
    store.putInstruments(ids);
    List<LocalDate> s = sessions(days);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<Integer>> futures = new ArrayList<>();
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      for (int t = 0; t < threads; t++) {
        String id = ids.get(t);
        futures.add(pool.submit(() -> {
          start.await();
          int reads = 0;
          for (LocalDate d : s) {
            store.putBars(List.of(daily(id, d, 100, 1)));
            reads += store.getDailyBars(id, s.get(0), d).size();
          }
          return reads;
        }));
      }
      start.countDown();
      for (java.util.concurrent.Future<Integer> f : futures) {
        // each thread reads 1 + 2 + ... + days bars of its own instrument as it writes them
        assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(days * (days + 1) / 2);
      }
    } finally {
      pool.shutdownNow();
    }
    for (String id : ids) {
      assertThat(store.getDailyBars(id, s.get(0), s.get(days - 1))).hasSize(days);
    }
    ReturnMatrix m = store.returnMatrix(ids, s.get(1), s.get(days - 1), ImputationPolicy.EXCLUDE);
    assertThat(m.scenarioCount()).isEqualTo(days - 1);
  }

  // ---------------------------------------------------------------------------------------------- return matrix

  @Test
  void split_adjusted_returns_are_right_across_a_planted_2_for_1_split() {
    store.putInstruments(List.of("AAA", "BBB"));
    List<LocalDate> s = sessions(4);
    // AAA: 100, 102, then a 2:1 split on s2: 51.5, 52.53
    store.putBars(List.of(daily("AAA", s.get(0), 100, 1), daily("AAA", s.get(1), 102, 1),
        daily("AAA", s.get(2), 51.5, 1), daily("AAA", s.get(3), 52.53, 1)));
    store.putBars(List.of(daily("BBB", s.get(0), 50, 1), daily("BBB", s.get(1), 50, 1),
        daily("BBB", s.get(2), 49, 1), daily("BBB", s.get(3), 49.49, 1)));
    store.putCorporateActions(List.of(CorporateAction.split("AAA", s.get(2), 2),
        CorporateAction.cashDividend("BBB", s.get(2), 1.0)));
    ReturnMatrix m = store.returnMatrix(List.of("AAA", "BBB"), s.get(1), s.get(3), ImputationPolicy.EXCLUDE);
    assertThat(m.dates()).containsExactly(s.get(1), s.get(2), s.get(3));
    // AAA: 102/100-1 = 0.02; (51.5*2)/102-1 = 103/102-1 = 0.0098039...; 52.53/51.5-1 = 0.02
    assertThat(m.get(0, 0)).isCloseTo(0.02, within(1e-12));
    assertThat(m.get(0, 1)).isCloseTo(1.0 / 102.0, within(1e-12));
    assertThat(m.get(0, 2)).isCloseTo(0.02, within(1e-12));
    // BBB: 0; (49 + 1)/50 - 1 = 0 (the dividend offsets the drop); 49.49/49 - 1 = 0.01
    assertThat(m.get(1, 0)).isCloseTo(0.0, within(1e-12));
    assertThat(m.get(1, 1)).isCloseTo(0.0, within(1e-12));
    assertThat(m.get(1, 2)).isCloseTo(0.01, within(1e-12));
    assertThat(m.imputedCount()).isZero();
    assertThat(m.excludedSessions()).isZero();
  }

  /** AAA misses the close of s2: closes 100, 101, -, 103, 104. BBB is complete. */
  private List<LocalDate> plantGap() {
    store.putInstruments(List.of("AAA", "BBB"));
    List<LocalDate> s = sessions(5);
    store.putBars(List.of(daily("AAA", s.get(0), 100, 1), daily("AAA", s.get(1), 101, 1),
        daily("AAA", s.get(3), 103, 1), daily("AAA", s.get(4), 104, 1)));
    for (int k = 0; k < 5; k++) {
      store.putBars(List.of(daily("BBB", s.get(k), 10 + k, 1)));
    }
    return s;
  }

  @Test
  void exclude_policy_drops_the_sessions_a_gap_touches() {
    List<LocalDate> s = plantGap();
    ReturnMatrix m = store.returnMatrix(List.of("AAA", "BBB"), s.get(1), s.get(4), ImputationPolicy.EXCLUDE);
    // returns on s2 (needs close s2) and s3 (needs close s2) are impossible: kept s1 and s4
    assertThat(m.dates()).containsExactly(s.get(1), s.get(4));
    assertThat(m.excludedSessions()).isEqualTo(2);
    assertThat(m.get(0, 0)).isCloseTo(0.01, within(1e-12)); // 101/100 - 1
    assertThat(m.get(0, 1)).isCloseTo(1.0 / 103, within(1e-12)); // 104/103 - 1
    assertThat(m.imputedCount()).isZero();
  }

  @Test
  void forward_fill_gives_a_zero_return_then_the_whole_move_and_marks_both() {
    List<LocalDate> s = plantGap();
    ReturnMatrix m = store.returnMatrix(List.of("AAA", "BBB"), s.get(1), s.get(4), ImputationPolicy.FORWARD_FILL);
    assertThat(m.dates()).containsExactly(s.get(1), s.get(2), s.get(3), s.get(4));
    // s2: filled 101 -> 0; s3: 103/101 - 1
    assertThat(m.get(0, 1)).isEqualTo(0.0);
    assertThat(m.get(0, 2)).isCloseTo(2.0 / 101, within(1e-12));
    assertThat(m.isImputed(0, 1)).isTrue();
    assertThat(m.isImputed(0, 2)).isTrue();
    assertThat(m.isImputed(0, 0)).isFalse();
    assertThat(m.isImputed(1, 1)).isFalse();
    assertThat(m.imputedCount()).isEqualTo(2);
    assertThat(m.imputedCount(0)).isEqualTo(2);
    assertThat(m.policy()).isEqualTo(ImputationPolicy.FORWARD_FILL);
  }

  @Test
  void linear_interpolation_splits_the_move_across_the_gap() {
    List<LocalDate> s = plantGap();
    ReturnMatrix m = store.returnMatrix(List.of("AAA", "BBB"), s.get(1), s.get(4), ImputationPolicy.LINEAR);
    // s2 interpolated half way between 101 and 103 = 102: returns 102/101 - 1 and 103/102 - 1
    assertThat(m.get(0, 1)).isCloseTo(1.0 / 101, within(1e-12));
    assertThat(m.get(0, 2)).isCloseTo(1.0 / 102, within(1e-12));
    assertThat(m.imputedCount()).isEqualTo(2);
    // a trailing gap cannot be interpolated: drop the last AAA close and the last session is excluded
    sql("DELETE FROM bars WHERE ts = " + s.get(4).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
        + " AND iid = (SELECT iid FROM instruments WHERE instrument_id = 'AAA')");
    ReturnMatrix trailing = store.returnMatrix(List.of("AAA", "BBB"), s.get(1), s.get(4), ImputationPolicy.LINEAR);
    assertThat(trailing.dates()).containsExactly(s.get(1), s.get(2), s.get(3));
    assertThat(trailing.excludedSessions()).isEqualTo(1);
  }

  @Test
  void return_matrix_over_a_window_without_sessions_is_empty() {
    store.putInstruments(List.of("AAA"));
    ReturnMatrix m = store.returnMatrix(List.of("AAA"), LocalDate.of(2024, 1, 6), LocalDate.of(2024, 1, 7),
        ImputationPolicy.EXCLUDE);
    assertThat(m.scenarioCount()).isZero();
    assertThat(m.instrumentCount()).isEqualTo(1);
  }

  // ---------------------------------------------------------------------------------------------- ADV and profile

  @Test
  void average_daily_volume_scales_volume_before_a_split() {
    store.putInstruments(List.of("AAA"));
    List<LocalDate> s = sessions(4);
    store.putBars(List.of(daily("AAA", s.get(0), 100, 1000), daily("AAA", s.get(1), 100, 3000),
        daily("AAA", s.get(2), 50, 4000), daily("AAA", s.get(3), 50, 6000)));
    store.putCorporateActions(List.of(CorporateAction.split("AAA", s.get(2), 2)));
    // last 3 sessions s1..s3: (3000 * 2 + 4000 + 6000) / 3 = 16000 / 3
    assertThat(store.findAverageDailyVolume("AAA", s.get(3), 3).getAsDouble()).isCloseTo(16000.0 / 3,
        within(1e-9));
    // a weekend as-of (Saturday 2024-01-06) uses the last session before it, Friday s3
    assertThat(store.findAverageDailyVolume("AAA", LocalDate.of(2024, 1, 6), 1).getAsDouble())
        .isEqualTo(6000.0);
    assertThat(store.findAverageDailyVolume("AAA", LocalDate.of(2023, 12, 1), 5)).isEmpty();
  }

  @Test
  void volume_profile_averages_the_fractions_of_each_session() {
    store.putInstruments(List.of("AAA"));
    List<LocalDate> s = sessions(2);
    List<Bar> bars = new ArrayList<>();
    // session 1: 100 at 09:30, 300 at 15:30 (bucket 12 of 13 half-hours); session 2: 200 at 09:30, 200 at 10:00
    bars.add(halfHour("AAA", s.get(0), 0, 100));
    bars.add(halfHour("AAA", s.get(0), 12, 300));
    bars.add(halfHour("AAA", s.get(1), 0, 200));
    bars.add(halfHour("AAA", s.get(1), 1, 200));
    store.putBars(bars);
    Optional<VolumeProfile> p = store.findVolumeProfile("AAA", BarInterval.THIRTY_MINUTES, s.get(1), 2);
    assertThat(p).isPresent();
    assertThat(p.get().bucketCount()).isEqualTo(13); // 6.5 hours / 30 minutes
    // bucket 0: (0.25 + 0.5) / 2; bucket 1: (0 + 0.5) / 2; bucket 12: (0.75 + 0) / 2
    assertThat(p.get().fraction(0)).isCloseTo(0.375, within(1e-12));
    assertThat(p.get().fraction(1)).isCloseTo(0.25, within(1e-12));
    assertThat(p.get().fraction(12)).isCloseTo(0.375, within(1e-12));
    assertThat(p.get().sessions()).isEqualTo(2);
    assertThat(store.findVolumeProfile("AAA", BarInterval.FIVE_MINUTES, s.get(1), 2)).isEmpty();
  }

  static Bar halfHour(String id, LocalDate d, int bucket, long volume) {
    Instant start = d.atTime(9, 30).atZone(FakeCalendar.NEW_YORK).toInstant().plus(Duration.ofMinutes(30L * bucket));
    return new Bar(id, BarInterval.THIRTY_MINUTES, start, 10, 10.1, 9.9, 10, volume, OptionalDouble.empty());
  }

  // ---------------------------------------------------------------------------------------------- quality

  @Test
  void clean_data_raises_no_issue_and_the_report_is_stored() {
    QualityData.clean(store, CAL);
    QualityReport r = store.checkQuality(QualityData.FROM, QualityData.TO, QualityConfig.defaults());
    assertThat(r.worstIssues()).isEmpty();
    assertThat(r.isClean()).isTrue();
    assertThat(r.barsChecked()).isEqualTo(QualityData.expectedBars());
    assertThat(r.instrumentsChecked()).isEqualTo(QualityData.INSTRUMENTS.size());
    assertThat(store.findLatestQualityReport()).contains(r);
    assertThat(alerts).singleElement().satisfies(a -> assertThat(a.isResolved()).isTrue());
  }

  @Test
  void every_check_finds_its_planted_defect() {
    QualityData.clean(store, CAL);
    QualityData.plantDefects(store, this::sql);
    QualityReport r = store.checkQuality(QualityData.FROM, QualityData.TO, QualityConfig.defaults());
    for (QualityCheck check : QualityCheck.values()) {
      assertThat(r.worstIssues()).as("issues of %s", check)
          .anySatisfy(i -> {
            assertThat(i.check()).isEqualTo(check);
            assertThat(i.instrumentId()).isEqualTo(QualityData.plantedInstrument(check));
            assertThat(i.date()).isEqualTo(QualityData.plantedDate(check));
          });
    }
    // nothing on the instruments left clean
    assertThat(r.worstIssues()).noneMatch(i -> i.instrumentId().equals("CLEAN"));
    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.isResolved()).isFalse();
      assertThat(a.severity()).isEqualTo(Severity.HIGH);
      assertThat(a.name()).isEqualTo("DataQualityIssues");
    });
  }

  // ---------------------------------------------------------------------------------------------- maintenance

  @Test
  void maintenance_prunes_old_intraday_bars_refreshes_statistics_and_keeps_a_summary() {
    store.putInstruments(List.of("AAA"));
    List<LocalDate> s = sessions(40);
    List<Bar> bars = new ArrayList<>();
    for (LocalDate d : s) {
      bars.add(daily("AAA", d, 100, 1000));
      bars.add(halfHour("AAA", d, 0, 10));
    }
    store.putBars(bars);
    // clock 2024-03-01 07:00Z, retention 30 days: cut-off 2024-01-31T07:00Z
    MaintenanceSummary m = store.maintain(MaintenancePolicy.defaults().withIntradayRetention(Duration.ofDays(30)));
    long before = s.stream().filter(d -> d.isBefore(LocalDate.of(2024, 1, 31))).count();
    assertThat(m.prunedIntradayBars()).isEqualTo(before);
    assertThat(m.pruneCutoff()).isEqualTo(Instant.parse("2024-01-31T07:00:00Z"));
    assertThat(m.steps()).anyMatch(x -> x.contains("ANALYZE"));
    assertThat(m.quality()).isNotNull();
    assertThat(store.getDailyBars("AAA", s.get(0), s.get(39))).hasSize(40);
    assertThat(store.getBars("AAA", BarInterval.THIRTY_MINUTES, Instant.EPOCH, Instant.parse("2025-01-01T00:00:00Z")))
        .hasSize((int) (40 - before));
    // a second run prunes nothing more
    assertThat(store.maintain(MaintenancePolicy.defaults().withIntradayRetention(Duration.ofDays(30)))
        .prunedIntradayBars()).isZero();
  }
}
