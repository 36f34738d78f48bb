package dev.parapet.risk.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.api.InvalidValueException;
import dev.parapet.risk.portfolio.ScenarioMatrix;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ScenarioProvidersTest {

  @Test
  void fixed_provider_copies_and_serves_scenarios() {
    double[] a = {0.1, -0.2};
    ScenarioProvider p = ScenarioProviders.fixed(Map.of("A", a));
    a[0] = 99;
    assertThat(p.scenarioCount()).isEqualTo(2);
    assertThat(p.findReturns("A")).get().satisfies(r -> assertThat(r).containsExactly(0.1, -0.2));
    assertThat(p.findReturns("B")).isEmpty();
    ScenarioProvider m = ScenarioProviders.fixed(ScenarioMatrix.of(List.of("X"), new double[][] {{1, 2, 3}}));
    assertThat(m.findReturns("X")).get().satisfies(r -> assertThat(r).containsExactly(1, 2, 3));
  }

  @Test
  void rejects_ragged_or_non_finite_scenarios() {
    assertThatThrownBy(() -> ScenarioProviders.fixed(Map.of("A", new double[] {1, 2}, "B", new double[] {1})))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("returns.length");
    assertThatThrownBy(() -> ScenarioProviders.fixed(Map.of("A", new double[] {1, Double.NaN})))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("returns[1]").hasMessageContaining("instrument A");
  }

  @Test
  void updatable_provider_bumps_its_version_and_readers_never_see_a_mixed_set() throws Exception {
    UpdatableScenarioProvider p = ScenarioProviders.updatable();
    assertThat(p.scenarioCount()).isZero();
    long v0 = p.version();
    p.replaceAll(Map.of("A", new double[] {0, 0, 0}));
    assertThat(p.version()).isGreaterThan(v0);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger mixed = new AtomicInteger();
    Thread writer = new Thread(() -> {
      for (int k = 1; k <= 5_000; k++) {
        double v = k;
        // each set holds one value everywhere, and its length varies with k
        double[] r = new double[1 + k % 7];
        java.util.Arrays.fill(r, v);
        p.replaceAll(Map.of("A", r, "B", r.clone()));
      }
      stop.set(true);
    });
    Thread[] readers = new Thread[3];
    for (int t = 0; t < readers.length; t++) {
      readers[t] = new Thread(() -> {
        while (!stop.get()) {
          double[] r = p.findReturns("A").orElseThrow();
          for (double x : r) {
            if (x != r[0]) {
              mixed.incrementAndGet();
            }
          }
          if (r.length != 1 + ((int) r[0]) % 7 && r[0] != 0) {
            mixed.incrementAndGet();
          }
        }
      });
      readers[t].start();
    }
    writer.start();
    writer.join();
    for (Thread r : readers) {
      r.join();
    }
    assertThat(mixed.get()).isZero();
    assertThat(p.findReturns("B").orElseThrow()).containsOnly(5_000.0);
  }
}
