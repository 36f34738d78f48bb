package dev.parapet.compliance.rule;

import dev.parapet.api.Checks;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Side;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Optional;

/**
 * The order flow the stateful rules look back on: message times per account and per instrument
 * (throttle), recently accepted orders per account (duplicate detection), and each account's resting
 * (accepted, not yet done) orders per instrument (wash-trade prevention).
 * <p>
 * It moves only through {@link RuleContext#onOrderAccepted}, {@link RuleContext#onOrderDone} and
 * {@link RuleContext#recordMessage}. State is kept in primitive ring buffers and small parallel arrays;
 * the read methods allocate nothing. Message rings hold as many timestamps as the largest throttle
 * limit needs ({@link #requireMessageHistory}); the duplicate history holds a fixed number of recent
 * orders per account (see {@link RuleContext.Builder#duplicateHistory}), so in a burst larger than that
 * within the duplicate window the oldest orders are no longer compared.
 * <p>
 * Thread-safe: every method synchronizes on the context lock.
 */
public final class OrderActivity {

  private final Object lock;
  private final int duplicateCapacity;
  private int messageCapacity = 16;
  private final HashMap<String, TimeRing> accountMessages = new HashMap<>();
  private final HashMap<String, TimeRing> instrumentMessages = new HashMap<>();
  private final HashMap<String, RecentOrders> recent = new HashMap<>();
  private final HashMap<String, HashMap<String, RestingOrders>> resting = new HashMap<>();
  private final HashMap<String, Accepted> accepted = new HashMap<>();

  OrderActivity(Object lock, int duplicateCapacity) {
    this.lock = lock;
    this.duplicateCapacity = duplicateCapacity;
  }

  // ----------------------------------------------------------------------------------------------
  // throttle

  /**
   * Makes the message rings keep at least {@code messages} timestamps, so that a throttle limit of that
   * many messages can be evaluated. Called by throttle rules when they are created.
   */
  public void requireMessageHistory(int messages) {
    Checks.positive(messages, "messages");
    synchronized (lock) {
      messageCapacity = Math.max(messageCapacity, messages);
    }
  }

  /**
   * Counts the account's messages with a time strictly after {@code afterMillis}, up to {@code cap}.
   * Hot path: allocation-free.
   */
  public int accountMessagesAfter(String account, long afterMillis, int cap) {
    synchronized (lock) {
      TimeRing r = accountMessages.get(account);
      return r == null ? 0 : r.countAfter(afterMillis, cap);
    }
  }

  /**
   * Counts the instrument's messages (all accounts) with a time strictly after {@code afterMillis}, up to
   * {@code cap}. Hot path: allocation-free.
   */
  public int instrumentMessagesAfter(String instrumentId, long afterMillis, int cap) {
    synchronized (lock) {
      TimeRing r = instrumentMessages.get(instrumentId);
      return r == null ? 0 : r.countAfter(afterMillis, cap);
    }
  }

  void recordMessage(String account, String instrumentId, long nowMillis) {
    ring(accountMessages, account).record(nowMillis, messageCapacity);
    ring(instrumentMessages, instrumentId).record(nowMillis, messageCapacity);
  }

  private static TimeRing ring(HashMap<String, TimeRing> map, String key) {
    TimeRing r = map.get(key);
    if (r == null) {
      r = new TimeRing();
      map.put(key, r);
    }
    return r;
  }

  // ----------------------------------------------------------------------------------------------
  // duplicates

  /**
   * Returns true when the account had an order accepted after {@code afterMillis} with the same
   * instrument, side, quantity and price (limit price, or both market). Hot path: allocation-free.
   */
  public boolean hasDuplicate(OrderRequest order, long afterMillis) {
    synchronized (lock) {
      RecentOrders r = recent.get(order.account());
      return r != null && r.find(order, afterMillis) >= 0;
    }
  }

