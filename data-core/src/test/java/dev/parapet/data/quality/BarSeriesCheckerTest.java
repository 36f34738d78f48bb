package dev.parapet.data.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.api.alert.Severity;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarSeriesCheckerTest {

  static final int DAY0 = (int) LocalDate.of(2024, 1, 1).toEpochDay();
  static final long DAY_MS = 86_400_000L;

  /** A series with one flat bar (open = high = low = close) per consecutive day from DAY0. */
  static BarColumns flat(double... closes) {
    BarColumns b = new BarColumns(closes.length);
    for (int k = 0; k < closes.length; k++) {
      b.add((DAY0 + k) * DAY_MS, closes[k], closes[k], closes[k], closes[k], 100, Double.NaN);
    }
    return b;
  }

  static int[] everyDay(int n) {
    int[] d = new int[n];
    for (int k = 0; k < n; k++) {
      d[k] = DAY0 + k;
    }
    return d;
  }

  static List<QualityIssue> daily(QualityConfig cfg, BarColumns bars, int[] splitDays, double[] ratios) {
    IssueCollector out = new IssueCollector(1000);
    new BarSeriesChecker(cfg).checkDaily("X", bars, everyDay(bars.size()), splitDays, ratios, out);
    return out.worstFirst();
  }

  /**
   * 20 log returns alternating +a, -a (a = 0.01) then one of b: sorted, the median (11th of 21) is +a and
   * the absolute deviations from it are 0 (x10), 2a (x10), b - a, so MAD = 2a and the modified z of b is
   * 0.6745 (b - a) / (2a) (Iglewicz and Hoaglin 1993, 3.3). With threshold 8: b = 0.24 gives 7.76 (kept),
   * b = 0.26 gives 8.43 (flagged).
   */
  static BarColumns alternating(double b) {
    double[] closes = new double[22];
    closes[0] = 100;
    for (int k = 1; k <= 20; k++) {
      closes[k] = closes[k - 1] * Math.exp(k % 2 == 1 ? 0.01 : -0.01);
    }
    closes[21] = closes[20] * Math.exp(b);
    return flat(closes);
  }

  @Test
  void outlier_threshold_matches_the_hand_computed_modified_z_score() {
    assertThat(daily(QualityConfig.defaults(), alternating(0.24), new int[0], new double[0])).isEmpty();
    List<QualityIssue> issues = daily(QualityConfig.defaults(), alternating(0.26), new int[0], new double[0]);
    assertThat(issues).singleElement().satisfies(i -> {
      assertThat(i.check()).isEqualTo(QualityCheck.OUTLIER_RETURN);
      assertThat(i.date()).isEqualTo(LocalDate.ofEpochDay(DAY0 + 21));
      assertThat(i.detail()).contains("robust z 8.4");
    });
  }

  @Test
  void a_halving_without_a_recorded_split_is_an_unmatched_split_and_with_one_it_is_clean() {
    BarColumns b = flat(100, 101, 50.5, 51);
    assertThat(daily(QualityConfig.defaults(), b, new int[0], new double[0])).singleElement().satisfies(i -> {
      assertThat(i.check()).isEqualTo(QualityCheck.UNMATCHED_SPLIT);
      assertThat(i.date()).isEqualTo(LocalDate.ofEpochDay(DAY0 + 2));
      assertThat(i.detail()).contains("2:1");
    });
    assertThat(daily(QualityConfig.defaults(), b, new int[] {DAY0 + 2}, new double[] {2})).isEmpty();
  }

  @Test
  void a_tenfold_jump_is_an_unmatched_reverse_split() {
    assertThat(daily(QualityConfig.defaults(), flat(10, 9.9, 99), new int[0], new double[0])).singleElement()
        .satisfies(i -> assertThat(i.detail()).contains("1:10"));
  }

  @Test
  void stale_prices_are_flagged_exactly_at_the_run_length() {
    QualityConfig cfg = QualityConfig.defaults().withStaleRun(3);
    assertThat(daily(cfg, flat(10, 11, 11), new int[0], new double[0])).isEmpty();
    assertThat(daily(cfg, flat(10, 11, 11, 11, 11), new int[0], new double[0])).singleElement().satisfies(i -> {
      assertThat(i.check()).isEqualTo(QualityCheck.STALE_PRICE);
      assertThat(i.date()).isEqualTo(LocalDate.ofEpochDay(DAY0 + 3));
    });
  }

  @Test
  void missing_sessions_are_grouped_in_runs() {
    BarColumns b = new BarColumns(2);
    b.add(DAY0 * DAY_MS, 10, 10, 10, 10, 1, Double.NaN);
    b.add((DAY0 + 4) * DAY_MS, 10.1, 10.1, 10.1, 10.1, 1, Double.NaN);
    IssueCollector out = new IssueCollector(10);
    new BarSeriesChecker(QualityConfig.defaults()).checkDaily("X", b, everyDay(6), new int[0], new double[0], out);
    assertThat(out.worstFirst()).singleElement().satisfies(i -> {
      assertThat(i.check()).isEqualTo(QualityCheck.MISSING_SESSION);
      assertThat(i.date()).isEqualTo(LocalDate.ofEpochDay(DAY0 + 1));
      assertThat(i.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(i.detail()).contains("3 sessions");
    });
  }

  @Test
  void row_checks_flag_bad_prices_volume_and_ohlc() {
    BarColumns b = new BarColumns(4);
    b.add(DAY0 * DAY_MS, 10, 11, 9, 10, 1, Double.NaN);
    b.add((DAY0 + 1) * DAY_MS, 10, 11, 9, -1, 1, Double.NaN);          // non-positive close
    b.add((DAY0 + 2) * DAY_MS, 10, 11, 9, 10, -3, Double.NaN);         // negative volume
    b.add((DAY0 + 3) * DAY_MS, 10, 9.5, 9, 10, 1, Double.NaN);         // high below open
    b.add((DAY0 + 4) * DAY_MS, 10, 11, 9, 10, 1, 11.5);                // vwap above high
    List<QualityIssue> issues = daily(QualityConfig.defaults(), b, new int[0], new double[0]);
    assertThat(issues).extracting(QualityIssue::check).containsExactlyInAnyOrder(QualityCheck.NON_POSITIVE_PRICE,
        QualityCheck.NEGATIVE_VOLUME, QualityCheck.OHLC_INCONSISTENT, QualityCheck.OHLC_INCONSISTENT);
  }

  @Test
  void intraday_gaps_and_duplicate_slots_are_found_within_a_session() {
    long open = 1_000_000_000_000L;
    BarColumns b = new BarColumns(4);
    b.add(open, 10, 10, 10, 10, 1, Double.NaN);
    b.add(open + 30_000, 10, 10, 10, 10, 1, Double.NaN);   // same one-minute slot
    b.add(open + 60_000, 10, 10, 10, 10, 1, Double.NaN);
    b.add(open + 240_000, 10, 10, 10, 10, 1, Double.NaN);  // 2 bars missing (120 s and 180 s)
    IssueCollector out = new IssueCollector(10);
    new BarSeriesChecker(QualityConfig.defaults()).checkIntraday("X", 60, b, new int[] {DAY0},
        new long[] {open}, new long[] {open + 3_600_000}, out);
    assertThat(out.worstFirst()).extracting(QualityIssue::check)
        .containsExactlyInAnyOrder(QualityCheck.DUPLICATE_TIMESTAMP, QualityCheck.INTRADAY_GAP);
    assertThat(out.worstFirst()).filteredOn(i -> i.check() == QualityCheck.INTRADAY_GAP).singleElement()
        .satisfies(i -> assertThat(i.detail()).startsWith("2 bar(s) missing"));
  }

  @Test
  void collector_keeps_only_the_worst_issues_but_counts_all() {
    IssueCollector c = new IssueCollector(2);
    c.add(new QualityIssue(QualityCheck.INTRADAY_GAP, "X", LocalDate.of(2024, 1, 2), Severity.LOW, "a"));
    c.add(new QualityIssue(QualityCheck.UNMATCHED_SPLIT, "X", LocalDate.of(2024, 1, 3), Severity.HIGH, "b"));
    c.add(new QualityIssue(QualityCheck.STALE_PRICE, "X", LocalDate.of(2024, 1, 4), Severity.MEDIUM, "c"));
    assertThat(c.total()).isEqualTo(3);
    assertThat(c.worstFirst()).extracting(QualityIssue::severity).containsExactly(Severity.HIGH, Severity.MEDIUM);
  }

  @Test
  void quickselect_median_matches_the_sorted_median() {
    long seed = 77;
    System.out.println("median seed " + seed);
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
    for (int n = 1; n <= 60; n++) {
      double[] a = new double[n];
      for (int i = 0; i < n; i++) {
        a[i] = rnd.nextInt(7) - 3 + (rnd.nextBoolean() ? 0.5 : 0); // ties on purpose
      }
      double[] sorted = a.clone();
      java.util.Arrays.sort(sorted);
      // the textbook median of a sorted sample
      double expected = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
      assertThat(BarSeriesChecker.median(a, n)).as("n=%d", n).isEqualTo(expected);
    }
  }
}
