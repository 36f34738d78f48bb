package dev.parapet.monitoring.alert;

import dev.parapet.api.Checks;
import dev.parapet.api.InvalidValueException;
import dev.parapet.api.alert.Alert;
import dev.parapet.api.alert.Severity;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A label matcher as in Alertmanager: {@code name=value}, {@code name!=value}, {@code name=~regex} or
 * {@code name!~regex}. Regular expressions are anchored (they must match the whole value).
 * <p>
 * Besides an alert's labels, two pseudo-labels can be matched: {@code alertname} (the alert's name) and
 * {@code severity} (its {@link Severity} name), unless the alert carries a label of that name. A missing label
 * has the empty value, so {@code team=""} matches alerts without a {@code team} label (Alertmanager's rule).
 * This class is immutable and thread-safe.
 */
public final class Matcher {

  /** The pseudo-label holding the alert's name. */
  public static final String ALERTNAME = "alertname";
  /** The pseudo-label holding the alert's severity. */
  public static final String SEVERITY = "severity";

  /** How a matcher compares. */
  public enum Type {
    /** The value equals. */
    EQUAL("="),
    /** The value differs. */
    NOT_EQUAL("!="),
    /** The value matches the anchored regular expression. */
    REGEX("=~"),
    /** The value does not match the anchored regular expression. */
    NOT_REGEX("!~");

    private final String operator;

    Type(String operator) {
      this.operator = operator;
    }

    /** Returns the operator as written, e.g. {@code =~}. */
    public String operator() {
      return operator;
    }
  }

  private final String name;
  private final Type type;
  private final String value;
  private final Pattern pattern;

  private Matcher(String name, Type type, String value) {
    this.name = Checks.notBlank(name, "matcher name");
    this.type = Checks.notNull(type, "matcher type", name);
    this.value = Checks.notNull(value, "matcher value", name);
    if (type == Type.REGEX || type == Type.NOT_REGEX) {
      try {
        this.pattern = Pattern.compile(value);
      } catch (PatternSyntaxException e) {
        throw new InvalidValueException("matcher value", value, "a valid regular expression (" + e.getDescription()
            + ")", "matcher on " + name);
      }
    } else {
      this.pattern = null;
    }
  }

  /** Returns a matcher {@code name=value}. */
  public static Matcher equal(String name, String value) {
    return new Matcher(name, Type.EQUAL, value);
  }

  /** Returns a matcher {@code name!=value}. */
  public static Matcher notEqual(String name, String value) {
    return new Matcher(name, Type.NOT_EQUAL, value);
  }

  /** Returns a matcher {@code name=~regex}. */
  public static Matcher regex(String name, String regex) {
    return new Matcher(name, Type.REGEX, regex);
  }

  /** Returns a matcher {@code name!~regex}. */
  public static Matcher notRegex(String name, String regex) {
    return new Matcher(name, Type.NOT_REGEX, regex);
  }

  /** Returns a matcher of the alert name. */
  public static Matcher alertName(String alertName) {
    return equal(ALERTNAME, alertName);
  }

  /** Returns a matcher of one severity. */
  public static Matcher severity(Severity severity) {
    return equal(SEVERITY, severity.name());
  }

  /** Returns a matcher of severities at least as serious as {@code minimum}. */
  public static Matcher severityAtLeast(Severity minimum) {
    StringBuilder sb = new StringBuilder();
    for (Severity s : Severity.values()) {
      if (s.atLeast(minimum)) {
        sb.append(sb.length() == 0 ? "" : "|").append(s.name());
      }
    }
    return regex(SEVERITY, sb.toString());
  }

  /**
   * Parses a matcher written as in Alertmanager, e.g. {@code severity="CRITICAL"}, {@code account!=ACC1},
   * {@code alertname=~"Order.*"}; quotes around the value are optional.
   *
   * @throws InvalidValueException if the text is not a matcher
   */
  public static Matcher parse(String text) {
    Checks.notBlank(text, "matcher");
    String t = text.trim();
    int i = 0;
    while (i < t.length() && (Character.isLetterOrDigit(t.charAt(i)) || t.charAt(i) == '_')) {
      i++;
    }
    String name = t.substring(0, i);
    String rest = t.substring(i).trim();
    Type type = null;
    for (Type candidate : new Type[] {Type.REGEX, Type.NOT_REGEX, Type.NOT_EQUAL, Type.EQUAL}) {
      if (rest.startsWith(candidate.operator)) {
        type = candidate;
        break;
      }
    }
    if (name.isEmpty() || type == null) {
      throw new InvalidValueException("matcher", "'" + text + "'", "name, one of = != =~ !~, and a value", null);
    }
    String v = rest.substring(type.operator.length()).trim();
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      v = v.substring(1, v.length() - 1);
    }
    return new Matcher(name, type, v);
  }

  /** Returns the value of a label or pseudo-label of an alert, "" when absent. */
  static String labelValue(Alert alert, String name) {
    String v = alert.labels().get(name);
    if (v != null) {
      return v;
    }
    if (ALERTNAME.equals(name)) {
      return alert.name();
    }
    if (SEVERITY.equals(name)) {
      return alert.severity().name();
    }
    return "";
  }

  /** Returns true if the alert matches. */
  public boolean matches(Alert alert) {
    String v = labelValue(alert, name);
    switch (type) {
      case EQUAL:
        return v.equals(value);
      case NOT_EQUAL:
        return !v.equals(value);
      case REGEX:
        return pattern.matcher(v).matches();
      default:
        return !pattern.matcher(v).matches();
    }
  }

  /** Returns the label name. */
  public String name() {
    return name;
  }

  /** Returns the comparison type. */
  public Type type() {
    return type;
  }

  /** Returns the value or regular expression. */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Matcher && ((Matcher) o).name.equals(name) && ((Matcher) o).type == type
        && ((Matcher) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, value);
  }

  @Override
  public String toString() {
    return name + type.operator + '"' + value + '"';
  }
}
