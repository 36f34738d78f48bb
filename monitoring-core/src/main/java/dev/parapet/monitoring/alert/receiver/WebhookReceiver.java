package dev.parapet.monitoring.alert.receiver;

import dev.parapet.api.Checks;
import dev.parapet.monitoring.alert.AlertReceiver;
import dev.parapet.monitoring.alert.Notification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A receiver that POSTs each notification as JSON ({@link NotificationJson}, Alertmanager's webhook shape) to
 * a URL with the JDK {@link HttpClient}.
 * <p>
 * {@link #deliver} never blocks: it serialises the notification and queues it on the receiver's own single
 * delivery thread, which sends one request at a time (preserving order) with a per-request timeout. A non-2xx
 * answer, a timeout or a connection failure is retried with exponential backoff
 * ({@code initialBackoff * multiplier^(attempt - 1)}, capped at {@code maxBackoff}) up to {@code maxAttempts}
 * attempts, then given up and counted in {@link #failed()}. While waiting for a retry, later notifications are
 * sent (a retry does not hold up the queue). When more than {@code maxPending} notifications wait, new ones are
 * dropped and counted in {@link #dropped()} rather than growing memory without bound. Backoff delays use the
 * system timer (they pace network I/O, not alert logic).
 * <p>
 * Thread-safe. {@link #close()} stops the delivery thread after the queue drains or 5 seconds pass.
 */
public final class WebhookReceiver implements AlertReceiver {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final URI uri;
  private final Duration timeout;
  private final int maxAttempts;
  private final long initialBackoffMillis;
  private final long maxBackoffMillis;
  private final double multiplier;
  private final int maxPending;
  private final HttpClient client;
  private final ScheduledExecutorService executor;
  private final Object idle = new Object();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong attempts = new AtomicLong();

  private WebhookReceiver(Builder b) {
    this.uri = b.uri;
    this.timeout = b.timeout;
    this.maxAttempts = b.maxAttempts;
    this.initialBackoffMillis = b.initialBackoff.toMillis();
    this.maxBackoffMillis = b.maxBackoff.toMillis();
    this.multiplier = b.multiplier;
    this.maxPending = b.maxPending;
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "parapet-webhook-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.client = HttpClient.newBuilder().connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Returns a builder of a webhook receiver posting to {@code uri}. */
  public static Builder builder(URI uri) {
    return new Builder(uri);
  }

  @Override
  public void deliver(Notification notification) {
    if (pending.incrementAndGet() > maxPending) {
      pending.decrementAndGet();
      dropped.incrementAndGet();
      LOG.warn("webhook {} has {} notifications pending; dropping {} {}", uri, maxPending, notification.kind(),
          notification.groupKey());
      return;
    }
    String body = NotificationJson.toJson(notification);
    try {
      executor.execute(() -> attempt(body, notification.groupKey(), 1));
    } catch (RejectedExecutionException e) {
      done();
      dropped.incrementAndGet();
      LOG.warn("webhook {} is closed; dropping {}", uri, notification.groupKey());
    }
  }

  private void attempt(String body, String groupKey, int attempt) {
    attempts.incrementAndGet();
    String problem;
    try {
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 == 2) {
        delivered.incrementAndGet();
        done();
        return;
      }
      problem = "HTTP " + response.statusCode();
    } catch (IOException e) {
      problem = e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problem = "interrupted";
    }
    if (attempt >= maxAttempts || executor.isShutdown()) {
      failed.incrementAndGet();
      done();
      LOG.warn("webhook {} failed for {} after {} attempts, giving up: {}", uri, groupKey, attempt, problem);
      return;
    }
    long delay = (long) Math.min(maxBackoffMillis, initialBackoffMillis * Math.pow(multiplier, attempt - 1));
    LOG.debug("webhook {} attempt {} for {} failed ({}); retrying in {} ms", uri, attempt, groupKey, problem, delay);
    try {
      executor.schedule(() -> attempt(body, groupKey, attempt + 1), delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      failed.incrementAndGet();
      done();
    }
  }

  private void done() {
    if (pending.decrementAndGet() == 0) {
      synchronized (idle) {
        idle.notifyAll();
      }
    }
  }

  /**
   * Waits until no notification is pending (delivered, given up or dropped), at most {@code timeout}.
   *
   * @return true if idle
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      while (pending.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(idle, left);
      }
      return true;
    }
  }

  /** Returns the notifications delivered with a 2xx answer. */
  public long delivered() {
    return delivered.get();
  }

  /** Returns the notifications given up after the last attempt. */
  public long failed() {
    return failed.get();
  }

  /** Returns the notifications dropped because too many were pending or the receiver was closed. */
  public long dropped() {
    return dropped.get();
  }

  /** Returns the HTTP attempts made, retries included. */
  public long attempts() {
    return attempts.get();
  }

  /** Returns the notifications waiting for delivery or a retry. */
  public int pending() {
    return pending.get();
  }

  @Override
  public void close() {
    try {
      awaitIdle(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "WebhookReceiver{" + uri + "}";
  }

  /** Builds a {@link WebhookReceiver}; not thread-safe. */
  public static final class Builder {
    private final URI uri;
    private Duration timeout = Duration.ofSeconds(5);
    private int maxAttempts = 5;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private double multiplier = 2;
    private int maxPending = 10_000;

    private Builder(URI uri) {
      this.uri = Checks.notNull(uri, "uri");
      Checks.check("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()), "uri", uri,
          "an http or https URL");
    }

    /** Sets the connect and request timeout of each attempt (default 5 s). */
    public Builder timeout(Duration timeout) {
      Checks.notNull(timeout, "timeout");
      Checks.check(!timeout.isNegative() && !timeout.isZero(), "timeout", timeout, "> 0");
      this.timeout = timeout;
      return this;
    }

    /** Sets the number of attempts, the first included (default 5). */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = Checks.positive(maxAttempts, "maxAttempts");
      return this;
    }

    /** Sets the backoff: first delay, growth factor (&gt;= 1) and cap (defaults 500 ms, 2, 30 s). */
    public Builder backoff(Duration initial, double multiplier, Duration max) {
      Checks.notNull(initial, "initial backoff");
      Checks.check(!initial.isNegative(), "initial backoff", initial, "not negative");
      Checks.check(multiplier >= 1 && Double.isFinite(multiplier), "backoff multiplier", multiplier, ">= 1");
      Checks.notNull(max, "max backoff");
      Checks.check(max.compareTo(initial) >= 0, "max backoff", max, ">= initial backoff " + initial);
      this.initialBackoff = initial;
      this.multiplier = multiplier;
      this.maxBackoff = max;
      return this;
    }

    /** Sets how many notifications may wait before new ones are dropped (default 10,000). */
    public Builder maxPending(int maxPending) {
      this.maxPending = Checks.positive(maxPending, "maxPending");
      return this;
    }

    /** Builds the receiver and starts its delivery thread. */
    public WebhookReceiver build() {
      return new WebhookReceiver(this);
    }
  }
}
