package dev.parapet.risk.es;

/** Runs the {@link RiskEstimatorContractTest} against {@link RiskEstimators#evt()}. */
class EvtContractTest extends RiskEstimatorContractTest {

  @Override
  RiskEstimator estimator() {
    return RiskEstimators.evt();
  }
}
