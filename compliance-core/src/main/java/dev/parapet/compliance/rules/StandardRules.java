package dev.parapet.compliance.rules;

import dev.parapet.compliance.policy.RuleCatalogue;
import dev.parapet.compliance.policy.RuleConfig;
import dev.parapet.compliance.rule.RuleContext;

/**
 * The standard rule catalogue: the seventeen rule types a policy may name, with their parameters.
 * Percentages are in percent (10 means 10%); amounts are in the book's reporting currency; durations in
 * milliseconds. "Worst case" means the book's pending open orders plus the order itself
 * ({@link dev.parapet.api.book.ExposureBasis#WORST_CASE}).
 * <table>
 *   <caption>Rule types</caption>
 *   <tr><th>type</th><th>params</th><th>reason codes</th></tr>
 *   <tr><td>{@value #RESTRICTED_LIST}</td><td>restrictedInstruments, restrictedIssuers, watchInstruments,
 *       watchIssuers (arrays of ids / issuer names)</td><td>RESTRICTED_INSTRUMENT, WATCH_LIST</td></tr>
 *   <tr><td>{@value #MAX_ORDER_QUANTITY}</td><td>maxQuantity</td><td>MAX_ORDER_QUANTITY</td></tr>
 *   <tr><td>{@value #MAX_ORDER_NOTIONAL}</td><td>maxNotional</td><td>MAX_ORDER_NOTIONAL</td></tr>
 *   <tr><td>{@value #PRICE_COLLAR}</td><td>maxDeviationPercent or maxDeviationTicks</td><td>PRICE_COLLAR</td></tr>
 *   <tr><td>{@value #POSITION_LIMIT}</td><td>maxQuantity and/or maxNotional</td><td>POSITION_LIMIT</td></tr>
 *   <tr><td>{@value #ISSUER_CONCENTRATION}</td><td>maxPercentOfNav; optional aggregateThresholdPercent +
 *       aggregateMaxPercent (UCITS 5/10/40), aggregateRefreshMillis (1000)</td><td>ISSUER_CONCENTRATION</td></tr>
 *   <tr><td>{@value #SECTOR_CONCENTRATION}</td><td>maxPercentOfNav</td><td>SECTOR_CONCENTRATION</td></tr>
 *   <tr><td>{@value #EXPOSURE_LIMIT}</td><td>maxGross, maxNet, maxGrossPercentOfNav, maxNetPercentOfNav (at
 *       least one)</td><td>GROSS_EXPOSURE, NET_EXPOSURE</td></tr>
 *   <tr><td>{@value #LEVERAGE}</td><td>maxLeverage</td><td>LEVERAGE</td></tr>
 *   <tr><td>{@value #SHORT_SALE_LOCATE}</td><td>checkLongSales (true)</td><td>NO_LOCATE</td></tr>
 *   <tr><td>{@value #WASH_TRADE}</td><td>none</td><td>WASH_TRADE</td></tr>
 *   <tr><td>{@value #MESSAGE_THROTTLE}</td><td>maxMessagesPerAccount and/or maxMessagesPerInstrument,
 *       windowMillis (1000)</td><td>THROTTLE</td></tr>
 *   <tr><td>{@value #MAX_OPEN_ORDERS}</td><td>maxOpenOrders</td><td>MAX_OPEN_ORDERS</td></tr>
 *   <tr><td>{@value #ADV_PARTICIPATION}</td><td>maxPercentOfAdv, missingAdv (REJECT | ALLOW)</td>
 *       <td>ADV_PARTICIPATION</td></tr>
 *   <tr><td>{@value #DUPLICATE_ORDER}</td><td>windowMillis (1000)</td><td>DUPLICATE_ORDER</td></tr>
 *   <tr><td>{@value #TRADING_SESSION}</td><td>checkHalts (true); needs a calendar in the context</td>
 *       <td>MARKET_CLOSED, INSTRUMENT_HALTED</td></tr>
 *   <tr><td>{@value #DAILY_LOSS_LIMIT}</td><td>maxLoss and/or maxLossPercentOfStartNav</td>
 *       <td>DAILY_LOSS_LIMIT (trips the kill switch)</td></tr>
 * </table>
 * Exposure-type rules reject only orders that increase their measure, so reducing trades always pass.
 * Every rule may also give {@code NO_REFERENCE_PRICE} when it must value an instrument without a mark.
 */
public final class StandardRules {

