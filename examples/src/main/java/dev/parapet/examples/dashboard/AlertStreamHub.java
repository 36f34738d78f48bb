package dev.parapet.examples.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves {@code /api/alerts/stream}: each connection subscribes to the source's alerts and writes them as
 * Server-Sent Events (WHATWG HTML Living Standard, "Server-sent events"): {@code event: alert} with the
 * {@link AlertView} as JSON data, a comment line as heartbeat when idle, and {@code event: overflow} when the
 * connection's queue of 256 overflowed (the page then reloads the full list).
 * <p>
 * Thread-safe. Each stream runs on the HTTP thread that accepted it until the client goes away or
 * {@link #close()} is called; at most {@code maxStreams} run at once, more are answered 503.
 */
final class AlertStreamHub {

  private static final int QUEUE = 256;
  private static final long POLL_MILLIS = 200;

  private final DashboardSource source;
  private final Semaphore slots;
  private final int maxStreams;
  private final long heartbeatMillis;
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicLong eventIds = new AtomicLong();
  private volatile boolean closed;

  AlertStreamHub(DashboardSource source, int maxStreams, Duration heartbeat) {
    this.source = source;
    this.maxStreams = maxStreams;
    this.slots = new Semaphore(maxStreams);
    this.heartbeatMillis = heartbeat.toMillis();
  }

  int openStreams() {
    return maxStreams - slots.availablePermits();
  }

  void close() {
    closed = true;
  }

  /** Serves one stream until the client leaves or the hub closes; throws 503 when too many are open. */
  void serve(HttpExchange exchange) throws IOException {
    if (closed) {
      throw new HttpError(503, "unavailable", "the dashboard is shutting down");
    }
    if (!slots.tryAcquire()) {
      throw new HttpError(503, "too_many_streams", "at most " + maxStreams + " alert streams may be open at once");
    }
    BlockingQueue<AlertView> queue = new ArrayBlockingQueue<>(QUEUE);
    AtomicBoolean overflow = new AtomicBoolean();
    DashboardSource.Subscription subscription;
    try {
      subscription = source.subscribeAlerts(a -> {
        if (!queue.offer(a)) {
          overflow.set(true);
        }
      });
    } catch (RuntimeException e) {
      slots.release();
      throw e;
    }
    try {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      write(out, "retry: 2000\n: connected\n\n");
      long lastWrite = System.nanoTime();
      while (!closed) {
        AlertView alert;
        try {
          alert = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        if (overflow.getAndSet(false)) {
          queue.clear();
          write(out, "event: overflow\ndata: {}\n\n");
          lastWrite = System.nanoTime();
        } else if (alert != null) {
          write(out, "id: " + eventIds.incrementAndGet() + "\nevent: alert\ndata: " + json.writeValueAsString(alert)
              + "\n\n");
          lastWrite = System.nanoTime();
        } else if (System.nanoTime() - lastWrite >= heartbeatMillis * 1_000_000L) {
          write(out, ": heartbeat\n\n");
          lastWrite = System.nanoTime();
        }
      }
    } catch (IOException e) {
      // the client went away: nothing to answer
    } finally {
      subscription.close();
      slots.release();
      exchange.close();
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
