package dev.parapet.benchmarks.compliance;

import dev.parapet.api.book.PositionBook;
import dev.parapet.api.fixtures.TestInstruments;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Side;
import java.time.Instant;
import java.util.List;

/**
 * The shared scene: one account with 500 open positions (500 instruments over 11 sectors, one issuer
 * each; a third of them short), NAV about 100,000,000, every instrument marked at 100, and 50 recent
 * accepted orders (resting, and inside the duplicate and throttle windows) in other instruments.
 */
final class BenchmarkBook {

  static final String ACCOUNT = "ACC";
  static final int POSITIONS = 500;
  static final int RECENT_ORDERS = 50;
  static final Instant NOW = Instant.parse("2024-03-05T15:00:00Z"); // Tuesday 10:00 New York: XNYS open

  /** The policy with all seventeen standard rules; a plain order passes every one. */
  static final String ALL_RULES_POLICY = """
      {
        "name": "benchmark-all-rules", "version": "1",
        "rules": [
          {"type": "restricted-list", "params": {"restrictedInstruments": ["BAD1", "BAD2"],
            "restrictedIssuers": ["Bad Issuer"], "watchIssuers": ["Watched Inc."]}},
          {"type": "max-order-quantity", "params": {"maxQuantity": 100000}},
          {"type": "max-order-notional", "params": {"maxNotional": 5000000}},
          {"type": "price-collar", "params": {"maxDeviationPercent": 5}},
          {"type": "position-limit", "params": {"maxQuantity": 1000000, "maxNotional": 50000000}},
          {"type": "issuer-concentration", "params": {"maxPercentOfNav": 10, "aggregateThresholdPercent": 5,
            "aggregateMaxPercent": 40}},
          {"type": "sector-concentration", "params": {"maxPercentOfNav": 40}},
          {"type": "exposure-limit", "params": {"maxGross": 500000000, "maxNet": 200000000}},
          {"type": "leverage", "params": {"maxLeverage": 3}},
          {"type": "short-sale-locate"},
          {"type": "wash-trade"},
          {"type": "message-throttle", "params": {"maxMessagesPerAccount": 1000, "maxMessagesPerInstrument": 50,
            "windowMillis": 1000}},
          {"type": "max-open-orders", "params": {"maxOpenOrders": 500}},
          {"type": "adv-participation", "params": {"maxPercentOfAdv": 10}},
          {"type": "duplicate-order", "params": {"windowMillis": 1000}},
          {"type": "trading-session"},
          {"type": "daily-loss-limit", "params": {"maxLoss": 1000000, "maxLossPercentOfStartNav": 5}}
        ]
      }
      """;

  final List<Instrument> universe = TestInstruments.universe(POSITIONS);
  final PositionBook book = PositionBook.create();
  final OrderRequest[] recent = new OrderRequest[RECENT_ORDERS];

  BenchmarkBook() {
    book.deposit(ACCOUNT, 100_000_000);
    for (int i = 0; i < POSITIONS; i++) {
      Instrument inst = universe.get(i);
      book.mark(inst.id(), 100.0);
      Side side = i % 3 == 0 ? Side.SELL_SHORT : Side.BUY;
      book.applyFill(new Fill("init" + i, "init" + i, "init" + i, ACCOUNT, inst, side, 1_000, 100, 0, NOW));
    }
    for (int i = 0; i < RECENT_ORDERS; i++) {
      Instrument inst = universe.get(100 + i);
      recent[i] = TestInstruments.limit("R" + i, ACCOUNT, inst, i % 2 == 0 ? Side.BUY : Side.SELL, 100,
          i % 2 == 0 ? 99.00 : 101.00);
      book.reserve(recent[i], 100.0);
    }
  }

  /** The order checked in every operation: buy 100 SYM0007 at 100.05 (the mark is 100). */
  OrderRequest order() {
    return TestInstruments.limit("O-bench", ACCOUNT, universe.get(7), Side.BUY, 100, 100.05);
  }
}
