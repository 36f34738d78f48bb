package dev.parapet.orchestrator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The built-in compliance policy used when the host gives none ({@code default-policy.json}). */
final class DefaultPolicy {

  private DefaultPolicy() {
  }

  static String json() {
    try (InputStream in = DefaultPolicy.class.getResourceAsStream("default-policy.json")) {
      if (in == null) {
        throw new IllegalStateException("default-policy.json is missing from the orchestrator jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the default policy", e);
    }
  }
}
