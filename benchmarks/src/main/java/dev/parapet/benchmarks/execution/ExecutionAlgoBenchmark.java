package dev.parapet.benchmarks.execution;

import dev.parapet.api.execution.ExecutionAlgo;
import dev.parapet.api.execution.MarketState;
import dev.parapet.api.execution.ParentOrderView;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.BarInterval;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Quote;
import dev.parapet.api.model.Side;
import dev.parapet.api.model.Urgency;
import dev.parapet.execution.algo.AdaptiveParameters;
import dev.parapet.execution.algo.ExecutionAlgos;
import dev.parapet.execution.algo.VolumeProfile;
import dev.parapet.execution.engine.ExecutionEngine;
import dev.parapet.execution.tca.ExecutionFill;
import dev.parapet.execution.tca.MarketTape;
import dev.parapet.execution.tca.ParentExecution;
import dev.parapet.execution.tca.TcaResult;
import dev.parapet.execution.tca.TransactionCostAnalysis;
import dev.parapet.simulator.InstrumentProfile;
import dev.parapet.simulator.MarketDataListener;
import dev.parapet.simulator.SimulatedMarket;
import dev.parapet.simulator.venue.VenueListener;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The measured comparison of execution algorithms on the simulated market (issue 5): seeded parent
 * orders of 1% to 20% of ADV with mixed urgency, each worked by every algorithm on its own copy of the
 * same simulated market (same seed: the same exogenous price path; the runs differ only by their own
 * impact), and measured by TCA against the arrival price.
 * <p>
 * For each order: a one-instrument market with its own seed; a start 5-60 minutes after the open; a side
 * and urgency; a horizon that trades the order at the urgency's participation (LOW 8%, MEDIUM 15%, HIGH
 * 25% of the expected volume), at least 30 minutes and at most to 5 minutes before the close; the same
 * horizon for every algorithm. Each run drives an {@link ExecutionEngine} with the simulator's venue as
 * the router: per minute, the market steps, the engine gets a {@link MarketState} and a timer tick, and the
 * venue is advanced by 1 s and 2.5 s within the minute so that acknowledgements, cancels and re-sends
 * happen at their latency. The run ends when the parent is terminal with nothing open.
 * <p>
 * Figures per order, in bps of the arrival notional, positive = cost: the implementation shortfall
 * (Perold) against the arrival mid, and the impact cost: the shortfall minus the exogenous price move,
 * measured against a third copy of the market that does not trade (prices move only at minute
 * boundaries, so the unimpacted mid at a fill's time is exact). 95% confidence intervals use the normal
 * approximation for means and paired differences, and a seeded bootstrap (10,000 resamples of orders)
 * for the ratio of means.
 * <p>
 * Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.parapet.benchmarks.execution.ExecutionAlgoBenchmark
 * [orders=600] [seed=20240304]}.
 */
public final class ExecutionAlgoBenchmark {

  private static final LocalDate START = LocalDate.of(2024, 3, 4);
  private static final String[] ALGOS = {"IMMEDIATE", "TWAP", "VWAP", "IS", "ADAPTIVE"};

  private ExecutionAlgoBenchmark() {
  }

  /** One order's set-up. */
  private record OrderSpec(int index, long marketSeed, double fractionOfAdv, Side side, Urgency urgency,
      int startMinute) {
  }

  /** One run's outcome. */
  private record RunResult(double isBps, double impactBps, double fillRate, double participation, int children,
      double passiveShare) {
  }

