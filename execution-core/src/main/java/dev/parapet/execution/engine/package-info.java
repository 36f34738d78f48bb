/**
 * The execution engine: works approved parent orders with an execution algorithm, sends child orders
 * to the host's order router, and accounts fills, rejects, cancels and timeouts. Start at
 * {@link dev.parapet.execution.engine.ExecutionEngine#builder}.
 */
package dev.parapet.execution.engine;
