package dev.parapet.execution.engine;

import dev.parapet.api.execution.ParentOrderState;
import dev.parapet.api.execution.ParentOrderView;
import dev.parapet.api.model.OrderRequest;
import java.time.Instant;

/** An immutable snapshot of a parent order, as the engine hands it out. */
record ParentOrderSnapshot(OrderRequest order, ParentOrderState state, String algoName, Instant startTime,
    Instant endTime, double arrivalPrice, long marketVolumeAtStart, long filledQuantity, long openQuantity,
    double filledValue, double fees, int childOrderCount, int rejectCount, Instant lastUpdate,
    String statusReason) implements ParentOrderView {
}
