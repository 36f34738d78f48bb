package dev.parapet.risk.es;

/** Runs the {@link RiskEstimatorContractTest} against {@link RiskEstimators#filteredHistorical()}. */
class FilteredHistoricalContractTest extends RiskEstimatorContractTest {

  @Override
  RiskEstimator estimator() {
    return RiskEstimators.filteredHistorical();
  }
}
