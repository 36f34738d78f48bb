package dev.parapet.cli.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.api.InvalidValueException;
import dev.parapet.api.model.Side;
import dev.parapet.cli.CliSupport;
import dev.parapet.cli.UserException;
import dev.parapet.execution.tca.ExecutionFill;
import dev.parapet.execution.tca.MarketTape;
import dev.parapet.execution.tca.ParentExecution;
import dev.parapet.execution.tca.TcaResult;
import dev.parapet.execution.tca.TcaSummary;
import dev.parapet.execution.tca.TransactionCostAnalysis;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parapet tca}: transaction cost analysis of parent orders' fills against market data, per
 * order and aggregated, as one line of JSON. The file formats are described in {@code --help} and in
 * the README.
 */
@Command(
    name = "tca",
    mixinStandardHelpOptions = true,
    description = {
        "Transaction cost analysis: implementation shortfall (Perold 1988) against the decision price,"
            + " decomposed into delay, timing, impact, opportunity cost and fees; slippage against the interval"
            + " VWAP and TWAP; participation. Costs are positive for a loss, in currency and bps.",
        "--fills: JSON {\"orders\": [{\"orderId\", \"instrument\" (optional), \"side\" (BUY|SELL|SELL_SHORT),"
            + " \"quantity\", \"decisionPrice\" (optional, default arrival), \"start\", \"end\" (ISO-8601 instants),"
            + " \"multiplier\" (optional, default 1), \"fills\": [{\"timestamp\", \"quantity\", \"price\","
            + " \"fees\" (optional)}]}]}.",
        "--market: CSV with header timestamp,bid,ask,price,volume and an optional instrument column; one row per"
            + " observation in time order; volume is the market volume traded since the previous row at average"
            + " price 'price' (including the orders' own fills)."})
public final class TcaCommand implements Callable<Integer> {

  private static final String ANY = "";

  @Spec
  private CommandSpec spec;

  @Option(names = "--fills", required = true, description = "JSON file of parent orders and their fills.")
  private Path fillsFile;

  @Option(names = "--market", required = true, description = "CSV file of market observations.")
  private Path marketFile;

  @Override
  public Integer call() {
    Map<String, MarketTape> tapes = readMarket(marketFile);
    List<Order> orders = readOrders(fillsFile);
    List<TcaResult> results = new ArrayList<>();
    List<Map<String, Object>> perOrder = new ArrayList<>();
    for (Order o : orders) {
      MarketTape tape = tapes.containsKey(ANY) ? tapes.get(ANY) : tapes.get(o.instrument);
      if (tape == null) {
        throw new UserException("market file " + marketFile + " has no rows for instrument '" + o.instrument
            + "' of order " + o.execution.orderId());
      }
      TcaResult r;
      try {
        r = TransactionCostAnalysis.analyze(o.execution, tape);
      } catch (InvalidValueException e) {
        throw new UserException("order " + o.execution.orderId() + ": " + e.getMessage(), e);
      }
      results.add(r);
      perOrder.add(json(r, o.instrument));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("signConvention", "positive = cost; bps of the paper notional (quantity x decision price x multiplier);"
        + " VWAP/TWAP slippage in bps of the benchmark");
    out.put("orders", perOrder);
    out.put("summary", json(TransactionCostAnalysis.aggregate(results)));
    CliSupport.printJson(spec.commandLine().getOut(), out);
    return CliSupport.EXIT_OK;
  }

  // ---------------------------------------------------------------------------------------------------
  // output

  private static Map<String, Object> json(TcaResult r, String instrument) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("orderId", r.orderId());
    if (!instrument.isEmpty()) {
      m.put("instrument", instrument);
    }
    m.put("side", r.sideSign() > 0 ? "BUY" : "SELL");
    m.put("orderQuantity", r.orderQuantity());
    m.put("filledQuantity", r.filledQuantity());
    m.put("fillRate", r.fillRate());
    m.put("decisionPrice", r.decisionPrice());
    m.put("arrivalPrice", r.arrivalPrice());
    m.put("endPrice", r.endPrice());
    m.put("averagePrice", value(r.averagePrice()));
    m.put("paperNotional", r.paperNotional());
    Map<String, Object> cost = new LinkedHashMap<>();
    cost.put("delay", r.delayCost());
    cost.put("timing", r.timingCost());
    cost.put("impact", r.impactCost());
    cost.put("opportunity", r.opportunityCost());
    cost.put("fees", r.fees());
    cost.put("implementationShortfall", r.implementationShortfall());
    m.put("cost", cost);
    Map<String, Object> bps = new LinkedHashMap<>();
    bps.put("delay", r.delayCostBps());
    bps.put("timing", r.timingCostBps());
    bps.put("impact", r.impactCostBps());
    bps.put("opportunity", r.opportunityCostBps());
    bps.put("fees", r.feesBps());
    bps.put("implementationShortfall", r.implementationShortfallBps());
    m.put("costBps", bps);
    m.put("vwap", value(r.vwap()));
    m.put("vwapSlippage", value(r.vwapSlippage()));
    m.put("vwapSlippageBps", value(r.vwapSlippageBps()));
    m.put("twap", r.twap());
    m.put("twapSlippage", value(r.twapSlippage()));
    m.put("twapSlippageBps", value(r.twapSlippageBps()));
    m.put("marketVolume", r.marketVolume());
    m.put("participation", value(r.participation()));
    return m;
  }

