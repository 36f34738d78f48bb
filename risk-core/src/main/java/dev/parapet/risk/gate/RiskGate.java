package dev.parapet.risk.gate;

import dev.parapet.api.Checks;
import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.gate.TradeGate;
import dev.parapet.risk.drawdown.DrawdownController;
import dev.parapet.risk.es.RiskEstimator;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The pre-trade risk gate: before an order may be sent, the portfolio's expected shortfall after the order
 * (including the reservations of approved open orders) is checked against ES limits, and the drawdown state
 * against the order's direction. Every decision carries the figures it was based on.
 * <p>
 * <b>Model.</b> Historical ES (Acerbi–Tasche tail, see {@link dev.parapet.risk.es.RiskEstimators#historical()})
 * over the scenarios of a {@link ScenarioProvider}: the P&amp;L in scenario {@code s} is
 * {@code sum_i x_i r(i, s)} with {@code x_i} the signed exposure of instrument {@code i} at its mark.
 * <p>
 * <b>Open orders (worst case).</b> An instrument with filled quantity {@code q}, pending buys {@code b} and
 * pending sells {@code s} can end anywhere in {@code [q - s, q + b]}. The gate values it at the end of that
 * range farther from flat (the high end on a tie), as {@link dev.parapet.api.book.ExposureBasis#WORST_CASE}
 * does for gross exposure; the order under check is added to its side's pending quantity first. The exact
 * worst case of ES over all fill combinations is a search over the corners of a box, exponential in the
 * number of instruments; the per-instrument rule is linear and agrees with it for a single instrument. A
 * consequence: an order that only reduces a position changes nothing until it fills (ES unchanged).
 * <p>
 * <b>Limits.</b> The ES limit is the smaller of the absolute limit and the share of NAV; an order is
 * rejected ({@code ES_LIMIT}) when its pro-forma ES exceeds the limit and its incremental ES is positive. An
 * order that does not add ES passes with a warning even when the book is already over the limit, so the
 * book can always be de-risked. When the account's drawdown controller has a tier in force, an order that
 * moves its instrument's worst-case position away from flat is rejected ({@code DRAWDOWN_BLOCK}); one that
 * moves it towards flat passes.
 * <p>
 * <b>Fail-closed.</b> Missing scenarios for the order's or a held instrument, fewer scenarios than the
 * minimum ({@code INSUFFICIENT_HISTORY}), no price for the order's instrument ({@code NO_REFERENCE_PRICE}), a
 * non-finite result or any exception ({@code INTERNAL_ERROR}) reject the order with a message naming the cause.
 * <p>
 * <b>Incremental.</b> Per account the gate caches the scenario P&amp;L vector of the worst-case book and its
 * current ES. A check adds the order's exposure change times its instrument's scenario column and selects
 * the tail in one pass with a bounded top-k buffer: {@code O(S)} work, no sort, no allocation. The cache is
 * refreshed by walking the account's positions (re-marking each and applying only the changes) when
 * {@link PortfolioView#positionsVersion()} changes, when the account's worst-case gross exposure has moved by
 * more than {@code markTolerance} since the last walk (marks moved), or when the last walk is older than
 * {@code refreshInterval}; it is rebuilt from scratch when the scenarios change, after 1,024 incremental walks
 * (to shed floating-point drift), or after {@link #invalidate()}.
 * <p>
 * <b>Threads.</b> Thread-safe: checks are serialised on the gate. When the portfolio view is a
 * {@link dev.parapet.api.book.PositionBook} the gate takes the book's lock before its own, the same order as
 * an orchestrator holding the book's decision lock, so callers holding the book lock cannot deadlock.
 */
public interface RiskGate extends TradeGate {

  /** Figure: ES of the worst-case book before the order, currency, a loss. */
  String FIGURE_ES_CURRENT = "risk.es.current";
  /** Figure: ES of the worst-case book with the order, currency, a loss. */
  String FIGURE_ES_PRO_FORMA = "risk.es.proForma";
  /** Figure: pro-forma minus current ES, currency. */
  String FIGURE_ES_INCREMENTAL = "risk.es.incremental";
  /** Figure: the ES limit that applied, currency (only when a limit is configured). */
  String FIGURE_ES_LIMIT = "risk.es.limit";
  /** Figure: VaR of the worst-case book with the order, currency, a loss. */
  String FIGURE_VAR_PRO_FORMA = "risk.var.proForma";
  /** Figure: the account's NAV. */
  String FIGURE_NAV = "risk.nav";
  /** Figure: the number of scenarios. */
  String FIGURE_SCENARIOS = "risk.scenarios";
  /** Figure: the account's drawdown from its high-water mark, a fraction (only with a drawdown controller). */
  String FIGURE_DRAWDOWN = "risk.drawdown";
  /** Figure: the drawdown tier in force, 0 when normal (only with a drawdown controller). */
  String FIGURE_DRAWDOWN_TIER = "risk.drawdown.tier";
  /** Figure: the maximum gross leverage the drawdown tier allows (only with a drawdown controller). */
  String FIGURE_MAX_GROSS_LEVERAGE = "risk.drawdown.maxGrossLeverage";

  /** The gate's name and the prefix of its reasons' sources. */
  String NAME = "risk";

  /** Returns the confidence level of the ES. */
  double confidence();

  /**
   * Returns the current ES of an account's worst-case book, computed afresh (not from the cache); for
   * monitoring, not for the order path.
   *
   * @throws dev.parapet.risk.InsufficientHistoryException if a held instrument has no scenarios
   */
  double expectedShortfall(String account, PortfolioView portfolio);

  /** Makes the next check rebuild every account's cache from scratch. */
  void invalidate();

  /** Returns a builder. */
  static Builder builder() {
    return new Builder();
  }

  /** A builder of {@link RiskGate}; not thread-safe. */
  final class Builder {
    private ScenarioProvider scenarios;
    private InstantSource clock;
    private double confidence = RiskEstimator.DEFAULT_CONFIDENCE;
    private double esLimit = Double.POSITIVE_INFINITY;
    private double esLimitShareOfNav = Double.POSITIVE_INFINITY;
    private int minimumScenarios = 250;
    private Duration refreshInterval = Duration.ofSeconds(1);
    private double markTolerance = 0.001;
    private final List<DrawdownController> drawdowns = new ArrayList<>();

    private Builder() {
    }

    /** Sets the scenario source (required). */
    public Builder scenarios(ScenarioProvider scenarios) {
      this.scenarios = scenarios;
      return this;
    }

    /** Sets the clock that ages the cache (required). */
    public Builder clock(InstantSource clock) {
      this.clock = clock;
      return this;
    }

    /** Sets the ES confidence level (default 0.975). */
    public Builder confidence(double confidence) {
      this.confidence = confidence;
      return this;
    }

    /** Sets the absolute ES limit per account, currency, &gt; 0 (default none). */
    public Builder esLimit(double limit) {
      this.esLimit = limit;
      return this;
    }

    /** Sets the ES limit as a share of the account's NAV, e.g. 0.02 for 2%, &gt; 0 (default none). */
    public Builder esLimitShareOfNav(double share) {
      this.esLimitShareOfNav = share;
      return this;
    }

    /** Sets the fewest scenarios the gate accepts (default 250, one year of days). */
    public Builder minimumScenarios(int minimum) {
      this.minimumScenarios = minimum;
      return this;
    }

    /** Sets the longest time between position walks (default one second). */
    public Builder refreshInterval(Duration interval) {
      this.refreshInterval = interval;
      return this;
    }

    /** Sets the relative move of worst-case gross exposure that forces a walk (default 0.001). */
    public Builder markTolerance(double tolerance) {
      this.markTolerance = tolerance;
      return this;
    }

    /** Adds the drawdown controller of one account (at most one per account). */
    public Builder drawdown(DrawdownController controller) {
      drawdowns.add(Checks.notNull(controller, "drawdown"));
      return this;
    }

    /** Builds and validates the gate. */
    public RiskGate build() {
      Checks.notNull(scenarios, "scenarios");
      Checks.notNull(clock, "clock");
      Checks.openUnitInterval(confidence, "confidence");
      Checks.check(esLimit > 0, "esLimit", esLimit, "> 0");
      Checks.check(esLimitShareOfNav > 0, "esLimitShareOfNav", esLimitShareOfNav, "> 0");
      Checks.positive(minimumScenarios, "minimumScenarios");
      Checks.notNull(refreshInterval, "refreshInterval");
      Checks.check(!refreshInterval.isNegative(), "refreshInterval", refreshInterval, "not negative");
      Checks.nonNegative(markTolerance, "markTolerance");
      List<String> accounts = new ArrayList<>();
      for (DrawdownController d : drawdowns) {
        Checks.check(!accounts.contains(d.account()), "drawdown", d.account(), "one controller per account");
        accounts.add(d.account());
      }
      return new ScenarioRiskGate(scenarios, clock, confidence, esLimit, esLimitShareOfNav, minimumScenarios,
          refreshInterval.toMillis(), markTolerance, List.copyOf(drawdowns));
    }
  }
}
