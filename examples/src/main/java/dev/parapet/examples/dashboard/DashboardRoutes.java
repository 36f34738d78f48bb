package dev.parapet.examples.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.parapet.api.InvalidValueException;
import dev.parapet.api.report.ReportArchive;
import dev.parapet.api.report.ReportNotFoundException;
import dev.parapet.api.report.StoredReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes every request of the dashboard (see {@link DashboardServer} for the endpoints), turning expected
 * failures into JSON errors and unexpected exceptions into 500. Thread-safe: it holds no request state.
 */
final class DashboardRoutes implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DashboardRoutes.class);
  private static final int MAX_BODY_BYTES = 16 * 1024;
  private static final String WEB = "/dev/parapet/examples/dashboard/web/";
  private static final String JSON_TYPE = "application/json; charset=utf-8";
  private static final String PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  /** Reports are self-contained pages with inline styles and SVG, and run no script. */
  private static final String REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
      + "font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private static final Pattern ACK = Pattern.compile("/api/alerts/([0-9a-fA-F]{1,16})/acknowledge");
  private static final Pattern REPORT_JSON = Pattern.compile("/api/reports/([0-9]{4}-[0-9]{2}-[0-9]{2})");
  private static final Pattern REPORT_FILE =
      Pattern.compile("/reports/([0-9]{4}-[0-9]{2}-[0-9]{2})/([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})");

  /** Which top-level fields of the status each section endpoint returns (besides {@code generatedAt}). */
  private static final Map<String, List<String>> SECTIONS = Map.of(
      "/api/metrics", List.of("metrics"),
      "/api/risk", List.of("risk", "accounts"),
      "/api/compliance", List.of("compliance"),
      "/api/executions", List.of("execution"));

  private static final Map<String, String[]> STATIC = Map.of(
      "/", new String[] {"index.html", "text/html; charset=utf-8"},
      "/index.html", new String[] {"index.html", "text/html; charset=utf-8"},
      "/dashboard.js", new String[] {"dashboard.js", "text/javascript; charset=utf-8"},
      "/dashboard.css", new String[] {"dashboard.css", "text/css; charset=utf-8"});

  private final DashboardSource source;
  private final BearerToken token;
  private final boolean loopbackOnly;
  private final AlertStreamHub streams;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, byte[]> resources;
  private final AtomicLong internalErrors = new AtomicLong();

  DashboardRoutes(DashboardSource source, BearerToken token, boolean loopbackOnly, AlertStreamHub streams) {
    this.source = source;
    this.token = token;
    this.loopbackOnly = loopbackOnly;
    this.streams = streams;
    this.resources = Map.of(
        "index.html", resource("index.html"),
        "dashboard.js", resource("dashboard.js"),
        "dashboard.css", resource("dashboard.css"));
  }

  AlertStreamHub streams() {
    return streams;
  }

  long internalErrors() {
    return internalErrors.get();
  }

  @Override
  public void handle(HttpExchange exchange) {
    try {
      route(exchange);
    } catch (HttpError e) {
      respondError(exchange, e.status(), e.code(), e.getMessage());
    } catch (InvalidValueException e) {
      respondError(exchange, 400, "bad_request", e.getMessage());
    } catch (IOException e) {
      LOG.debug("dashboard: {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
    } catch (Exception e) {
      internalErrors.incrementAndGet();
      LOG.warn("dashboard: {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
      respondError(exchange, 500, "internal_error", e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      exchange.close();
    }
  }

  private void route(HttpExchange ex) throws IOException {
    checkHost(ex);
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getRawPath();
    if (path == null || path.isEmpty()) {
      path = "/";
    }
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }

    String[] page = STATIC.get(path);
    if (page != null) {
      requireMethod(ex, "GET");
      ex.getResponseHeaders().set("Content-Security-Policy", PAGE_CSP);
      respond(ex, 200, page[1], resources.get(page[0]));
      return;
    }
    if (path.equals("/favicon.ico")) {
      requireMethod(ex, "GET");
      respond(ex, 204, null, null);
      return;
    }
    if (path.equals("/api/status")) {
      requireMethod(ex, "GET");
      respondJson(ex, 200, status());
      return;
    }
    List<String> section = SECTIONS.get(path);
    if (section != null) {
      requireMethod(ex, "GET");
      JsonNode status = status();
      ObjectNode out = json.createObjectNode();
      out.set("generatedAt", status.path("generatedAt"));
      for (String field : section) {
        out.set(field, status.path(field).isMissingNode() ? json.nullNode() : status.get(field));
      }
      respondJson(ex, 200, out);
      return;
    }
    if (path.equals("/api/alerts")) {
      requireMethod(ex, "GET");
      ObjectNode out = json.createObjectNode();
      out.set("alerts", json.valueToTree(source.alerts()));
      respondJson(ex, 200, out);
      return;
    }
    if (path.equals("/api/alerts/stream")) {
      requireMethod(ex, "GET");
      streams.serve(ex);
      return;
    }
    Matcher m = ACK.matcher(path);
    if (m.matches()) {
      requireMethod(ex, "POST");
      requireToken(ex);
      long fingerprint = AlertView.parseFingerprint(m.group(1));
      JsonNode body = body(ex);
      String by = text(body, "by", "dashboard");
      String comment = text(body, "comment", "");
      if (!source.acknowledgeAlert(fingerprint, by, comment)) {
        throw HttpError.notFound("no firing alert has fingerprint " + AlertView.hex(fingerprint));
      }
      ObjectNode out = json.createObjectNode();
      out.put("fingerprint", AlertView.hex(fingerprint));
      out.put("acknowledged", true);
      out.put("by", by);
      respondJson(ex, 200, out);
      return;
    }
    if (path.equals("/api/kill-switch/engage") || path.equals("/api/kill-switch/reset")) {
      requireMethod(ex, "POST");
      requireToken(ex);
      JsonNode body = body(ex);
      String by = text(body, "by", "dashboard");
      String reason = text(body, "reason", "");
      if (reason.isBlank()) {
        throw HttpError.badRequest("a reason is required: send {\"reason\": \"...\"}");
      }
      boolean engage = path.endsWith("engage");
      boolean engaged = engage ? source.engageKillSwitch(by, reason) : source.resetKillSwitch(by, reason);
      ObjectNode out = json.createObjectNode();
      out.put("engaged", engaged);
      out.put("by", by);
      out.put("reason", reason);
      respondJson(ex, 200, out);
      return;
    }
    if (path.equals("/api/reports")) {
      requireMethod(ex, "GET");
      respondJson(ex, 200, reportList());
      return;
    }
    m = REPORT_JSON.matcher(path);
    if (m.matches()) {
      requireMethod(ex, "GET");
      LocalDate date = date(m.group(1));
      respond(ex, 200, JSON_TYPE, readReportFile(date, StoredReport.JSON));
      return;
    }
    m = REPORT_FILE.matcher(path);
    if (m.matches()) {
      requireMethod(ex, "GET");
      LocalDate date = date(m.group(1));
      StoredReport report = reports().find(date)
          .orElseThrow(() -> HttpError.notFound("no report is stored for " + date));
      String name = m.group(2);
      StoredReport.ReportFile file = report.findFile(name)
          .orElseThrow(() -> HttpError.notFound("the report of " + date + " has no file " + name));
      ex.getResponseHeaders().set("Content-Security-Policy", REPORT_CSP);
      respond(ex, 200, mediaType(file.mediaType()), readReportFile(date, name));
      return;
    }
    throw HttpError.notFound("no such resource: " + path);
  }

  // ----------------------------------------------------------------------------------------------

  private JsonNode status() {
    JsonNode status = source.status();
    if (status == null || !status.isObject()) {
      throw new IllegalStateException("the status source returned " + (status == null ? "null" : status.getNodeType())
          + " instead of a JSON object");
    }
    return status;
  }

  private ReportArchive reports() {
    return source.reports();
  }

  private ObjectNode reportList() {
    ReportArchive archive = reports();
    ArrayNode list = json.createArrayNode();
    List<LocalDate> dates = archive.dates();
    for (int i = dates.size() - 1; i >= 0; i--) {
      LocalDate date = dates.get(i);
      Optional<StoredReport> found = archive.find(date);
      if (found.isEmpty()) {
        continue; // removed or being replaced since dates() was read
      }
      ObjectNode r = list.addObject();
      r.put("date", date.toString());
      r.put("json", "/api/reports/" + date);
      r.put("html", found.get().findFile(StoredReport.HTML).isPresent() ? "/reports/" + date + "/" + StoredReport.HTML
          : null);
      ArrayNode files = r.putArray("files");
      for (StoredReport.ReportFile f : found.get().files()) {
        ObjectNode fo = files.addObject();
        fo.put("name", f.name());
        fo.put("mediaType", f.mediaType());
        fo.put("sizeBytes", f.sizeBytes());
        fo.put("href", "/reports/" + date + "/" + f.name());
      }
    }
    ObjectNode out = json.createObjectNode();
    out.set("reports", list);
    return out;
  }

  private byte[] readReportFile(LocalDate date, String name) {
    try {
      return reports().readFile(date, name);
    } catch (ReportNotFoundException e) {
      throw HttpError.notFound("the report of " + date + " has no file " + name);
    }
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw HttpError.badRequest("not a date: " + text + " (expected YYYY-MM-DD)");
    }
  }

  private static String mediaType(String mediaType) {
    String lower = mediaType.toLowerCase(Locale.ROOT);
    if (lower.startsWith("text/") && !lower.contains("charset")) {
      return mediaType + "; charset=utf-8";
    }
    return mediaType;
  }

  // ----------------------------------------------------------------------------------------------

  /**
   * On a loopback address, answers only requests whose {@code Host} is a loopback name: a page on another
   * site that rebinds its own name to 127.0.0.1 (DNS rebinding) sends its own name as Host and is refused.
   */
  private void checkHost(HttpExchange ex) {
    if (!loopbackOnly) {
      return;
    }
    String host = ex.getRequestHeaders().getFirst("Host");
    if (host == null) {
      return; // HTTP/1.0 without Host: cannot come from a browser page
    }
    String name = host;
    if (name.startsWith("[")) {
      int end = name.indexOf(']');
      name = end < 0 ? name : name.substring(0, end + 1);
    } else if (name.indexOf(':') >= 0) {
      name = name.substring(0, name.indexOf(':'));
    }
    name = name.toLowerCase(Locale.ROOT);
    if (!(name.equals("localhost") || name.startsWith("127.") || name.equals("[::1]"))) {
      throw new HttpError(403, "forbidden_host", "this dashboard answers only requests to a loopback address, not "
          + host);
    }
  }

  private void requireToken(HttpExchange ex) {
    if (!token.matches(ex.getRequestHeaders().getFirst("Authorization"))) {
      ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"parapet\"");
      throw new HttpError(401, "unauthorized",
          "this action needs the header 'Authorization: Bearer <token>' with the token printed at start");
    }
  }

  private static void requireMethod(HttpExchange ex, String method) {
    if (!ex.getRequestMethod().equals(method)) {
      ex.getResponseHeaders().set("Allow", method);
      throw new HttpError(405, "method_not_allowed", ex.getRequestMethod() + " is not allowed here; use " + method);
    }
  }

  private JsonNode body(HttpExchange ex) throws IOException {
    byte[] bytes;
    try (InputStream in = ex.getRequestBody()) {
      bytes = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (bytes.length > MAX_BODY_BYTES) {
      throw new HttpError(413, "body_too_large", "the request body exceeds " + MAX_BODY_BYTES + " bytes");
    }
    String text = new String(bytes, StandardCharsets.UTF_8).trim();
    if (text.isEmpty()) {
      return json.createObjectNode();
    }
    JsonNode node;
    try {
      node = json.readTree(text);
    } catch (JsonProcessingException e) {
      throw HttpError.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw HttpError.badRequest("the body must be a JSON object");
    }
    return node;
  }

  private static String text(JsonNode body, String field, String fallback) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isTextual()) {
      throw HttpError.badRequest("'" + field + "' must be a string, was " + v.getNodeType());
    }
    String s = v.asText().strip();
    if (s.length() > 500) {
      throw HttpError.badRequest("'" + field + "' must be at most 500 characters, was " + s.length());
    }
    return s.isEmpty() ? fallback : s;
  }

  // ----------------------------------------------------------------------------------------------

  private void respondJson(HttpExchange ex, int status, JsonNode body) throws IOException {
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    respond(ex, status, JSON_TYPE, json.writeValueAsBytes(body));
  }

  private static void respond(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    if (contentType != null) {
      ex.getResponseHeaders().set("Content-Type", contentType);
    }
    if (body == null || status == 204) {
      ex.sendResponseHeaders(status, -1);
      return;
    }
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private void respondError(HttpExchange ex, int status, String code, String message) {
    try {
      ObjectNode out = json.createObjectNode();
      out.put("error", code);
      out.put("message", message == null ? "" : message);
      ex.getResponseHeaders().set("Cache-Control", "no-store");
      respond(ex, status, JSON_TYPE, json.writeValueAsBytes(out));
    } catch (IOException | RuntimeException e) {
      // headers already sent or the client left: nothing more can be said
      LOG.debug("dashboard: cannot send the {} error: {}", status, e.toString());
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = DashboardRoutes.class.getResourceAsStream(WEB + name)) {
      if (in == null) {
        throw new IllegalStateException("the dashboard resource " + WEB + name + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dashboard resource " + name, e);
    }
  }
}
