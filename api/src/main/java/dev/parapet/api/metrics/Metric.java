package dev.parapet.api.metrics;

import java.util.NoSuchElementException;

/**
 * The seventeen institutional metrics of a periodic return series, with the conventions of the empyrical
 * library (Quantopian, {@code empyrical/stats.py}, version 0.5.5) wherever it defines the metric.
 * <p>
 * Notation: {@code r_t} are the {@code n} periodic simple returns, {@code b_t} the benchmark's,
 * {@code rf} the per-period risk-free rate, {@code P} the periods per year, {@code W_t = prod_{s<=t}(1 + r_s)}
 * the wealth index with {@code W_0 = 1}. Standard deviations are sample deviations (ddof = 1) unless said
 * otherwise. Percentiles use numpy's default linear interpolation between order statistics
 * ({@code numpy.percentile}, method "linear": virtual index {@code (n - 1) * q}). A metric that cannot be
 * computed (too few returns, a zero denominator, no benchmark) is <em>absent</em>, never NaN, zero or
 * infinite; the minimum counts and zero-denominator rules are listed per constant.
 */
public enum Metric {

  /** Cumulative return {@code W_n - 1} (empyrical {@code cum_returns_final}). Needs n &gt;= 1. */
  TOTAL_RETURN("totalReturn", false),

  /**
   * Geometric annual return (CAGR) {@code W_n^(P / n) - 1} (empyrical {@code annual_return}). Needs n &gt;= 1.
   */
  ANNUAL_RETURN("annualReturn", false),

  /** Annualised volatility {@code std(r) * sqrt(P)}, sample deviation (empyrical {@code annual_volatility}). Needs n &gt;= 2; 0 for a constant series. */
  ANNUAL_VOLATILITY("annualVolatility", false),

  /**
   * Sharpe ratio {@code mean(r - rf) / std(r - rf) * sqrt(P)}, sample deviation (empyrical {@code sharpe_ratio};
   * Sharpe 1994). Needs n &gt;= 2; absent when the deviation is 0 (empyrical returns inf or NaN).
   */
  SHARPE_RATIO("sharpeRatio", false),

  /**
   * Sortino ratio {@code mean(r - rf) * P / (DD * sqrt(P))} with the downside deviation
   * {@code DD = sqrt(sum(min(r - rf, 0)^2) / n)} over <em>all</em> n periods (empyrical {@code sortino_ratio}
   * and {@code downside_risk} with {@code required_return = rf}; Sortino and Price 1994). Needs n &gt;= 2;
   * absent when DD is 0 (no return below rf).
   */
  SORTINO_RATIO("sortinoRatio", false),

  /**
   * Calmar ratio {@code annualReturn / |maxDrawdown|} (empyrical {@code calmar_ratio}). Needs n &gt;= 1;
   * absent when the maximum drawdown is 0.
   */
  CALMAR_RATIO("calmarRatio", false),

  /**
   * Omega ratio at threshold rf: {@code sum(max(r - rf, 0)) / sum(max(rf - r, 0))} (empyrical
   * {@code omega_ratio} with {@code risk_free = rf}, {@code required_return = 0}; Keating and Shadwick 2002).
   * Needs n &gt;= 2; absent when no return is below rf.
   */
  OMEGA_RATIO("omegaRatio", false),

  /**
   * Maximum drawdown {@code min_t(W_t / max_{s<=t} W_s - 1)}, a number in (-1, 0]: <b>negative or zero</b>,
   * as empyrical's {@code max_drawdown}; the running peak starts at {@code W_0 = 1}. Needs n &gt;= 1.
   */
  MAX_DRAWDOWN("maxDrawdown", false),

  /** Current drawdown {@code W_n / max_{s<=n} W_s - 1}, negative or zero like {@link #MAX_DRAWDOWN}. Needs n &gt;= 1. */
  CURRENT_DRAWDOWN("currentDrawdown", false),

  /**
   * Historical value at risk at 99%: <b>a positive number is a loss</b>, {@code -percentile(r, 1)}, i.e. the
   * negation of empyrical's {@code value_at_risk(r, cutoff=0.01)} (Parapet reports losses as positive
   * numbers). Needs n &gt;= 1.
   */
  VALUE_AT_RISK_99("valueAtRisk99", false),

  /**
   * Historical expected shortfall at 97.5%, <b>positive for a loss</b>: minus the mean of the
   * {@code floor((n - 1) * 0.025) + 1} smallest returns, i.e. the negation of empyrical's
   * {@code conditional_value_at_risk(r, cutoff=0.025)} (the Basel FRTB confidence level, BCBS d457 MAR33.3).
   * Needs n &gt;= 1.
   */
  EXPECTED_SHORTFALL_975("expectedShortfall975", false),

  /**
   * Beta {@code cov(r, b) / var(b)} (empyrical {@code beta}; the OLS slope of r on b; a constant rf cancels).
   * Needs a benchmark and n &gt;= 2; absent when {@code var(b) < 1e-30} (empyrical's cut-off).
   */
  BETA("beta", true),

  /**
   * Annualised Jensen's alpha {@code (1 + mean(r - rf - beta * (b - rf)))^P - 1}: the per-period intercept of
   * the regression compounded over a year, as empyrical's {@code alpha} (0.5.x). Needs a benchmark and
   * n &gt;= 2; absent when beta is.
   */
  ALPHA("alpha", true),

  /**
   * Annualised information ratio {@code mean(r - b) / std(r - b) * sqrt(P)}, sample deviation (Grinold and
   * Kahn, Active Portfolio Management, ch. 5); equals empyrical's per-period {@code excess_sharpe} times
   * {@code sqrt(P)}. Needs a benchmark and n &gt;= 2; absent when the tracking error is 0.
   */
  INFORMATION_RATIO("informationRatio", true),

  /** Annualised tracking error {@code std(r - b) * sqrt(P)}, sample deviation. Needs a benchmark and n &gt;= 2. */
  TRACKING_ERROR("trackingError", true),

  /**
   * Tail ratio {@code |percentile(r, 95)| / |percentile(r, 5)|} (empyrical {@code tail_ratio}). Needs
   * n &gt;= 1; absent when the 5th percentile is 0.
   */
  TAIL_RATIO("tailRatio", false),

  /** Win rate: the fraction of periods with a strictly positive return, in [0, 1]. Needs n &gt;= 1. */
  WIN_RATE("winRate", false);

  private static final Metric[] VALUES = values();

  private final String id;
  private final boolean needsBenchmark;

  Metric(String id, boolean needsBenchmark) {
    this.id = id;
    this.needsBenchmark = needsBenchmark;
  }

  /** Returns the metric's name in reports and JSON, e.g. {@code sharpeRatio}. */
  public String id() {
    return id;
  }

  /** Returns true for beta, alpha, information ratio and tracking error, which need a benchmark series. */
  public boolean needsBenchmark() {
    return needsBenchmark;
  }

  /** Returns the number of metrics, 17. */
  public static int count() {
    return VALUES.length;
  }

  /**
   * Returns the metric with an id.
   *
   * @throws NoSuchElementException if no metric has that id
   */
  public static Metric ofId(String id) {
    for (Metric m : VALUES) {
      if (m.id.equals(id)) {
        return m;
      }
    }
    throw new NoSuchElementException("no metric with id '" + id + "'");
  }
}
