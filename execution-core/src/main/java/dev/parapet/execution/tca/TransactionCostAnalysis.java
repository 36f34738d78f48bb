package dev.parapet.execution.tca;

import dev.parapet.api.Checks;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Transaction cost analysis of parent orders against their market record.
 * <p>
 * <b>Implementation shortfall</b> (Perold 1988, "The Implementation Shortfall: Paper versus Reality",
 * J. Portfolio Management 14(3); decomposition as in Kissell and Glantz 2003, "Optimal Trading
 * Strategies", chapter 2): the difference between a paper portfolio that trades the whole order at
 * the decision price and the real one. With {@code s} = +1 for a buy and -1 for a sell, {@code X} the
 * order quantity, fills {@code (q_j, p_j)} summing to {@code E}, decision price {@code Pd}, arrival
 * mid {@code P0} (at the start), mid {@code m_j} at each fill, end mid {@code PN} and multiplier
 * {@code M}:
 * <pre>
 *   delay       = s E (P0 - Pd) M               price move between decision and arrival, on what was executed
 *   timing      = s sum q_j (m_j - P0) M        market (and own permanent impact) move while trading
 *   impact      = s sum q_j (p_j - m_j) M       paid against the prevailing mid: spread and temporary impact
 *   opportunity = s (X - E) (PN - Pd) M         the move on what was not executed
 *   fees        = sum of fill fees
 *   IS          = delay + timing + impact + opportunity + fees
 *               = s sum q_j (p_j - Pd) M + s (X - E)(PN - Pd) M + fees
 * </pre>
 * <b>Sign convention: positive = cost</b> (a buy paid more, a sell received less). Basis points are of
 * the paper notional {@code X Pd M}. Without a decision price, {@code Pd = P0} and delay is zero.
 * <p>
 * <b>Benchmarks.</b> Slippage against the market VWAP over {@code (start, end]} and against the
 * time-weighted mid (TWAP) over {@code [start, end]}: {@code s (avg - benchmark) / benchmark}, in bps of
 * the benchmark, and {@code s E (avg - benchmark) M} in currency. Participation is
 * {@code E / market volume over (start, end]} (the market volume includes the order's own fills).
 * <p>
 * This class is stateless and thread-safe.
 */
public final class TransactionCostAnalysis {

  private TransactionCostAnalysis() {
  }

  /**
   * Analyses one parent order.
   *
   * @param execution the order and its fills
   * @param tape the market record of its instrument, starting at or before the order's start
   * @return the figures
   */
  public static TcaResult analyze(ParentExecution execution, MarketTape tape) {
    Checks.notNull(execution, "execution");
    Checks.notNull(tape, "tape");
    int s = execution.side().sign();
    double m = execution.multiplier();
    double arrival = tape.midAt(execution.startTime());
    double end = tape.midAt(execution.endTime());
    double decision = execution.decisionPrice().orElse(arrival);
    long x = execution.orderQuantity();
    long e = 0;
    double value = 0;
    double timing = 0;
    double impact = 0;
    double fees = 0;
    for (ExecutionFill f : execution.fills()) {
      double mid = tape.midAt(f.timestamp());
      e += f.quantity();
      value += f.quantity() * f.price();
      timing += f.quantity() * (mid - arrival);
      impact += f.quantity() * (f.price() - mid);
      fees += f.fees();
    }
    double delay = s * e * (arrival - decision) * m;
    double opportunity = s * (x - e) * (end - decision) * m;
    double vwap = tape.vwap(execution.startTime(), execution.endTime());
    return new TcaResult(execution.orderId(), s, x, e, decision, arrival, end,
        e == 0 ? OptionalDouble.empty() : OptionalDouble.of(value / e), x * decision * m, delay, s * timing * m,
        s * impact * m, opportunity, fees, Double.isNaN(vwap) ? OptionalDouble.empty() : OptionalDouble.of(vwap),
        tape.twap(execution.startTime(), execution.endTime()),
        tape.volume(execution.startTime(), execution.endTime()));
  }

  /**
   * Aggregates the analyses of several orders.
   *
   * @param results at least one result
   * @return the summary
   */
  public static TcaSummary aggregate(List<TcaResult> results) {
    Checks.notNull(results, "results");
    Checks.check(!results.isEmpty(), "results", "empty", "at least one result");
    double paper = 0;
    double delay = 0;
    double timing = 0;
    double impact = 0;
    double opportunity = 0;
    double fees = 0;
    double sumBps = 0;
    double vwapSlip = 0;
    double vwapNotional = 0;
    double twapSlip = 0;
    double twapNotional = 0;
    long filled = 0;
    long volume = 0;
    for (TcaResult r : results) {
      Checks.notNull(r, "result");
      paper += r.paperNotional();
      delay += r.delayCost();
      timing += r.timingCost();
      impact += r.impactCost();
      opportunity += r.opportunityCost();
      fees += r.fees();
      sumBps += r.implementationShortfallBps();
      filled += r.filledQuantity();
      volume += r.marketVolume();
      double multiplier = r.paperNotional() / (r.orderQuantity() * r.decisionPrice());
      if (r.vwapSlippage().isPresent()) {
        vwapSlip += r.vwapSlippage().getAsDouble();
        vwapNotional += r.filledQuantity() * r.vwap().getAsDouble() * multiplier;
      }
      if (r.twapSlippage().isPresent()) {
        twapSlip += r.twapSlippage().getAsDouble();
        twapNotional += r.filledQuantity() * r.twap() * multiplier;
      }
    }
    return new TcaSummary(results.size(), paper, delay, timing, impact, opportunity, fees, sumBps / results.size(),
        vwapSlip, vwapNotional > 0 ? OptionalDouble.of(vwapSlip / vwapNotional * 10_000.0) : OptionalDouble.empty(),
        twapSlip, twapNotional > 0 ? OptionalDouble.of(twapSlip / twapNotional * 10_000.0) : OptionalDouble.empty(),
        filled, volume);
  }
}
