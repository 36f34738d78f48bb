package dev.parapet.risk.es;

import dev.parapet.api.InvalidValueException;
import java.util.Locale;

/** The estimation methods of {@link RiskEstimators}, each with the short label used on the command line. */
public enum EsMethod {
  /** Historical simulation with the Acerbi–Tasche tail convention. */
  HISTORICAL("historical"),
  /** Parametric normal with the sample mean and standard deviation. */
  NORMAL("normal"),
  /** Location-scale Student-t fitted by maximum likelihood. */
  STUDENT_T("student-t"),
  /** Cornish–Fisher expansion with the sample skewness and excess kurtosis. */
  CORNISH_FISHER("cornish-fisher"),
  /** Filtered historical simulation with EWMA volatility. */
  FILTERED_HISTORICAL("fhs"),
  /** Peaks over threshold with a generalised Pareto tail (extreme value theory). */
  EVT("evt");

  private final String label;

  EsMethod(String label) {
    this.label = label;
  }

  /** Returns the short label, e.g. {@code student-t}. */
  public String label() {
    return label;
  }

  /**
   * Parses a label ({@code historical}, {@code normal}, {@code student-t}, {@code cornish-fisher},
   * {@code fhs}, {@code evt}) or an enum name, ignoring case.
   *
   * @throws InvalidValueException if the text names no method
   */
  public static EsMethod parse(String text) {
    if (text != null) {
      String t = text.trim().toLowerCase(Locale.ROOT);
      for (EsMethod m : values()) {
        if (m.label.equals(t) || m.name().toLowerCase(Locale.ROOT).equals(t)) {
          return m;
        }
      }
    }
    throw new InvalidValueException("method", String.valueOf(text),
        "one of historical, normal, student-t, cornish-fisher, fhs, evt", null);
  }
}