  /** Returns the client order id of the order that {@code order} duplicates, if any. */
  public Optional<String> findDuplicateOf(OrderRequest order, long afterMillis) {
    synchronized (lock) {
      RecentOrders r = recent.get(order.account());
      int i = r == null ? -1 : r.find(order, afterMillis);
      return i < 0 ? Optional.empty() : Optional.of(r.orderIds[i]);
    }
  }

  // ----------------------------------------------------------------------------------------------
  // resting orders

  /**
   * Returns the highest limit price among the account's resting buy orders in the instrument:
   * {@code +Infinity} if one is a market order, {@code -Infinity} if there is none. Hot path.
   */
  public double maxRestingBuyPrice(String account, String instrumentId) {
    synchronized (lock) {
      RestingOrders r = findResting(account, instrumentId);
      return r == null ? Double.NEGATIVE_INFINITY : r.maxBuy();
    }
  }

  /**
   * Returns the lowest limit price among the account's resting sell orders in the instrument:
   * {@code -Infinity} if one is a market order, {@code +Infinity} if there is none. Hot path.
   */
  public double minRestingSellPrice(String account, String instrumentId) {
    synchronized (lock) {
      RestingOrders r = findResting(account, instrumentId);
      return r == null ? Double.POSITIVE_INFINITY : r.minSell();
    }
  }

  /**
   * Returns a resting order of the account that an order on {@code side} at {@code price} would trade
   * against (for a market order pass +Infinity for a buy, -Infinity for a sell), if any.
   */
  public Optional<String> findCrossingOrder(String account, String instrumentId, Side side, double price) {
    synchronized (lock) {
      RestingOrders r = findResting(account, instrumentId);
      if (r == null) {
        return Optional.empty();
      }
      for (int i = 0; i < r.count; i++) {
        boolean crosses = side.isBuy() ? !r.buy[i] && r.price[i] <= price : r.buy[i] && r.price[i] >= price;
        if (crosses) {
          return Optional.of(r.ids[i]);
        }
      }
      return Optional.empty();
    }
  }

  /** Returns the number of the account's resting orders in the instrument. */
  public int restingCount(String account, String instrumentId) {
    synchronized (lock) {
      RestingOrders r = findResting(account, instrumentId);
      return r == null ? 0 : r.count;
    }
  }

  /** Returns true while an accepted order is not done. */
  public boolean isOpen(String clientOrderId) {
    synchronized (lock) {
      return accepted.containsKey(clientOrderId);
    }
  }

  /** Returns the number of accepted orders not yet done. */
  public int openCount() {
    synchronized (lock) {
      return accepted.size();
    }
  }

  private RestingOrders findResting(String account, String instrumentId) {
    HashMap<String, RestingOrders> byInstrument = resting.get(account);
    return byInstrument == null ? null : byInstrument.get(instrumentId);
  }

  // ----------------------------------------------------------------------------------------------
  // hooks (called by RuleContext under the lock)

  /** Returns the locate quantity consumed, for the context to apply. */
  long accept(OrderRequest order, long nowMillis) {
    String id = order.clientOrderId();
    Checks.check(!accepted.containsKey(id), "clientOrderId", id, "not already accepted (open)");
    String instrumentId = order.instrument().id();
    recordMessage(order.account(), instrumentId, nowMillis);
    RecentOrders r = recent.get(order.account());
    if (r == null) {
      r = new RecentOrders(duplicateCapacity);
      recent.put(order.account(), r);
    }
    r.add(order, nowMillis);
    RestingOrders book = resting.computeIfAbsent(order.account(), k -> new HashMap<>())
        .computeIfAbsent(instrumentId, k -> new RestingOrders());
    double price = order.isLimit() ? order.limitPrice().getAsDouble()
        : order.side().isBuy() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    book.add(id, order.side().isBuy(), price);
    long locate = order.side() == Side.SELL_SHORT ? order.quantity() : 0;
    accepted.put(id, new Accepted(order.account(), instrumentId, book, locate));
    return locate;
  }

  /** Removes a done order; returns it (for the locate return) or null if it was not open. */
  Accepted done(String clientOrderId) {
    Accepted a = accepted.remove(clientOrderId);
    if (a != null) {
      a.book.remove(clientOrderId);
    }
    return a;
  }

