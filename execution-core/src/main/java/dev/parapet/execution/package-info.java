/**
 * Market impact models, execution algorithms, the execution engine and transaction cost analysis.
 */
package dev.parapet.execution;
