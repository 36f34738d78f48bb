package dev.parapet.execution.algo;

import dev.parapet.api.execution.MarketState;
import dev.parapet.api.execution.ParentOrderState;
import dev.parapet.api.execution.ParentOrderView;
import dev.parapet.api.fixtures.TestInstruments;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Side;
import dev.parapet.api.model.Urgency;
import java.time.Instant;

/** Parent views and market states for algorithm tests: a 6.5-hour session 14:30-21:00 UTC. */
final class AlgoFixtures {

  static final Instant OPEN = Instant.parse("2024-03-04T14:30:00Z");
  static final Instant CLOSE = Instant.parse("2024-03-04T21:00:00Z");

  private AlgoFixtures() {
  }

  /** A parent view with the given progress. */
  record Parent(OrderRequest order, ParentOrderState state, String algoName, Instant startTime, Instant endTime,
      double arrivalPrice, long marketVolumeAtStart, long filledQuantity, long openQuantity, double filledValue,
      double fees, int childOrderCount, int rejectCount, Instant lastUpdate, String statusReason)
      implements ParentOrderView {

    Parent withFilled(long filled) {
      return new Parent(order, state, algoName, startTime, endTime, arrivalPrice, marketVolumeAtStart, filled,
          openQuantity, filled * arrivalPrice, fees, childOrderCount, rejectCount, lastUpdate, statusReason);
    }
  }

  static Parent parent(Side side, long quantity, Urgency urgency, Instant start, Instant end, double arrival,
      long volumeAtStart) {
    OrderRequest order = OrderRequest.builder().clientOrderId("P1").account("ACC").instrument(TestInstruments.AAPL)
        .side(side).quantity(quantity).urgency(urgency).build();
    return new Parent(order, ParentOrderState.WORKING, "test", start, end, arrival, volumeAtStart, 0, 0, 0, 0, 0, 0,
        start, "");
  }

  static MarketState.Builder market(Instant at, double bid, double ask, long sessionVolume) {
    return MarketState.builder("AAPL", at).quote(bid, ask).sessionVolume(sessionVolume).averageDailyVolume(10_000_000)
        .dailyVolatility(0.02).typicalSpreadBps(2.0).session(OPEN, CLOSE);
  }
}