  /** Runs the benchmark and prints the tables. */
  public static void main(String[] args) {
    int orders = args.length > 0 ? Integer.parseInt(args[0]) : 600;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 20_240_304L;
    long t0 = System.nanoTime();
    VolumeProfile profile = historicalProfile(seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    List<OrderSpec> specs = new ArrayList<>();
    for (int i = 0; i < orders; i++) {
      // stratified sizes: evenly over [1%, 20%] of ADV, jittered within each stratum
      double fraction = 0.01 + 0.19 * (i + rnd.nextDouble()) / orders;
      specs.add(new OrderSpec(i, seed * 1_000 + i, fraction, rnd.nextBoolean() ? Side.BUY : Side.SELL,
          Urgency.values()[i % 3], 5 + rnd.nextInt(56)));
    }
    Map<String, double[]> is = new LinkedHashMap<>();
    Map<String, double[]> impact = new LinkedHashMap<>();
    Map<String, double[]> fill = new LinkedHashMap<>();
    Map<String, double[]> participation = new LinkedHashMap<>();
    Map<String, double[]> passive = new LinkedHashMap<>();
    Map<String, double[]> children = new LinkedHashMap<>();
    for (String a : ALGOS) {
      passive.put(a, new double[orders]);
      children.put(a, new double[orders]);
      is.put(a, new double[orders]);
      impact.put(a, new double[orders]);
      fill.put(a, new double[orders]);
      participation.put(a, new double[orders]);
    }
    for (OrderSpec spec : specs) {
      double[] reference = referenceMids(spec);
      for (String a : ALGOS) {
        RunResult r = run(spec, a, algo(a, profile), reference);
        is.get(a)[spec.index()] = r.isBps();
        impact.get(a)[spec.index()] = r.impactBps();
        fill.get(a)[spec.index()] = r.fillRate();
        participation.get(a)[spec.index()] = r.participation();
        passive.get(a)[spec.index()] = r.passiveShare();
        children.get(a)[spec.index()] = r.children();
      }
    }
    report(orders, seed, specs, is, impact, fill, participation, passive, children, (System.nanoTime() - t0) / 1e9);
  }

  private static Supplier<ExecutionAlgo> algo(String name, VolumeProfile profile) {
    switch (name) {
      case "IMMEDIATE":
        return ExecutionAlgos::immediate;
      case "TWAP":
        return ExecutionAlgos::twap;
      case "VWAP":
        return () -> ExecutionAlgos.vwap(profile);
      case "IS":
        return ExecutionAlgos::implementationShortfall;
      default:
        return () -> ExecutionAlgos.adaptive(AdaptiveParameters.defaults().withProfile(profile));
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // one run

  private static SimulatedMarket market(long seed) {
    return SimulatedMarket.builder().seed(seed).instruments(1).start(START).build();
  }

  /** The mid at the end of every minute of the first session of a market that never trades. */
  private static double[] referenceMids(OrderSpec spec) {
    SimulatedMarket m = market(spec.marketSeed());
    String id = m.instruments().get(0).id();
    List<Double> mids = new ArrayList<>();
    mids.add(m.getQuote(id).mid());
    while (m.isOpen()) {
      m.step();
      mids.add(m.getQuote(id).mid());
    }
    double[] out = new double[mids.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = mids.get(i);
    }
    return out;
  }

  private static RunResult run(OrderSpec spec, String algoName, Supplier<ExecutionAlgo> algo, double[] reference) {
    SimulatedMarket m = market(spec.marketSeed());
    Instrument instrument = m.instruments().get(0);
    String id = instrument.id();
    InstrumentProfile profile = m.getProfile(id);
    Instant open = m.session().open().toInstant();
    Instant close = m.session().close().toInstant();
    long[] sessionVolume = {0};
    MarketTape.Builder tape = MarketTape.builder();
    RealizedVolatility realized = new RealizedVolatility(profile.dailyVolatility());
    m.addListener(new MarketDataListener() {
      @Override
      public void onBar(Bar bar) {
        if (bar.interval() == BarInterval.ONE_MINUTE) {
          sessionVolume[0] += bar.volume();
        }
      }
    });

    // children priced at or behind the near touch when sent rest passively; the others take liquidity
    java.util.Set<String> passiveChildren = new java.util.HashSet<>();
    dev.parapet.api.execution.OrderRouter router = new dev.parapet.api.execution.OrderRouter() {
      @Override
      public void send(dev.parapet.api.model.ChildOrder child) {
        Quote q = m.getQuote(id);
        if (child.limitPrice().isPresent()
            && (child.side().isBuy() ? child.limitPrice().getAsDouble() <= q.bid()
                : child.limitPrice().getAsDouble() >= q.ask())) {
          passiveChildren.add(child.childOrderId());
        }
        m.venue().send(child);
      }

      @Override
      public void cancel(String childOrderId) {
        m.venue().cancel(childOrderId);
      }
    };
    ExecutionEngine engine = ExecutionEngine.builder(router, m.clock()).seed(spec.marketSeed()).build();
    List<Fill> fills = new ArrayList<>();
    m.venue().addListener(VenueListener.of(f -> {
      if (engine.onFill(f)) {
        fills.add(f);
      }
    }, engine::onOrderEvent));

    Instant start = open.plus(Duration.ofMinutes(spec.startMinute()));
    while (m.now().isBefore(start)) {
      m.step();
      Quote q = m.getQuote(id);
      realized.add(q.mid());
      tape.add(m.now(), q.bid(), q.ask(), q.mid(), lastMinuteVolume(m, id));
    }
    double adv = profile.averageDailyVolume();
    long quantity = Math.max(instrument.lotSize(),
        Math.round(spec.fractionOfAdv() * adv / instrument.lotSize()) * instrument.lotSize());
    Instant end = endTime(spec, quantity, adv, start, close, m.volumeProfile().weights(390));
    OrderRequest order = OrderRequest.builder().clientOrderId("O" + spec.index()).account("BENCH")
        .instrument(instrument).side(spec.side()).quantity(quantity).urgency(spec.urgency()).build();
    engine.onMarketState(state(m, id, profile, sessionVolume[0], realized, open, close));
    engine.submit(order, algo.get(), end);
    double arrival = m.getQuote(id).mid();

    while (true) {
      Instant minute = m.now();
      for (Duration d : new Duration[] {Duration.ofSeconds(1), Duration.ofMillis(2_500)}) {
        m.advanceTo(minute.plus(d));
        engine.onTimer(m.clock().instant());
      }
      ParentOrderView v = engine.getParent(order.clientOrderId());
      if (v.state().isTerminal() && v.openQuantity() == 0) {
        break;
      }
      if (!m.isOpen()) {
        throw new IllegalStateException("session closed with order " + v.clientOrderId() + " still open: " + v);
      }
      m.step();
      Quote q = m.getQuote(id);
      realized.add(q.mid());
      tape.add(m.now(), q.bid(), q.ask(), q.mid(), lastMinuteVolume(m, id));
      engine.onMarketState(state(m, id, profile, sessionVolume[0], realized, open, close));
      engine.onTimer(m.clock().instant());
    }
    ParentOrderView v = engine.getParent(order.clientOrderId());
    Instant last = fills.isEmpty() ? start : fills.get(fills.size() - 1).timestamp();
    // the end: the last fill if complete, else the end time (or a fill that crossed the final cancel)
    Instant tcaEnd = v.filledQuantity() == quantity || last.isAfter(v.endTime()) ? last : v.endTime();
    List<ExecutionFill> executions = new ArrayList<>();
    for (Fill f : fills) {
      executions.add(ExecutionFill.of(f));
    }
    TcaResult tca = TransactionCostAnalysis.analyze(ParentExecution.of(order.clientOrderId(), spec.side(), quantity,
        start, tcaEnd, executions), tape.build());
    // exogenous move: what the fills and the unfilled rest would have cost on the path of a market that did not trade
    int s = spec.side().sign();
    double exogenous = 0;
    long filled = 0;
    for (Fill f : fills) {
      exogenous += s * f.quantity() * (referenceMid(reference, open, f.timestamp()) - arrival);
      filled += f.quantity();
    }
    exogenous += s * (quantity - filled) * (referenceMid(reference, open, tcaEnd) - arrival);
    double notional = quantity * arrival;
    double isBps = tca.implementationShortfallBps();
    double impactBps = isBps - exogenous / notional * 10_000.0;
    long passive = 0;
    for (Fill f : fills) {
      if (passiveChildren.contains(f.childOrderId())) {
        passive += f.quantity();
      }
    }
    return new RunResult(isBps, impactBps, tca.fillRate(), tca.participation().orElse(0), v.childOrderCount(),
        filled == 0 ? 0 : passive / (double) filled);
  }

  /** The unimpacted mid prevailing at {@code t}: that of the last minute boundary at or before it. */
  private static double referenceMid(double[] reference, Instant open, Instant t) {
    long minutes = Math.max(0, Duration.between(open, t).toMinutes());
    return reference[(int) Math.min(reference.length - 1, minutes)];
  }

  private static long lastMinuteVolume(SimulatedMarket m, String id) {
    return m.findLastBar(id, BarInterval.ONE_MINUTE).filter(b -> !b.start().isBefore(m.now().minusSeconds(60)))
        .map(Bar::volume).orElse(0L);
  }

  /** The horizon: the order at the urgency's participation of the expected volume, 30 min to close - 5 min. */
  private static Instant endTime(OrderSpec spec, long quantity, double adv, Instant start, Instant close,
      double[] minuteWeights) {
    double rate = spec.urgency() == Urgency.LOW ? 0.05 : spec.urgency() == Urgency.MEDIUM ? 0.10 : 0.20;
    double total = 0;
    for (double w : minuteWeights) {
      total += w;
    }
    int from = (int) Duration.between(close.minus(Duration.ofMinutes(minuteWeights.length)), start).toMinutes();
    double need = quantity / (rate * adv);
    double acc = 0;
    int minutes = 0;
    for (int i = from; i < minuteWeights.length && acc < need; i++) {
      acc += minuteWeights[i] / total;
      minutes++;
    }
    Instant end = start.plus(Duration.ofMinutes(Math.max(30, minutes)));
    Instant latest = close.minus(Duration.ofMinutes(5));
    return end.isAfter(latest) ? latest : end;
  }

  private static MarketState state(SimulatedMarket m, String id, InstrumentProfile profile, long sessionVolume,
      RealizedVolatility realized, Instant open, Instant close) {
    Quote q = m.getQuote(id);
    return MarketState.builder(id, m.now()).quote(q).sessionVolume(sessionVolume)
        .averageDailyVolume(profile.averageDailyVolume()).dailyVolatility(profile.dailyVolatility())
        .realizedDailyVolatility(realized.daily()).typicalSpreadBps(profile.baseSpreadBps()).session(open, close)
        .build();
  }

  /**
   * Realised daily volatility from one-minute mid returns: an exponentially weighted mean of squared
   * returns (half-life 30 minutes) scaled by 390 minutes and the 80% intraday share of the variance.
   */
  private static final class RealizedVolatility {
    private final double fallback;
    private double previous = Double.NaN;
    private double ewma;
    private int count;

    RealizedVolatility(double fallback) {
      this.fallback = fallback;
    }

    void add(double mid) {
      if (!Double.isNaN(previous)) {
        double r = Math.log(mid / previous);
        double alpha = 1 - Math.pow(0.5, 1.0 / 30);
        ewma = count == 0 ? r * r : (1 - alpha) * ewma + alpha * r * r;
        count++;
      }
      previous = mid;
    }

    double daily() {
      if (count < 15) {
        return fallback;
      }
      double v = Math.sqrt(ewma * 390 / 0.8);
      return v > 0 ? v : fallback;
    }
  }

  /** The intraday profile estimated from 10 sessions of a separate market's one-minute bars, in 78 buckets. */
  private static VolumeProfile historicalProfile(long seed) {
    SimulatedMarket m = market(seed ^ 0x5DEECE66DL);
    String id = m.instruments().get(0).id();
    double[][] sessions = new double[10][78];
    for (int d = 0; d < sessions.length; d++) {
      int minute = 0;
      if (!m.isOpen()) {
        m.step();
      }
      while (m.isOpen()) {
        m.step();
        long v = lastMinuteVolume(m, id);
        sessions[d][Math.min(77, minute / 5)] += v;
        minute++;
      }
      m.step(); // to the next open
    }
    return VolumeProfile.average(sessions);
  }

  // ---------------------------------------------------------------------------------------------------
  // statistics and report

  private static void report(int n, long seed, List<OrderSpec> specs, Map<String, double[]> is,
      Map<String, double[]> impact, Map<String, double[]> fill, Map<String, double[]> participation,
      Map<String, double[]> passive, Map<String, double[]> children, double seconds) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "orders %d, seed %d, %.1f s%n%n", n, seed, seconds));
    out.append("| algorithm | mean IS (bps) | 95% CI | sd | mean impact (bps) | impact, orders <= 5% ADV | fill rate |"
        + " participation | passive share | children |\n|---|---|---|---|---|---|---|---|---|---|\n");
    boolean[] small = new boolean[n];
    for (OrderSpec s : specs) {
      small[s.index()] = s.fractionOfAdv() <= 0.05;
    }
    for (String a : ALGOS) {
      double[] x = is.get(a);
      double[] ci = meanCi(x);
      double[] smallImpact = select(impact.get(a), small);
      out.append(String.format(Locale.ROOT,
          "| %s | %.2f | [%.2f, %.2f] | %.2f | %.2f | %.2f [%.2f, %.2f] | %.4f | %.3f | %.2f | %.0f |%n",
          a, mean(x), ci[0], ci[1], sd(x), mean(impact.get(a)), mean(smallImpact), meanCi(smallImpact)[0],
          meanCi(smallImpact)[1], mean(fill.get(a)), mean(participation.get(a)), mean(passive.get(a)),
          mean(children.get(a))));
    }
    out.append("\nPaired differences of implementation shortfall (bps), 95% CI:\n\n");
    for (String[] pair : new String[][] {{"IMMEDIATE", "ADAPTIVE"}, {"TWAP", "ADAPTIVE"}, {"VWAP", "ADAPTIVE"},
        {"IS", "ADAPTIVE"}}) {
      double[] d = diff(is.get(pair[0]), is.get(pair[1]));
      double[] ci = meanCi(d);
      double[] ratio = ratioCi(is.get(pair[1]), is.get(pair[0]), seed);
      out.append(String.format(Locale.ROOT,
          "- %s - %s: %.2f [%.2f, %.2f]; ADAPTIVE / %s mean IS = %.3f (bootstrap 95%% CI [%.3f, %.3f]),"
              + " i.e. %.1f%% lower%n", pair[0], pair[1], mean(d), ci[0], ci[1], pair[0],
          mean(is.get(pair[1])) / mean(is.get(pair[0])), ratio[0], ratio[1],
          100 * (1 - mean(is.get(pair[1])) / mean(is.get(pair[0])))));
    }
    out.append("\nThe same for the impact cost (IS net of the exogenous price move, paired with a market that did not"
        + " trade), 95% CI:\n\n");
    for (String[] pair : new String[][] {{"IMMEDIATE", "ADAPTIVE"}, {"TWAP", "ADAPTIVE"}, {"VWAP", "ADAPTIVE"},
        {"IS", "ADAPTIVE"}}) {
      double[] d = diff(impact.get(pair[0]), impact.get(pair[1]));
      double[] ci = meanCi(d);
      double[] ratio = ratioCi(impact.get(pair[1]), impact.get(pair[0]), seed);
      out.append(String.format(Locale.ROOT,
          "- %s - %s: %.2f [%.2f, %.2f]; ADAPTIVE / %s = %.3f (bootstrap 95%% CI [%.3f, %.3f])%n", pair[0],
          pair[1], mean(d), ci[0], ci[1], pair[0], mean(impact.get(pair[1])) / mean(impact.get(pair[0])), ratio[0],
          ratio[1]));
    }
    out.append("\nMean IS (bps) by size bucket and urgency:\n\n| bucket | n |");
    for (String a : ALGOS) {
      out.append(' ').append(a).append(" |");
    }
    out.append("\n|---|---|");
    for (int i = 0; i < ALGOS.length; i++) {
      out.append("---|");
    }
    out.append('\n');
    Map<String, boolean[]> buckets = new TreeMap<>();
    for (OrderSpec s : specs) {
      String size = s.fractionOfAdv() <= 0.05 ? "a. 1-5% ADV" : s.fractionOfAdv() <= 0.10 ? "b. 5-10% ADV"
          : "c. 10-20% ADV";
      buckets.computeIfAbsent(size, k -> new boolean[n])[s.index()] = true;
      buckets.computeIfAbsent("urgency " + s.urgency(), k -> new boolean[n])[s.index()] = true;
    }
    buckets.forEach((name, mask) -> {
      int count = 0;
      for (boolean b : mask) {
        count += b ? 1 : 0;
      }
      out.append("| ").append(name).append(" | ").append(count).append(" |");
      for (String a : ALGOS) {
        out.append(String.format(Locale.ROOT, " %.2f |", mean(select(is.get(a), mask))));
      }
      out.append('\n');
    });
    System.out.print(out);
  }

