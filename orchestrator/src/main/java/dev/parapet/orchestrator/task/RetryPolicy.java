package dev.parapet.orchestrator.task;

import dev.parapet.api.Checks;
import java.time.Duration;

/**
 * How a failed run is retried: up to {@code maxAttempts} attempts in all, waiting
 * {@code initialBackoff * multiplier^(attempt-1)} (capped at {@code maxBackoff}) of clock time between
 * them. A retry never overlaps the next scheduled run: when that comes first, the retry is dropped.
 *
 * @param maxAttempts attempts in all, including the first, &gt;= 1
 * @param initialBackoff wait before the first retry, &gt; 0
 * @param multiplier growth of the wait per retry, &gt;= 1
 * @param maxBackoff the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

  /** No retries. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ofSeconds(1), 1, Duration.ofSeconds(1));

  /** Validates the fields. */
  public RetryPolicy {
    Checks.positive(maxAttempts, "maxAttempts");
    Checks.notNull(initialBackoff, "initialBackoff");
    Checks.check(initialBackoff.toNanos() > 0, "initialBackoff", initialBackoff, "positive");
    Checks.check(multiplier >= 1 && Double.isFinite(multiplier), "multiplier", multiplier, "finite and >= 1");
    Checks.notNull(maxBackoff, "maxBackoff");
    Checks.check(maxBackoff.compareTo(initialBackoff) >= 0, "maxBackoff", maxBackoff, ">= initialBackoff");
  }

  /** Retries {@code retries} times with exponential backoff doubling from {@code initialBackoff}. */
  public static RetryPolicy exponential(int retries, Duration initialBackoff, Duration maxBackoff) {
    return new RetryPolicy(retries + 1, initialBackoff, 2.0, maxBackoff);
  }

  /** Returns the wait after the given failed attempt (1-based). */
  public Duration backoffAfter(int attempt) {
    double nanos = initialBackoff.toNanos() * Math.pow(multiplier, attempt - 1);
    return nanos >= maxBackoff.toNanos() ? maxBackoff : Duration.ofNanos((long) nanos);
  }
}
