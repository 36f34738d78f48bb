/**
 * The parapet command line.
 */
package dev.parapet.cli;
