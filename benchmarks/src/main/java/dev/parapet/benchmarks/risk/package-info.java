/**
 * JMH benchmarks of risk-core beside naive baselines: the RiskGate check against full revaluation and sort,
 * portfolio and component ES, and correlation clustering.
 */
package dev.parapet.benchmarks.risk;
