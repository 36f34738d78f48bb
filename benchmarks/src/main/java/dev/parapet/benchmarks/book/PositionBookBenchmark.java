package dev.parapet.benchmarks.book;

import dev.parapet.api.book.ExposureBasis;
import dev.parapet.api.book.PositionBook;
import dev.parapet.api.fixtures.TestInstruments;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Side;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Position-book updates on a book of 500 positions: one fill, one mark, or one order's reservation and
 * fill, followed by reading the account's worst-case gross exposure (what a gate reads next).
 * <p>
 * {@code fill} and {@code mark} use {@link PositionBook}, which moves the account, sector and issuer
 * aggregates incrementally by the touched position's change; {@code naiveFill} and {@code naiveMark}
 * are the obvious alternative: a {@code HashMap<String, Pos>} of immutable position records, replaced
 * on each update, with every aggregate recomputed by iterating the map (and sector totals in a
 * {@code HashMap<String, Double>}). Fills and prices are preallocated, so the benchmark measures the
 * book, not the creation of {@link Fill} values.
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar PositionBookBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PositionBookBenchmark {

  private static final int POSITIONS = 500;
  private static final int EVENTS = 4096; // a power of two
  private static final String ACCOUNT = "ACC";

  private PositionBook book;
  private Fill[] fills;
  private OrderRequest[] orders;
  private Fill[] orderFills;
  private String[] markIds;
  private double[] markPrices;
  private NaiveBook naive;
  private int next;

  /** Builds a book with 500 open positions and the events to replay. */
  @Setup(Level.Trial)
  public void setUp() {
    List<Instrument> universe = TestInstruments.universe(POSITIONS);
    Instant t = Instant.parse("2026-03-02T15:00:00Z");
    book = PositionBook.create();
    naive = new NaiveBook();
    book.deposit(ACCOUNT, 10_000_000);
    for (int i = 0; i < POSITIONS; i++) {
      Instrument inst = universe.get(i);
      Side side = i % 3 == 0 ? Side.SELL_SHORT : Side.BUY;
      Fill f = new Fill("init" + i, "init" + i, "init" + i, ACCOUNT, inst, side, 1_000, 100, 0, t);
      book.applyFill(f);
      naive.apply(f);
    }
    // a round trip per instrument: +10 then -10 at prices around 100, so positions stay open and bounded
    fills = new Fill[EVENTS];
    markIds = new String[EVENTS];
    markPrices = new double[EVENTS];
    orders = new OrderRequest[EVENTS];
    orderFills = new Fill[EVENTS];
    for (int e = 0; e < EVENTS; e++) {
      Instrument inst = universe.get((e * 7919) % POSITIONS);
      Side side = (e & 1) == 0 ? Side.BUY : Side.SELL;
      double price = 99.0 + 0.01 * (e % 200);
      fills[e] = new Fill("f" + e, "o" + e, "o" + e, ACCOUNT, inst, side, 10, price, 0.05, t);
      orders[e] = TestInstruments.limit("r" + e, ACCOUNT, inst, side, 10, price);
      orderFills[e] = new Fill("rf" + e, "r" + e, "r" + e, ACCOUNT, inst, side, 10, price, 0.05, t);
      markIds[e] = inst.id();
      markPrices[e] = price;
    }
  }

  /** PositionBook: apply one fill, then read worst-case gross exposure. */
  @Benchmark
  public double fill() {
    int e = next++ & (EVENTS - 1);
    book.applyFill(fills[e]);
    return book.grossExposure(ACCOUNT, ExposureBasis.WORST_CASE);
  }

  /** PositionBook: mark one instrument, then read worst-case gross exposure. */
  @Benchmark
  public double mark() {
    int e = next++ & (EVENTS - 1);
    book.mark(markIds[e], markPrices[e]);
    return book.grossExposure(ACCOUNT, ExposureBasis.WORST_CASE);
  }

  /**
   * PositionBook: the life of one approved order: reserve it, read worst-case gross (the next gate
   * check), fill it whole (which consumes the reservation), read again.
   */
  @Benchmark
  public double reserveThenFill() {
    int e = next++ & (EVENTS - 1);
    book.reserve(orders[e], orders[e].limitPrice().getAsDouble());
    double before = book.grossExposure(ACCOUNT, ExposureBasis.WORST_CASE);
    book.applyFill(orderFills[e]);
    return before + book.grossExposure(ACCOUNT, ExposureBasis.WORST_CASE);
  }

  /** Baseline of {@link #reserveThenFill}: pending quantities in a map, every aggregate recomputed twice. */
  @Benchmark
  public double naiveReserveThenFill() {
    int e = next++ & (EVENTS - 1);
    naive.reserve(orders[e]);
    double before = naive.worstGross;
    naive.consume(orders[e]); // the fill consumes the reservation: both move before one recomputation
    naive.apply(orderFills[e]);
    return before + naive.worstGross;
  }

  /** Baseline: replace one position record, then recompute every aggregate over the 500 positions. */
  @Benchmark
  public double naiveFill() {
    int e = next++ & (EVENTS - 1);
    naive.apply(fills[e]);
    return naive.worstGross;
  }

  /** Baseline: change one mark, then recompute every aggregate over the 500 positions. */
  @Benchmark
  public double naiveMark() {
    int e = next++ & (EVENTS - 1);
    naive.mark(markIds[e], markPrices[e]);
    return naive.worstGross;
  }

  /** An immutable position of the baseline book. */
  record Pos(Instrument instrument, long quantity, double averageCost, double realized) {
  }

  /** The baseline: immutable records in a HashMap, every aggregate recomputed after each update. */
  static final class NaiveBook {
    final Map<String, Pos> positions = new HashMap<>();
    final Map<String, Double> marks = new HashMap<>();
    final Map<String, Double> sectorGross = new HashMap<>();
    final Map<String, Long> pendingBuy = new HashMap<>();
    final Map<String, Long> pendingSell = new HashMap<>();
    double worstGross;
    double cash;
    double realized;
    double gross;
    double net;
    double longExposure;
    double shortExposure;
    double unrealized;

    void apply(Fill f) {
      String id = f.instrument().id();
      marks.putIfAbsent(id, f.price());
      Pos p = positions.get(id);
      long q = p == null ? 0 : p.quantity();
      double avg = p == null ? 0 : p.averageCost();
      double r = (p == null ? 0 : p.realized()) - f.fees();
      long signed = f.signedQuantity();
      if (q == 0 || Long.signum(q) == Long.signum(signed)) {
        avg = (avg * Math.abs(q) + f.price() * Math.abs(signed)) / (Math.abs(q) + Math.abs(signed));
      } else {
        long closing = Math.min(Math.abs(q), Math.abs(signed));
        r += closing * (f.price() - avg) * Long.signum(q);
        if (q + signed == 0) {
          avg = 0;
        } else if (Long.signum(q + signed) != Long.signum(q)) {
          avg = f.price();
        }
      }
      cash -= signed * f.price() + f.fees();
      positions.put(id, new Pos(f.instrument(), q + signed, avg, r));
      recompute();
    }

    void reserve(OrderRequest o) {
      (o.side().isBuy() ? pendingBuy : pendingSell).merge(o.instrument().id(), o.quantity(), Long::sum);
      recompute();
    }

    void consume(OrderRequest o) {
      (o.side().isBuy() ? pendingBuy : pendingSell).merge(o.instrument().id(), -o.quantity(), Long::sum);
    }

    void mark(String id, double price) {
      marks.put(id, price);
      recompute();
    }

    void recompute() {
      double lng = 0;
      double shrt = 0;
      double unr = 0;
      double rea = 0;
      double worst = 0;
      sectorGross.clear();
      for (Pos p : positions.values()) {
        double m = marks.get(p.instrument().id());
        double mv = p.quantity() * m;
        if (mv >= 0) {
          lng += mv;
        } else {
          shrt -= mv;
        }
        unr += (m - p.averageCost()) * p.quantity();
        rea += p.realized();
        sectorGross.merge(p.instrument().sector(), Math.abs(mv), Double::sum);
        long high = p.quantity() + pendingBuy.getOrDefault(p.instrument().id(), 0L);
        long low = p.quantity() - pendingSell.getOrDefault(p.instrument().id(), 0L);
        worst += Math.max(Math.abs(high), Math.abs(low)) * m;
      }
      worstGross = worst;
      longExposure = lng;
      shortExposure = shrt;
      gross = lng + shrt;
      net = lng - shrt;
      unrealized = unr;
      realized = rea;
    }
  }
}
