package dev.parapet.orchestrator;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Alert;
import dev.parapet.api.alert.AlertCategory;
import dev.parapet.api.alert.AlertSink;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.book.PositionBook;
import dev.parapet.api.calendar.MarketCalendar;
import dev.parapet.api.calendar.TradingSession;
import dev.parapet.api.data.HistoryStore;
import dev.parapet.api.execution.OrderRouter;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.Reason;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.gate.TradeGate;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.OrderEvent;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Quote;
import dev.parapet.api.report.ReportArchive;
import dev.parapet.compliance.gate.ComplianceGate;
import dev.parapet.compliance.journal.AuditRecords;
import dev.parapet.compliance.monitor.ComplianceSweep;
import dev.parapet.execution.engine.ExecutionEngine;
import dev.parapet.monitoring.alert.AlertSystem;
import dev.parapet.monitoring.alert.receiver.AlertStream;
import dev.parapet.orchestrator.status.StatusSnapshot;
import dev.parapet.orchestrator.task.TaskHealth;
import dev.parapet.orchestrator.task.TaskRunner;
import dev.parapet.risk.gate.RiskGate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one object a host embeds: every order passes the gate chain (compliance, then risk), every
 * decision is journalled, approved orders are reserved in the {@link PositionBook} and worked by the
 * execution engine, and a {@link TaskRunner} runs the monitors, the compliance sweep, crowding, the
 * end-of-day report, data maintenance and the status snapshot on the exchange's calendar.
 * <p>
 * <b>An order's path</b> ({@link #submit}): under the book's decision lock the gates check the order
 * against the book (which includes the reservations of every approved open order), the decision is
 * appended to the audit journal, and an approved order's exposure is reserved. The lock is then
 * released, the journal record is awaited until durable, and only then is the order handed to the
 * execution engine, which alone talks to the host's {@link OrderRouter}. So no order reaches the router
 * without a durable approval, and two orders can never jointly pass a limit that each passes alone. A
 * gate that throws, a missing reference price or a journal failure rejects the order (fail-closed); so
 * does an execution engine that refuses an approved order (e.g. no market state for its instrument): the
 * reservation is undone, an {@code order-withdrawn} record follows the approval in the journal, and the
 * host gets a rejection. A parent's reservation is released when it finishes (filled, cancelled,
 * expired).
 * <p>
 * <b>Driving.</b> Time comes from the {@link InstantSource} given to the builder. Live, {@link #start()}
 * with {@code driveInBackground(true)} ticks every 250 ms on a daemon thread; in a simulation the host
 * advances its clock and calls {@link #tick()}, which runs due tasks, the execution engine's timers and
 * the alert system's timers at the clock's instant, and waits for the tasks to finish.
 * <p>
 * <b>Thread safety.</b> Thread-safe. {@link #submit} may be called from many threads; decisions are
 * serialised on the book's lock. Market data, fills and order events may arrive on any thread.
 */
public final class TradingControls implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TradingControls.class);

  private final Wiring w;
  private final GateDecision.Builder decision = GateDecision.builder();
  private final AtomicLong approved = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private volatile boolean closed;

  TradingControls(Wiring wiring) {
    this.w = wiring;
  }

  /** Returns a builder with embedded defaults under {@code ./parapet-data}. */
  public static TradingControlsBuilder builder() {
    return new TradingControlsBuilder();
  }

  // ----------------------------------------------------------------------------------------------
  // life cycle

  /**
   * Loads the risk scenarios from history, computes the first due times (catching up a missed daily
   * run where the task's policy says so) and, if configured, starts the background driver.
   */
  public void start() {
    w.start();
  }

  /**
   * Advances everything to the clock's current instant: due tasks (waiting up to the longest task
   * timeout for them to finish, so a simulation stays deterministic), the execution engine's timers,
   * parent orders that finished, and the alert system's group timers.
   */
  public void tick() {
    w.tick(true);
  }

  /** Writes a last status snapshot, stops the tasks and closes the journal and the history store. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    w.close();
  }

  // ----------------------------------------------------------------------------------------------
  // orders

  /**
   * Decides an order: runs the gate chain, journals the decision and, when approved, reserves the
   * order's exposure and hands it to the execution engine.
   *
   * @param order the order
   * @return the decision with every reason and the figures behind it (ES@97.5% among them)
   */
  public GateDecision submit(OrderRequest order) {
    Checks.notNull(order, "order");
    if (closed) {
      return GateDecision.builder().reset(order.clientOrderId())
          .reject(ReasonCode.INTERNAL_ERROR, "orchestrator", "the trading controls are closed").build();
    }
    GateDecision result;
    long sequence = -1;
    boolean reserved = false;
    PositionBook book = w.book;
    synchronized (book.lock()) {
      GateDecision.Builder d = decision.reset(order.clientOrderId());
      if (w.engine.findParent(order.clientOrderId()).isPresent() || book.isReserved(order.clientOrderId())) {
        d.reject(ReasonCode.DUPLICATE_ORDER, "orchestrator",
            "client order id " + order.clientOrderId() + " was already approved");
      } else {
        for (TradeGate gate : w.gates) {
          try {
            gate.check(order, book, d);
          } catch (RuntimeException | Error e) {
            d.reject(ReasonCode.INTERNAL_ERROR, gate.name(), "gate " + gate.name() + " failed: " + e);
          }
        }
      }
      double reference = Double.NaN;
      if (d.isApproved()) {
        reference = order.isLimit() ? order.limitPrice().getAsDouble() : book.markPrice(order.instrument().id());
        if (!(reference > 0)) {
          d.reject(ReasonCode.NO_REFERENCE_PRICE, "orchestrator",
              "no mark price for " + order.instrument().id() + " to value the reservation of a market order");
        }
      }
      result = d.build();
      try {
        sequence = w.journal.appendAsync(AuditRecords.DECISION, AuditRecords.decision(order, result));
      } catch (RuntimeException e) {
        result = failClosed(order, result, "the decision could not be journalled: " + e);
      }
      if (result.approved()) {
        book.reserve(order, reference);
        w.compliance.onOrderAccepted(order);
        reserved = true;
      }
    }
    if (sequence >= 0) {
      try {
        w.awaitDurable(sequence);
      } catch (RuntimeException e) {
        if (reserved) {
          undoReservation(order, "journal not durable");
          reserved = false;
        }
        result = failClosed(order, result, "the decision could not be made durable: " + e);
      }
    }
    if (reserved) {
      // tracked before the engine sees it, so that a parent finished at once (a router filling inside
      // send) still has its reservation released and its completion recorded
      w.activeParents.add(order.clientOrderId());
      try {
        // tracked before the engine sees it: a router may fill it synchronously inside submit
        w.activeParents.add(order.clientOrderId());
        w.engine.submit(order);
        w.dayBook.onApproved(order);
        w.finishIfDone(order.clientOrderId());
      } catch (RuntimeException e) {
        w.activeParents.remove(order.clientOrderId());
        undoReservation(order, "execution engine refused it");
        w.alerts.publish(Alert.builder("OrderNotWorked", Severity.HIGH, AlertCategory.EXECUTION)
            .label(Alert.ACCOUNT, order.account()).label(Alert.INSTRUMENT, order.instrument().id())
            .summary("approved order " + order.clientOrderId() + " could not be worked: " + e)
            .startsAt(w.clock.instant()).build());
        LOG.warn("approved order {} could not be worked", order.clientOrderId(), e);
        result = failClosed(order, result, "approved, but the execution engine could not work it: " + e);
      }
    }
    w.dayBook.onDecision(order, result);
    if (result.approved()) {
      approved.incrementAndGet();
    } else {
      rejected.incrementAndGet();
      publishRejection(order, result);
    }
    return result;
  }

  private GateDecision failClosed(OrderRequest order, GateDecision before, String why) {
    List<Reason> reasons = new ArrayList<>(before.reasons());
    reasons.add(Reason.block(ReasonCode.INTERNAL_ERROR, "orchestrator", why));
    return new GateDecision(order.clientOrderId(), false, reasons, before.figures());
  }

  private void undoReservation(OrderRequest order, String why) {
    synchronized (w.book.lock()) {
      long released = w.book.release(order.clientOrderId());
      w.compliance.onOrderDone(order.clientOrderId(), released);
    }
    try {
      w.trail().record("order-withdrawn", AuditRecords.text(AuditRecords.object()
          .put("clientOrderId", order.clientOrderId()).put("reason", why)));
    } catch (RuntimeException e) {
      LOG.error("cannot journal the withdrawal of {}", order.clientOrderId(), e);
    }
  }

  private void publishRejection(OrderRequest order, GateDecision result) {
    Reason first = result.blockingReasons().isEmpty() ? null : result.blockingReasons().get(0);
    String code = first == null ? "UNKNOWN" : first.code().name();
    AlertCategory category = first != null && first.source().startsWith(RiskGate.NAME) ? AlertCategory.RISK
        : AlertCategory.COMPLIANCE;
    try {
      w.alerts.publish(Alert.builder("OrderRejected", Severity.HIGH, category)
          .label(Alert.ACCOUNT, order.account())
          .label("reason", code)
          .summary("order " + order.clientOrderId() + " " + order.side() + " " + order.quantity() + " "
              + order.instrument().id() + " rejected: " + (first == null ? "" : first.message()))
          .startsAt(w.clock.instant()).build());
    } catch (RuntimeException e) {
      LOG.warn("cannot publish a rejection alert", e);
    }
  }

  // ----------------------------------------------------------------------------------------------
  // events from the host

  /** Applies a fill to the book and the execution engine; releases the reservation once the parent is done. */
  public void onFill(Fill fill) {
    Checks.notNull(fill, "fill");
    w.book.applyFill(fill);
    w.engine.onFill(fill);
    w.dayBook.onFill(fill);
    w.finishIfDone(fill.clientOrderId());
  }

  /** Passes a child-order event (ack, reject, cancel, expiry) to the execution engine. */
  public void onOrderEvent(OrderEvent event) {
    Checks.notNull(event, "event");
    w.engine.onOrderEvent(event);
    w.finishDoneParents();
  }

  /** Marks the book at the quote's mid and updates the execution engine's market state. */
  public void onQuote(Quote quote) {
    Checks.notNull(quote, "quote");
    w.book.mark(quote);
    w.onQuote(quote);
  }

  /** Marks the book at the bar's close and buffers the bar for the history store. */
  public void onBar(Bar bar) {
    Checks.notNull(bar, "bar");
    w.book.mark(bar);
    w.onBar(bar);
  }

  // ----------------------------------------------------------------------------------------------
  // kill switch

  /**
   * Engages the kill switch: every new order is rejected, working child orders are cancelled, a
   * CRITICAL alert is raised and the change is journalled.
   *
   * @return true if it was not already engaged
   */
  public boolean engageKillSwitch(String operator, String reason) {
    // the kill switch's canceller (wired in the builder) cancels every working parent order, for a manual
    // engagement and for an automatic trip alike
    return w.killSwitch.engage(Checks.notBlank(operator, "operator"), Checks.notBlank(reason, "reason"));
  }

  /**
   * Resets the kill switch (journalled).
   *
   * @return true if it was engaged
   */
  public boolean resetKillSwitch(String operator, String reason) {
    return w.killSwitch.reset(Checks.notBlank(operator, "operator"), Checks.notBlank(reason, "reason"));
  }

  /** Returns true while the kill switch is engaged. */
  public boolean isKillSwitchEngaged() {
    return w.killSwitch.isEngaged();
  }

  // ----------------------------------------------------------------------------------------------
  // views

  /** Returns a fresh status snapshot (the same content status.json holds). */
  public StatusSnapshot status() {
    return w.status(approved.get(), rejected.get());
  }

  /** Writes status.json now (atomically) and returns the snapshot written. */
  public StatusSnapshot writeStatus() {
    StatusSnapshot s = status();
    try {
      w.statusWriter.write(s);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + w.statusWriter.file(), e);
    }
    return s;
  }

  /** Returns the position book. */
  public PositionBook book() {
    return w.book;
  }

  /** Returns the alert system: acknowledge, silence, list alerts. */
  public AlertSystem alerts() {
    return w.alerts;
  }

  /** Returns the in-memory stream of notifications that dashboards subscribe to. */
  public AlertStream alertStream() {
    return w.alertStream;
  }

  /** Returns the end-of-day reports, by date. */
  public ReportArchive reports() {
    return w.reportStore;
  }

  /** Returns the execution engine (parent orders and their fills). */
  public ExecutionEngine execution() {
    return w.engine;
  }

  /** Returns the history store. */
  public HistoryStore history() {
    return w.history;
  }

  /** Returns the market calendar. */
  public MarketCalendar calendar() {
    return w.calendar;
  }

  /** Returns the compliance gate (policy, reload). */
  public ComplianceGate compliance() {
    return w.compliance;
  }

  /** Returns the post-trade compliance sweep (open violations). */
  public ComplianceSweep complianceSweep() {
    return w.sweep;
  }

  /** Returns the risk gate. */
  public RiskGate risk() {
    return w.riskGate;
  }

  /**
   * Returns the next instant at which a task is due, so a simulation can advance its clock straight
   * there and {@link #tick()}.
   */
  public Optional<java.time.Instant> nextDueTime() {
    return w.runner.nextDueTime();
  }

  /** Returns the health of every scheduled task. */
  public List<TaskHealth> taskHealth() {
    return w.runner.health();
  }

  /** Returns the directory of the audit journal. */
  public Path journalDirectory() {
    return w.journal.directory();
  }

  /** Returns the path of status.json. */
  public Path statusFile() {
    return w.statusWriter.file();
  }

  /** Returns the directory of the reports. */
  public Path reportsDirectory() {
    return w.reportsDirectory;
  }

  /** Returns the number of decisions taken since start (approved plus rejected). */
  public long decisionCount() {
    return approved.get() + rejected.get();
  }

  /** Returns the alert sink capabilities publish to (the alert system). */
  public AlertSink alertSink() {
    return w.alerts;
  }

  /** Returns the clock. */
  public InstantSource clock() {
    return w.clock;
  }

  /** Returns the current or next trading session. */
  public TradingSession currentSession() {
    return w.currentSession();
  }

  /** Returns the latest metrics snapshot of an account, if one was computed. */
  public Optional<dev.parapet.monitoring.MonitorSnapshot> findMetrics(String account) {
    return w.findMetrics(account);
  }
}
