/**
 * The execution contracts: {@link dev.parapet.api.execution.OrderRouter}, implemented by the host's
 * broker adapter; {@link dev.parapet.api.execution.ExecutionAlgo}, implemented by parapet-execution's
 * algorithms; and the values they exchange (market state, parent-order progress, slice decisions).
 */
package dev.parapet.api.execution;
