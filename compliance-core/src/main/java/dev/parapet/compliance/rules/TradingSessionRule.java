package dev.parapet.compliance.rules;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.calendar.MarketCalendar;
import dev.parapet.api.calendar.TradingSession;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.compliance.rule.AbstractComplianceRule;
import dev.parapet.compliance.rule.Enforcement;
import dev.parapet.compliance.rule.HaltList;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Rule 16, trading session: an order while the market is closed according to the
 * {@link MarketCalendar} is a breach ({@link ReasonCode#MARKET_CLOSED}), and so is an order in a halted
 * instrument ({@link ReasonCode#INSTRUMENT_HALTED}) when {@code checkHalts} is on (the default).
 * <p>
 * Sessions are half-open, {@code [open, close)}. To stay allocation-free the rule caches the current
 * state (open or closed) with the instant it next changes (the session's close, or the next session's
 * open) and asks the calendar again only when that instant passes or the clock goes backwards. Not
 * thread-safe (the cache): invoked under the rule context lock.
 */
final class TradingSessionRule extends AbstractComplianceRule {

  private final MarketCalendar calendar;
  private final HaltList halts;
  private final InstantSource clock;
  private final boolean checkHalts;
  private long validFrom = Long.MAX_VALUE;
  private long validUntil = Long.MIN_VALUE;
  private boolean open;

  TradingSessionRule(String id, String description, Severity severity, Enforcement enforcement,
      MarketCalendar calendar, HaltList halts, InstantSource clock, boolean checkHalts) {
    super(id, description, severity, enforcement);
    this.calendar = Checks.notNull(calendar, "calendar", "rule " + id);
    this.halts = Checks.notNull(halts, "halts");
    this.clock = Checks.notNull(clock, "clock");
    this.checkHalts = checkHalts;
  }

  @Override
  public void checkOrder(OrderRequest order, PortfolioView portfolio, GateDecision.Builder decision) {
    // hot path: allocation-free (see ComplianceGateBenchmark)
    long now = clock.millis();
    if (now < validFrom || now >= validUntil) {
      refresh(now);
    }
    if (!open) {
      breach(decision, ReasonCode.MARKET_CLOSED, calendar.exchange() + " is closed at "
          + Instant.ofEpochMilli(now) + "; it opens at " + Instant.ofEpochMilli(validUntil), Double.NaN, Double.NaN);
    }
    if (checkHalts && halts.isHalted(order.instrument().id())) {
      breach(decision, ReasonCode.INSTRUMENT_HALTED, "instrument " + order.instrument().id() + " is halted",
          Double.NaN, Double.NaN);
    }
  }

  private void refresh(long now) {
    Instant t = Instant.ofEpochMilli(now);
    Optional<TradingSession> today = calendar.findSession(t.atZone(calendar.zone()).toLocalDate());
    if (today.isPresent() && today.get().contains(t)) {
      open = true;
      validFrom = today.get().open().toInstant().toEpochMilli();
      validUntil = today.get().close().toInstant().toEpochMilli();
    } else {
      open = false;
      validFrom = now;
      validUntil = calendar.nextSession(t).open().toInstant().toEpochMilli();
    }
  }
}
