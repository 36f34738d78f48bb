package dev.parapet.risk.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parapet.api.InvalidValueException;
import dev.parapet.risk.es.RiskEstimators;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PortfolioExpectedShortfallTest {

  @Test
  void two_instruments_four_scenarios_by_hand() {
    // A: -0.10, 0.05, -0.02, 0.03   B: 0.02, -0.08, -0.01, 0.04   exposures A = 100, B = 50
    // P&L: -10 + 1 = -9, 5 - 4 = 1, -2 - 0.5 = -2.5, 3 + 2 = 5 -> losses 9, -1, 2.5, -5
    // alpha = 0.5: w = 2 -> tail = scenarios 0 and 2: ES = (9 + 2.5) / 2 = 5.75; VaR = third largest loss = -1
    // marginal A = (0.10 + 0.02) / 2 = 0.06, component 6; marginal B = (-0.02 + 0.01) / 2 = -0.005, component -0.25
    ScenarioMatrix m = ScenarioMatrix.of(List.of("A", "B"),
        new double[][] {{-0.10, 0.05, -0.02, 0.03}, {0.02, -0.08, -0.01, 0.04}});
    PortfolioEsResult r = PortfolioExpectedShortfall.of(m, 0.5).compute(new double[] {100, 50});
    assertThat(r.es()).isCloseTo(5.75, within(1e-12));
    assertThat(r.var()).isCloseTo(-1.0, within(1e-12));
    assertThat(r.componentEs("A")).isCloseTo(6.0, within(1e-12));
    assertThat(r.componentEs("B")).isCloseTo(-0.25, within(1e-12));
    assertThat(r.marginalEs(0)).isCloseTo(0.06, within(1e-12));
    assertThat(r.marginalEs(1)).isCloseTo(-0.005, within(1e-12));
  }

  @Test
  void component_es_sums_to_total_es() {
    long seed = 81L;
    System.out.println("seed=" + seed);
    Random rnd = new Random(seed);
    ScenarioMatrix m = randomMatrix(rnd, 60, 500);
    double[] x = randomExposures(rnd, 60);
    PortfolioEsResult r = PortfolioExpectedShortfall.of(m, 0.975).compute(x);
    double sum = 0;
    for (double c : r.componentEs()) {
      sum += c;
    }
    assertThat(r.es()).isPositive();
    assertThat(sum).isCloseTo(r.es(), within(1e-9 * r.es()));
  }

  @Test
  void total_es_equals_historical_es_of_the_portfolio_pnl() {
    long seed = 82L;
    System.out.println("seed=" + seed);
    Random rnd = new Random(seed);
    ScenarioMatrix m = randomMatrix(rnd, 30, 777);
    double[] x = randomExposures(rnd, 30);
    double[] pnl = new double[777];
    for (int i = 0; i < 30; i++) {
      for (int s = 0; s < 777; s++) {
        pnl[s] += x[i] * m.value(i, s);
      }
    }
    double expected = RiskEstimators.historical().estimate(pnl, 0.99).es();
    assertThat(PortfolioExpectedShortfall.of(m, 0.99).compute(x).es()).isCloseTo(expected, within(1e-9 * expected));
    assertThat(PortfolioExpectedShortfall.of(m, 0.99).expectedShortfall(x)).isCloseTo(expected, within(1e-9 * expected));
  }

  @Test
  void marginal_es_is_the_derivative_of_es() {
    long seed = 83L;
    System.out.println("seed=" + seed);
    Random rnd = new Random(seed);
    ScenarioMatrix m = randomMatrix(rnd, 10, 400);
    double[] x = randomExposures(rnd, 10);
    PortfolioExpectedShortfall calc = PortfolioExpectedShortfall.of(m, 0.975);
    PortfolioEsResult r = calc.compute(x);
    for (int i = 0; i < 10; i++) {
      double h = 1e-4;
      double[] up = x.clone();
      double[] down = x.clone();
      up[i] += h;
      down[i] -= h;
      double derivative = (calc.expectedShortfall(up) - calc.expectedShortfall(down)) / (2 * h);
      assertThat(r.marginalEs(i)).isCloseTo(derivative, within(1e-6));
    }
  }

  @Test
  void incremental_es_equals_the_difference_of_two_full_computations() {
    long seed = 84L;
    System.out.println("seed=" + seed);
    Random rnd = new Random(seed);
    ScenarioMatrix m = randomMatrix(rnd, 40, 500);
    double[] x = randomExposures(rnd, 40);
    PortfolioExpectedShortfall calc = PortfolioExpectedShortfall.of(m, 0.975);
    for (int trial = 0; trial < 20; trial++) {
      int i = rnd.nextInt(40);
      double trade = (rnd.nextDouble() - 0.5) * 2e6;
      double[] after = x.clone();
      after[i] += trade;
      double expected = calc.compute(after).es() - calc.compute(x).es();
      assertThat(calc.incrementalEs(x, i, trade)).isCloseTo(expected, within(1e-9 * Math.abs(calc.compute(x).es())));
      double[] tradeVector = new double[40];
      tradeVector[i] = trade;
      assertThat(calc.incrementalEs(x, tradeVector)).isCloseTo(expected, within(1e-9 * calc.compute(x).es()));
    }
  }

  @Test
  void tied_tail_scenarios_share_the_weight_equally() {
    // every scenario loses 1 on A and nothing on B except scenario 3, where B loses: losses 2, 2, 2, 3 (x = 2, 1)
    // alpha = 0.5: w = 2 -> ES = (3 + 1 * 2) / 2 = 2.5; the three tied scenarios share weight 1, a third each.
    // marginal A = (1 * 1 + 3 * (1/3) * 1) / 2 = 1 -> component 2; marginal B = (1 * 1) / 2 = 0.5 -> component 0.5
    ScenarioMatrix m = ScenarioMatrix.of(List.of("A", "B"), new double[][] {{-1, -1, -1, -1}, {0, 0, 0, -1}});
    PortfolioEsResult r = PortfolioExpectedShortfall.of(m, 0.5).compute(new double[] {2, 1});
    assertThat(r.es()).isCloseTo(2.5, within(1e-12));
    assertThat(r.componentEs(0)).isCloseTo(2.0, within(1e-12));
    assertThat(r.componentEs(1)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void concurrent_callers_share_one_calculator_safely() throws Exception {
    long seed = 85L;
    System.out.println("seed=" + seed);
    Random rnd = new Random(seed);
    ScenarioMatrix m = randomMatrix(rnd, 50, 400);
    double[] x = randomExposures(rnd, 50);
    PortfolioExpectedShortfall calc = PortfolioExpectedShortfall.of(m, 0.975);
    double expected = calc.compute(x).es();
    java.util.concurrent.atomic.AtomicInteger wrong = new java.util.concurrent.atomic.AtomicInteger();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(() -> {
        for (int i = 0; i < 200; i++) {
          if (calc.compute(x).es() != expected || calc.incrementalEs(x, 3, 1e5) != calc.incrementalEs(x, 3, 1e5)) {
            wrong.incrementAndGet();
          }
        }
      });
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(wrong.get()).isZero();
  }

  @Test
  void flat_book_has_zero_es_and_components() {
    ScenarioMatrix m = ScenarioMatrix.of(List.of("A"), new double[][] {{-0.1, 0.1, 0.2}});
    PortfolioEsResult r = PortfolioExpectedShortfall.of(m).compute(new double[1]);
    assertThat(r.es()).isZero();
    assertThat(r.componentEs(0)).isZero();
  }

  @Test
  void rejects_bad_exposures_and_matrices() {
    ScenarioMatrix m = ScenarioMatrix.of(List.of("A", "B"), new double[][] {{0.1, 0.2}, {0.3, 0.4}});
    PortfolioExpectedShortfall calc = PortfolioExpectedShortfall.of(m);
    assertThatThrownBy(() -> calc.compute(new double[] {1})).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("exposures.length");
    assertThatThrownBy(() -> calc.compute(new double[] {1, Double.NaN})).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("exposures[1]").hasMessageContaining("instrument B");
    assertThatThrownBy(() -> ScenarioMatrix.of(List.of("A", "A"), new double[][] {{1}, {2}}))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("distinct");
    assertThatThrownBy(() -> ScenarioMatrix.of(List.of("A", "B"), new double[][] {{1, 2}, {2}}))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("rows[1].length");
    assertThatThrownBy(() -> ScenarioMatrix.of(List.of("A"), new double[][] {{Double.POSITIVE_INFINITY}}))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("rows[0][0]");
    assertThatThrownBy(() -> m.getIndex("C")).isInstanceOf(InvalidValueException.class);
    assertThat(m.findIndex("C")).isEmpty();
    assertThat(m.findIndex("B")).hasValue(1);
  }

  static ScenarioMatrix randomMatrix(Random rnd, int n, int s) {
    List<String> ids = new ArrayList<>();
    double[][] rows = new double[n][s];
    double[] market = new double[s];
    for (int j = 0; j < s; j++) {
      market[j] = 0.01 * rnd.nextGaussian();
    }
    for (int i = 0; i < n; i++) {
      ids.add("I" + i);
      double beta = 0.5 + rnd.nextDouble();
      for (int j = 0; j < s; j++) {
        rows[i][j] = beta * market[j] + 0.015 * rnd.nextGaussian();
      }
    }
    return ScenarioMatrix.of(ids, rows);
  }

  static double[] randomExposures(Random rnd, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (rnd.nextDouble() - 0.3) * 1e6;
    }
    return x;
  }
}
