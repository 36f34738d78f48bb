package dev.parapet.compliance.rule;

import dev.parapet.api.Checks;
import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.calendar.MarketCalendar;
import dev.parapet.api.model.OrderRequest;
import java.time.InstantSource;
import java.util.Collection;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * What rules read besides the order and the portfolio: the clock, the market calendar, and the state
 * of the stateful rules (order activity, locates, halts, average daily volumes, start-of-day NAV), with
 * the hooks that move that state.
 * <p>
 * <b>Hooks the orchestrator must call</b> (the {@code ComplianceGate} forwards them here):
 * <ul>
 *   <li>{@link #onOrderAccepted(OrderRequest)} once an order has passed the whole gate chain and its
 *       exposure is reserved: it counts as a message for the throttle, becomes a resting order for
 *       wash-trade checks, enters the duplicate history, and (a short sale) consumes its locate.</li>
 *   <li>{@link #onOrderDone(String, long)} once a parent order is finished (filled, cancelled, expired,
 *       rejected by the venue): it stops resting and returns the unfilled part of its locate.</li>
 *   <li>{@link #onSessionStart(PortfolioView, Collection)} at the start of each trading day, before the
 *       first order: records every account's start-of-day NAV, the daily loss baseline.</li>
 *   <li>{@link #recordMessage(String, String)} for other messages the host sends to the market for an
 *       account and instrument (cancels, amendments, child orders) if they are to count towards the
 *       message throttle.</li>
 * </ul>
 * Reference data is loaded through {@link #locates()}, {@link #halts()}, {@link #adv()} and
 * {@link #startOfDay()}.
 * <p>
 * Thread-safe: all state is guarded by {@link #lock()}, which the gate and the sweep also hold while
 * rules run, so a rule sees the state unchanged during one check.
 */
public final class RuleContext {

  private final Object lock = new Object();
  private final InstantSource clock;
  private final MarketCalendar calendar;
  private final OrderActivity activity;
  private final LocateInventory locates;
  private final HaltList halts;
  private final AdvTable adv;
  private final StartOfDayNav startOfDay;

  private RuleContext(Builder b) {
    this.clock = Checks.notNull(b.clock, "clock");
    this.calendar = b.calendar;
    this.activity = new OrderActivity(lock, b.duplicateHistory);
    this.locates = new LocateInventory(lock);
    this.halts = new HaltList(lock);
    this.adv = new AdvTable(lock);
    this.startOfDay = new StartOfDayNav(lock);
  }

  /** Returns a builder; the clock is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the lock that guards every piece of state and under which rules run. */
  public Object lock() {
    return lock;
  }

  /** Returns the clock. */
  public InstantSource clock() {
    return clock;
  }

  /** Returns the market calendar, if one was configured. */
  public Optional<MarketCalendar> findCalendar() {
    return Optional.ofNullable(calendar);
  }

  /**
   * Returns the market calendar.
   *
   * @throws NoSuchElementException if none was configured
   */
  public MarketCalendar getCalendar() {
    if (calendar == null) {
      throw new NoSuchElementException("no market calendar configured in the rule context");
    }
    return calendar;
  }

  /** Returns the order activity (message history, duplicates, resting orders). */
  public OrderActivity activity() {
    return activity;
  }

  /** Returns the locate inventory for short sales. */
  public LocateInventory locates() {
    return locates;
  }

  /** Returns the list of halted instruments. */
  public HaltList halts() {
    return halts;
  }

  /** Returns the table of average daily volumes. */
  public AdvTable adv() {
    return adv;
  }

  /** Returns the start-of-day NAV per account. */
  public StartOfDayNav startOfDay() {
    return startOfDay;
  }

  // ----------------------------------------------------------------------------------------------
  // hooks

  /**
   * Records an order that passed the whole gate chain and was reserved. Allocates a little per order
   * (map entries); not part of the allocation-free check.
   *
   * @param order the accepted order; its client order id must not be open already
   */
  public void onOrderAccepted(OrderRequest order) {
    Checks.notNull(order, "order");
    synchronized (lock) {
      long locate = activity.accept(order, clock.millis());
      if (locate > 0) {
        locates.consume(order.account(), order.instrument().id(), locate);
      }
    }
  }

  /**
   * Records that an accepted order is finished. Unknown ids are ignored (idempotent).
   *
   * @param clientOrderId the order
   * @param unfilledQuantity the quantity that did not fill, &gt;= 0 (for example what
   *     {@code PositionBook.release} returned); a short sale's locate is returned by that much
   */
  public void onOrderDone(String clientOrderId, long unfilledQuantity) {
    Checks.notBlank(clientOrderId, "clientOrderId");
    Checks.nonNegative(unfilledQuantity, "unfilledQuantity", "order " + clientOrderId);
    synchronized (lock) {
      OrderActivity.Accepted a = activity.done(clientOrderId);
      if (a != null && a.locateQuantity > 0) {
        locates.restore(a.account, a.instrumentId, Math.min(a.locateQuantity, unfilledQuantity));
      }
    }
  }

  /**
   * Starts a trading day: records each account's NAV as its start-of-day NAV.
   *
   * @param book the book
   * @param accounts the accounts to record
   */
  public void onSessionStart(PortfolioView book, Collection<String> accounts) {
    Checks.notNull(book, "book");
    Checks.notNull(accounts, "accounts");
    synchronized (lock) {
      for (String account : accounts) {
        startOfDay.set(account, book.nav(account));
      }
    }
  }

  /** Counts one message (a cancel, amendment or child order) towards the throttle. */
  public void recordMessage(String account, String instrumentId) {
    Checks.notBlank(account, "account");
    Checks.notBlank(instrumentId, "instrumentId");
    synchronized (lock) {
      activity.recordMessage(account, instrumentId, clock.millis());
    }
  }

  /** A builder of {@link RuleContext}; not thread-safe. */
  public static final class Builder {
    private InstantSource clock;
    private MarketCalendar calendar;
    private int duplicateHistory = 256;

    private Builder() {
    }

    /** Sets the clock (required). */
    public Builder clock(InstantSource clock) {
      this.clock = clock;
      return this;
    }

    /** Sets the market calendar, needed by the trading-session rule. */
    public Builder calendar(MarketCalendar calendar) {
      this.calendar = calendar;
      return this;
    }

    /** Sets how many recent orders per account the duplicate check compares with (default 256). */
    public Builder duplicateHistory(int orders) {
      this.duplicateHistory = Checks.positive(orders, "duplicateHistory");
      return this;
    }

    /** Builds the context. */
    public RuleContext build() {
      return new RuleContext(this);
    }
  }
}
