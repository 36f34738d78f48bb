package dev.parapet.examples.demo;

import dev.parapet.api.Checks;
import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.BarInterval;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Side;
import dev.parapet.api.model.Urgency;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The example runner's trading strategy: a blend of intraday time-series momentum and short-term mean
 * reversion on one-minute bars, rebalanced every few minutes, plus a few deliberately bad orders so that
 * the controls have something to reject.
 * <p>
 * <b>Signals</b> per instrument, from log closes {@code x}: momentum {@code m = (x_t - x_{t-M}) / (s * sqrt(M))}
 * over {@code M} minutes (the trend's t-statistic, Moskowitz, Ooi &amp; Pedersen, "Time series momentum",
 * J. Financial Economics 104(2), 2012, §2), and reversal {@code z = (x_t - mean_R(x)) / sd_R(x)} over the
 * last {@code R} minutes (short-term reversal, Lehmann, "Fads, martingales and market efficiency", QJE
 * 105(1), 1990), where {@code s} is the standard deviation of one-minute log returns. The score
 * {@code 0.6 tanh(m) - 0.4 tanh(z)} in (-1, 1) sets the target weight {@code score * maxWeight} of NAV.
 * <p>
 * <b>Orders.</b> At each rebalance the strategy compares targets with the position plus pending orders,
 * and sends the largest differences worth trading (at most {@link Config#maxOrdersPerRebalance}), each at
 * most {@link Config#maxOrderNotional}: buys, sells of a long position, and short sales below zero. It
 * never trades the restricted instrument, and never sends an order against its own working order in the
 * same instrument (a wash trade); it waits for that order to finish. Strong
 * signals go as HIGH-urgency market orders, weaker ones as limit orders at the last close.
 * <p>
 * <b>Bad orders</b>: with probability {@link Config#badOrderProbability} a rebalance adds one order that
 * breaks a limit of the demo policy, in turn: a fat-finger notional, a restricted instrument, a limit price
 * far through the market, and an oversized quantity. They are marked by the strategy name suffix
 * {@code -badorder} so that their rejections are easy to find in the journal.
 * <p>
 * Confined to the simulation thread; not thread-safe.
 */
public final class DemoStrategy {

  /** The strategy name on the orders. */
  public static final String NAME = "momentum-reversion";
  /** The strategy name on the deliberately bad orders. */
  public static final String BAD_ORDER_NAME = NAME + "-badorder";

  private final Config config;
  private final List<Instrument> instruments;
  private final HashMap<String, Integer> index = new HashMap<>();
  private final double[][] logCloses;
  private final int[] count;
  private final double[] lastClose;
  private final SplittableRandom random;
  private final double[] score;
  private final long[] delta;
  private long sequence;
  private int badOrderKind;
  private long ordersCreated;
  private long badOrdersCreated;
  private Instant lastRebalance = Instant.MIN;

  private DemoStrategy(Config config, List<Instrument> instruments, long seed) {
    this.config = config;
    this.instruments = List.copyOf(instruments);
    Checks.check(!this.instruments.isEmpty(), "instruments", "none", "at least one instrument");
    int n = this.instruments.size();
    for (int i = 0; i < n; i++) {
      index.put(this.instruments.get(i).id(), i);
    }
    int window = Math.max(config.momentumMinutes, config.reversalMinutes) + 1;
    this.logCloses = new double[n][window];
    this.count = new int[n];
    this.lastClose = new double[n];
    this.score = new double[n];
    this.delta = new long[n];
    this.random = new SplittableRandom(seed);
  }

  /**
   * Creates a strategy over instruments.
   *
   * @param config the parameters
   * @param instruments the instruments it trades
   * @param seed the seed of its bad-order draws
   * @return the strategy
   */
  public static DemoStrategy create(Config config, List<Instrument> instruments, long seed) {
    return new DemoStrategy(Checks.notNull(config, "config"), Checks.notNull(instruments, "instruments"), seed);
  }

  /** Takes a one-minute bar; other intervals and unknown instruments are ignored. */
  public void onBar(Bar bar) {
    if (bar.interval() != BarInterval.ONE_MINUTE) {
      return;
    }
    Integer i = index.get(bar.instrumentId());
    if (i == null) {
      return;
    }
    double[] ring = logCloses[i];
    ring[count[i] % ring.length] = Math.log(bar.close());
    count[i]++;
    lastClose[i] = bar.close();
  }

  /** Returns the current score of an instrument in (-1, 1), or 0 while it has too few bars. */
  public double score(String instrumentId) {
    Integer i = index.get(instrumentId);
    return i == null ? 0.0 : computeScore(i);
  }

  /**
   * Returns the orders to send now, or none when it is not yet time to rebalance or the session is about
   * to close (day orders sent in its last {@link Config#quietMinutesBeforeClose} minutes would mostly
   * expire unfilled).
   *
   * @param now the current time
   * @param sessionClose when the current session closes
   * @param book the positions and pending orders
   * @return the orders, possibly empty
   */
  public List<OrderRequest> rebalance(Instant now, Instant sessionClose, PortfolioView book) {
    List<OrderRequest> out = new ArrayList<>();
    if (now.isBefore(lastRebalance.plusSeconds(60L * config.rebalanceMinutes))
        || !now.isBefore(sessionClose.minusSeconds(60L * config.quietMinutesBeforeClose))) {
      return out;
    }
    lastRebalance = now;
    double nav = book.nav(config.account);
    if (!(nav > 0)) {
      return out;
    }
    int n = instruments.size();
    for (int i = 0; i < n; i++) {
      score[i] = computeScore(i);
      delta[i] = 0;
      Instrument inst = instruments.get(i);
      if (count[i] < config.minBars || lastClose[i] <= 0 || inst.id().equals(config.restrictedInstrument)) {
        continue;
      }
      long target = lots(inst, score[i] * config.maxWeight * nav / lastClose[i]);
      long pendingBuy = book.pendingBuyQuantity(config.account, inst.id());
      long pendingSell = book.pendingSellQuantity(config.account, inst.id());
      long d = target - (book.quantity(config.account, inst.id()) + pendingBuy - pendingSell);
      // never against its own working order: that would be a wash trade
      boolean against = d > 0 ? pendingSell > 0 : pendingBuy > 0;
      if (!against && Math.abs(d) * lastClose[i] >= config.minTradeNotional) {
        delta[i] = d;
      }
    }
    for (int k = 0; k < config.maxOrdersPerRebalance; k++) {
      int best = -1;
      for (int i = 0; i < n; i++) {
        if (delta[i] != 0 && (best < 0 || Math.abs(delta[i]) * lastClose[i] > Math.abs(delta[best]) * lastClose[best])) {
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      OrderRequest o = order(now, best, delta[best], book);
      if (o != null) {
        out.add(o);
      }
      delta[best] = 0;
    }
    if (random.nextDouble() < config.badOrderProbability) {
      OrderRequest bad = badOrder(now, nav);
      if (bad != null) {
        out.add(bad);
      }
    }
    return out;
  }

  /** Returns how many orders the strategy created, bad ones included. */
  public long ordersCreated() {
    return ordersCreated;
  }

  /** Returns how many deliberately bad orders it created. */
  public long badOrdersCreated() {
    return badOrdersCreated;
  }

  // ------------------------------------------------------------------------------------------------

  private double computeScore(int i) {
    int c = count[i];
    if (c < config.minBars) {
      return 0.0;
    }
    double[] ring = logCloses[i];
    int len = ring.length;
    int available = Math.min(c, len);
    // one-minute return volatility over the available window
    double sum = 0;
    double sumSq = 0;
    int returns = available - 1;
    for (int k = 1; k < available; k++) {
      double r = at(ring, c, k - 1) - at(ring, c, k);
      sum += r;
      sumSq += r * r;
    }
    double mean = sum / returns;
    double s = Math.sqrt(Math.max(sumSq / returns - mean * mean, 0.0));
    if (!(s > 1e-9)) {
      return 0.0;
    }
    int m = Math.min(config.momentumMinutes, available - 1);
    double momentum = (at(ring, c, 0) - at(ring, c, m)) / (s * Math.sqrt(m));
    int r = Math.min(config.reversalMinutes, available);
    double xm = 0;
    for (int k = 0; k < r; k++) {
      xm += at(ring, c, k);
    }
    xm /= r;
    double xv = 0;
    for (int k = 0; k < r; k++) {
      double e = at(ring, c, k) - xm;
      xv += e * e;
    }
    double sd = Math.sqrt(xv / r);
    double z = sd > 1e-12 ? (at(ring, c, 0) - xm) / sd : 0.0;
    return 0.6 * Math.tanh(momentum) - 0.4 * Math.tanh(z);
  }

  /** Returns the log close {@code lag} bars before the latest. */
  private static double at(double[] ring, int count, int lag) {
    return ring[(count - 1 - lag) % ring.length];
  }

  private static long lots(Instrument inst, double quantity) {
    long lot = inst.lotSize();
    return (long) (quantity / lot) * lot;
  }

  private OrderRequest order(Instant now, int i, long d, PortfolioView book) {
    Instrument inst = instruments.get(i);
    double price = lastClose[i];
    long maxQty = lots(inst, config.maxOrderNotional / price);
    Side side;
    long qty;
    if (d > 0) {
      side = Side.BUY;
      qty = Math.min(d, maxQty);
    } else {
      long sellable = book.quantity(config.account, inst.id()) - book.pendingSellQuantity(config.account, inst.id());
      if (sellable > 0) {
        side = Side.SELL;
        qty = Math.min(Math.min(-d, sellable), maxQty);
      } else {
        side = Side.SELL_SHORT;
        qty = Math.min(-d, maxQty);
      }
    }
    qty = lots(inst, qty);
    if (qty <= 0) {
      return null;
    }
    double strength = Math.abs(score[i]);
    OrderRequest.Builder b = OrderRequest.builder().clientOrderId(nextId(now)).account(config.account)
        .strategy(NAME).instrument(inst).side(side).quantity(qty)
        .urgency(strength > 0.6 ? Urgency.HIGH : strength > 0.3 ? Urgency.MEDIUM : Urgency.LOW);
    if (strength <= 0.6) {
      b.limit(onTick(inst, price * (side.isBuy() ? 1.001 : 0.999)));
    }
    ordersCreated++;
    return b.build();
  }

  private OrderRequest badOrder(Instant now, double nav) {
    int kind = badOrderKind++ % 4;
    OrderRequest.Builder b = OrderRequest.builder().clientOrderId(nextId(now)).account(config.account)
        .strategy(BAD_ORDER_NAME).side(Side.BUY).urgency(Urgency.MEDIUM);
    int i = pickTraded();
    if (i < 0) {
      return null;
    }
    Instrument inst = instruments.get(i);
    double price = lastClose[i];
    switch (kind) {
      case 0 -> // fat finger: the notional of a fifth of the fund in one order
          b.instrument(inst).quantity(Math.max(inst.lotSize(), lots(inst, 0.2 * nav / price)));
      case 1 -> { // an instrument on the restricted list
        Integer r = index.get(config.restrictedInstrument);
        if (r == null || lastClose[r] <= 0) {
          return null;
        }
        Instrument restricted = instruments.get(r);
        b.instrument(restricted).quantity(Math.max(restricted.lotSize(), lots(restricted, 10_000 / lastClose[r])));
      }
      case 2 -> // a limit price 10% through the market: outside the price collar
          b.instrument(inst).quantity(Math.max(inst.lotSize(), lots(inst, 10_000 / price)))
              .limit(onTick(inst, price * 1.10));
      default -> // an oversized quantity in a cheap order
          b.instrument(inst).quantity(Math.max(inst.lotSize(), lots(inst, config.maxOrderQuantity * 2.0)));
    }
    ordersCreated++;
    badOrdersCreated++;
    return b.build();
  }

  private int pickTraded() {
    int n = instruments.size();
    int start = random.nextInt(n);
    for (int k = 0; k < n; k++) {
      int i = (start + k) % n;
      if (lastClose[i] > 0 && !instruments.get(i).id().equals(config.restrictedInstrument)) {
        return i;
      }
    }
    return -1;
  }

  private static double onTick(Instrument inst, double price) {
    double tick = inst.tickSize();
    return Math.max(tick, Math.round(price / tick) * tick);
  }

  private String nextId(Instant now) {
    LocalDate d = LocalDate.ofInstant(now, ZoneOffset.UTC);
    return "DEMO-" + d.getYear() + String.format("%02d%02d", d.getMonthValue(), d.getDayOfMonth()) + "-"
        + (++sequence);
  }

  // ------------------------------------------------------------------------------------------------

  /**
   * The strategy's parameters. Amounts are in the instruments' currency.
   *
   * @param account the account it trades, not blank
   * @param rebalanceMinutes minutes between rebalances, &gt; 0
   * @param momentumMinutes the momentum look-back {@code M}, &gt; 0
   * @param reversalMinutes the reversal look-back {@code R}, &gt; 1
   * @param minBars bars needed before an instrument trades, &gt; 2
   * @param maxWeight the largest target weight per instrument, as a fraction of NAV, in (0, 1]
   * @param minTradeNotional the smallest difference worth an order, &gt;= 0
   * @param maxOrderNotional the largest ordinary order, &gt; 0
   * @param maxOrderQuantity the policy's maximum order quantity, which the oversized bad order doubles, &gt; 0
   * @param maxOrdersPerRebalance orders per rebalance at most, &gt; 0
   * @param badOrderProbability the chance that a rebalance adds a bad order, in [0, 1]
   * @param restrictedInstrument the instrument on the demo policy's restricted list
   * @param quietMinutesBeforeClose no new orders this many minutes before the close, &gt;= 0
   */
  public record Config(String account, int rebalanceMinutes, int momentumMinutes, int reversalMinutes, int minBars,
      double maxWeight, double minTradeNotional, double maxOrderNotional, long maxOrderQuantity,
      int maxOrdersPerRebalance, double badOrderProbability, String restrictedInstrument,
      int quietMinutesBeforeClose) {

    /** Validates every field. */
    public Config {
      Checks.notBlank(account, "account");
      Checks.positive(rebalanceMinutes, "rebalanceMinutes");
      Checks.positive(momentumMinutes, "momentumMinutes");
      Checks.check(reversalMinutes > 1, "reversalMinutes", reversalMinutes, "> 1");
      Checks.check(minBars > 2, "minBars", minBars, "> 2");
      Checks.check(maxWeight > 0 && maxWeight <= 1, "maxWeight", maxWeight, "in (0, 1]");
      Checks.nonNegative(minTradeNotional, "minTradeNotional");
      Checks.positive(maxOrderNotional, "maxOrderNotional");
      Checks.positive(maxOrderQuantity, "maxOrderQuantity");
      Checks.positive(maxOrdersPerRebalance, "maxOrdersPerRebalance");
      Checks.inRange(badOrderProbability, 0.0, 1.0, "badOrderProbability");
      Checks.notBlank(restrictedInstrument, "restrictedInstrument");
      Checks.check(quietMinutesBeforeClose >= 0, "quietMinutesBeforeClose", quietMinutesBeforeClose, ">= 0");
    }

    /**
     * Returns the demo's parameters for an account: rebalance every 5 minutes, 60-minute momentum,
     * 10-minute reversal, 11 bars to start, 2% of NAV per name at most, orders between 25 000 and 150 000,
     * 6 orders per rebalance, a bad order in one rebalance of 8, restricted instrument {@code ENE004}, no
     * new orders in the last 30 minutes of a session.
     */
    public static Config defaults(String account) {
      return new Config(account, 5, 60, 10, 11, 0.02, 25_000, 150_000, 50_000, 6, 0.125, "ENE004", 30);
    }
  }
}
