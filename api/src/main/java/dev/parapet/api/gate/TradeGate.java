package dev.parapet.api.gate;

import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.model.OrderRequest;

/**
 * A pre-trade control: checks an order against a view of the portfolio (positions, cash and the
 * open-order reservations of orders already approved) and records its decision.
 * <p>
 * <b>Contract.</b>
 * <ul>
 *   <li>Fail-closed: an implementation never lets an exception escape {@link #check(OrderRequest,
 *       PortfolioView, GateDecision.Builder)}; any internal failure is recorded as a blocking
 *       {@link ReasonCode#INTERNAL_ERROR} reason naming the cause. Callers still treat an escaped
 *       exception as a rejection.</li>
 *   <li>Every breach is recorded, not just the first.</li>
 *   <li>The check is pure with respect to the portfolio: it does not reserve or change anything.
 *       The orchestrator serialises decisions and reserves an approved order's exposure, so that two
 *       orders cannot jointly pass a limit that each passes alone.</li>
 *   <li>Hot path: on the approved path a check allocates nothing in steady state.</li>
 *   <li>Thread safety: implementations state theirs; the orchestrator calls a gate under its decision
 *       lock, so a gate need only be safe for one caller at a time unless it says more.</li>
 * </ul>
 */
public interface TradeGate {

  /** Returns a short stable name, e.g. {@code compliance} or {@code risk}. */
  String name();

  /**
   * Checks an order and records reasons and figures into {@code decision}, which the caller has
   * reset for this order and which may already hold the reasons of earlier gates in a chain.
   *
   * @param order the order to check
   * @param portfolio the portfolio as it stands, including reservations of approved open orders
   * @param decision the decision being built
   */
  void check(OrderRequest order, PortfolioView portfolio, GateDecision.Builder decision);

  /**
   * Checks an order on its own and returns the decision. Convenient outside hot paths; allocates a
   * builder. An exception escaping the gate becomes an {@link ReasonCode#INTERNAL_ERROR} rejection.
   */
  default GateDecision check(OrderRequest order, PortfolioView portfolio) {
    GateDecision.Builder builder = GateDecision.builder().reset(order.clientOrderId());
    try {
      check(order, portfolio, builder);
    } catch (RuntimeException | Error e) {
      builder.reject(ReasonCode.INTERNAL_ERROR, name(), "gate " + name() + " failed: " + e);
    }
    return builder.build();
  }
}
