package dev.parapet.monitoring.metrics;

import dev.parapet.api.metrics.MetricsCalculator;
import dev.parapet.api.metrics.MetricsConfig;

/** Runs the calculator contract against the streaming calculator, starting from a tiny capacity so the heaps grow. */
class StreamingMetricsCalculatorTest extends MetricsCalculatorContractTest {

  @Override
  MetricsCalculator create(MetricsConfig config) {
    return MetricsCalculators.streaming(config, 1);
  }
}
