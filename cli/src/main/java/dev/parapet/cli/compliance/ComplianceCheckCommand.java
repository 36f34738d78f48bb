package dev.parapet.cli.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.api.book.PositionBook;
import dev.parapet.api.calendar.MarketCalendars;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.Reason;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.time.SimulatedClock;
import dev.parapet.cli.CliSupport;
import dev.parapet.cli.UserException;
import dev.parapet.compliance.gate.ComplianceGate;
import dev.parapet.compliance.policy.PolicyException;
import dev.parapet.compliance.policy.PolicyProblem;
import dev.parapet.compliance.rule.ComplianceRule;
import dev.parapet.compliance.rule.RuleContext;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parapet compliance check --policy FILE --portfolio FILE --order FILE}: runs the compliance gate
 * once and prints the decision as one line of JSON:
 * <pre>{@code
 * {"clientOrderId":"O-1","account":"FUND-A","instrument":"AAPL","approved":false,
 *  "policy":{"name":"firm","version":"3","sha256":"..."},
 *  "breaches":[{"rule":"fat-finger","code":"MAX_ORDER_NOTIONAL","blocking":true,
 *               "message":"order notional 6000000 exceeds the maximum 5000000","limit":5000000.0,"value":6000000.0}]}
 * }</pre>
 * {@code breaches} lists every reason, blocking or not (warnings have {@code "blocking":false});
 * {@code limit} and {@code value} are {@code null} when a reason has no figures. Exit code 0 when the
 * order is approved, 1 when it is rejected, 2 for a user mistake (missing or malformed file, refused
 * policy: one line on stderr naming the file and JSON path).
 * <p>
 * The policy is a compliance policy file (see {@code CompliancePolicy}). The order file:
 * {@code {"clientOrderId":"O-1","account":"FUND-A","strategy":"momentum","instrument":"AAPL","side":"BUY",
 * "quantity":100,"limitPrice":190.5,"timeInForce":"DAY"}} (no {@code limitPrice}: a market order). The
 * portfolio file:
 * <pre>{@code
 * {"asOf": "2024-03-05T15:00:00Z",
 *  "instruments": [{"id":"AAPL","sector":"Information Technology","issuer":"Apple Inc.",
 *                   "lotSize":1,"tickSize":0.01,"multiplier":1,"currency":"USD","assetClass":"EQUITY"}],
 *  "marks": {"AAPL": 190.0},
 *  "accounts": [{"account":"FUND-A","cash":1000000,"startOfDayNav":1190000,
 *                "positions":[{"instrument":"AAPL","quantity":1000,"averageCost":150.0}]}],
 *  "openOrders": [ orders as in the order file ],
 *  "locates": [{"account":"FUND-A","instrument":"AAPL","quantity":500}],
 *  "adv": {"AAPL": 55000000},
 *  "halted": ["XYZ"]}
 * }</pre>
 * Only {@code instruments} and {@code accounts} are needed; {@code startOfDayNav} defaults to the
 * account's NAV; open orders are reserved in the book and count as resting, recent orders (accepted at
 * {@code asOf}). The check runs at {@code --at}, else {@code asOf}, else now, on the {@code --exchange}
 * calendar.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Check one order against a compliance policy and a portfolio; print the decision as JSON.")
public final class ComplianceCheckCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--policy", required = true, paramLabel = "FILE", description = "The compliance policy (JSON).")
  private Path policy;

  @Option(names = "--portfolio", required = true, paramLabel = "FILE", description = "The portfolio (JSON).")
  private Path portfolio;

  @Option(names = "--order", required = true, paramLabel = "FILE", description = "The order (JSON).")
  private Path order;

  @Option(names = "--exchange", defaultValue = "XNYS", paramLabel = "MIC",
      description = "The market calendar for the trading-session rule (default: ${DEFAULT-VALUE}).")
  private String exchange;

  @Option(names = "--at", paramLabel = "INSTANT",
      description = "When the check runs, e.g. 2024-03-05T15:00:00Z (default: the portfolio's asOf, else now).")
  private String at;

  @Override
  public Integer call() {
    Instant when = null;
    if (at != null) {
      try {
        when = Instant.parse(at);
      } catch (DateTimeParseException e) {
        throw new UserException("--at must be an ISO-8601 instant such as 2024-03-05T15:00:00Z, was '" + at + "'");
      }
    }
    String policyText = new JsonInput("policy", policy).text();
    PortfolioFile pf = new PortfolioFile(portfolio, when == null ? Instant.now() : when);
    SimulatedClock clock = SimulatedClock.at(when == null ? pf.asOf : when);
    RuleContext context = RuleContext.builder().clock(clock).calendar(MarketCalendars.of(exchange)).build();
    PositionBook book = PositionBook.create();
    pf.load(book, context);
    JsonInput orderInput = new JsonInput("order", order);
    JsonNode orderJson = orderInput.read();
    OrderRequest request = pf.order(orderInput, orderJson, "$");
    ComplianceGate gate;
    try {
      gate = ComplianceGate.builder().context(context).policy(policyText, policy.toString()).build();
    } catch (PolicyException e) {
      List<String> problems = new ArrayList<>();
      for (PolicyProblem p : e.problems()) {
        problems.add(p.toString());
      }
      throw new UserException("policy file " + policy + " refused (" + problems.size()
          + (problems.size() == 1 ? " problem): " : " problems): ") + String.join("; ", problems));
    }
    GateDecision decision = gate.check(request, book);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("clientOrderId", request.clientOrderId());
    out.put("account", request.account());
    out.put("instrument", request.instrument().id());
    out.put("approved", decision.approved());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", gate.policy().name());
    p.put("version", gate.policy().version());
    p.put("sha256", gate.policy().sha256());
    out.put("policy", p);
    List<Map<String, Object>> breaches = new ArrayList<>();
    for (Reason r : decision.reasons()) {
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("rule", r.source().startsWith(ComplianceRule.SOURCE_PREFIX)
          ? r.source().substring(ComplianceRule.SOURCE_PREFIX.length()) : r.source());
      b.put("code", r.code().name());
      b.put("blocking", r.blocking());
      b.put("message", r.message());
      b.put("limit", Double.isFinite(r.limit()) ? r.limit() : null);
      b.put("value", Double.isFinite(r.value()) ? r.value() : null);
      breaches.add(b);
    }
    out.put("breaches", breaches);
    CliSupport.printJson(spec.commandLine().getOut(), out);
    return decision.approved() ? CliSupport.EXIT_OK : CliSupport.EXIT_CHECK_FAILED;
  }
}
