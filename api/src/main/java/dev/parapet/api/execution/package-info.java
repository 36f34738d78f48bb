/**
 * The execution contracts: {@link dev.parapet.api.execution.OrderRouter}, implemented by the host's
 * broker adapter, and the execution algorithm interface implemented by parapet-execution.
 */
package dev.parapet.api.execution;
