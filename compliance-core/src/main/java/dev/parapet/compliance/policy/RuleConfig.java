package dev.parapet.compliance.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.api.alert.Severity;
import dev.parapet.compliance.rule.Enforcement;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One rule entry of a policy, as a {@link RuleFactory} sees it: the common fields (id, type,
 * enforcement, severity, description) and typed access to the {@code params} object.
 * <p>
 * Every getter validates the parameter's JSON type; a missing required parameter or a value of the
 * wrong type is recorded as a {@link PolicyProblem} at the parameter's JSON path, and the getter returns
 * a placeholder (NaN, 0, the default) so that the factory can go on and every problem is reported in
 * one go. Value ranges are the rule constructor's to check. Confined to the thread compiling the policy.
 */
public final class RuleConfig {

  private final String path;
  private final String id;
  private final String type;
  private final Enforcement enforcement;
  private final Severity severity;
  private final String description;
  private final ObjectNode params;
  private final List<PolicyProblem> problems;
  private final int problemsAtStart;
  private final Set<String> read = new HashSet<>();

  RuleConfig(String path, String id, String type, Enforcement enforcement, Severity severity, String description,
      ObjectNode params, List<PolicyProblem> problems) {
    this.path = path;
    this.id = id;
    this.type = type;
    this.enforcement = enforcement;
    this.severity = severity;
    this.description = description;
    this.params = params;
    this.problems = problems;
    this.problemsAtStart = problems.size();
  }

  /** Returns the JSON path of the rule entry, e.g. {@code $.rules[3]}. */
  public String path() {
    return path;
  }

  /** Returns the rule id (the {@code id} field, or the type when absent). */
  public String id() {
    return id;
  }

  /** Returns the rule type. */
  public String type() {
    return type;
  }

  /** Returns the enforcement ({@code HARD} unless the entry says {@code SOFT}). */
  public Enforcement enforcement() {
    return enforcement;
  }

  /** Returns the severity of post-trade alerts ({@code HIGH} unless the entry says otherwise). */
  public Severity severity() {
    return severity;
  }

  /** Returns the entry's description, or {@code fallback} when it has none. */
  public String description(String fallback) {
    return description == null ? fallback : description;
  }

  /** Returns the JSON path of a parameter. */
  public String paramPath(String name) {
    return PolicyCompiler.child(path + ".params", name);
  }

  // ----------------------------------------------------------------------------------------------
  // typed parameters

  /** Returns a required number; records a problem and returns NaN when missing or not a number. */
  public double number(String name) {
    JsonNode n = param(name);
    if (n == null) {
      problem(name, "missing", "a number");
      return Double.NaN;
    }
    return toNumber(name, n);
  }

  /** Returns an optional number, NaN when absent; records a problem when present but not a number. */
  public double optionalNumber(String name) {
    JsonNode n = param(name);
    return n == null ? Double.NaN : toNumber(name, n);
  }

  private double toNumber(String name, JsonNode n) {
    if (!n.isNumber()) {
      problem(name, n.toString(), "a number");
      return Double.NaN;
    }
    return n.doubleValue();
  }

  /** Returns a required integer; records a problem and returns 0 when missing or not an integer. */
  public long integer(String name) {
    JsonNode n = param(name);
    if (n == null) {
      problem(name, "missing", "an integer");
      return 0;
    }
    return toInteger(name, n, 0);
  }

  /** Returns an optional integer, {@code absent} when missing; records a problem when not an integer. */
  public long optionalInteger(String name, long absent) {
    JsonNode n = param(name);
    return n == null ? absent : toInteger(name, n, absent);
  }

  private long toInteger(String name, JsonNode n, long fallback) {
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      problem(name, n.toString(), "an integer");
      return fallback;
    }
    return n.longValue();
  }

  /** Returns an optional int, {@code absent} when missing; records a problem when not an int. */
  public int optionalInt(String name, int absent) {
    long v = optionalInteger(name, absent);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      problem(name, Long.toString(v), "an integer of at most " + Integer.MAX_VALUE);
      return absent;
    }
    return (int) v;
  }

  /** Returns an optional boolean, {@code absent} when missing; records a problem when not a boolean. */
  public boolean bool(String name, boolean absent) {
    JsonNode n = param(name);
    if (n == null) {
      return absent;
    }
    if (!n.isBoolean()) {
      problem(name, n.toString(), "true or false");
      return absent;
    }
    return n.booleanValue();
  }

  /**
   * Returns an optional enum constant named by a string (case-insensitive), {@code absent} when
   * missing; records a problem when it names no constant.
   */
  public <E extends Enum<E>> E enumValue(String name, Class<E> type, E absent) {
    JsonNode n = param(name);
    if (n == null) {
      return absent;
    }
    E[] constants = type.getEnumConstants();
    if (n.isTextual()) {
      for (E c : constants) {
        if (c.name().equalsIgnoreCase(n.textValue())) {
          return c;
        }
      }
    }
    StringBuilder names = new StringBuilder("one of");
    for (int i = 0; i < constants.length; i++) {
      names.append(i == 0 ? " " : ", ").append('"').append(constants[i].name()).append('"');
    }
    problem(name, n.toString(), names.toString());
    return absent;
  }

  /**
   * Returns an optional array of non-blank strings as a set, empty when absent; records a problem for
   * anything else.
   */
  public Set<String> strings(String name) {
    JsonNode n = param(name);
    if (n == null) {
      return Set.of();
    }
    if (!n.isArray()) {
      problem(name, n.toString(), "an array of strings");
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < n.size(); i++) {
      JsonNode e = n.get(i);
      if (!e.isTextual() || e.textValue().isBlank()) {
        problems.add(new PolicyProblem(paramPath(name) + "[" + i + "]", e.toString(), "a non-blank string"));
      } else {
        out.add(e.textValue());
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /** Records a problem with a parameter (for checks that involve several parameters). */
  public void problem(String name, String value, String expected) {
    problems.add(new PolicyProblem(paramPath(name), value, expected));
  }

  /** Records a problem with the rule entry as a whole (for example a missing capability in the context). */
  public void ruleProblem(String value, String expected) {
    problems.add(new PolicyProblem(path, value, expected));
  }

  /** Returns true when a problem has been recorded for this rule entry. */
  public boolean hasProblems() {
    return problems.size() > problemsAtStart;
  }

  /** Returns true when the parameter is present. */
  public boolean has(String name) {
    read.add(name);
    return params.has(name);
  }

  private JsonNode param(String name) {
    read.add(name);
    return params.get(name);
  }

  /** Records a problem for every parameter no getter asked for. */
  void reportUnknownParameters() {
    for (Iterator<String> it = params.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!read.contains(name)) {
        List<String> known = List.copyOf(new TreeSet<>(read));
        problems.add(new PolicyProblem(paramPath(name), params.get(name).toString(),
            known.isEmpty() ? "no parameters for rule type '" + type + "'"
                : "a parameter of rule type '" + type + "', one of " + known));
      }
    }
  }

  @Override
  public String toString() {
    return "RuleConfig[" + path + " " + type + " " + id + " " + enforcement.name().toLowerCase(Locale.ROOT) + "]";
  }
}
