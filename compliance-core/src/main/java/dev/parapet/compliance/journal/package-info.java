/**
 * The audit journal: an append-only, CRC32C-checksummed, SHA-256 hash-chained record of every gate
 * decision, violation transition, kill-switch change and policy reload, with configurable durability,
 * crash recovery (torn-tail truncation), verification and reading back as a stream.
 */
package dev.parapet.compliance.journal;
