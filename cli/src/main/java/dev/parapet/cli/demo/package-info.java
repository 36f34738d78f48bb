/**
 * {@code parapet demo}: the example runner behind the command line, a simulated trading firm with the live
 * dashboard.
 */
package dev.parapet.cli.demo;