  private static Map<String, Object> json(TcaSummary s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("orders", s.orders());
    m.put("paperNotional", s.paperNotional());
    Map<String, Object> cost = new LinkedHashMap<>();
    cost.put("delay", s.delayCost());
    cost.put("timing", s.timingCost());
    cost.put("impact", s.impactCost());
    cost.put("opportunity", s.opportunityCost());
    cost.put("fees", s.fees());
    cost.put("implementationShortfall", s.implementationShortfall());
    m.put("cost", cost);
    Map<String, Object> bps = new LinkedHashMap<>();
    bps.put("delay", s.delayCostBps());
    bps.put("timing", s.timingCostBps());
    bps.put("impact", s.impactCostBps());
    bps.put("opportunity", s.opportunityCostBps());
    bps.put("fees", s.feesBps());
    bps.put("implementationShortfall", s.implementationShortfallBps());
    m.put("costBps", bps);
    m.put("meanImplementationShortfallBps", s.meanImplementationShortfallBps());
    m.put("vwapSlippage", s.vwapSlippage());
    m.put("vwapSlippageBps", value(s.vwapSlippageBps()));
    m.put("twapSlippage", s.twapSlippage());
    m.put("twapSlippageBps", value(s.twapSlippageBps()));
    m.put("filledQuantity", s.filledQuantity());
    m.put("marketVolume", s.marketVolume());
    m.put("participation", value(s.participation()));
    return m;
  }

  private static Double value(OptionalDouble v) {
    return v.isPresent() ? v.getAsDouble() : null;
  }

  // ---------------------------------------------------------------------------------------------------
  // input

  private record Order(String instrument, ParentExecution execution) {
  }

