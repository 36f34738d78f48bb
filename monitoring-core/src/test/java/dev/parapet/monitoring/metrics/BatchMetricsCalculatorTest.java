package dev.parapet.monitoring.metrics;

import dev.parapet.api.metrics.MetricsCalculator;
import dev.parapet.api.metrics.MetricsConfig;

/** Runs the calculator contract against the batch calculator. */
class BatchMetricsCalculatorTest extends MetricsCalculatorContractTest {

  @Override
  MetricsCalculator create(MetricsConfig config) {
    return MetricsCalculators.batch(config);
  }
}
