package dev.parapet.examples.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.api.report.ReportArchive;
import dev.parapet.api.report.ReportNotFoundException;
import dev.parapet.api.report.StoredReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** An in-memory {@link DashboardSource} for tests: a settable status, alerts, a kill switch and reports. */
final class FakeDashboardSource implements DashboardSource {

  static final ObjectMapper JSON = new ObjectMapper();

  final AtomicReference<JsonNode> status = new AtomicReference<>(sampleStatus("2024-01-02T15:00:00Z", 1_000_000));
  final Map<Long, AlertView> alerts = new ConcurrentHashMap<>();
  final List<String> acknowledgements = new CopyOnWriteArrayList<>();
  final List<String> killSwitchCalls = new CopyOnWriteArrayList<>();
  final AtomicBoolean killSwitch = new AtomicBoolean();
  final AtomicInteger statusCalls = new AtomicInteger();
  final AtomicReference<RuntimeException> statusFailure = new AtomicReference<>();
  private final List<Consumer<AlertView>> listeners = new CopyOnWriteArrayList<>();
  final FakeArchive archive = new FakeArchive();

  static ObjectNode sampleStatus(String generatedAt, double nav) {
    ObjectNode s = JSON.createObjectNode();
    s.put("schemaVersion", 1);
    s.put("generatedAt", generatedAt);
    ObjectNode account = s.putArray("accounts").addObject();
    account.put("account", "DEMO");
    account.put("nav", nav);
    ObjectNode risk = s.putObject("risk");
    risk.put("es", 12_345.5);
    risk.putObject("drawdown").put("current", 0.01).put("budget", 0.05);
    ObjectNode metrics = s.putObject("metrics");
    metrics.putObject("values").put("sharpe", 1.25).put("sortino", 1.5);
    s.putObject("compliance").putObject("killSwitch").put("engaged", false);
    s.putObject("execution").putArray("workingOrders");
    return s;
  }

  static AlertView alert(long fingerprint, String name, String severity) {
    return new AlertView(AlertView.hex(fingerprint), name, severity, "RISK", "FIRING", name + " fired",
        "2024-01-02T15:00:00Z", false, "", Map.of("category", "RISK"));
  }

  /** Adds or changes an alert and tells the subscribers. */
  void publish(long fingerprint, AlertView view) {
    alerts.put(fingerprint, view);
    for (Consumer<AlertView> l : listeners) {
      l.accept(view);
    }
  }

  int subscribers() {
    return listeners.size();
  }

  @Override
  public JsonNode status() {
    statusCalls.incrementAndGet();
    RuntimeException failure = statusFailure.get();
    if (failure != null) {
      throw failure;
    }
    return status.get();
  }

  @Override
  public List<AlertView> alerts() {
    return List.copyOf(alerts.values());
  }

  @Override
  public Subscription subscribeAlerts(Consumer<AlertView> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public boolean acknowledgeAlert(long fingerprint, String by, String comment) {
    AlertView a = alerts.get(fingerprint);
    if (a == null || a.state().equals("RESOLVED")) {
      return false;
    }
    acknowledgements.add(AlertView.hex(fingerprint) + " by " + by);
    alerts.put(fingerprint, new AlertView(a.fingerprint(), a.name(), a.severity(), a.category(), a.state(),
        a.summary(), a.startsAt(), true, by, a.labels()));
    return true;
  }

  @Override
  public boolean engageKillSwitch(String by, String reason) {
    killSwitchCalls.add("engage " + by + " " + reason);
    killSwitch.set(true);
    return true;
  }

  @Override
  public boolean resetKillSwitch(String by, String reason) {
    killSwitchCalls.add("reset " + by + " " + reason);
    killSwitch.set(false);
    return false;
  }

  @Override
  public ReportArchive reports() {
    return archive;
  }

  /** An in-memory report archive. */
  static final class FakeArchive implements ReportArchive {
    private final Map<LocalDate, Map<String, Object[]>> reports = new TreeMap<>();

    synchronized void put(LocalDate date, String name, String mediaType, String content) {
      reports.computeIfAbsent(date, d -> new LinkedHashMap<>())
          .put(name, new Object[] {mediaType, content.getBytes(StandardCharsets.UTF_8)});
    }

    @Override
    public synchronized List<LocalDate> dates() {
      return List.copyOf(reports.keySet());
    }

    @Override
    public synchronized Optional<StoredReport> find(LocalDate date) {
      Map<String, Object[]> files = reports.get(date);
      if (files == null) {
        return Optional.empty();
      }
      List<StoredReport.ReportFile> list = new ArrayList<>();
      files.forEach((n, f) -> list.add(new StoredReport.ReportFile(n, (String) f[0], ((byte[]) f[1]).length)));
      list.sort((a, b) -> a.name().compareTo(b.name()));
      return Optional.of(new StoredReport(date, Path.of("reports", date.toString()), list));
    }

    @Override
    public synchronized byte[] readFile(LocalDate date, String fileName) {
      Map<String, Object[]> files = reports.get(date);
      if (files == null || !files.containsKey(fileName)) {
        throw new ReportNotFoundException(date, fileName);
      }
      return ((byte[]) files.get(fileName)[1]).clone();
    }
  }
}
