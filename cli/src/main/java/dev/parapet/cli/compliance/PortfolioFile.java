package dev.parapet.cli.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.api.InvalidValueException;
import dev.parapet.api.book.PositionBook;
import dev.parapet.api.model.AssetClass;
import dev.parapet.api.model.Fill;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Side;
import dev.parapet.api.model.TimeInForce;
import dev.parapet.compliance.rule.RuleContext;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The portfolio file of {@code parapet compliance check}: instruments, marks, accounts with cash,
 * start-of-day NAV and positions, open orders, locates, average daily volumes and halts. The format is
 * documented on {@link ComplianceCheckCommand}.
 */
final class PortfolioFile {

  final Instant asOf;
  final Map<String, Instrument> instruments = new HashMap<>();
  private final JsonInput in;
  private final JsonNode root;

  PortfolioFile(Path file, Instant defaultAsOf) {
    this.in = new JsonInput("portfolio", file);
    this.root = in.read();
    String at = in.text(root, "asOf", "$", null);
    try {
      this.asOf = at == null ? defaultAsOf : Instant.parse(at);
    } catch (DateTimeParseException e) {
      throw in.fail("$.asOf", "\"" + at + "\"", "an ISO-8601 instant such as 2024-03-05T15:00:00Z");
    }
    JsonNode list = in.array(root, "instruments", "$");
    for (int i = 0; i < list.size(); i++) {
      String p = "$.instruments[" + i + "]";
      JsonNode n = list.get(i);
      Instrument instrument = guard(p, () -> Instrument.builder()
          .id(in.text(n, "id", p))
          .symbol(in.text(n, "symbol", p, null))
          .sector(in.text(n, "sector", p))
          .issuer(in.text(n, "issuer", p))
          .assetClass(in.enumValue(n, "assetClass", p, AssetClass.class, AssetClass.EQUITY))
          .currency(in.text(n, "currency", p, "USD"))
          .lotSize(in.integer(n, "lotSize", p, 1))
          .tickSize(in.number(n, "tickSize", p, 0.01))
          .multiplier(in.number(n, "multiplier", p, 1.0))
          .build());
      if (instruments.put(instrument.id(), instrument) != null) {
        throw in.fail(p + ".id", "\"" + instrument.id() + "\"", "an id not used by another instrument");
      }
    }
  }

