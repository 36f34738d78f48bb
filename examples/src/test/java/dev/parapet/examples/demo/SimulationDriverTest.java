package dev.parapet.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.api.book.PositionBook;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.BarInterval;
import dev.parapet.api.model.ChildOrder;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.OrderEvent;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Quote;
import dev.parapet.simulator.SimulatedMarket;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulationDriverTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final String ACCOUNT = "DRV";

  /** Approves ordinary orders (sending them whole to the venue), rejects bad ones, records everything. */
  private static final class RecordingHost implements SimulationHost {
    final SimulatedMarket market;
    final PositionBook book;
    final List<Instant> ticks = new ArrayList<>();
    final List<String> decisions = new ArrayList<>();
    long quotes;
    long minuteBars;
    long dailyBars;
    long fills;
    long events;
    Instant due;
    int throwOnTick = -1;

    RecordingHost(SimulatedMarket market, PositionBook book) {
      this.market = market;
      this.book = book;
    }

    @Override
    public GateDecision submit(OrderRequest order) {
      GateDecision.Builder b = GateDecision.builder().reset(order.clientOrderId());
      if (order.strategy().equals(DemoStrategy.BAD_ORDER_NAME)) {
        b.reject(ReasonCode.CUSTOM_RULE, "test", "bad order");
      } else {
        book.reserve(order, market.getQuote(order.instrument().id()).mid());
        market.venue().send(new ChildOrder(order.clientOrderId(), order.clientOrderId(), order.account(),
            order.instrument(), order.side(), order.quantity(), order.orderType(), order.limitPrice(),
            order.timeInForce(), market.clock().instant()));
      }
      GateDecision d = b.build();
      decisions.add(order.clientOrderId() + (d.approved() ? " approved" : " rejected"));
      return d;
    }

    @Override
    public void onQuote(Quote quote) {
      quotes++;
      book.mark(quote);
    }

    @Override
    public void onBar(Bar bar) {
      if (bar.interval() == BarInterval.DAILY) {
        dailyBars++;
      } else {
        minuteBars++;
      }
    }

    @Override
    public void onFill(Fill fill) {
      fills++;
      book.applyFill(fill);
    }

    @Override
    public void onOrderEvent(OrderEvent event) {
      events++;
      if (event.type() != OrderEvent.Type.ACKNOWLEDGED) {
        book.release(event.childOrderId());
      }
    }

    @Override
    public void tick() {
      ticks.add(market.clock().instant());
      if (ticks.size() == throwOnTick) {
        throw new IllegalStateException("tick " + throwOnTick + " fails");
      }
    }

    @Override
    public Optional<Instant> nextDueTime() {
      Instant now = market.clock().instant();
      return due != null && due.isAfter(now) ? Optional.of(due) : Optional.empty();
    }
  }

  private static Instant ny(LocalDate date, int hour, int minute) {
    return ZonedDateTime.of(date, LocalTime.of(hour, minute), NEW_YORK).toInstant();
  }

  @Test
  void runs_a_session_minute_by_minute_and_the_night_at_quarter_hours_and_due_times() {
    SimulatedMarket market = SimulatedMarket.builder().seed(3).instruments(12).start(LocalDate.of(2024, 3, 5)).build();
    PositionBook book = PositionBook.create();
    book.deposit(ACCOUNT, 10_000_000);
    RecordingHost host = new RecordingHost(market, book);
    LocalDate day = LocalDate.of(2024, 3, 5);
    host.due = ny(day, 17, 7); // a task due at an odd time in the evening
    DemoStrategy strategy = DemoStrategy.create(DemoStrategy.Config.defaults(ACCOUNT), market.instruments(), 3);
    List<LocalDate> closed = new ArrayList<>();
    SimulationDriver driver = SimulationDriver.create(market, host, strategy, book, 1, Double.POSITIVE_INFINITY,
        (session, d) -> closed.add(session.date()));

    driver.run();

    assertThat(closed).containsExactly(day);
    assertThat(driver.sessionsDone()).isEqualTo(1);
    assertThat(driver.errors()).isZero();
    // 09:30-16:00 is 390 minutes: one tick at the open, one per minute, then the night
    Instant open = ny(day, 9, 30);
    Instant close = ny(day, 16, 0);
    long sessionTicks = host.ticks.stream().filter(t -> !t.isAfter(close)).count();
    assertThat(sessionTicks).isEqualTo(391);
    assertThat(host.ticks.get(0)).isEqualTo(open);
    assertThat(host.ticks).contains(close, ny(day, 16, 15), ny(day, 17, 7), ny(day, 17, 15),
        ny(day.plusDays(1), 2, 0), ny(day.plusDays(1), 9, 15));
    // the night is not stepped minute by minute: quarter hours from 16:15 to 09:15 plus the 17:07 due time
    long nightTicks = host.ticks.size() - sessionTicks;
    assertThat(nightTicks).isEqualTo(17 * 4 + 1 + 1);
    // it stops before the next open
    assertThat(market.clock().instant()).isBefore(ny(day.plusDays(1), 9, 30));
    assertThat(market.isOpen()).isFalse();
    // market data: 12 quotes a minute (and at the open), 12 minute bars a minute, 12 daily bars
    assertThat(host.minuteBars).isEqualTo(390 * 12);
    assertThat(host.dailyBars).isEqualTo(12);
    // orders: every one decided once, counted once
    assertThat(driver.submitted()).isPositive().isEqualTo(host.decisions.size());
    assertThat(driver.approved() + driver.rejected()).isEqualTo(driver.submitted());
    assertThat(driver.rejected()).isEqualTo(strategy.badOrdersCreated());
    assertThat(driver.fills()).isEqualTo(host.fills).isPositive();
    assertThat(driver.orderEvents()).isEqualTo(host.events).isPositive();
  }

  @Test
  void an_error_in_the_host_is_counted_and_the_run_goes_on() {
    SimulatedMarket market = SimulatedMarket.builder().seed(4).instruments(3).start(LocalDate.of(2024, 3, 5)).build();
    PositionBook book = PositionBook.create();
    book.deposit(ACCOUNT, 1_000_000);
    RecordingHost host = new RecordingHost(market, book);
    host.throwOnTick = 10;
    SimulationDriver driver = SimulationDriver.create(market, host,
        DemoStrategy.create(DemoStrategy.Config.defaults(ACCOUNT), market.instruments(), 4), book, 2,
        Double.POSITIVE_INFINITY, (s, d) -> { });

    driver.run();

    assertThat(driver.errors()).isEqualTo(1);
    assertThat(driver.lastError().orElseThrow()).hasMessage("tick 10 fails");
    assertThat(driver.sessionsDone()).isEqualTo(2);
    assertThat(driver.finished()).isTrue();
  }

  @Test
  void stop_ends_the_run_at_the_next_step() throws Exception {
    SimulatedMarket market = SimulatedMarket.builder().seed(5).instruments(3).start(LocalDate.of(2024, 3, 5)).build();
    PositionBook book = PositionBook.create();
    book.deposit(ACCOUNT, 1_000_000);
    RecordingHost host = new RecordingHost(market, book);
    // 60x: a session would take 6.5 minutes of wall time
    SimulationDriver driver = SimulationDriver.create(market, host,
        DemoStrategy.create(DemoStrategy.Config.defaults(ACCOUNT), market.instruments(), 5), book, 1, 60,
        (s, d) -> { });
    Thread t = new Thread(driver::run, "driver-test");
    t.start();
    Thread.sleep(300);
    driver.stop();
    t.join(10_000);
    assertThat(t.isAlive()).isFalse();
    assertThat(driver.finished()).isTrue();
    assertThat(driver.sessionsDone()).isZero();
  }
}
