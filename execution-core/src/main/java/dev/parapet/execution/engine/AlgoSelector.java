package dev.parapet.execution.engine;

import dev.parapet.api.Checks;
import dev.parapet.api.execution.ExecutionAlgo;
import dev.parapet.api.model.OrderRequest;
import java.util.function.Supplier;

/**
 * Chooses the execution algorithm for a parent order. Must return a new algorithm instance for each
 * call (an algorithm works exactly one parent). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface AlgoSelector {

  /** Returns a new algorithm instance to work the order. */
  ExecutionAlgo select(OrderRequest order);

  /** Returns a selector that uses a fresh instance from the factory for every order. */
  static AlgoSelector always(Supplier<ExecutionAlgo> factory) {
    Checks.notNull(factory, "factory");
    return order -> factory.get();
  }
}
