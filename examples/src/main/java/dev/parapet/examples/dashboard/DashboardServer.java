package dev.parapet.examples.dashboard;

import com.sun.net.httpserver.HttpServer;
import dev.parapet.api.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live dashboard: a JSON API, a Server-Sent Events stream of alerts and a single plain HTML page,
 * served by the JDK's {@link HttpServer} (no web framework) from a {@link DashboardSource}.
 * <p>
 * <b>Endpoints.</b> {@code GET /} (the page), {@code GET /api/status}, {@code /api/metrics},
 * {@code /api/risk}, {@code /api/compliance}, {@code /api/executions}, {@code /api/alerts},
 * {@code /api/alerts/stream} ({@code text/event-stream}, one {@code alert} event per new or changed alert),
 * {@code /api/reports}, {@code /api/reports/{date}} (the report's JSON) and
 * {@code /reports/{date}/{file}} (any file of a stored report, e.g. {@code report.html}). Mutating
 * endpoints: {@code POST /api/alerts/{fingerprint}/acknowledge}, {@code POST /api/kill-switch/engage} and
 * {@code POST /api/kill-switch/reset}, each with an optional JSON body ({@code by}, {@code comment} or
 * {@code reason}).
 * <p>
 * <b>Security.</b> The server binds to 127.0.0.1 unless told otherwise. Mutating endpoints require
 * {@code Authorization: Bearer <token>}; without it they answer 401 and change nothing. The token is random
 * (32 bytes from {@code SecureRandom}) unless given, and compared in constant time. When bound to a
 * loopback address the server answers only requests whose {@code Host} names a loopback host, which
 * defeats DNS rebinding. Pages carry a strict Content-Security-Policy; nothing is loaded from elsewhere.
 * <p>
 * <b>Errors.</b> Every failure is answered as JSON {@code {"error": code, "message": text}} with its status
 * (400, 401, 403, 404, 405, 413, 503, or 500 for an unexpected exception, which is logged); a handler's
 * exception never stops the server.
 * <p>
 * Thread-safe. Requests are served by a fixed pool of daemon threads; each open event stream holds one of
 * them, up to {@link Builder#maxStreams(int)} streams.
 */
public final class DashboardServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
  private static final AtomicInteger SERVERS = new AtomicInteger();

  private final HttpServer server;
  private final ExecutorService executor;
  private final DashboardRoutes routes;
  private final BearerToken token;
  private final URI uri;
  private volatile boolean closed;

  private DashboardServer(Builder b) {
    this.token = b.token == null ? BearerToken.random() : BearerToken.of(b.token);
    int id = SERVERS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, "parapet-dashboard-" + id + "-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.executor = Executors.newFixedThreadPool(b.maxStreams + b.requestThreads, factory);
    try {
      InetAddress address = InetAddress.getByName(b.host);
      this.server = HttpServer.create(new InetSocketAddress(address, b.port), 64);
      int port = server.getAddress().getPort();
      String hostText = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]"
          : address.getHostAddress();
      this.uri = URI.create("http://" + hostText + ":" + port + "/");
      this.routes = new DashboardRoutes(b.source, token, address.isLoopbackAddress(),
          new AlertStreamHub(b.source, b.maxStreams, b.heartbeat));
      server.createContext("/", routes);
      server.setExecutor(executor);
      server.start();
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("cannot start the dashboard on " + b.host + ":" + b.port + ": " + e.getMessage(),
          e);
    } catch (RuntimeException e) {
      executor.shutdownNow();
      throw e;
    }
    LOG.info("dashboard listening on {}", uri);
  }

  /** Returns a builder of a dashboard over a source: 127.0.0.1, an ephemeral port, a random token. */
  public static Builder builder(DashboardSource source) {
    return new Builder(source);
  }

  /** Returns the address of the page, e.g. {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    return uri;
  }

  /**
   * Returns the address of the page with the token in its fragment ({@code #token=...}): the page keeps it
   * in the tab's session storage and removes it from the address bar; the fragment is never sent to the
   * server.
   */
  public URI uriWithToken() {
    return URI.create(uri + "#token=" + token.value());
  }

  /** Returns the port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Returns the bearer token the mutating endpoints require. */
  public String token() {
    return token.value();
  }

  /** Returns how many requests failed with an unexpected exception (answered 500). */
  public long internalErrors() {
    return routes.internalErrors();
  }

  /** Returns how many alert event streams are open. */
  public int openStreams() {
    return routes.streams().openStreams();
  }

  /** Stops the server: closes the event streams, stops accepting requests and ends the threads. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    routes.streams().close();
    server.stop(0);
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("dashboard threads did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("dashboard on {} stopped", uri);
  }

  /** A builder of {@link DashboardServer}; not thread-safe. */
  public static final class Builder {
    private final DashboardSource source;
    private String host = "127.0.0.1";
    private int port;
    private String token;
    private int maxStreams = 16;
    private int requestThreads = 8;
    private Duration heartbeat = Duration.ofSeconds(10);

    private Builder(DashboardSource source) {
      this.source = Checks.notNull(source, "source");
    }

    /** Sets the address to bind to (default {@code 127.0.0.1}). */
    public Builder host(String host) {
      this.host = Checks.notBlank(host, "host");
      return this;
    }

    /** Sets the port, 0 for an ephemeral one (the default). */
    public Builder port(int port) {
      Checks.check(port >= 0 && port <= 65_535, "port", port, "in [0, 65535]");
      this.port = port;
      return this;
    }

    /** Sets the bearer token (printable ASCII, at least 16 characters); default a random one. */
    public Builder token(String token) {
      this.token = Checks.notBlank(token, "token");
      return this;
    }

    /** Sets the most alert event streams open at once (default 16); more are answered 503. */
    public Builder maxStreams(int maxStreams) {
      this.maxStreams = Checks.positive(maxStreams, "maxStreams");
      return this;
    }

    /** Sets the threads that serve ordinary requests besides the streams (default 8). */
    public Builder requestThreads(int requestThreads) {
      this.requestThreads = Checks.positive(requestThreads, "requestThreads");
      return this;
    }

    /** Sets how often an idle event stream sends a comment to keep the connection alive (default 10 s). */
    public Builder heartbeat(Duration heartbeat) {
      Checks.notNull(heartbeat, "heartbeat");
      Checks.check(!heartbeat.isNegative() && !heartbeat.isZero(), "heartbeat", heartbeat, "positive");
      this.heartbeat = heartbeat;
      return this;
    }

    /**
     * Starts the server.
     *
     * @throws UncheckedIOException if the address cannot be bound
     */
    public DashboardServer start() {
      return new DashboardServer(this);
    }
  }
}
