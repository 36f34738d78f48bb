package dev.parapet.simulator;

import dev.parapet.api.calendar.TradingSession;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.BarInterval;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.OrderEvent;
import dev.parapet.api.model.Quote;
import dev.parapet.simulator.venue.VenueListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test listener that records everything a market and its venue report, in order. */
public final class Recorder implements MarketDataListener, VenueListener {

  public final List<Quote> quotes = new ArrayList<>();
  public final List<Bar> minuteBars = new ArrayList<>();
  public final List<Bar> dailyBars = new ArrayList<>();
  public final List<TradingSession> opens = new ArrayList<>();
  public final List<TradingSession> closes = new ArrayList<>();
  public final List<Instant> steps = new ArrayList<>();
  public final List<Fill> fills = new ArrayList<>();
  public final List<OrderEvent> events = new ArrayList<>();
  /** Fills and events interleaved as they came. */
  public final List<Object> venueLog = new ArrayList<>();

  /** Creates a recorder attached to the market and its venue. */
  public static Recorder attach(SimulatedMarket market) {
    Recorder r = new Recorder();
    market.addListener(r);
    market.venue().addListener(r);
    return r;
  }

  @Override
  public void onSessionOpen(TradingSession session) {
    opens.add(session);
  }

  @Override
  public void onQuote(Quote quote) {
    quotes.add(quote);
  }

  @Override
  public void onBar(Bar bar) {
    (bar.interval() == BarInterval.DAILY ? dailyBars : minuteBars).add(bar);
  }

  @Override
  public void onSessionClose(TradingSession session) {
    closes.add(session);
  }

  @Override
  public void onStep(Instant now) {
    steps.add(now);
  }

  @Override
  public void onFill(Fill fill) {
    fills.add(fill);
    venueLog.add(fill);
  }

  @Override
  public void onOrderEvent(OrderEvent event) {
    events.add(event);
    venueLog.add(event);
  }

  /** Returns the events of one child order. */
  public List<OrderEvent> eventsOf(String childOrderId) {
    return events.stream().filter(e -> e.childOrderId().equals(childOrderId)).toList();
  }

  /** Returns the fills of one child order. */
  public List<Fill> fillsOf(String childOrderId) {
    return fills.stream().filter(f -> f.childOrderId().equals(childOrderId)).toList();
  }

  /** Returns the minute bars of one instrument. */
  public List<Bar> minuteBarsOf(String instrumentId) {
    return minuteBars.stream().filter(b -> b.instrumentId().equals(instrumentId)).toList();
  }
}
