package dev.parapet.monitoring.alert;

import dev.parapet.api.calendar.MarketCalendar;
import dev.parapet.api.calendar.TradingSession;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** A calendar with one session [open, close); only {@link #isOpen} is implemented. */
final class StubCalendar implements MarketCalendar {

  private final Instant open;
  private final Instant close;

  StubCalendar(Instant open, Instant close) {
    this.open = open;
    this.close = close;
  }

  @Override
  public boolean isOpen(Instant instant) {
    return !instant.isBefore(open) && instant.isBefore(close);
  }

  @Override
  public String exchange() {
    return "TEST";
  }

  @Override
  public ZoneId zone() {
    return ZoneId.of("UTC");
  }

  @Override
  public boolean isTradingDay(LocalDate date) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<TradingSession> findSession(LocalDate date) {
    throw new UnsupportedOperationException();
  }

  @Override
  public TradingSession nextSession(Instant instant) {
    throw new UnsupportedOperationException();
  }

  @Override
  public TradingSession previousSession(Instant instant) {
    throw new UnsupportedOperationException();
  }

  @Override
  public LocalDate nextTradingDay(LocalDate date) {
    throw new UnsupportedOperationException();
  }

  @Override
  public LocalDate previousTradingDay(LocalDate date) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<TradingSession> sessionsBetween(LocalDate from, LocalDate to) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<LocalDate> holidays(int year) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<TradingSession> earlyCloses(int year) {
    throw new UnsupportedOperationException();
  }
}
