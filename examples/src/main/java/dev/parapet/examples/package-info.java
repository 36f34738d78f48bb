/**
 * The example runner, the live dashboard and small API examples.
 */
package dev.parapet.examples;
