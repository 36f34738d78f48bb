package dev.parapet.risk.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.api.book.PositionBook;
import dev.parapet.api.fixtures.TestInstruments;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Side;
import dev.parapet.api.time.SimulatedClock;
import dev.parapet.risk.es.RiskEstimators;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The gate's ES figure with open orders bounds the ES of every book those orders can produce: random books
 * with open buys and sales, random partial fills and releases, then the ES of the filled book plus sampled
 * fill combinations of what is still open (corners included), computed here from scratch, never exceeds the
 * figure the gate gave before the fills (marks unchanged). The reference valuation is independent of the
 * gate: each sampled book is a plain vector of quantities, valued at its marks, ES by the historical
 * estimator.
 */
class RiskGateFillBoundTest {

  private static final int SCENARIOS = 300;
  private static final double CONFIDENCE = 0.975;

  /** An open order as the test tracks it, independently of the book. */
  private static final class Open {
    final String id;
    final int instrument;
    final boolean buy;
    long remaining;

    Open(String id, int instrument, boolean buy, long remaining) {
      this.id = id;
      this.instrument = instrument;
      this.buy = buy;
      this.remaining = remaining;
    }
  }

  @Test
  void es_of_every_sampled_fill_combination_stays_within_the_figure_given_before_the_fills() {
    long seed = Long.getLong("parapet.seed", 20_241_125L);
    System.out.println("RiskGateFillBoundTest seed=" + seed);
    Random rnd = new Random(seed);
    int n = 8;
    List<Instrument> universe = TestInstruments.universe(n);
    // two factors with signed loadings (hedges and flips matter) and skewed idiosyncratic jumps
    Map<String, double[]> scenarios = new HashMap<>();
    double[][] r = new double[n][SCENARIOS];
    double[] f1 = new double[SCENARIOS];
    double[] f2 = new double[SCENARIOS];
    for (int s = 0; s < SCENARIOS; s++) {
      f1[s] = 0.01 * rnd.nextGaussian();
      f2[s] = 0.01 * rnd.nextGaussian();
    }
    for (int i = 0; i < n; i++) {
      double b1 = -1 + 2.5 * rnd.nextDouble();
      double b2 = -1 + 2 * rnd.nextDouble();
      for (int s = 0; s < SCENARIOS; s++) {
        double jump = rnd.nextInt(40) == 0 ? 0.08 * (rnd.nextBoolean() ? 1 : -0.5) : 0;
        r[i][s] = b1 * f1[s] + b2 * f2[s] + 0.01 * rnd.nextGaussian() + jump;
      }
      scenarios.put(universe.get(i).id(), r[i]);
    }
    SimulatedClock clock = SimulatedClock.at(Instant.parse("2024-03-04T14:30:00Z"));
    double worstRatio = 0;
    for (int trial = 0; trial < 40; trial++) {
      RiskGate gate = RiskGate.builder().scenarios(ScenarioProviders.fixed(scenarios)).clock(clock)
          .confidence(CONFIDENCE).markTolerance(0).build();
      PositionBook book = PositionBook.create();
      book.deposit("ACC", 100_000_000);
      double[] mark = new double[n];
      long[] q = new long[n];
      for (int i = 0; i < n; i++) {
        mark[i] = 20 + rnd.nextInt(200);
        book.mark(universe.get(i).id(), mark[i]);
        if (rnd.nextInt(10) < 7) {
          long qty = 1 + rnd.nextInt(1_000);
          boolean buy = rnd.nextBoolean();
          book.applyFill(RiskGateTest.fill("init" + trial + "-" + i, "init" + trial + "-" + i, universe.get(i),
              buy ? Side.BUY : Side.SELL_SHORT, qty, mark[i]));
          q[i] = buy ? qty : -qty;
        }
      }
      List<Open> open = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int orders = rnd.nextInt(4);
        for (int k = 0; k < orders; k++) {
          boolean buy = rnd.nextBoolean();
          Side side = buy ? Side.BUY : (rnd.nextBoolean() ? Side.SELL : Side.SELL_SHORT);
          long qty = 1 + rnd.nextInt(1_500);
          OrderRequest o = RiskGateTest.order("t" + trial + "-" + i + "-" + k, universe.get(i), side, qty);
          book.reserve(o, mark[i]);
          open.add(new Open(o.clientOrderId(), i, buy, qty));
        }
      }
      // the gate's figures before any fill: from the cached check path and from the monitoring path
      double bound = currentEs(gate, book, universe.get(rnd.nextInt(n)), "probe" + trial);
      double monitored = gate.expectedShortfall("ACC", book);
      assertThat(monitored).as("seed %d trial %d", seed, trial).isCloseTo(bound, tolerance(bound));

      // random partial fills and releases (marks unchanged)
      int fillNo = 0;
      for (Open o : open) {
        int what = rnd.nextInt(10);
        if (what < 3) {
          long qty = 1 + (long) (rnd.nextDouble() * o.remaining);
          qty = Math.min(qty, o.remaining);
          Side side = o.buy ? Side.BUY : Side.SELL;
          book.applyFill(RiskGateTest.fill("fill" + trial + "-" + fillNo++, o.id, universe.get(o.instrument), side,
              qty, mark[o.instrument]));
          q[o.instrument] += o.buy ? qty : -qty;
          o.remaining -= qty;
        } else if (what < 5) {
          book.release(o.id);
          o.remaining = 0;
        }
      }
      // the bound never rises through fills and releases alone
      double after = currentEs(gate, book, universe.get(rnd.nextInt(n)), "probe-after" + trial);
      assertThat(after).as("seed %d trial %d: bound after fills", seed, trial)
          .isLessThanOrEqualTo(bound + tolerance(bound).value);

      // sampled fill combinations of what is still open: 0 none, 1 all, 2 buys only, 3 sales only, then random
      for (int combo = 0; combo < 50; combo++) {
        long[] position = q.clone();
        for (Open o : open) {
          long filled;
          if (combo == 0) {
            filled = 0;
          } else if (combo == 1) {
            filled = o.remaining;
          } else if (combo == 2) {
            filled = o.buy ? o.remaining : 0;
          } else if (combo == 3) {
            filled = o.buy ? 0 : o.remaining;
          } else {
            int pick = rnd.nextInt(3);
            filled = pick == 0 ? 0 : pick == 1 ? o.remaining : (long) (rnd.nextDouble() * (o.remaining + 1));
          }
          position[o.instrument] += o.buy ? filled : -filled;
        }
        double[] pnl = new double[SCENARIOS];
        for (int i = 0; i < n; i++) {
          double x = position[i] * mark[i];
          for (int s = 0; s < SCENARIOS; s++) {
            pnl[s] += x * r[i][s];
          }
        }
        double es = RiskEstimators.historical().estimate(pnl, CONFIDENCE).es();
        assertThat(es).as("seed %d trial %d combo %d", seed, trial, combo)
            .isLessThanOrEqualTo(bound + tolerance(bound).value);
        if (bound > 0) {
          worstRatio = Math.max(worstRatio, es / bound);
        }
      }
    }
    System.out.println("largest sampled ES / bound: " + worstRatio);
  }

  private static double currentEs(RiskGate gate, PositionBook book, Instrument probe, String id) {
    GateDecision d = gate.check(RiskGateTest.order(id, probe, Side.BUY, 1), book);
    assertThat(d.findFigure(RiskGate.FIGURE_ES_CURRENT)).as("decision %s", d).isPresent();
    return d.findFigure(RiskGate.FIGURE_ES_CURRENT).getAsDouble();
  }

  private static org.assertj.core.data.Offset<Double> tolerance(double bound) {
    return org.assertj.core.api.Assertions.within(1e-9 * Math.max(1, Math.abs(bound)));
  }
}
