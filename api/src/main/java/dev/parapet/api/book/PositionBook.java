package dev.parapet.api.book;

import dev.parapet.api.Checks;
import dev.parapet.api.InvalidValueException;
import dev.parapet.api.model.Bar;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Quote;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Set;

/**
 * The positions, cash, P&amp;L and exposures of every account, with the open-order reservations of
 * approved orders.
 * <p>
 * <b>Reservations.</b> When the gate approves an order, the orchestrator calls
 * {@link #reserve(OrderRequest, double)} under its decision lock; the order's quantity then counts as
 * pending until fills consume it or {@link #release(String)} frees the rest (cancel, reject, expiry).
 * Limit checks read {@link ExposureBasis#WORST_CASE} figures, which include pending quantities, so two
 * orders can never jointly pass a limit that each passes alone.
 * <p>
 * <b>P&amp;L.</b> Average-cost method (see {@link Position}); fees reduce cash and realized P&amp;L.
 * Buying costs {@code quantity * price * multiplier + fees} of cash; selling (or selling short)
 * credits the proceeds less fees. NAV is cash plus the market value of filled positions.
 * <p>
 * <b>Cost.</b> Aggregates (exposures by account, sector and issuer) are maintained incrementally:
 * a fill, a reservation or a mark change updates only the positions it touches, and every query is
 * O(1). Queries, fills, marks and deposits allocate nothing once an account, instrument, sector and
 * issuer have been seen; a reservation allocates its own record and map entry (measured in
 * PositionBookBenchmark). Incremental sums accumulate floating-point rounding of order 1e-16 relative
 * per update; {@link #recompute()} rebuilds them exactly from the positions.
 * <p>
 * <b>Thread safety.</b> Thread-safe: every method is atomic under the book's monitor. Hold
 * {@link #lock()} to make several reads (or a check and a reservation) atomic together.
 */
public final class PositionBook implements PortfolioView {

  private final Object lock = new Object();
  private final HashMap<String, Account> accounts = new HashMap<>();
  private final HashMap<String, MarkState> marks = new HashMap<>();
  private final HashMap<String, Reservation> reservations = new HashMap<>();
  private long positionsVersion;

  private PositionBook() {
  }

  /** Creates an empty book. */
  public static PositionBook create() {
    return new PositionBook();
  }

  /**
   * Returns the monitor that guards the book. Holding it (with {@code synchronized}) makes a sequence
   * of calls atomic, for example a gate check followed by {@link #reserve}.
   */
  public Object lock() {
    return lock;
  }

  // ----------------------------------------------------------------------------------------------
  // updates

  /**
   * Adds cash to an account (negative to withdraw), creating the account if needed.
   *
   * @param account the account
   * @param amount the amount, finite
   */
  public void deposit(String account, double amount) {
    Checks.notBlank(account, "account");
    if (!Double.isFinite(amount)) { // the message is built only on failure
      Checks.finite(amount, "amount", "deposit to " + account);
    }
    synchronized (lock) {
      account(account).cash += amount;
      positionsVersion++;
    }
  }

  /** Sets the mark price of an instrument and revalues every position in it. */
  public void mark(String instrumentId, double price) {
    Checks.notBlank(instrumentId, "instrumentId");
    // hot path: allocation-free (see PositionBookBenchmark); the message is built only on failure
    if (!(price > 0) || price == Double.POSITIVE_INFINITY) {
      Checks.positive(price, "price", "mark of " + instrumentId);
    }
    synchronized (lock) {
      MarkState m = marks.get(instrumentId);
      if (m == null) {
        m = new MarkState();
        marks.put(instrumentId, m);
      }
      m.price = price;
      List<Pos> holders = m.holders;
      for (int i = 0, n = holders.size(); i < n; i++) {
        holders.get(i).revalue();
      }
    }
  }

  /** Marks an instrument at a quote's mid price. */
  public void mark(Quote quote) {
    mark(quote.instrumentId(), quote.mid());
  }

  /** Marks an instrument at a bar's close. */
  public void mark(Bar bar) {
    mark(bar.instrumentId(), bar.close());
  }

