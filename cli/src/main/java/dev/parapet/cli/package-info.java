/**
 * The {@code parapet} command line (picocli): one subcommand package per capability. User mistakes
 * print one line to stderr with exit code 2; {@link dev.parapet.cli.CliSupport} holds what they share.
 */
package dev.parapet.cli;
