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

/** The incremental historical-ES gate behind {@link RiskGate#builder()}; see the interface for the model. */
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
  private double[][] columns = new double[16][];
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
    long before = worstCase(quantity, pendingBuy, pendingSell);
    long after = order.side().isBuy()
        ? worstCase(quantity, pendingBuy + order.quantity(), pendingSell)
        : worstCase(quantity, pendingBuy, pendingSell + order.quantity());
    book.ensureCapacity(slot.index + 1);
    double unit = price * instrument.multiplier();
    double remark = before * unit - book.exposure[slot.index];
    double orderDelta = (after - before) * unit;

    double esBefore = book.es;
    if (remark != 0) {
      esBefore = tailEs(book.pnl, slot.returns, remark);
    }
    double esAfter;
    double varAfter;
    if (orderDelta != 0) {
      esAfter = tailEs(book.pnl, slot.returns, remark + orderDelta);
      varAfter = top.valueAtRisk();
    } else if (remark != 0) {
      esAfter = esBefore;
      varAfter = top.valueAtRisk();
    } else {
      esAfter = book.es;
      varAfter = book.var;
    }
    double incremental = orderDelta == 0 ? 0 : esAfter - esBefore;
    double nav = portfolio.nav(account);
    decision.figure(FIGURE_ES_CURRENT, esBefore);
    decision.figure(FIGURE_ES_PRO_FORMA, esAfter);
    decision.figure(FIGURE_ES_INCREMENTAL, incremental);
    decision.figure(FIGURE_VAR_PRO_FORMA, varAfter);
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

  /** ES of {@code pnl + delta * column}, leaving its tail in {@link #top}. */
  private double tailEs(double[] pnl, double[] column, double delta) {
    // hot path: allocation-free (see RiskGateBenchmark)
    TopLosses t = top;
    t.reset(tailCount);
    for (int s = 0, n = scenarioCount; s < n; s++) {
      t.offer(-(pnl[s] + delta * column[s]));
    }
    return t.expectedShortfall(tailSize);
  }

  /** The end of {@code [q - sell, q + buy]} farther from flat; the high end on a tie. */
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
    Arrays.fill(columns, 0, slotCount, null);
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
    s = new Slot(slotCount, returns);
    if (slotCount == columns.length) {
      columns = Arrays.copyOf(columns, 2 * slotCount);
    }
    columns[slotCount++] = returns;
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
      Arrays.fill(book.exposure, 0);
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
    for (int i = 0; i < slotCount && i < book.exposure.length; i++) {
      double x = book.exposure[i];
      if (x != 0 && book.seen[i] != book.stamp) {
        addColumn(pnl, columns[i], -x);
        book.exposure[i] = 0;
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
    long effective = worstCase(quantity, pendingBuy, pendingSell);
    Slot slot = slot(instrument.id());
    if (slot == null) {
      if (effective != 0 && book.problemCode == null) {
        book.problemCode = ReasonCode.INSUFFICIENT_HISTORY;
        book.problem = "no return scenarios for held instrument " + instrument.id();
      }
      return;
    }
    book.ensureCapacity(slot.index + 1);
    book.seen[slot.index] = book.stamp;
    double x = effective == 0 ? 0 : effective * markPrice * instrument.multiplier();
    if (!Double.isFinite(x)) {
      if (book.problemCode == null) {
        book.problemCode = ReasonCode.NO_REFERENCE_PRICE;
        book.problem = "no mark price for held instrument " + instrument.id();
      }
      return;
    }
    double delta = x - book.exposure[slot.index];
    if (delta != 0) {
      addColumn(book.pnl, slot.returns, delta);
      book.exposure[slot.index] = x;
    }
  }

  private static void addColumn(double[] pnl, double[] column, double delta) {
    for (int s = 0; s < pnl.length; s++) {
      pnl[s] += delta * column[s];
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
      long effective = worstCase(quantity, pendingBuy, pendingSell);
      if (effective == 0) {
        return;
      }
      double[] r = provider.findReturns(instrument.id())
          .orElseThrow(() -> new InsufficientHistoryException("risk gate ES of held instrument " + instrument.id(), s, 0));
      addColumn(pnl, r, effective * markPrice * instrument.multiplier());
    });
    for (int j = 0; j < s; j++) {
      pnl[j] = -pnl[j];
    }
    double[] out = new double[2];
    TailMath.historical(pnl, s, confidence, out);
    return out[1];
  }

  /** An instrument's scenario column and its index in the per-account exposure arrays. */
  private static final class Slot {
    final int index;
    final double[] returns;

    Slot(int index, double[] returns) {
      this.index = index;
      this.returns = returns;
    }
  }

  /** One account's cached worst-case book: exposures by slot, the scenario P&L vector and its ES. */
  private static final class AccountBook {
    double[] pnl;
    double[] exposure = new double[16];
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
      if (exposure.length < n) {
        int size = Math.max(n, 2 * exposure.length);
        exposure = Arrays.copyOf(exposure, size);
        seen = Arrays.copyOf(seen, size);
      }
    }
  }
}