  /** Rule 1: restricted list (block) and watch list (warn) by instrument or issuer. */
  public static final String RESTRICTED_LIST = "restricted-list";
  /** Rule 2: maximum order quantity. */
  public static final String MAX_ORDER_QUANTITY = "max-order-quantity";
  /** Rule 3: maximum order notional (fat finger). */
  public static final String MAX_ORDER_NOTIONAL = "max-order-notional";
  /** Rule 4: price collar around the reference price. */
  public static final String PRICE_COLLAR = "price-collar";
  /** Rule 5: position limit per instrument, including open orders. */
  public static final String POSITION_LIMIT = "position-limit";
  /** Rule 6: issuer concentration as a share of NAV (with the UCITS 5/10/40 aggregate). */
  public static final String ISSUER_CONCENTRATION = "issuer-concentration";
  /** Rule 7: sector or industry concentration. */
  public static final String SECTOR_CONCENTRATION = "sector-concentration";
  /** Rule 8: gross and net exposure limits. */
  public static final String EXPOSURE_LIMIT = "exposure-limit";
  /** Rule 9: gross leverage limit. */
  public static final String LEVERAGE = "leverage";
  /** Rule 10: short sales need a locate (Reg SHO). */
  public static final String SHORT_SALE_LOCATE = "short-sale-locate";
  /** Rule 11: wash-trade and self-cross prevention. */
  public static final String WASH_TRADE = "wash-trade";
  /** Rule 12: message throttle per account and per instrument. */
  public static final String MESSAGE_THROTTLE = "message-throttle";
  /** Rule 13: maximum open orders. */
  public static final String MAX_OPEN_ORDERS = "max-open-orders";
  /** Rule 14: order quantity as a share of average daily volume. */
  public static final String ADV_PARTICIPATION = "adv-participation";
  /** Rule 15: duplicate order detection. */
  public static final String DUPLICATE_ORDER = "duplicate-order";
  /** Rule 16: market open and instrument not halted. */
  public static final String TRADING_SESSION = "trading-session";
  /** Rule 17: daily loss limit, which trips the kill switch. */
  public static final String DAILY_LOSS_LIMIT = "daily-loss-limit";

