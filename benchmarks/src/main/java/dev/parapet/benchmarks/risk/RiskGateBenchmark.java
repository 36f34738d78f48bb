package dev.parapet.benchmarks.risk;

import dev.parapet.api.book.PositionBook;
import dev.parapet.api.fixtures.TestInstruments;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Side;
import dev.parapet.api.time.SimulatedClock;
import dev.parapet.risk.gate.RiskGate;
import dev.parapet.risk.gate.ScenarioProviders;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One RiskGate check on a 500-instrument book over 500 scenarios (ES at 97.5%, open orders bounded per
 * scenario at the worse end of each position's range),
 * beside the naive baseline that revalues every position over every scenario and sorts the losses for each
 * order. Targets: median at most 2 us, p99 at most 10 us, 0 B/op.
 * <p>
 * {@code java -jar benchmarks/target/benchmarks.jar RiskGateBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RiskGateBenchmark {

  static final int INSTRUMENTS = 500;
  static final int SCENARIOS = 500;
  static final double CONFIDENCE = 0.975;

  PositionBook book;
  RiskGate gate;
  GateDecision.Builder decision;
  OrderRequest[] orders;
  int next;

  // baseline state
  Map<String, double[]> scenarios;
  List<Instrument> universe;
  double[] baselinePnl;

  @Setup
  public void setup() {
    Random rnd = new Random(42);
    universe = TestInstruments.universe(INSTRUMENTS);
    scenarios = new HashMap<>();
    double[] market = new double[SCENARIOS];
    for (int s = 0; s < SCENARIOS; s++) {
      market[s] = 0.01 * rnd.nextGaussian();
    }
    for (Instrument i : universe) {
      double[] r = new double[SCENARIOS];
      double beta = 0.5 + rnd.nextDouble();
      for (int s = 0; s < SCENARIOS; s++) {
        r[s] = beta * market[s] + 0.015 * rnd.nextGaussian();
      }
      scenarios.put(i.id(), r);
    }
    book = PositionBook.create();
    book.deposit("ACC", 100_000_000);
    Instant t0 = Instant.parse("2024-03-04T14:30:00Z");
    int k = 0;
    for (Instrument i : universe) {
      double price = 20 + rnd.nextInt(200);
      Side side = rnd.nextInt(4) == 0 ? Side.SELL_SHORT : Side.BUY;
      book.applyFill(new Fill("f" + k, "p" + k, "p" + k, "ACC", i, side, 100 + rnd.nextInt(1000), price, 0, t0));
      k++;
    }
    gate = RiskGate.builder().scenarios(ScenarioProviders.fixed(scenarios)).clock(SimulatedClock.at(t0))
        .confidence(CONFIDENCE).esLimit(1e12).build();
    decision = GateDecision.builder();
    // every order adds to its position (buys for longs, short sales for shorts); every check takes the full
    // path: one pass over the scenarios
    orders = new OrderRequest[64];
    for (int i = 0; i < orders.length; i++) {
      Instrument inst = universe.get(rnd.nextInt(INSTRUMENTS));
      Side side = book.quantity("ACC", inst.id()) >= 0 ? Side.BUY : Side.SELL_SHORT;
      orders[i] = TestInstruments.market("o" + i, "ACC", inst, side, 1 + rnd.nextInt(500));
    }
    baselinePnl = new double[SCENARIOS];
    // warm the gate's cache
    check();
  }

  /** The gate: incremental P&amp;L update by the order's column plus a one-pass top-k tail selection. */
  @Benchmark
  public double check() {
    OrderRequest o = orders[next++ & (orders.length - 1)];
    decision.reset(o.clientOrderId());
    gate.check(o, book, decision);
    return decision.figure(RiskGate.FIGURE_ES_PRO_FORMA);
  }

  /** The baseline: revalue every position over every scenario, add the order, sort all losses. */
  @Benchmark
  public double baselineFullRevaluationAndSort() {
    OrderRequest o = orders[next++ & (orders.length - 1)];
    double[] pnl = baselinePnl;
    Arrays.fill(pnl, 0);
    for (Instrument i : universe) {
      long q = book.quantity("ACC", i.id());
      long high = q + book.pendingBuyQuantity("ACC", i.id());
      long low = q - book.pendingSellQuantity("ACC", i.id());
      if (i.id().equals(o.instrument().id())) {
        if (o.side().isBuy()) {
          high += o.quantity();
        } else {
          low -= o.quantity();
        }
      }
      double unit = book.markPrice(i.id()) * i.multiplier();
      double lowX = low * unit;
      double highX = high * unit;
      double[] r = scenarios.get(i.id());
      for (int s = 0; s < SCENARIOS; s++) {
        pnl[s] += Math.min(lowX * r[s], highX * r[s]);
      }
    }
    double[] losses = new double[SCENARIOS];
    for (int s = 0; s < SCENARIOS; s++) {
      losses[s] = -pnl[s];
    }
    Arrays.sort(losses);
    double w = SCENARIOS * (1 - CONFIDENCE);
    int m = (int) Math.floor(w + 1e-9);
    double sum = 0;
    for (int j = 0; j < m; j++) {
      sum += losses[SCENARIOS - 1 - j];
    }
    return (sum + (w - m) * losses[SCENARIOS - 1 - m]) / w;
  }
}