  private static double[] select(double[] x, boolean[] mask) {
    double[] out = new double[x.length];
    int k = 0;
    for (int i = 0; i < x.length; i++) {
      if (mask[i]) {
        out[k++] = x[i];
      }
    }
    return Arrays.copyOf(out, k);
  }

  private static double[] diff(double[] a, double[] b) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i] - b[i];
    }
    return d;
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  private static double sd(double[] x) {
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return Math.sqrt(s / (x.length - 1));
  }

  /** The normal-approximation 95% confidence interval of the mean. */
  private static double[] meanCi(double[] x) {
    double half = 1.959964 * sd(x) / Math.sqrt(x.length);
    return new double[] {mean(x) - half, mean(x) + half};
  }

  /** The percentile-bootstrap 95% CI of mean(num) / mean(den), resampling orders (paired), seeded. */
  private static double[] ratioCi(double[] num, double[] den, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed + 17);
    int b = 10_000;
    double[] ratios = new double[b];
    int n = num.length;
    for (int k = 0; k < b; k++) {
      double sn = 0;
      double sd = 0;
      for (int i = 0; i < n; i++) {
        int j = rnd.nextInt(n);
        sn += num[j];
        sd += den[j];
      }
      ratios[k] = sn / sd;
    }
    Arrays.sort(ratios);
    return new double[] {ratios[(int) (0.025 * b)], ratios[(int) (0.975 * b) - 1]};
  }
}
