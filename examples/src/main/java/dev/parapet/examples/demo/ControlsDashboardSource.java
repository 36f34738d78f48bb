package dev.parapet.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.parapet.api.Checks;
import dev.parapet.api.alert.Alert;
import dev.parapet.api.report.ReportArchive;
import dev.parapet.examples.dashboard.AlertView;
import dev.parapet.examples.dashboard.DashboardSource;
import dev.parapet.monitoring.alert.AlertStatus;
import dev.parapet.monitoring.alert.receiver.AlertStream;
import dev.parapet.orchestrator.TradingControls;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The dashboard's view of a {@link TradingControls}: its status snapshot as JSON (ISO-8601 instants, as in
 * {@code status.json}), its alert system and alert stream, its kill switch and its report archive.
 * <p>
 * Thread-safe, as {@code TradingControls} is.
 */
public final class ControlsDashboardSource implements DashboardSource {

  private static final int MAX_ALERTS = 200;

  private final TradingControls controls;
  private final ObjectMapper json = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .registerModule(new Jdk8Module())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  /** Creates the source over started controls. */
  public ControlsDashboardSource(TradingControls controls) {
    this.controls = Checks.notNull(controls, "controls");
  }

  @Override
  public JsonNode status() {
    return json.valueToTree(controls.status());
  }

  @Override
  public List<AlertView> alerts() {
    List<AlertStatus> all = new ArrayList<>(controls.alerts().alerts());
    all.sort(Comparator.comparing(AlertStatus::receivedAt).reversed());
    List<AlertView> out = new ArrayList<>(Math.min(all.size(), MAX_ALERTS));
    for (int i = 0; i < all.size() && i < MAX_ALERTS; i++) {
      AlertStatus s = all.get(i);
      out.add(view(s.alert(), s.state().name(), s.acknowledgement().isPresent(),
          s.acknowledgement().map(a -> a.by()).orElse("")));
    }
    return out;
  }

  @Override
  public Subscription subscribeAlerts(Consumer<AlertView> listener) {
    Checks.notNull(listener, "listener");
    // built from the notification alone: asking the alert system from inside its delivery could deadlock
    AlertStream.Subscription s = controls.alertStream().subscribe(n -> {
      for (Alert a : n.alerts()) {
        listener.accept(view(a, a.isResolved() ? AlertStatus.State.RESOLVED.name() : AlertStatus.State.FIRING.name(),
            false, ""));
      }
    });
    return s::close;
  }

  @Override
  public boolean acknowledgeAlert(long fingerprint, String by, String comment) {
    return controls.alerts().acknowledge(fingerprint, by, comment);
  }

  @Override
  public boolean engageKillSwitch(String by, String reason) {
    controls.engageKillSwitch(by, reason);
    return controls.isKillSwitchEngaged();
  }

  @Override
  public boolean resetKillSwitch(String by, String reason) {
    controls.resetKillSwitch(by, reason);
    return controls.isKillSwitchEngaged();
  }

  @Override
  public ReportArchive reports() {
    return controls.reports();
  }

  private static AlertView view(Alert a, String state, boolean acknowledged, String by) {
    return new AlertView(AlertView.hex(a.fingerprint()), a.name(), a.severity().name(), a.category().name(), state,
        a.annotations().getOrDefault(Alert.SUMMARY, ""), a.startsAt().toString(), acknowledged, by, a.labels());
  }
}
