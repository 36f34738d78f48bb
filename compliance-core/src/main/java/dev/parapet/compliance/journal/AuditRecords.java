package dev.parapet.compliance.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.api.gate.GateDecision;
import dev.parapet.api.gate.Reason;
import dev.parapet.api.model.OrderRequest;
import java.time.Instant;
import java.util.Map;

/**
 * The record types compliance writes to the audit journal and their JSON payloads, so that every writer
 * (the orchestrator for decisions, the kill switch, the sweep, policy reloads) records the same shape
 * and reports can read it back. Non-finite figures are written as {@code null}. Stateless and
 * thread-safe.
 */
public final class AuditRecords {

  /** A gate decision on one order (written by the orchestrator for the whole gate chain). */
  public static final String DECISION = "decision";
  /** A compliance violation opened or resolved by the post-trade sweep. */
  public static final String VIOLATION = "violation";
  /** The kill switch engaged or was reset. */
  public static final String KILL_SWITCH = "kill-switch";
  /** A policy was loaded at start or reloaded. */
  public static final String POLICY_LOADED = "policy-loaded";
  /** A policy reload was refused; the previous policy stays in force. */
  public static final String POLICY_REFUSED = "policy-refused";

  private static final ObjectMapper JSON = new ObjectMapper();

  private AuditRecords() {
  }

  /** Returns a new empty JSON object for a custom payload. */
  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** Returns a JSON object as compact text. */
  public static String text(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** Puts a number, or null when it is not finite. */
  public static ObjectNode putNumber(ObjectNode node, String field, double value) {
    if (Double.isFinite(value)) {
      node.put(field, value);
    } else {
      node.putNull(field);
    }
    return node;
  }

  /**
   * Returns the payload of a {@value #DECISION} record: the order's identity and terms, whether it was
   * approved, every reason (code, source, message, blocking, limit, value) and every figure.
   */
  public static String decision(OrderRequest order, GateDecision decision) {
    ObjectNode n = object();
    n.put("clientOrderId", order.clientOrderId());
    n.put("account", order.account());
    n.put("strategy", order.strategy());
    n.put("instrument", order.instrument().id());
    n.put("side", order.side().name());
    n.put("quantity", order.quantity());
    n.put("orderType", order.orderType().name());
    if (order.isLimit()) {
      n.put("limitPrice", order.limitPrice().getAsDouble());
    }
    n.put("approved", decision.approved());
    n.set("reasons", reasons(decision));
    ObjectNode figures = n.putObject("figures");
    for (Map.Entry<String, Double> f : decision.figures().entrySet()) {
      putNumber(figures, f.getKey(), f.getValue());
    }
    return text(n);
  }

  /** Returns the reasons of a decision as a JSON array. */
  public static ArrayNode reasons(GateDecision decision) {
    ArrayNode reasons = JSON.createArrayNode();
    for (Reason r : decision.reasons()) {
      ObjectNode o = reasons.addObject();
      o.put("code", r.code().name());
      o.put("source", r.source());
      o.put("message", r.message());
      o.put("blocking", r.blocking());
      putNumber(o, "limit", r.limit());
      putNumber(o, "value", r.value());
    }
    return reasons;
  }

  /**
   * Returns the payload of a {@value #VIOLATION} record.
   *
   * @param status {@code NEW} or {@code RESOLVED}
   * @param account the account
   * @param ruleId the rule
   * @param subject what the violation is about
   * @param code the reason code name
   * @param message the latest message
   * @param limit the limit
   * @param value the latest value
   * @param openedAt when it was first found
   * @param resolvedAt when it was found gone, or null while open
   */
  public static String violation(String status, String account, String ruleId, String subject, String code,
      String message, double limit, double value, Instant openedAt, Instant resolvedAt) {
    ObjectNode n = object();
    n.put("status", status);
    n.put("account", account);
    n.put("rule", ruleId);
    n.put("subject", subject);
    n.put("code", code);
    n.put("message", message);
    putNumber(n, "limit", limit);
    putNumber(n, "value", value);
    n.put("openedAt", openedAt.toString());
    if (resolvedAt != null) {
      n.put("resolvedAt", resolvedAt.toString());
    }
    return text(n);
  }

  /**
   * Returns the payload of a {@value #KILL_SWITCH} record.
   *
   * @param action {@code ENGAGED} or {@code RESET}
   * @param trigger {@code manual}, or the automatic trigger (e.g. {@code daily-loss-limit})
   * @param by who: the operator, or the component that tripped it
   * @param reason why
   * @param cancelledOrders working child orders asked to cancel (-1 when not applicable)
   */
  public static String killSwitch(String action, String trigger, String by, String reason, int cancelledOrders) {
    ObjectNode n = object();
    n.put("action", action);
    n.put("trigger", trigger);
    n.put("by", by);
    n.put("reason", reason);
    if (cancelledOrders >= 0) {
      n.put("cancelledOrders", cancelledOrders);
    }
    return text(n);
  }

  /** Returns the payload of a {@value #POLICY_LOADED} record. */
  public static String policyLoaded(String source, String name, String version, String sha256,
      String previousSha256) {
    ObjectNode n = object();
    n.put("source", source);
    n.put("name", name);
    n.put("version", version);
    n.put("sha256", sha256);
    if (previousSha256 != null) {
      n.put("previousSha256", previousSha256);
    }
    return text(n);
  }

  /** Returns the payload of a {@value #POLICY_REFUSED} record: the source and each problem line. */
  public static String policyRefused(String source, String sha256, Iterable<String> problems,
      String sha256InForce) {
    ObjectNode n = object();
    n.put("source", source);
    n.put("sha256", sha256);
    ArrayNode p = n.putArray("problems");
    for (String problem : problems) {
      p.add(problem);
    }
    n.put("sha256InForce", sha256InForce);
    return text(n);
  }
}
