package dev.parapet.risk.es;

import java.util.Random;

/** Seeded samples for the estimator tests, built from {@link Random#nextGaussian()} only. */
final class Samples {

  private Samples() {
  }

  /** Returns {@code n} draws of {@code location + scale * T_nu} for integer {@code nu}, as Z / sqrt(chi2_nu / nu). */
  static double[] studentT(Random rnd, int n, int nu, double location, double scale) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double chi2 = 0;
      for (int k = 0; k < nu; k++) {
        double g = rnd.nextGaussian();
        chi2 += g * g;
      }
      x[i] = location + scale * rnd.nextGaussian() / Math.sqrt(chi2 / nu);
    }
    return x;
  }

  /** Returns {@code n} draws of {@code mean + sd * Z}. */
  static double[] normal(Random rnd, int n, double mean, double sd) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = mean + sd * rnd.nextGaussian();
    }
    return x;
  }
}
