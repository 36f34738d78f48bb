package dev.parapet.benchmarks.calendar;

import dev.parapet.api.calendar.MarketCalendar;
import dev.parapet.api.calendar.MarketCalendars;
import dev.parapet.api.calendar.TradingSession;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code MarketCalendar.isOpen(Instant)} (the gate's market-hours check) on XNYS, against the naive
 * way: convert the instant to a New York date and look the session up.
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar MarketCalendarBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MarketCalendarBenchmark {

  private static final int N = 1024;

  private final MarketCalendar xnys = MarketCalendars.XNYS;
  private Instant[] instants;
  private int next;

  /** Instants spread over 2026, every 8.5 hours, so that some fall in sessions and most do not. */
  @Setup(Level.Trial)
  public void setUp() {
    instants = new Instant[N];
    Instant start = Instant.parse("2026-01-02T00:00:00Z");
    for (int i = 0; i < N; i++) {
      instants[i] = start.plusSeconds(i * 30_600L);
    }
    xnys.isOpen(start); // build the year's table outside the measurement
  }

  /** The calendar's allocation-free query. */
  @Benchmark
  public boolean isOpen() {
    return xnys.isOpen(instants[next++ & (N - 1)]);
  }

  /** Baseline: local date in New York, then the session's half-open interval. */
  @Benchmark
  public boolean naiveIsOpen() {
    Instant t = instants[next++ & (N - 1)];
    Optional<TradingSession> s = xnys.findSession(LocalDate.ofInstant(t, xnys.zone()));
    return s.isPresent() && s.get().contains(t);
  }
}