  static final class Accepted {
    final String account;
    final String instrumentId;
    final RestingOrders book;
    final long locateQuantity;

    Accepted(String account, String instrumentId, RestingOrders book, long locateQuantity) {
      this.account = account;
      this.instrumentId = instrumentId;
      this.book = book;
      this.locateQuantity = locateQuantity;
    }
  }

  /** A ring of message timestamps in epoch milliseconds. */
  private static final class TimeRing {
    long[] times = new long[16];
    int head;
    int size;

    void record(long now, int capacity) {
      if (times.length < capacity) {
        long[] grown = new long[capacity];
        for (int i = 0; i < size; i++) {
          grown[i] = times[Math.floorMod(head - size + i, times.length)];
        }
        times = grown;
        head = size % capacity;
      }
      times[head] = now;
      head = (head + 1) % times.length;
      if (size < times.length) {
        size++;
      }
    }

    int countAfter(long after, int cap) {
      int n = 0;
      int i = head;
      while (n < size && n < cap) {
        i = i == 0 ? times.length - 1 : i - 1;
        if (times[i] <= after) {
          break;
        }
        n++;
      }
      return n;
    }
  }

  /** A ring of one account's recently accepted orders. */
  private static final class RecentOrders {
    final String[] orderIds;
    final String[] instrumentIds;
    final Side[] sides;
    final long[] quantities;
    final double[] prices;
    final long[] times;
    int head;
    int size;

    RecentOrders(int capacity) {
      orderIds = new String[capacity];
      instrumentIds = new String[capacity];
      sides = new Side[capacity];
      quantities = new long[capacity];
      prices = new double[capacity];
      times = new long[capacity];
    }

    void add(OrderRequest o, long now) {
      orderIds[head] = o.clientOrderId();
      instrumentIds[head] = o.instrument().id();
      sides[head] = o.side();
      quantities[head] = o.quantity();
      prices[head] = o.isLimit() ? o.limitPrice().getAsDouble() : Double.NaN;
      times[head] = now;
      head = (head + 1) % times.length;
      if (size < times.length) {
        size++;
      }
    }

    int find(OrderRequest o, long after) {
      String instrumentId = o.instrument().id();
      double price = o.isLimit() ? o.limitPrice().getAsDouble() : Double.NaN;
      int i = head;
      for (int n = 0; n < size; n++) {
        i = i == 0 ? times.length - 1 : i - 1;
        if (times[i] <= after) {
          return -1;
        }
        if (sides[i] == o.side() && quantities[i] == o.quantity() && Double.compare(prices[i], price) == 0
            && instrumentIds[i].equals(instrumentId)) {
          return i;
        }
      }
      return -1;
    }
  }

  /** One account's resting orders in one instrument, as parallel arrays. */
  static final class RestingOrders {
    String[] ids = new String[4];
    boolean[] buy = new boolean[4];
    double[] price = new double[4];
    int count;

    void add(String id, boolean isBuy, double p) {
      if (count == ids.length) {
        ids = Arrays.copyOf(ids, count * 2);
        buy = Arrays.copyOf(buy, count * 2);
        price = Arrays.copyOf(price, count * 2);
      }
      ids[count] = id;
      buy[count] = isBuy;
      price[count] = p;
      count++;
    }

    void remove(String id) {
      for (int i = 0; i < count; i++) {
        if (ids[i].equals(id)) {
          count--;
          ids[i] = ids[count];
          buy[i] = buy[count];
          price[i] = price[count];
          ids[count] = null;
          return;
        }
      }
    }

    double maxBuy() {
      double m = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < count; i++) {
        if (buy[i] && price[i] > m) {
          m = price[i];
        }
      }
      return m;
    }

    double minSell() {
      double m = Double.POSITIVE_INFINITY;
      for (int i = 0; i < count; i++) {
        if (!buy[i] && price[i] < m) {
          m = price[i];
        }
      }
      return m;
    }
  }
}