  private static final RuleCatalogue CATALOGUE = RuleCatalogue.empty()
      .with(RESTRICTED_LIST, StandardRules::restrictedList)
      .with(MAX_ORDER_QUANTITY, (c, ctx) -> {
        long max = c.integer("maxQuantity");
        return new MaxOrderQuantityRule(c.id(), c.description("order quantity at most " + max), c.severity(),
            c.enforcement(), max);
      })
      .with(MAX_ORDER_NOTIONAL, (c, ctx) -> {
        double max = c.number("maxNotional");
        return new MaxOrderNotionalRule(c.id(), c.description("order notional at most " + OrderMath.fmt(max)),
            c.severity(), c.enforcement(), max);
      })
      .with(PRICE_COLLAR, (c, ctx) -> {
        double percent = c.optionalNumber("maxDeviationPercent");
        long ticks = c.optionalInteger("maxDeviationTicks", 0);
        if (c.has("maxDeviationTicks") && ticks == 0 && !c.hasProblems()) {
          c.problem("maxDeviationTicks", "0", "> 0");
        }
        return new PriceCollarRule(c.id(), c.description(Double.isNaN(percent)
            ? "limit price within " + ticks + " ticks of the reference"
            : "limit price within " + OrderMath.fmt(percent) + "% of the reference"), c.severity(), c.enforcement(),
            percent, ticks);
      })
      .with(POSITION_LIMIT, (c, ctx) -> {
        long quantity = c.optionalInteger("maxQuantity", 0);
        if (c.has("maxQuantity") && quantity == 0 && !c.hasProblems()) {
          c.problem("maxQuantity", "0", "> 0");
        }
        double notional = c.optionalNumber("maxNotional");
        return new PositionLimitRule(c.id(), c.description("worst-case position per instrument within "
            + (quantity != 0 ? quantity + " units" : "") + (quantity != 0 && !Double.isNaN(notional) ? " and " : "")
            + (Double.isNaN(notional) ? "" : OrderMath.fmt(notional))), c.severity(), c.enforcement(), quantity, notional);
      })
      .with(ISSUER_CONCENTRATION, (c, ctx) -> {
        double max = c.number("maxPercentOfNav");
        double threshold = c.optionalNumber("aggregateThresholdPercent");
        double aggregate = c.optionalNumber("aggregateMaxPercent");
        long refresh = c.optionalInteger("aggregateRefreshMillis", 1000);
        return new IssuerConcentrationRule(c.id(), c.description("exposure per issuer at most "
            + OrderMath.fmt(max) + "% of NAV" + (Double.isNaN(aggregate) ? "" : "; issuers above "
            + OrderMath.fmt(threshold) + "% together at most " + OrderMath.fmt(aggregate) + "%")),
            c.severity(), c.enforcement(), max, threshold, aggregate, refresh, ctx.clock());
      })
      .with(SECTOR_CONCENTRATION, (c, ctx) -> {
        double max = c.number("maxPercentOfNav");
        return new SectorConcentrationRule(c.id(), c.description("exposure per sector at most " + OrderMath.fmt(max)
            + "% of NAV"), c.severity(), c.enforcement(), max);
      })
      .with(EXPOSURE_LIMIT, (c, ctx) -> new ExposureLimitRule(c.id(),
          c.description("worst-case gross and net exposure limits"), c.severity(), c.enforcement(),
          c.optionalNumber("maxGross"), c.optionalNumber("maxNet"), c.optionalNumber("maxGrossPercentOfNav"),
          c.optionalNumber("maxNetPercentOfNav")))
      .with(LEVERAGE, (c, ctx) -> {
        double max = c.number("maxLeverage");
        return new LeverageRule(c.id(), c.description("worst-case gross leverage at most " + OrderMath.fmt(max)),
            c.severity(), c.enforcement(), max);
      })
      .with(SHORT_SALE_LOCATE, (c, ctx) -> new ShortSaleLocateRule(c.id(),
          c.description("short sales need a locate (Reg SHO 203(b)(1)); sales up to the long position"),
          c.severity(), c.enforcement(), ctx.locates(), c.bool("checkLongSales", true)))
      .with(WASH_TRADE, (c, ctx) -> new WashTradeRule(c.id(),
          c.description("no order may trade against the same account's resting opposite order"), c.severity(),
          c.enforcement(), ctx.activity()))
      .with(MESSAGE_THROTTLE, (c, ctx) -> {
        int perAccount = c.optionalInt("maxMessagesPerAccount", 0);
        int perInstrument = c.optionalInt("maxMessagesPerInstrument", 0);
        if (c.has("maxMessagesPerAccount") && perAccount == 0 && !c.hasProblems()) {
          c.problem("maxMessagesPerAccount", "0", "> 0");
        }
        if (c.has("maxMessagesPerInstrument") && perInstrument == 0 && !c.hasProblems()) {
          c.problem("maxMessagesPerInstrument", "0", "> 0");
        }
        long window = c.optionalInteger("windowMillis", 1000);
        return new MessageThrottleRule(c.id(), c.description("at most " + perAccount + " messages per account and "
            + perInstrument + " per instrument in " + window + " ms (0: no limit)"), c.severity(), c.enforcement(),
            perAccount, perInstrument, window, ctx.activity(), ctx.clock());
      })
      .with(MAX_OPEN_ORDERS, (c, ctx) -> {
        int max = c.optionalInt("maxOpenOrders", 0);
        if (!c.has("maxOpenOrders")) {
          c.problem("maxOpenOrders", "missing", "an integer");
        }
        return new MaxOpenOrdersRule(c.id(), c.description("at most " + max + " open orders per account"),
            c.severity(), c.enforcement(), max);
      })
      .with(ADV_PARTICIPATION, (c, ctx) -> {
        double max = c.number("maxPercentOfAdv");
        AdvParticipationRule.MissingAdv missing = c.enumValue("missingAdv", AdvParticipationRule.MissingAdv.class,
            AdvParticipationRule.MissingAdv.REJECT);
        return new AdvParticipationRule(c.id(), c.description("order quantity at most " + OrderMath.fmt(max)
            + "% of average daily volume"), c.severity(), c.enforcement(), max, missing, ctx.adv());
      })
      .with(DUPLICATE_ORDER, (c, ctx) -> {
        long window = c.optionalInteger("windowMillis", 1000);
        return new DuplicateOrderRule(c.id(), c.description("no identical order within " + window + " ms"),
            c.severity(), c.enforcement(), window, ctx.activity(), ctx.clock());
      })
      .with(TRADING_SESSION, (c, ctx) -> {
        boolean checkHalts = c.bool("checkHalts", true);
        if (ctx.findCalendar().isEmpty()) {
          c.ruleProblem("no market calendar", "a market calendar in the rule context (rule type '"
              + TRADING_SESSION + "' needs one)");
          return null;
        }
        return new TradingSessionRule(c.id(), c.description("orders only while " + ctx.getCalendar().exchange()
            + " is open" + (checkHalts ? " and the instrument is not halted" : "")), c.severity(), c.enforcement(),
            ctx.getCalendar(), ctx.halts(), ctx.clock(), checkHalts);
      })
      .with(DAILY_LOSS_LIMIT, (c, ctx) -> {
        double maxLoss = c.optionalNumber("maxLoss");
        double maxPercent = c.optionalNumber("maxLossPercentOfStartNav");
        return new DailyLossLimitRule(c.id(), c.description("daily loss at most "
            + (Double.isNaN(maxLoss) ? "" : OrderMath.fmt(maxLoss))
            + (!Double.isNaN(maxLoss) && !Double.isNaN(maxPercent) ? " and " : "")
            + (Double.isNaN(maxPercent) ? "" : OrderMath.fmt(maxPercent) + "% of start-of-day NAV")),
            c.severity(), c.enforcement(), maxLoss, maxPercent, ctx.startOfDay());
      });

  private StandardRules() {
  }

  /** Returns the catalogue of the seventeen standard rule types; add host types with {@code with}. */
  public static RuleCatalogue catalogue() {
    return CATALOGUE;
  }

  private static RestrictedListRule restrictedList(RuleConfig c, RuleContext ctx) {
    return new RestrictedListRule(c.id(), c.description("no orders in restricted instruments or issuers; "
        + "warn on the watch list"), c.severity(), c.enforcement(), c.strings("restrictedInstruments"),
        c.strings("restrictedIssuers"), c.strings("watchInstruments"), c.strings("watchIssuers"));
  }
}
