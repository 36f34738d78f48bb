package dev.parapet.data;

import dev.parapet.api.fixtures.FakeCalendar;
import dev.parapet.api.calendar.MarketCalendar;
import dev.parapet.api.data.CorporateAction;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.BarInterval;
import dev.parapet.data.quality.QualityCheck;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The quality test data set: a clean history of daily bars (and a few sessions of 30-minute bars) for one
 * instrument per check plus two that stay clean (one with a recorded 2:1 split), and one planted defect
 * per check, planted with raw SQL because {@link Bar} refuses inconsistent values.
 * <p>
 * Clean daily returns are uniform in +-1% (never zero, never split-like): the modified z-score of a uniform
 * sample on [-a, a] is at most a / (0.741 a) = 1.35, far below the threshold of 8.
 */
final class QualityData {

  static final LocalDate FROM = LocalDate.of(2024, 1, 2);
  static final LocalDate TO = LocalDate.of(2024, 2, 29);
  static final long SEED = 20240102L;
  static final List<String> INSTRUMENTS = List.of("CLEAN", "CLEANSPLIT", "MISS", "DUP", "OHLC", "NONPOS",
      "NEGVOL", "STALE", "OUTLIER", "GAPPY", "SPLIT");
  static final int INTRADAY_SESSIONS = 5;
  static final int BUCKETS = 13;

  private static final Map<QualityCheck, String> INSTRUMENT = Map.of(QualityCheck.MISSING_SESSION, "MISS",
      QualityCheck.DUPLICATE_TIMESTAMP, "DUP", QualityCheck.OHLC_INCONSISTENT, "OHLC",
      QualityCheck.NON_POSITIVE_PRICE, "NONPOS", QualityCheck.NEGATIVE_VOLUME, "NEGVOL",
      QualityCheck.STALE_PRICE, "STALE", QualityCheck.OUTLIER_RETURN, "OUTLIER", QualityCheck.INTRADAY_GAP, "GAPPY",
      QualityCheck.UNMATCHED_SPLIT, "SPLIT");
  private static final Map<QualityCheck, Integer> SESSION = Map.of(QualityCheck.MISSING_SESSION, 10,
      QualityCheck.DUPLICATE_TIMESTAMP, 12, QualityCheck.OHLC_INCONSISTENT, 14, QualityCheck.NON_POSITIVE_PRICE, 16,
      QualityCheck.NEGATIVE_VOLUME, 18, QualityCheck.STALE_PRICE, 23, QualityCheck.OUTLIER_RETURN, 26,
      QualityCheck.INTRADAY_GAP, 2, QualityCheck.UNMATCHED_SPLIT, 30);

  private QualityData() {
  }

  static List<LocalDate> sessions(MarketCalendar cal) {
    return cal.sessionsBetween(FROM, TO).stream().map(s -> s.date()).toList();
  }

  static String plantedInstrument(QualityCheck check) {
    return INSTRUMENT.get(check);
  }

  static LocalDate plantedDate(QualityCheck check) {
    return sessions(HistoryStoreContractTest.CAL).get(SESSION.get(check));
  }

  static long expectedBars() {
    return (long) INSTRUMENTS.size() * sessions(HistoryStoreContractTest.CAL).size() + 2L * INTRADAY_SESSIONS * BUCKETS;
  }

