package dev.parapet.compliance.killswitch;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Alert;
import dev.parapet.api.alert.AlertCategory;
import dev.parapet.api.alert.AlertSink;
import dev.parapet.api.alert.Severity;
import dev.parapet.compliance.journal.AuditRecords;
import dev.parapet.compliance.journal.AuditTrail;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kill switch (MiFID II RTS 6 Article 12, kill functionality; FIA guidance on kill switches):
 * while engaged, the {@code ComplianceGate} rejects every new order with
 * {@link dev.parapet.api.gate.ReasonCode#KILL_SWITCH_ENGAGED}.
 * <p>
 * <b>Engaging</b>, by hand ({@link #engage}) or automatically ({@link #trip}: the daily loss limit;
 * {@link #recordRejection}: more than {@code maxRejections} rejections within a window), does, in
 * order: (1) blocks new orders at once, (2) asks the {@link ChildOrderCanceller} to cancel every
 * working child order, (3) publishes a {@link Severity#CRITICAL} alert {@value #ALERT_NAME} of
 * category {@link AlertCategory#COMPLIANCE}, (4) writes a {@code kill-switch} record to the audit
 * trail. A failure in (2) to (4) is logged and never stops the switch from engaging. Engaging while
 * engaged changes nothing.
 * <p>
 * <b>Resetting</b> is explicit: {@link #reset} names the operator and the reason, writes a
 * {@code kill-switch} record and only then disengages; if the record cannot be written the switch stays
 * engaged. The alert is then published resolved.
 * <p>
 * Thread-safe: {@link #isEngaged()} is a volatile read (allocation-free, for the gate's hot path);
 * state changes are serialized on the switch.
 */
public final class KillSwitch {

  /** The name of the alert raised while engaged. */
  public static final String ALERT_NAME = "KillSwitchEngaged";
  /** The trigger name of a manual engagement. */
  public static final String MANUAL = "manual";
  /** The trigger name of the rejection-rate trip. */
  public static final String REJECTION_RATE = "rejection-rate";

  private static final Logger LOG = LoggerFactory.getLogger(KillSwitch.class);

  private final InstantSource clock;
  private final AlertSink alerts;
  private final AuditTrail journal;
  private final ChildOrderCanceller canceller;
  private final int maxRejections;
  private final long rejectionWindowMillis;
  private final long[] rejectionTimes;
  private int rejectionHead;
  private int rejectionCount;
  private volatile boolean engaged;
  private KillSwitchState state;
  private Alert firingAlert;

  private KillSwitch(Builder b) {
    this.clock = Checks.notNull(b.clock, "clock");
    this.alerts = b.alerts;
    this.journal = b.journal;
    this.canceller = b.canceller;
    this.maxRejections = b.maxRejections;
    this.rejectionWindowMillis = b.rejectionWindow.toMillis();
    this.rejectionTimes = new long[Math.max(1, b.maxRejections + 1)];
    this.state = new KillSwitchState(false, Instant.EPOCH, "none", "", "", 0);
  }

  /** Returns a builder; the clock is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns true while engaged. Hot path: a volatile read. */
  public boolean isEngaged() {
    return engaged;
  }

  /** Returns the current state. */
  public synchronized KillSwitchState state() {
    return state;
  }

  /**
   * Engages the switch by hand.
   *
   * @param operator who engages it
   * @param reason why
   * @return true if this call engaged it, false if it was engaged already
   */
  public boolean engage(String operator, String reason) {
    Checks.notBlank(operator, "operator");
    Checks.notBlank(reason, "reason");
    return doEngage(MANUAL, operator, reason);
  }

  /**
   * Engages the switch automatically.
   *
   * @param trigger what tripped it, e.g. {@code daily-loss-limit}
   * @param reason why, with the figures
   * @return true if this call engaged it, false if it was engaged already
   */
  public boolean trip(String trigger, String reason) {
    Checks.notBlank(trigger, "trigger");
    Checks.notBlank(reason, "reason");
    return doEngage(trigger, "compliance", reason);
  }

  /**
   * Counts one rejected order towards the rejection-rate trigger; engages the switch when more than
   * {@code maxRejections} rejections fall within the window. A no-op when the trigger is not
   * configured. Allocation-free unless it engages.
   */
  public void recordRejection() {
    if (maxRejections == 0) {
      return;
    }
    int inWindow;
    synchronized (this) {
      long now = clock.millis();
      rejectionTimes[rejectionHead] = now;
      rejectionHead = (rejectionHead + 1) % rejectionTimes.length;
      if (rejectionCount < rejectionTimes.length) {
        rejectionCount++;
      }
      inWindow = 0;
      int i = rejectionHead;
      for (int n = 0; n < rejectionCount; n++) {
        i = i == 0 ? rejectionTimes.length - 1 : i - 1;
        if (rejectionTimes[i] <= now - rejectionWindowMillis) {
          break;
        }
        inWindow++;
      }
    }
    if (inWindow > maxRejections && !engaged) {
      trip(REJECTION_RATE, inWindow + " orders rejected within " + rejectionWindowMillis + " ms, more than the "
          + maxRejections + " allowed");
    }
  }

  /**
   * Resets (disengages) the switch after writing the reset to the audit trail.
   *
   * @param operator who resets it
   * @param reason why it is safe to trade again
   * @return true if this call disengaged it, false if it was not engaged
   * @throws dev.parapet.compliance.journal.JournalException if the reset cannot be recorded; the switch
   *     then stays engaged
   */
  public boolean reset(String operator, String reason) {
    Checks.notBlank(operator, "operator");
    Checks.notBlank(reason, "reason");
    Alert resolved;
    synchronized (this) {
      if (!engaged) {
        return false;
      }
      journal.record(AuditRecords.KILL_SWITCH, AuditRecords.killSwitch("RESET", state.trigger(), operator, reason,
          -1));
      Instant now = clock.instant();
      engaged = false;
      state = new KillSwitchState(false, now, "reset", operator, reason, 0);
      rejectionCount = 0;
      resolved = firingAlert == null ? null : firingAlert.resolvedAt(now.isBefore(firingAlert.startsAt())
          ? firingAlert.startsAt() : now);
      firingAlert = null;
    }
    LOG.warn("kill switch reset by {}: {}", operator, reason);
    if (resolved != null) {
      publish(resolved);
    }
    return true;
  }

  private boolean doEngage(String trigger, String by, String reason) {
    Instant now;
    synchronized (this) {
      if (engaged) {
        return false;
      }
      engaged = true;
      now = clock.instant();
      state = new KillSwitchState(true, now, trigger, by, reason, 0);
    }
    LOG.error("kill switch engaged ({}) by {}: {}", trigger, by, reason);
    int cancelled = 0;
    String cancelFailure = null;
    try {
      cancelled = canceller.cancelWorkingOrders();
    } catch (RuntimeException e) {
      cancelFailure = e.toString();
      LOG.error("kill switch: cancelling working child orders failed", e);
    }
    Alert alert = Alert.builder(ALERT_NAME, Severity.CRITICAL, AlertCategory.COMPLIANCE)
        .label("component", "kill-switch")
        .summary("Kill switch engaged (" + trigger + "): every new order is blocked")
        .annotation("trigger", trigger)
        .annotation("by", by)
        .annotation("reason", reason)
        .annotation("cancelledOrders", Integer.toString(cancelled))
        .annotation("cancelFailure", cancelFailure == null ? "" : cancelFailure)
        .startsAt(now)
        .build();
    synchronized (this) {
      if (engaged && state.since().equals(now)) {
        state = new KillSwitchState(true, now, trigger, by, reason, cancelled);
        firingAlert = alert;
      }
    }
    publish(alert);
    try {
      journal.record(AuditRecords.KILL_SWITCH, AuditRecords.killSwitch("ENGAGED", trigger, by, reason, cancelled));
    } catch (RuntimeException e) {
      LOG.error("kill switch: the engagement could not be written to the audit trail", e);
    }
    return true;
  }

  private void publish(Alert alert) {
    try {
      alerts.publish(alert);
    } catch (RuntimeException e) {
      LOG.error("kill switch: publishing alert {} failed", alert, e);
    }
  }

  /** A builder of {@link KillSwitch}; not thread-safe. */
  public static final class Builder {
    private InstantSource clock;
    private AlertSink alerts = AlertSink.discarding();
    private AuditTrail journal = AuditTrail.none();
    private ChildOrderCanceller canceller = ChildOrderCanceller.none();
    private int maxRejections;
    private Duration rejectionWindow = Duration.ZERO;

    private Builder() {
    }

    /** Sets the clock (required). */
    public Builder clock(InstantSource clock) {
      this.clock = clock;
      return this;
    }

    /** Sets where the critical alert goes (default: discarded). */
    public Builder alertSink(AlertSink alerts) {
      this.alerts = Checks.notNull(alerts, "alerts");
      return this;
    }

    /** Sets the audit trail for engagements and resets (default: none). */
    public Builder journal(AuditTrail journal) {
      this.journal = Checks.notNull(journal, "journal");
      return this;
    }

    /** Sets what cancels working child orders on engagement (default: nothing). */
    public Builder canceller(ChildOrderCanceller canceller) {
      this.canceller = Checks.notNull(canceller, "canceller");
      return this;
    }

    /**
     * Engages the switch automatically when more than {@code maxRejections} orders are rejected within
     * {@code window} (default: off).
     */
    public Builder maxRejections(int maxRejections, Duration window) {
      this.maxRejections = Checks.positive(maxRejections, "maxRejections");
      Checks.notNull(window, "window");
      Checks.check(window.toMillis() > 0, "window", window, "at least 1 ms");
      this.rejectionWindow = window;
      return this;
    }

    /** Builds the switch, disengaged. */
    public KillSwitch build() {
      return new KillSwitch(this);
    }
  }
}