  /**
   * Reserves the exposure of an approved order until fills consume it or {@link #release} frees it.
   * If the instrument has no mark yet, {@code referencePrice} becomes its mark.
   *
   * @param order the approved order; its client order id must not be reserved already
   * @param referencePrice a price for valuing the reservation when no mark exists, finite and &gt; 0
   */
  public void reserve(OrderRequest order, double referencePrice) {
    Checks.notNull(order, "order");
    if (!(referencePrice > 0) || referencePrice == Double.POSITIVE_INFINITY) {
      Checks.positive(referencePrice, "referencePrice", "order " + order.clientOrderId());
    }
    synchronized (lock) {
      if (reservations.containsKey(order.clientOrderId())) {
        throw new InvalidValueException("clientOrderId", order.clientOrderId(), "not already reserved", null);
      }
      if (!marks.containsKey(order.instrument().id())) {
        MarkState m = new MarkState();
        m.price = referencePrice;
        marks.put(order.instrument().id(), m);
      }
      Account a = account(order.account());
      Pos p = a.position(order.instrument());
      Reservation r = new Reservation(order.clientOrderId(), p, order.side().isBuy(), order.quantity());
      reservations.put(order.clientOrderId(), r);
      if (r.buy) {
        p.pendingBuy += r.remaining;
      } else {
        p.pendingSell += r.remaining;
      }
      a.openOrders++;
      p.revalue();
      positionsVersion++;
    }
  }

  /**
   * Frees what remains of an order's reservation (after a cancel, reject or expiry).
   *
   * @param clientOrderId the order
   * @return the quantity released, 0 if the order had no open reservation
   */
  public long release(String clientOrderId) {
    Checks.notBlank(clientOrderId, "clientOrderId");
    synchronized (lock) {
      Reservation r = reservations.remove(clientOrderId);
      if (r == null) {
        return 0;
      }
      long released = r.remaining;
      r.consume(released);
      r.pos.account.openOrders--;
      r.pos.revalue();
      positionsVersion++;
      return released;
    }
  }

  /** Returns true when the order holds an open reservation. */
  public boolean isReserved(String clientOrderId) {
    synchronized (lock) {
      return reservations.containsKey(clientOrderId);
    }
  }

  /** Returns the quantity still reserved by an order, 0 if none. */
  public long reservedQuantity(String clientOrderId) {
    synchronized (lock) {
      Reservation r = reservations.get(clientOrderId);
      return r == null ? 0 : r.remaining;
    }
  }

  /**
   * Applies a fill: moves the position, average cost, realized P&amp;L and cash, and consumes the
   * order's reservation if it has one (a fill beyond the reservation still moves the position).
   * If the instrument has no mark yet, the fill price becomes its mark.
   *
   * @param fill the fill
   */
  public void applyFill(Fill fill) {
    // hot path: allocation-free once the position exists (see PositionBookBenchmark)
    Checks.notNull(fill, "fill");
    synchronized (lock) {
      Instrument instrument = fill.instrument();
      MarkState m = marks.get(instrument.id());
      if (m == null) {
        m = new MarkState();
        m.price = fill.price();
        marks.put(instrument.id(), m);
      }
      Account a = account(fill.account());
      Pos p = a.position(instrument);
      Reservation r = reservations.get(fill.clientOrderId());
      if (r != null && r.pos == p) {
        r.consume(Math.min(r.remaining, fill.quantity()));
        if (r.remaining == 0) {
          reservations.remove(fill.clientOrderId());
          a.openOrders--;
        }
      }
      long signed = fill.signedQuantity();
      double mult = instrument.multiplier();
      a.cash -= signed * fill.price() * mult + fill.fees();
      long q = p.quantity;
      double realized = -fill.fees();
      if (q == 0 || Long.signum(q) == Long.signum(signed)) {
        long newAbs = Math.abs(q) + Math.abs(signed);
        p.averageCost = (p.averageCost * Math.abs(q) + fill.price() * Math.abs(signed)) / newAbs;
        p.quantity = q + signed;
      } else {
        long closing = Math.min(Math.abs(q), Math.abs(signed));
        realized += closing * (fill.price() - p.averageCost) * Long.signum(q) * mult;
        p.quantity = q + signed;
        if (p.quantity == 0) {
          p.averageCost = 0;
        } else if (Long.signum(p.quantity) != Long.signum(q)) {
          p.averageCost = fill.price();
        }
      }
      p.realized += realized;
      a.realized += realized;
      p.revalue();
      positionsVersion++;
    }
  }

  /**
   * Rebuilds every aggregate from the positions, removing accumulated floating-point drift. Cheap
   * enough to run once a minute; not needed for correctness.
   */
  public void recompute() {
    synchronized (lock) {
      for (Account a : accounts.values()) {
        a.clearAggregates();
        for (int i = 0, n = a.positionList.size(); i < n; i++) {
          Pos p = a.positionList.get(i);
          p.clearContribution();
          p.revalue();
        }
      }
    }
  }

