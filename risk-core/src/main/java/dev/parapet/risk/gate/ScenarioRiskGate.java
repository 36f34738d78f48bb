package dev.parapet.risk.gate;

import dev.parapet.api.book.ExposureBasis;
import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.book.PositionBook;
import dev.parapet.api.book.PositionVisitor;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.ReasonCode;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.risk.InsufficientHistoryException;
import dev.parapet.risk.drawdown.DrawdownController;
import dev.parapet.risk.drawdown.DrawdownState;
import dev.parapet.risk.internal.TailMath;
import dev.parapet.risk.internal.TopLosses;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The incremental historical-ES gate behind {@link RiskGate#builder()}; see the interface for the model.
 * <p>
 * <b>Open orders (per-scenario bound).</b> An instrument with filled quantity {@code q}, pending buys {@code b}
 * and pending sells {@code s} is held between {@code low = (q - s) u} and {@code high = (q + b) u} (currency,
 * {@code u} = mark times multiplier) whatever fills, partial fills included. Its P&amp;L in scenario {@code j}
 * is therefore at least {@code min(low r_j, high r_j) = low r_j+ + high r_j-} with {@code r+ = max(r, 0)} and
 * {@code r- = min(r, 0)}; the gate keeps, per instrument, the two columns {@code r+} and {@code r-} and, per
 * account and instrument, the two cached exposures {@code low} and {@code high}. A walk applies
 * {@code dLow r+ + dHigh r-}; a buy moves only {@code high} (the {@code r-} column), a sale only {@code low}
 * (the {@code r+} column); the re-mark of the order's instrument since the last walk moves both. Still one
 * pass over the scenarios per check, allocation-free. {@link #worstCase} (the end of the range farther from
 * flat) remains only for the drawdown rule.
 * <p>
 * <b>Threads.</b> Thread-safe; all state is guarded by one lock (see {@link RiskGate}).
 */
final class ScenarioRiskGate implements RiskGate {

  static final int FULL_REBUILD_EVERY = 1024;
  static final String SOURCE_HISTORY = NAME + "/history";
  static final String SOURCE_PRICE = NAME + "/reference-price";
  static final String SOURCE_ES = NAME + "/es-limit";
  static final String SOURCE_DRAWDOWN = NAME + "/drawdown";
  static final String SOURCE_INTERNAL = NAME + "/internal";

  private final ScenarioProvider provider;
  private final InstantSource clock;
  private final double confidence;
  private final double esLimit;
  private final double esLimitShareOfNav;
  private final int minimumScenarios;
  private final long refreshMillis;
  private final double markTolerance;
  private final HashMap<String, DrawdownController> drawdowns = new HashMap<>();

  private final Object lock = new Object();
  private volatile boolean invalidated;

  // scenario state, guarded by lock
  private long scenarioVersion;
  private boolean scenariosLoaded;
  private int scenarioCount;
  private double tailSize;
  private int tailCount;
  private TopLosses top = new TopLosses(1);
  private final HashMap<String, Slot> slots = new HashMap<>();
  // per slot: the positive and negative parts of its scenario returns
  private double[][] posColumns = new double[16][];
  private double[][] negColumns = new double[16][];
  private int slotCount;
  private final HashMap<String, AccountBook> accounts = new HashMap<>();

  // the position walk, guarded by lock; the visitor is allocated once
  private AccountBook walking;
  private final PositionVisitor walker = this::visit;

  ScenarioRiskGate(ScenarioProvider provider, InstantSource clock, double confidence, double esLimit,
      double esLimitShareOfNav, int minimumScenarios, long refreshMillis, double markTolerance,
      List<DrawdownController> drawdowns) {
    this.provider = provider;
    this.clock = clock;
    this.confidence = confidence;
    this.esLimit = esLimit;
    this.esLimitShareOfNav = esLimitShareOfNav;
    this.minimumScenarios = minimumScenarios;
    this.refreshMillis = refreshMillis;
    this.markTolerance = markTolerance;
    for (DrawdownController d : drawdowns) {
      this.drawdowns.put(d.account(), d);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double confidence() {
    return confidence;
  }

  @Override
  public void invalidate() {
    invalidated = true;
  }

  @Override
  public void check(OrderRequest order, PortfolioView portfolio, GateDecision.Builder decision) {
    try {
      if (portfolio instanceof PositionBook) {
        synchronized (((PositionBook) portfolio).lock()) {
          synchronized (lock) {
            checkLocked(order, portfolio, decision);
          }
        }
      } else {
        synchronized (lock) {
          checkLocked(order, portfolio, decision);
        }
      }
    } catch (RuntimeException | Error e) {
      invalidated = true;
      decision.reject(ReasonCode.INTERNAL_ERROR, SOURCE_INTERNAL, "risk gate failed on order "
          + (order == null ? "null" : order.clientOrderId()) + ": " + e);
    }
  }

  private void checkLocked(OrderRequest order, PortfolioView portfolio, GateDecision.Builder decision) {
    // hot path: allocation-free (see RiskGateBenchmark)
    String account = order.account();
    AccountBook book = accounts.get(account);
    if (book == null) {
      book = new AccountBook();
      accounts.put(account, book);
    }
    refreshScenarios();
    decision.figure(FIGURE_SCENARIOS, scenarioCount);
    if (scenarioCount < minimumScenarios) {
      decision.reject(ReasonCode.INSUFFICIENT_HISTORY, SOURCE_HISTORY, "only " + scenarioCount
          + " return scenarios, the risk gate needs at least " + minimumScenarios + " (order " + order.clientOrderId() + ")",
          minimumScenarios, scenarioCount);
      return;
    }
    ensureFresh(book, portfolio, account);
    Instrument instrument = order.instrument();
    String id = instrument.id();
    Slot slot = slot(id);
    if (slot == null) {
      decision.reject(ReasonCode.INSUFFICIENT_HISTORY, SOURCE_HISTORY, "no return scenarios for instrument " + id
          + " (order " + order.clientOrderId() + ")");
      return;
    }
    if (book.problemCode != null) {
      decision.reject(book.problemCode, book.problemCode == ReasonCode.INSUFFICIENT_HISTORY ? SOURCE_HISTORY : SOURCE_PRICE,
          book.problem + " (order " + order.clientOrderId() + ")");
      return;
    }
    double price = portfolio.markPrice(id);
    if (!(price > 0) || price == Double.POSITIVE_INFINITY) {
      if (order.isLimit()) {
        price = order.limitPrice().getAsDouble();
      } else {
        decision.reject(ReasonCode.NO_REFERENCE_PRICE, SOURCE_PRICE, "no mark price for " + id
            + " to value market order " + order.clientOrderId());
        return;
      }
    }
    long quantity = portfolio.quantity(account, id);
    long pendingBuy = portfolio.pendingBuyQuantity(account, id);
    long pendingSell = portfolio.pendingSellQuantity(account, id);
    boolean buy = order.side().isBuy();
    long before = worstCase(quantity, pendingBuy, pendingSell);
    long after = buy
        ? worstCase(quantity, pendingBuy + order.quantity(), pendingSell)
        : worstCase(quantity, pendingBuy, pendingSell + order.quantity());
    book.ensureCapacity(slot.index + 1);
    double unit = price * instrument.multiplier();
    // the position's range [low, high] in currency, now and with the order; a buy widens high, a sale low
    double low = (quantity - pendingSell) * unit;
    double high = (quantity + pendingBuy) * unit;
    double remarkLow = low - book.low[slot.index];
    double remarkHigh = high - book.high[slot.index];
    double orderDelta = order.quantity() * unit;
    double afterLow = remarkLow;
    double afterHigh = remarkHigh;
    if (buy) {
      afterHigh = ((quantity + pendingBuy + order.quantity()) * unit) - book.high[slot.index];
    } else {
      afterLow = ((quantity - pendingSell - order.quantity()) * unit) - book.low[slot.index];
    }
    double[] pos = posColumns[slot.index];
    double[] neg = negColumns[slot.index];

    double esBefore = book.es;
    boolean remark = remarkLow != 0 || remarkHigh != 0;
    if (remark) {
      esBefore = tailEs(book.pnl, pos, neg, remarkLow, remarkHigh);
    }
    double esAfter;
    double varAfter;
    if (orderDelta != 0) {
      esAfter = tailEs(book.pnl, pos, neg, afterLow, afterHigh);
      varAfter = top.valueAtRisk();
    } else if (remark) {
      esAfter = esBefore;
      varAfter = top.valueAtRisk();
    } else {
      esAfter = book.es;
      varAfter = book.var;
    }
    double incremental = orderDelta == 0 ? 0 : esAfter - esBefore;
    double nav = portfolio.nav(account);
    // "+ 0.0" turns a -0.0 (a loss of -(+0.0) in a scenario where the bound is flat) into 0.0
    decision.figure(FIGURE_ES_CURRENT, esBefore + 0.0);
    decision.figure(FIGURE_ES_PRO_FORMA, esAfter + 0.0);
    decision.figure(FIGURE_ES_INCREMENTAL, incremental + 0.0);
    decision.figure(FIGURE_VAR_PRO_FORMA, varAfter + 0.0);
    decision.figure(FIGURE_NAV, nav);
    if (!Double.isFinite(esAfter) || !Double.isFinite(esBefore) || !Double.isFinite(nav)) {
      decision.reject(ReasonCode.INTERNAL_ERROR, SOURCE_INTERNAL, "non-finite risk figure for order "
          + order.clientOrderId() + ": ES before " + esBefore + ", after " + esAfter + ", NAV " + nav);
      return;
    }
    double limit = esLimit;
    if (esLimitShareOfNav != Double.POSITIVE_INFINITY) {
      limit = Math.min(limit, esLimitShareOfNav * nav);
    }
    if (limit != Double.POSITIVE_INFINITY) {
      decision.figure(FIGURE_ES_LIMIT, limit);
      if (esAfter > limit) {
        if (incremental > 0) {
          decision.reject(ReasonCode.ES_LIMIT, SOURCE_ES, esMessage("exceeds", order, esAfter, limit, incremental, nav),
              limit, esAfter);
        } else {
          decision.warn(ReasonCode.ES_LIMIT, SOURCE_ES, esMessage("exceeds (order does not add ES)", order, esAfter,
              limit, incremental, nav), limit, esAfter);
        }
      }
    }
    DrawdownController drawdown = drawdowns.get(account);
    if (drawdown != null) {
      DrawdownState state = drawdown.state();
      decision.figure(FIGURE_DRAWDOWN, state.drawdown());
      decision.figure(FIGURE_DRAWDOWN_TIER, state.tier());
      decision.figure(FIGURE_MAX_GROSS_LEVERAGE, state.maxGrossLeverage());
      if (state.restricted() && Math.abs(after) > Math.abs(before)) {
        decision.reject(ReasonCode.DRAWDOWN_BLOCK, SOURCE_DRAWDOWN, String.format(Locale.ROOT,
            "drawdown tier %d in force (drawdown %.2f%%, %.0f%% of budget used, max gross leverage %.2f): order %s"
                + " increases the worst-case position in %s from %d to %d",
            state.tier(), 100 * state.drawdown(), 100 * state.budgetUsed(), state.maxGrossLeverage(),
            order.clientOrderId(), id, before, after), 0, Math.abs(after));
      }
    }
  }

  private static String esMessage(String verb, OrderRequest order, double es, double limit, double incremental,
      double nav) {
    return String.format(Locale.ROOT, "pro-forma ES %.2f %s the limit %.2f (incremental ES %.2f, NAV %.2f) for order %s",
        es, verb, limit, incremental, nav, order.clientOrderId());
  }

  /** ES of {@code pnl + dLow * pos + dHigh * neg}, leaving its tail in {@link #top}. */
  private double tailEs(double[] pnl, double[] pos, double[] neg, double dLow, double dHigh) {
    // hot path: allocation-free (see RiskGateBenchmark)
    TopLosses t = top;
    t.reset(tailCount);
    for (int s = 0, n = scenarioCount; s < n; s++) {
      t.offer(-(pnl[s] + dLow * pos[s] + dHigh * neg[s]));
    }
    return t.expectedShortfall(tailSize);
  }

  /**
   * The end of {@code [q - sell, q + buy]} farther from flat; the high end on a tie. Used by the drawdown
   * rule only: it is not a bound on ES over the fills (see the class comment).
   */
  static long worstCase(long quantity, long pendingBuy, long pendingSell) {
    long high = quantity + pendingBuy;
    long low = quantity - pendingSell;
    return Math.abs(high) >= Math.abs(low) ? high : low;
  }

  // ----------------------------------------------------------------------------------------------
  // cache maintenance (all under lock)

  private void refreshScenarios() {
    long v = provider.version();
    if (scenariosLoaded && v == scenarioVersion && !invalidated) {
      return;
    }
    invalidated = false;
    scenarioVersion = v;
    scenariosLoaded = true;
    scenarioCount = provider.scenarioCount();
    slots.clear();
    Arrays.fill(posColumns, 0, slotCount, null);
    Arrays.fill(negColumns, 0, slotCount, null);
    slotCount = 0;
    for (AccountBook b : accounts.values()) {
      b.valid = false;
    }
    if (scenarioCount > 0) {
      tailSize = TailMath.tailSize(scenarioCount, confidence);
      tailCount = TailMath.fullTailCount(tailSize, scenarioCount) + 1;
      if (top.capacity() < tailCount) {
        top = new TopLosses(tailCount);
      }
    }
  }

  private Slot slot(String instrumentId) {
    Slot s = slots.get(instrumentId);
    if (s != null) {
      return s;
    }
    Optional<double[]> found = provider.findReturns(instrumentId);
    if (found.isEmpty()) {
      return null;
    }
    double[] returns = found.get();
    if (returns.length != scenarioCount) {
      invalidated = true;
      throw new IllegalStateException("scenarios of " + instrumentId + " have " + returns.length
          + " values, the gate expected " + scenarioCount + ": the scenario provider changed during the check");
    }
    for (int j = 0; j < returns.length; j++) {
      if (!Double.isFinite(returns[j])) {
        throw new IllegalStateException("scenario " + j + " of instrument " + instrumentId + " is " + returns[j]
            + ", not a finite return");
      }
    }
    double[] pos = new double[returns.length];
    double[] neg = new double[returns.length];
    for (int j = 0; j < returns.length; j++) {
      pos[j] = Math.max(returns[j], 0);
      neg[j] = Math.min(returns[j], 0);
    }
    s = new Slot(slotCount);
    if (slotCount == posColumns.length) {
      posColumns = Arrays.copyOf(posColumns, 2 * slotCount);
      negColumns = Arrays.copyOf(negColumns, 2 * slotCount);
    }
    posColumns[slotCount] = pos;
    negColumns[slotCount] = neg;
    slotCount++;
    slots.put(instrumentId, s);
    return s;
  }

  private void ensureFresh(AccountBook book, PortfolioView portfolio, String account) {
    long version = portfolio.positionsVersion();
    long now = clock.millis();
    double gross = portfolio.grossExposure(account, ExposureBasis.WORST_CASE);
    if (book.valid && version == book.positionsVersion && now - book.walkedAtMillis < refreshMillis
        && Math.abs(gross - book.grossAtWalk) <= markTolerance * Math.abs(book.grossAtWalk)) {
      return;
    }
    boolean full = !book.valid || book.incrementalWalks >= FULL_REBUILD_EVERY;
    walk(book, portfolio, account, full);
    book.positionsVersion = version;
    book.walkedAtMillis = now;
    book.grossAtWalk = gross;
  }

  private void walk(AccountBook book, PortfolioView portfolio, String account, boolean full) {
    int s = scenarioCount;
    if (book.pnl == null || book.pnl.length != s) {
      book.pnl = new double[s];
    }
    book.ensureCapacity(slotCount);
    if (full) {
      Arrays.fill(book.pnl, 0);
      Arrays.fill(book.low, 0);
      Arrays.fill(book.high, 0);
      book.incrementalWalks = 0;
    } else {
      book.incrementalWalks++;
    }
    book.stamp++;
    book.problemCode = null;
    book.problem = null;
    walking = book;
    try {
      portfolio.forEachPosition(account, walker);
    } finally {
      walking = null;
    }
    // positions the view no longer reports
    double[] pnl = book.pnl;
    for (int i = 0; i < slotCount && i < book.low.length; i++) {
      double low = book.low[i];
      double high = book.high[i];
      if ((low != 0 || high != 0) && book.seen[i] != book.stamp) {
        addColumns(pnl, posColumns[i], -low, negColumns[i], -high);
        book.low[i] = 0;
        book.high[i] = 0;
      }
    }
    TopLosses t = top;
    t.reset(tailCount);
    for (int j = 0; j < s; j++) {
      t.offer(-pnl[j]);
    }
    book.es = t.expectedShortfall(tailSize);
    book.var = t.valueAtRisk();
    book.valid = true;
  }

  private void visit(Instrument instrument, long quantity, long pendingBuy, long pendingSell, double markPrice,
      double averageCost) {
    AccountBook book = walking;
    long lowQuantity = quantity - pendingSell;
    long highQuantity = quantity + pendingBuy;
    boolean flat = lowQuantity == 0 && highQuantity == 0;
    Slot slot = slot(instrument.id());
    if (slot == null) {
      if (!flat && book.problemCode == null) {
        book.problemCode = ReasonCode.INSUFFICIENT_HISTORY;
        book.problem = "no return scenarios for held instrument " + instrument.id();
      }
      return;
    }
    book.ensureCapacity(slot.index + 1);
    book.seen[slot.index] = book.stamp;
    double unit = markPrice * instrument.multiplier();
    double low = flat ? 0 : lowQuantity * unit;
    double high = flat ? 0 : highQuantity * unit;
    if (!Double.isFinite(low) || !Double.isFinite(high)) {
      if (book.problemCode == null) {
        book.problemCode = ReasonCode.NO_REFERENCE_PRICE;
        book.problem = "no mark price for held instrument " + instrument.id();
      }
      return;
    }
    int i = slot.index;
    double dLow = low - book.low[i];
    double dHigh = high - book.high[i];
    if (dLow != 0 || dHigh != 0) {
      addColumns(book.pnl, posColumns[i], dLow, negColumns[i], dHigh);
      book.low[i] = low;
      book.high[i] = high;
    }
  }

  private static void addColumns(double[] pnl, double[] pos, double dLow, double[] neg, double dHigh) {
    for (int s = 0; s < pnl.length; s++) {
      pnl[s] += dLow * pos[s] + dHigh * neg[s];
    }
  }

  // ----------------------------------------------------------------------------------------------

  @Override
  public double expectedShortfall(String account, PortfolioView portfolio) {
    int s = provider.scenarioCount();
    if (s < minimumScenarios) {
      throw new InsufficientHistoryException("risk gate ES", minimumScenarios, s);
    }
    double[] pnl = new double[s];
    portfolio.forEachPosition(account, (instrument, quantity, pendingBuy, pendingSell, markPrice, averageCost) -> {
      long lowQuantity = quantity - pendingSell;
      long highQuantity = quantity + pendingBuy;
      if (lowQuantity == 0 && highQuantity == 0) {
        return;
      }
      double[] r = provider.findReturns(instrument.id())
          .orElseThrow(() -> new InsufficientHistoryException("risk gate ES of held instrument " + instrument.id(), s, 0));
      double unit = markPrice * instrument.multiplier();
      double low = lowQuantity * unit;
      double high = highQuantity * unit;
      // the worse end of [low, high] in each scenario: low r+ + high r-
      for (int j = 0; j < s; j++) {
        pnl[j] += low * Math.max(r[j], 0) + high * Math.min(r[j], 0);
      }
    });
    for (int j = 0; j < s; j++) {
      pnl[j] = -pnl[j];
    }
    double[] out = new double[2];
    TailMath.historical(pnl, s, confidence, out);
    return out[1];
  }

  /** An instrument's index in the scenario columns and the per-account exposure arrays. */
  private static final class Slot {
    final int index;

    Slot(int index) {
      this.index = index;
    }
  }

  /**
   * One account's cached bound: the low and high ends of each position's range by slot (currency), the
   * per-scenario bound P&L vector and its ES.
   */
  private static final class AccountBook {
    double[] pnl;
    double[] low = new double[16];
    double[] high = new double[16];
    int[] seen = new int[16];
    int stamp;
    boolean valid;
    long positionsVersion;
    long walkedAtMillis;
    double grossAtWalk;
    int incrementalWalks;
    double es;
    double var;
    ReasonCode problemCode;
    String problem;

    void ensureCapacity(int n) {
      if (low.length < n) {
        int size = Math.max(n, 2 * low.length);
        low = Arrays.copyOf(low, size);
        high = Arrays.copyOf(high, size);
        seen = Arrays.copyOf(seen, size);
      }
    }
  }
}
