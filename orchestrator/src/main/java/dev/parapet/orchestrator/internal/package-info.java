/**
 * Orchestrator internals that hosts should not touch: atomic file replacement and other plumbing.
 * Not API.
 */
package dev.parapet.orchestrator.internal;