  // ----------------------------------------------------------------------------------------------
  // snapshots

  /** Returns the accounts known to the book, sorted. */
  public Set<String> accounts() {
    synchronized (lock) {
      return Collections.unmodifiableSet(new TreeSet<>(accounts.keySet()));
    }
  }

  /** Returns a position if the account has ever held or reserved the instrument. */
  public Optional<Position> findPosition(String account, String instrumentId) {
    synchronized (lock) {
      Account a = accounts.get(account);
      Pos p = a == null ? null : a.positions.get(instrumentId);
      return p == null ? Optional.empty() : Optional.of(p.snapshot());
    }
  }

  /**
   * Returns a position.
   *
   * @throws java.util.NoSuchElementException if the account never held or reserved the instrument
   */
  public Position getPosition(String account, String instrumentId) {
    return findPosition(account, instrumentId).orElseThrow(
        () -> new java.util.NoSuchElementException("no position in " + instrumentId + " for account " + account));
  }

  /** Returns every position of an account, sorted by instrument id. */
  public List<Position> positions(String account) {
    synchronized (lock) {
      Account a = accounts.get(account);
      if (a == null) {
        return List.of();
      }
      List<Position> out = new ArrayList<>(a.positionList.size());
      for (Pos p : a.positionList) {
        out.add(p.snapshot());
      }
      out.sort((x, y) -> x.instrument().id().compareTo(y.instrument().id()));
      return List.copyOf(out);
    }
  }

