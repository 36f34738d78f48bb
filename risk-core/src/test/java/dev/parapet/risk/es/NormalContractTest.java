package dev.parapet.risk.es;

/** Runs the {@link RiskEstimatorContractTest} against {@link RiskEstimators#normal()}. */
class NormalContractTest extends RiskEstimatorContractTest {

  @Override
  RiskEstimator estimator() {
    return RiskEstimators.normal();
  }
}
