package dev.parapet.monitoring.metrics;

/**
 * A running sum with Neumaier's compensation (Neumaier 1974, "Rundungsfehleranalyse einiger Verfahren zur
 * Summation endlicher Summen", ZAMM 54), an improved Kahan summation whose error does not grow with the
 * number of terms. Mutable; confined to its owner.
 */
final class CompensatedSum {

  private double sum;
  private double compensation;

  void add(double x) {
    double t = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) {
      compensation += (sum - t) + x;
    } else {
      compensation += (x - t) + sum;
    }
    sum = t;
  }

  double value() {
    return sum + compensation;
  }

  void reset() {
    sum = 0;
    compensation = 0;
  }
}
