/**
 * The {@code parapet compliance} and {@code parapet audit} subcommands: a one-off compliance check of an
 * order against a policy and a portfolio, and verification and reading of an audit journal.
 */
package dev.parapet.cli.compliance;