  /** Loads marks, accounts and positions into the book and reference data into the context. */
  void load(PositionBook book, RuleContext context) {
    JsonNode marks = in.object(root, "marks", "$");
    for (Iterator<Map.Entry<String, JsonNode>> it = marks.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String p = "$.marks." + e.getKey();
      instrument(e.getKey(), p);
      if (!e.getValue().isNumber()) {
        throw in.fail(p, e.getValue().toString(), "a price");
      }
      guard(p, () -> {
        book.mark(e.getKey(), e.getValue().doubleValue());
        return null;
      });
    }
    JsonNode accounts = in.array(root, "accounts", "$");
    int fills = 0;
    for (int i = 0; i < accounts.size(); i++) {
      String p = "$.accounts[" + i + "]";
      JsonNode a = accounts.get(i);
      String account = in.text(a, "account", p);
      double cash = in.number(a, "cash", p);
      JsonNode positions = in.array(a, "positions", p);
      // deposit the cash the positions cost, so that after the fills the cash is as stated
      double cost = 0;
      for (int k = 0; k < positions.size(); k++) {
        String pp = p + ".positions[" + k + "]";
        JsonNode pos = positions.get(k);
        Instrument instrument = instrument(in.text(pos, "instrument", pp), pp + ".instrument");
        cost += instrument.notional(in.integer(pos, "quantity", pp), in.number(pos, "averageCost", pp));
      }
      double deposit = cash + cost;
      guard(p + ".cash", () -> {
        book.deposit(account, deposit);
        return null;
      });
      for (int k = 0; k < positions.size(); k++) {
        String pp = p + ".positions[" + k + "]";
        JsonNode pos = positions.get(k);
        Instrument instrument = instrument(in.text(pos, "instrument", pp), pp + ".instrument");
        long quantity = in.integer(pos, "quantity", pp);
        double averageCost = in.number(pos, "averageCost", pp);
        if (quantity == 0) {
          continue;
        }
        String id = "portfolio-" + (++fills);
        // the fill keeps a mark loaded above; without one, the average cost becomes the mark
        guard(pp, () -> {
          book.applyFill(new Fill(id, id, id, account, instrument, quantity > 0 ? Side.BUY : Side.SELL_SHORT,
              Math.abs(quantity), averageCost, 0, asOf));
          return null;
        });
      }
      if (a.has("startOfDayNav")) {
        double sod = in.number(a, "startOfDayNav", p);
        guard(p + ".startOfDayNav", () -> {
          context.startOfDay().set(account, sod);
          return null;
        });
      } else {
        context.startOfDay().set(account, book.nav(account));
      }
    }
    JsonNode open = in.array(root, "openOrders", "$");
    for (int i = 0; i < open.size(); i++) {
      String p = "$.openOrders[" + i + "]";
      OrderRequest o = order(open.get(i), p);
      double ref = o.isLimit() ? o.limitPrice().getAsDouble() : book.markPrice(o.instrument().id());
      if (Double.isNaN(ref)) {
        throw in.fail(p, "a market order in an instrument without a mark", "a limit price or a mark");
      }
      guard(p, () -> {
        book.reserve(o, ref);
        context.onOrderAccepted(o);
        return null;
      });
    }
    JsonNode locates = in.array(root, "locates", "$");
    for (int i = 0; i < locates.size(); i++) {
      String p = "$.locates[" + i + "]";
      JsonNode l = locates.get(i);
      String account = in.text(l, "account", p);
      Instrument instrument = instrument(in.text(l, "instrument", p), p + ".instrument");
      long quantity = in.integer(l, "quantity", p);
      guard(p, () -> {
        context.locates().grant(account, instrument.id(), quantity);
        return null;
      });
    }
    JsonNode adv = in.object(root, "adv", "$");
    for (Iterator<Map.Entry<String, JsonNode>> it = adv.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String p = "$.adv." + e.getKey();
      instrument(e.getKey(), p);
      if (!e.getValue().isNumber()) {
        throw in.fail(p, e.getValue().toString(), "a volume");
      }
      guard(p, () -> {
        context.adv().set(e.getKey(), e.getValue().doubleValue());
        return null;
      });
    }
    JsonNode halted = in.array(root, "halted", "$");
    for (int i = 0; i < halted.size(); i++) {
      JsonNode h = halted.get(i);
      String p = "$.halted[" + i + "]";
      if (!h.isTextual()) {
        throw in.fail(p, h.toString(), "an instrument id");
      }
      context.halts().halt(instrument(h.textValue(), p).id());
    }
  }

  /** Reads an order (the order file, or an open order of the portfolio). */
  OrderRequest order(JsonNode n, String p) {
    return order(in, n, p);
  }

  OrderRequest order(JsonInput input, JsonNode n, String p) {
    OrderRequest.Builder b = OrderRequest.builder()
        .clientOrderId(input.text(n, "clientOrderId", p))
        .account(input.text(n, "account", p))
        .strategy(input.text(n, "strategy", p, "default"))
        .instrument(instrument(input, input.text(n, "instrument", p), p + ".instrument"))
        .side(input.enumValue(n, "side", p, Side.class, null))
        .quantity(input.integer(n, "quantity", p))
        .timeInForce(input.enumValue(n, "timeInForce", p, TimeInForce.class, TimeInForce.DAY));
    if (n.get("side") == null) {
      throw input.fail(p + ".side", "missing", "one of " + List.of(Side.values()));
    }
    if (n.has("limitPrice") && !n.get("limitPrice").isNull()) {
      b.limit(input.number(n, "limitPrice", p));
    }
    return guard(input, p, b::build);
  }

  private Instrument instrument(String id, String path) {
    return instrument(in, id, path);
  }

  private Instrument instrument(JsonInput input, String id, String path) {
    Instrument i = instruments.get(id);
    if (i == null) {
      throw input.fail(path, "\"" + id + "\"", "an instrument listed in the portfolio's instruments "
          + new java.util.TreeSet<>(instruments.keySet()));
    }
    return i;
  }

  private <T> T guard(String path, Supplier<T> action) {
    return guard(in, path, action);
  }

  private static <T> T guard(JsonInput input, String path, Supplier<T> action) {
    try {
      return action.get();
    } catch (InvalidValueException e) {
      throw input.fail(path, e.value(), e.field() + " " + e.expected());
    }
  }
}