  private static Map<String, MarketTape> readMarket(Path file) {
    List<String> lines = CliSupport.readLines(file, "--market");
    int headerLine = -1;
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).trim();
      if (!l.isEmpty() && !l.startsWith("#")) {
        headerLine = i;
        break;
      }
    }
    if (headerLine < 0) {
      throw new UserException("--market file " + file + " is empty; expected a header timestamp,bid,ask,price,volume");
    }
    List<String> header = lower(CliSupport.splitCsv(lines.get(headerLine)));
    int ts = column(header, "timestamp", file);
    int bid = column(header, "bid", file);
    int ask = column(header, "ask", file);
    int price = column(header, "price", file);
    int volume = column(header, "volume", file);
    int instrument = header.indexOf("instrument");
    Map<String, MarketTape.Builder> builders = new LinkedHashMap<>();
    for (int i = headerLine + 1; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int lineNo = i + 1;
      List<String> cells = CliSupport.splitCsv(line);
      if (cells.size() < header.size()) {
        throw new UserException("--market file " + file + ":" + lineNo + " has " + cells.size() + " columns; expected "
            + header.size());
      }
      String key = instrument < 0 ? ANY : cells.get(instrument);
      Instant t = instant(cells.get(ts), "--market file " + file + ":" + lineNo);
      double v = CliSupport.parseNumber(cells.get(volume), file, lineNo, "--market");
      if (v < 0 || v != Math.rint(v)) {
        throw new UserException("--market file " + file + ":" + lineNo + ": volume must be a whole number >= 0, was "
            + cells.get(volume));
      }
      try {
        builders.computeIfAbsent(key, k -> MarketTape.builder()).add(t,
            CliSupport.parseNumber(cells.get(bid), file, lineNo, "--market"),
            CliSupport.parseNumber(cells.get(ask), file, lineNo, "--market"),
            CliSupport.parseNumber(cells.get(price), file, lineNo, "--market"), (long) v);
      } catch (InvalidValueException e) {
        throw new UserException("--market file " + file + ":" + lineNo + ": " + e.getMessage(), e);
      }
    }
    if (builders.isEmpty()) {
      throw new UserException("--market file " + file + " has a header but no rows");
    }
    Map<String, MarketTape> tapes = new HashMap<>();
    builders.forEach((k, b) -> {
      try {
        tapes.put(k, b.build());
      } catch (InvalidValueException e) {
        throw new UserException("--market file " + file + (k.isEmpty() ? "" : " instrument " + k) + ": "
            + e.getMessage() + " (rows must be in time order)", e);
      }
    });
    return tapes;
  }

  private static List<String> lower(List<String> cells) {
    List<String> out = new ArrayList<>(cells.size());
    for (String c : cells) {
      out.add(c.toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static int column(List<String> header, String name, Path file) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new UserException("--market file " + file + " has no column '" + name + "'; columns are " + header
          + "; expected timestamp,bid,ask,price,volume[,instrument]");
    }
    return i;
  }

  private static List<Order> readOrders(Path file) {
    String text = String.join("\n", CliSupport.readLines(file, "--fills"));
    JsonNode root;
    try {
      root = CliSupport.json().readTree(text);
    } catch (JsonProcessingException e) {
      throw new UserException("--fills file " + file + " is not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()), e);
    }
    if (root == null || !root.path("orders").isArray() || root.path("orders").isEmpty()) {
      throw new UserException("--fills file " + file + " must be a JSON object with a non-empty array 'orders'");
    }
    List<Order> out = new ArrayList<>();
    JsonNode orders = root.path("orders");
    for (int i = 0; i < orders.size(); i++) {
      JsonNode o = orders.get(i);
      String where = "--fills file " + file + ": orders[" + i + "]";
      String id = text(o, "orderId", where);
      String instrument = o.hasNonNull("instrument") ? o.get("instrument").asText() : ANY;
      Side side;
      try {
        side = Side.valueOf(text(o, "side", where).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new UserException(where + ".side must be BUY, SELL or SELL_SHORT, was '" + o.get("side").asText() + "'");
      }
      long quantity = wholeNumber(o, "quantity", where);
      OptionalDouble decision = o.hasNonNull("decisionPrice")
          ? OptionalDouble.of(number(o, "decisionPrice", where)) : OptionalDouble.empty();
      Instant start = instant(text(o, "start", where), where + ".start");
      Instant end = instant(text(o, "end", where), where + ".end");
      double multiplier = o.hasNonNull("multiplier") ? number(o, "multiplier", where) : 1.0;
      List<ExecutionFill> fills = new ArrayList<>();
      JsonNode fs = o.path("fills");
      if (!fs.isMissingNode() && !fs.isNull() && !fs.isArray()) {
        throw new UserException(where + ".fills must be an array");
      }
      for (int j = 0; j < fs.size(); j++) {
        JsonNode f = fs.get(j);
        String fw = where + ".fills[" + j + "]";
        try {
          fills.add(new ExecutionFill(instant(text(f, "timestamp", fw), fw + ".timestamp"), wholeNumber(f, "quantity",
              fw), number(f, "price", fw), f.hasNonNull("fees") ? number(f, "fees", fw) : 0.0));
        } catch (InvalidValueException e) {
          throw new UserException(fw + ": " + e.getMessage(), e);
        }
      }
      try {
        out.add(new Order(instrument, new ParentExecution(id, side, quantity, decision, start, end, multiplier,
            fills)));
      } catch (InvalidValueException e) {
        throw new UserException(where + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || v.asText().isBlank()) {
      throw new UserException(where + "." + field + " is missing");
    }
    return v.asText();
  }

  private static double number(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new UserException(where + "." + field + " is missing");
    }
    if (!v.isNumber()) {
      throw new UserException(where + "." + field + " must be a number, was " + v);
    }
    double d = v.asDouble();
    if (!Double.isFinite(d)) {
      throw new UserException(where + "." + field + " must be finite, was " + v);
    }
    return d;
  }

  private static long wholeNumber(JsonNode node, String field, String where) {
    double d = number(node, field, where);
    if (d != Math.rint(d) || Math.abs(d) > 1e15) {
      throw new UserException(where + "." + field + " must be a whole number, was " + node.get(field));
    }
    return (long) d;
  }

  private static Instant instant(String text, String where) {
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new UserException(where + ": '" + text + "' is not an ISO-8601 instant such as 2024-03-04T15:30:00Z");
    }
  }
}
