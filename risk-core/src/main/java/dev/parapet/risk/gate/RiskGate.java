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
 * <b>Open orders (a bound over all fills).</b> An instrument with filled quantity {@code q}, pending buys
 * {@code b} and pending sells {@code s} can end anywhere in {@code [q - s, q + b]}, whichever orders fill,
 * partially or fully; the order under check is added to its side's pending quantity first. With
 * {@code low = (q - s) u} and {@code high = (q + b) u} ({@code u} = mark times multiplier, so
 * {@code low <= high}), the instrument's P&amp;L in scenario {@code j} is at least
 * {@code min(low r_j, high r_j) = low max(r_j, 0) + high min(r_j, 0)}, and the gate values every instrument
 * this way, <em>per scenario</em> at the worse end of its range. The resulting P&amp;L vector is pointwise
 * at most that of every reachable book, and ES is monotone: {@code X <= Y} in every scenario implies
 * {@code ES(X) >= ES(Y)} (axiom M of a coherent risk measure, Artzner, Delbaen, Eber and Heath, "Coherent
 * measures of risk", Math. Finance 9(3), 1999; ES, and its estimator on a finite sample as the ES of the
 * empirical distribution, is coherent by Acerbi and Tasche, "On the coherence of expected shortfall", J.
 * Banking &amp; Finance 26(7), 2002; directly: the tail average is a maximum of sums of the losses with
 * non-negative weights). So its ES is an upper bound on
 * the ES of every book the open orders can produce at the current marks. Two orders approved one after the
 * other can therefore never jointly breach a limit through any combination of fills. Fills and releases
 * only shrink the interval, so at constant marks the bound never rises without a new approval. The bound
 * is still one pass over the scenarios per check. Valuing each instrument at one end of its range (the end
 * farther from flat) is <em>not</em> such a bound: when sales can flip a position's sign, the flipped end
 * can raise the ES of a portfolio (or even of one instrument with skewed returns). Consequences: a sale
 * that only reduces a long still widens the range downwards and can raise ES until it fills (it does when
 * the tail holds scenarios in which the instrument rises, as in a hedged book); the ES figures are an
 * upper bound while orders are open and exact when none are. The drawdown rule below still speaks of the
 * position's end farther from flat.
 * <p>
 * <b>Limits.</b> The ES limit is the smaller of the absolute limit and the share of NAV; an order is
 * rejected ({@code ES_LIMIT}) when its pro-forma ES exceeds the limit and its incremental ES is positive. An
 * order that does not add ES passes with a warning even when the book is already over the limit. An order
 * only widens its instrument's range, so its incremental ES is never negative under the bound: over the
 * limit, an order passes when it leaves the bound unchanged (for instance a sale of a long whose instrument
 * falls in every tail scenario), and a pending hedge does not count as a hedge until it fills (the bound
 * values it unfilled in some scenarios and filled in others). When the account's drawdown controller has a
 * tier in force, an order that moves its instrument's worst-case position (the end of its range farther
 * from flat) away from flat is rejected ({@code DRAWDOWN_BLOCK}); one that moves it towards flat passes.
 * <p>
 * <b>Fail-closed.</b> Missing scenarios for the order's or a held instrument, fewer scenarios than the
 * minimum ({@code INSUFFICIENT_HISTORY}), no price for the order's instrument ({@code NO_REFERENCE_PRICE}), a
 * non-finite result or any exception ({@code INTERNAL_ERROR}) reject the order with a message naming the cause.
 * <p>
 * <b>Incremental.</b> Per account the gate caches the bound's scenario P&amp;L vector and its current ES.
 * A check adds the order's change of its range's end (a buy the high end, a sale the low end) times the
 * negative or positive part of its instrument's scenario column and selects
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

  /** Figure: ES bound of the book with its open orders, before the order, currency, a loss (exact with none). */
  String FIGURE_ES_CURRENT = "risk.es.current";
  /** Figure: ES bound of the book with its open orders and the order, currency, a loss. */
  String FIGURE_ES_PRO_FORMA = "risk.es.proForma";
  /** Figure: pro-forma minus current ES, currency. */
  String FIGURE_ES_INCREMENTAL = "risk.es.incremental";
  /** Figure: the ES limit that applied, currency (only when a limit is configured). */
  String FIGURE_ES_LIMIT = "risk.es.limit";
  /** Figure: VaR of the bound's P&amp;L vector with the order, currency, a loss. */
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
   * Returns the current ES bound of an account's book over every way its open orders can fill (exact when
   * none are open; see the class comment), computed afresh (not from the cache); for monitoring, not for
   * the order path.
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