  /** Loads the clean data set. */
  static void clean(JdbcHistoryStore store, MarketCalendar cal) {
    System.out.println("quality data seed " + SEED);
    store.putInstruments(INSTRUMENTS);
    List<LocalDate> days = sessions(cal);
    SplittableRandom rnd = new SplittableRandom(SEED);
    List<Bar> bars = new ArrayList<>();
    for (String id : INSTRUMENTS) {
      double close = 50 + rnd.nextInt(100);
      for (int k = 0; k < days.size(); k++) {
        double open = close;
        double r = (0.001 + 0.009 * rnd.nextDouble()) * (rnd.nextBoolean() ? 1 : -1);
        close = Math.round(open * (1 + r) * 10_000) / 10_000.0;
        if (id.equals("CLEANSPLIT") && k == 20) {
          open /= 2;
          close /= 2;
        }
        double high = Math.max(open, close) * 1.002;
        double low = Math.min(open, close) * 0.998;
        bars.add(new Bar(id, BarInterval.DAILY, days.get(k).atStartOfDay(ZoneOffset.UTC).toInstant(), open, high, low,
            close, 10_000 + rnd.nextInt(1000), OptionalDouble.of((high + low) / 2)));
      }
    }
    for (String id : List.of("CLEAN", "GAPPY")) {
      for (int k = 0; k < INTRADAY_SESSIONS; k++) {
        Instant open = days.get(k).atTime(9, 30).atZone(FakeCalendar.NEW_YORK).toInstant();
        for (int b = 0; b < BUCKETS; b++) {
          bars.add(new Bar(id, BarInterval.THIRTY_MINUTES, open.plus(Duration.ofMinutes(30L * b)), 10, 10.05, 9.95,
              10.01, 100 + b, OptionalDouble.empty()));
        }
      }
    }
    store.putBars(bars);
    store.putCorporateActions(List.of(CorporateAction.split("CLEANSPLIT", days.get(20), 2)));
  }

  private static String iid(String id) {
    return "(SELECT iid FROM instruments WHERE instrument_id = '" + id + "')";
  }

  private static long ts(LocalDate d) {
    return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /** Plants one defect per check with raw SQL. */
  static void plantDefects(JdbcHistoryStore store, Consumer<String> sql) {
    List<LocalDate> days = sessions(store.calendar());
    String daily = " AND ivl = 86400 AND ts = ";
    sql.accept("DELETE FROM bars WHERE iid = " + iid("MISS") + daily + ts(days.get(10)));
    sql.accept("INSERT INTO bars (iid, ivl, ts, open_px, high_px, low_px, close_px, volume, vwap)"
        + " SELECT iid, ivl, ts + 3600000, open_px, high_px, low_px, close_px, volume, vwap FROM bars WHERE iid = "
        + iid("DUP") + daily + ts(days.get(12)));
    sql.accept("UPDATE bars SET low_px = close_px * 1.05, high_px = close_px * 1.1 WHERE iid = " + iid("OHLC") + daily
        + ts(days.get(14)));
    sql.accept("UPDATE bars SET close_px = 0 WHERE iid = " + iid("NONPOS") + daily + ts(days.get(16)));
    sql.accept("UPDATE bars SET volume = -5 WHERE iid = " + iid("NEGVOL") + daily + ts(days.get(18)));
    for (int k = 20; k <= 23; k++) {
      sql.accept("UPDATE bars SET open_px = p.c, high_px = p.c, low_px = p.c, close_px = p.c, vwap = NULL"
          + " FROM (SELECT close_px AS c FROM bars WHERE iid = " + iid("STALE") + daily + ts(days.get(19)) + ") AS p"
          + " WHERE iid = " + iid("STALE") + daily + ts(days.get(k)));
    }
    sql.accept("UPDATE bars SET open_px = open_px * 1.25, high_px = high_px * 1.25, low_px = low_px * 1.25,"
        + " close_px = close_px * 1.25, vwap = vwap * 1.25 WHERE iid = " + iid("OUTLIER") + daily + ts(days.get(26)));
    Instant gap = days.get(2).atTime(9, 30).atZone(FakeCalendar.NEW_YORK).toInstant().plus(Duration.ofMinutes(150));
    sql.accept("DELETE FROM bars WHERE iid = " + iid("GAPPY") + " AND ivl = 1800 AND ts = " + gap.toEpochMilli());
    sql.accept("UPDATE bars SET open_px = open_px / 2, high_px = high_px / 2, low_px = low_px / 2,"
        + " close_px = close_px / 2, vwap = vwap / 2 WHERE iid = " + iid("SPLIT") + " AND ivl = 86400 AND ts >= "
        + ts(days.get(30)));
  }
}
