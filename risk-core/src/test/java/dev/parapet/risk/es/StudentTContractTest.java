package dev.parapet.risk.es;

/** Runs the {@link RiskEstimatorContractTest} against {@link RiskEstimators#studentT()}. */
class StudentTContractTest extends RiskEstimatorContractTest {

  @Override
  RiskEstimator estimator() {
    return RiskEstimators.studentT();
  }
}
