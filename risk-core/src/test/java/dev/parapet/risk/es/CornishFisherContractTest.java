package dev.parapet.risk.es;

/** Runs the {@link RiskEstimatorContractTest} against {@link RiskEstimators#cornishFisher()}. */
class CornishFisherContractTest extends RiskEstimatorContractTest {

  @Override
  RiskEstimator estimator() {
    return RiskEstimators.cornishFisher();
  }
}
