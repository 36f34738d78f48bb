/**
 * The domain values: instruments, orders and their children, fills, quotes and bars. Every value
 * is immutable and validates in its constructor; an invalid number never enters the model.
 */
package dev.parapet.api.model;