  /** Returns a summary of an account (all zeros for an unknown account). */
  public AccountSummary summary(String account) {
    synchronized (lock) {
      Account a = accounts.get(account);
      if (a == null) {
        return new AccountSummary(account, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
      }
      return new AccountSummary(account, a.cash, a.cash + a.longExp - a.shortExp, a.longExp, a.shortExp,
          a.longExp + a.shortExp, a.longExp - a.shortExp, a.realized, a.unrealized, a.pendingBuyNotional,
          a.pendingSellNotional, a.openOrders);
    }
  }

  /** Returns gross exposure by sector on the given basis, sorted by sector. */
  public Map<String, Double> exposureBySector(String account, ExposureBasis basis) {
    synchronized (lock) {
      Account a = accounts.get(account);
      return a == null ? Map.of() : copy(a.sectors, basis);
    }
  }

  /** Returns gross exposure by issuer on the given basis, sorted by issuer. */
  public Map<String, Double> exposureByIssuer(String account, ExposureBasis basis) {
    synchronized (lock) {
      Account a = accounts.get(account);
      return a == null ? Map.of() : copy(a.issuers, basis);
    }
  }

  private static Map<String, Double> copy(Map<String, double[]> source, ExposureBasis basis) {
    Map<String, Double> out = new TreeMap<>();
    int slot = basis == ExposureBasis.FILLED ? 0 : 1;
    source.forEach((k, v) -> out.put(k, v[slot]));
    return Collections.unmodifiableMap(out);
  }

  // ----------------------------------------------------------------------------------------------
  // PortfolioView: hot path, allocation-free

  @Override
  public long positionsVersion() {
    synchronized (lock) {
      return positionsVersion;
    }
  }

  @Override
  public double cash(String account) {
    synchronized (lock) {
      Account a = accounts.get(account);
      return a == null ? 0 : a.cash;
    }
  }

  @Override
  public double nav(String account) {
    synchronized (lock) {
      Account a = accounts.get(account);
      return a == null ? 0 : a.cash + a.longExp - a.shortExp;
    }
  }

  @Override
  public double longExposure(String account, ExposureBasis basis) {
    synchronized (lock) {
      Account a = accounts.get(account);
      return a == null ? 0 : basis == ExposureBasis.FILLED ? a.longExp : a.worstLong;
    }
  }

  @Override
  public double shortExposure(String account, ExposureBasis basis) {
    synchronized (lock) {
      Account a = accounts.get(account);
      return a == null ? 0 : basis == ExposureBasis.FILLED ? a.shortExp : a.worstShort;
    }
  }

  @Override
  public double grossExposure(String account, ExposureBasis basis) {
    synchronized (lock) {
      Account a = accounts.get(account);
      return a == null ? 0 : basis == ExposureBasis.FILLED ? a.longExp + a.shortExp : a.worstGross;
    }
  }

  @Override
  public double netExposure(String account, ExposureBasis basis) {
    synchronized (lock) {
      Account a = accounts.get(account);
      if (a == null) {
        return 0;
      }
      if (basis == ExposureBasis.FILLED) {
        return a.longExp - a.shortExp;
      }
      return Math.abs(a.netHigh) >= Math.abs(a.netLow) ? a.netHigh : a.netLow;
    }
  }

  @Override
  public double sectorExposure(String account, String sector, ExposureBasis basis) {
    synchronized (lock) {
      Account a = accounts.get(account);
      double[] slot = a == null ? null : a.sectors.get(sector);
      return slot == null ? 0 : slot[basis == ExposureBasis.FILLED ? 0 : 1];
    }
  }

  @Override
  public double issuerExposure(String account, String issuer, ExposureBasis basis) {
    synchronized (lock) {
      Account a = accounts.get(account);
      double[] slot = a == null ? null : a.issuers.get(issuer);
      return slot == null ? 0 : slot[basis == ExposureBasis.FILLED ? 0 : 1];
    }
  }

  @Override
  public long quantity(String account, String instrumentId) {
    synchronized (lock) {
      Pos p = find(account, instrumentId);
      return p == null ? 0 : p.quantity;
    }
  }

  @Override
  public long pendingBuyQuantity(String account, String instrumentId) {
    synchronized (lock) {
      Pos p = find(account, instrumentId);
      return p == null ? 0 : p.pendingBuy;
    }
  }

  @Override
  public long pendingSellQuantity(String account, String instrumentId) {
    synchronized (lock) {
      Pos p = find(account, instrumentId);
      return p == null ? 0 : p.pendingSell;
    }
  }

  @Override
  public int openOrderCount(String account) {
    synchronized (lock) {
      Account a = accounts.get(account);
      return a == null ? 0 : a.openOrders;
    }
  }

  @Override
  public double markPrice(String instrumentId) {
    synchronized (lock) {
      MarkState m = marks.get(instrumentId);
      return m == null ? Double.NaN : m.price;
    }
  }

  @Override
  public double realizedPnl(String account) {
    synchronized (lock) {
      Account a = accounts.get(account);
      return a == null ? 0 : a.realized;
    }
  }

  @Override
  public double unrealizedPnl(String account) {
    synchronized (lock) {
      Account a = accounts.get(account);
      return a == null ? 0 : a.unrealized;
    }
  }

  @Override
  public void forEachPosition(String account, PositionVisitor visitor) {
    synchronized (lock) {
      Account a = accounts.get(account);
      if (a == null) {
        return;
      }
      List<Pos> list = a.positionList;
      for (int i = 0, n = list.size(); i < n; i++) {
        Pos p = list.get(i);
        visitor.visit(p.instrument, p.quantity, p.pendingBuy, p.pendingSell, p.mark.price, p.averageCost);
      }
    }
  }

  // ----------------------------------------------------------------------------------------------
  // internals (all guarded by lock)

  private Pos find(String account, String instrumentId) {
    Account a = accounts.get(account);
    return a == null ? null : a.positions.get(instrumentId);
  }

  private Account account(String id) {
    Account a = accounts.get(id);
    if (a == null) {
      a = new Account(Checks.notBlank(id, "account"));
      accounts.put(id, a);
    }
    return a;
  }

  private static final class MarkState {
    double price;
    final ArrayList<Pos> holders = new ArrayList<>();
  }

  private static final class Reservation {
    final String clientOrderId;
    final Pos pos;
    final boolean buy;
    long remaining;

    Reservation(String clientOrderId, Pos pos, boolean buy, long quantity) {
      this.clientOrderId = clientOrderId;
      this.pos = pos;
      this.buy = buy;
      this.remaining = quantity;
    }

    void consume(long quantity) {
      remaining -= quantity;
      if (buy) {
        pos.pendingBuy -= quantity;
      } else {
        pos.pendingSell -= quantity;
      }
    }

    @Override
    public String toString() {
      return clientOrderId + " " + remaining;
    }
  }

  private final class Account {
    final String id;
    double cash;
    double realized;
    double unrealized;
    double longExp;
    double shortExp;
    double worstLong;
    double worstShort;
    double worstGross;
    double netHigh;
    double netLow;
    double pendingBuyNotional;
    double pendingSellNotional;
    int openOrders;
    final HashMap<String, Pos> positions = new HashMap<>();
    final ArrayList<Pos> positionList = new ArrayList<>();
    final HashMap<String, double[]> sectors = new HashMap<>();
    final HashMap<String, double[]> issuers = new HashMap<>();

    Account(String id) {
      this.id = id;
    }

    Pos position(Instrument instrument) {
      Pos p = positions.get(instrument.id());
      if (p == null) {
        p = new Pos(this, instrument, marks.get(instrument.id()),
            sectors.computeIfAbsent(instrument.sector(), k -> new double[2]),
            issuers.computeIfAbsent(instrument.issuer(), k -> new double[2]));
        positions.put(instrument.id(), p);
        positionList.add(p);
        p.mark.holders.add(p);
      }
      return p;
    }

    void clearAggregates() {
      unrealized = 0;
      longExp = 0;
      shortExp = 0;
      worstLong = 0;
      worstShort = 0;
      worstGross = 0;
      netHigh = 0;
      netLow = 0;
      pendingBuyNotional = 0;
      pendingSellNotional = 0;
      for (double[] s : sectors.values()) {
        s[0] = 0;
        s[1] = 0;
      }
      for (double[] s : issuers.values()) {
        s[0] = 0;
        s[1] = 0;
      }
    }

    @Override
    public String toString() {
      return id;
    }
  }

  private static final class Pos {
    final Account account;
    final Instrument instrument;
    final MarkState mark;
    final double[] sector;
    final double[] issuer;
    long quantity;
    long pendingBuy;
    long pendingSell;
    double averageCost;
    double realized;
    // contributions last added to the aggregates
    double cLong;
    double cShort;
    double cWorstLong;
    double cWorstShort;
    double cWorstGross;
    double cNetHigh;
    double cNetLow;
    double cUnrealized;
    double cPendingBuy;
    double cPendingSell;

    Pos(Account account, Instrument instrument, MarkState mark, double[] sector, double[] issuer) {
      this.account = account;
      this.instrument = instrument;
      this.mark = mark;
      this.sector = sector;
      this.issuer = issuer;
    }

    void clearContribution() {
      cLong = 0;
      cShort = 0;
      cWorstLong = 0;
      cWorstShort = 0;
      cWorstGross = 0;
      cNetHigh = 0;
      cNetLow = 0;
      cUnrealized = 0;
      cPendingBuy = 0;
      cPendingSell = 0;
    }

    /** Recomputes this position's contributions at the mark and moves the aggregates by the change. */
    void revalue() {
      double unit = mark.price * instrument.multiplier();
      long high = quantity + pendingBuy;
      long low = quantity - pendingSell;
      double nLong = Math.max(quantity, 0) * unit;
      double nShort = Math.max(-quantity, 0) * unit;
      double nWorstLong = Math.max(high, 0) * unit;
      double nWorstShort = Math.max(-low, 0) * unit;
      double nWorstGross = Math.max(Math.abs(high), Math.abs(low)) * unit;
      double nNetHigh = high * unit;
      double nNetLow = low * unit;
      double nUnrealized = quantity == 0 ? 0 : (mark.price - averageCost) * quantity * instrument.multiplier();
      double nPendingBuy = pendingBuy * unit;
      double nPendingSell = pendingSell * unit;

      Account a = account;
      a.longExp += nLong - cLong;
      a.shortExp += nShort - cShort;
      a.worstLong += nWorstLong - cWorstLong;
      a.worstShort += nWorstShort - cWorstShort;
      a.worstGross += nWorstGross - cWorstGross;
      a.netHigh += nNetHigh - cNetHigh;
      a.netLow += nNetLow - cNetLow;
      a.unrealized += nUnrealized - cUnrealized;
      a.pendingBuyNotional += nPendingBuy - cPendingBuy;
      a.pendingSellNotional += nPendingSell - cPendingSell;
      double dGross = (nLong + nShort) - (cLong + cShort);
      sector[0] += dGross;
      issuer[0] += dGross;
      sector[1] += nWorstGross - cWorstGross;
      issuer[1] += nWorstGross - cWorstGross;

      cLong = nLong;
      cShort = nShort;
      cWorstLong = nWorstLong;
      cWorstShort = nWorstShort;
      cWorstGross = nWorstGross;
      cNetHigh = nNetHigh;
      cNetLow = nNetLow;
      cUnrealized = nUnrealized;
      cPendingBuy = nPendingBuy;
      cPendingSell = nPendingSell;
    }

    Position snapshot() {
      return new Position(account.id, instrument, quantity, averageCost, realized, cUnrealized, mark.price, pendingBuy,
          pendingSell);
    }
  }
}
