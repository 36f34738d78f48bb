package dev.parapet.api.alert;

import dev.parapet.api.Checks;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An alert, modelled on Prometheus Alertmanager's: a name, a severity, identifying labels,
 * descriptive annotations, and the time it started and (once resolved) ended.
 * <p>
 * Labels identify the alert: the {@link #fingerprint()} is a 64-bit FNV-1a hash of the name and the
 * labels sorted by key, so the same condition firing again has the same fingerprint and is
 * deduplicated. Annotations (summary, description, figures) do not enter the fingerprint. Every alert
 * has a {@code category} label holding an {@link AlertCategory} name. An alert with an
 * {@link #endsAt()} is resolved.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class Alert {

  /** The label holding the {@link AlertCategory}. */
  public static final String CATEGORY = "category";
  /** The label holding the account, when the alert is about one. */
  public static final String ACCOUNT = "account";
  /** The label holding the instrument id, when the alert is about one. */
  public static final String INSTRUMENT = "instrument";
  /** The annotation holding a one-line summary. */
  public static final String SUMMARY = "summary";

  private final String name;
  private final Severity severity;
  private final Map<String, String> labels;
  private final Map<String, String> annotations;
  private final Instant startsAt;
  private final Instant endsAt;
  private final long fingerprint;

  private Alert(String name, Severity severity, Map<String, String> labels, Map<String, String> annotations,
      Instant startsAt, Instant endsAt) {
    this.name = Checks.notBlank(name, "name");
    this.severity = Checks.notNull(severity, "severity", "alert " + name);
    TreeMap<String, String> sortedLabels = new TreeMap<>();
    labels.forEach((k, v) -> sortedLabels.put(Checks.notBlank(k, "label name", "alert " + name),
        Checks.notNull(v, "label " + k, "alert " + name)));
    String category = sortedLabels.get(CATEGORY);
    Checks.check(category != null, "labels", sortedLabels, "to contain a '" + CATEGORY + "' label", "alert " + name);
    try {
      AlertCategory.valueOf(category);
    } catch (IllegalArgumentException e) {
      Checks.check(false, CATEGORY, category, "one of RISK, COMPLIANCE, EXECUTION, DATA, SYSTEM", "alert " + name);
    }
    this.labels = Collections.unmodifiableMap(sortedLabels);
    TreeMap<String, String> sortedAnnotations = new TreeMap<>();
    annotations.forEach((k, v) -> sortedAnnotations.put(Checks.notBlank(k, "annotation name", "alert " + name),
        Checks.notNull(v, "annotation " + k, "alert " + name)));
    this.annotations = Collections.unmodifiableMap(sortedAnnotations);
    this.startsAt = Checks.notNull(startsAt, "startsAt", "alert " + name);
    if (endsAt != null) {
      Checks.check(!endsAt.isBefore(startsAt), "endsAt", endsAt, "not before startsAt " + startsAt, "alert " + name);
    }
    this.endsAt = endsAt;
    this.fingerprint = fingerprint(name, this.labels);
  }

  /** Returns a builder for an alert of a name, severity and category. */
  public static Builder builder(String name, Severity severity, AlertCategory category) {
    return new Builder(name, severity, category);
  }

  /**
   * Computes the fingerprint of a name and labels: FNV-1a 64 over the UTF-16 code units of the name,
   * then of each key and value in key order, with a separator between fields.
   */
  public static long fingerprint(String name, Map<String, String> labels) {
    long h = 0xcbf29ce484222325L;
    h = mix(h, name);
    for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
      h = mix(h, e.getKey());
      h = mix(h, e.getValue());
    }
    return h;
  }

  private static long mix(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= 0xff;
    h *= 0x100000001b3L;
    return h;
  }

  /** Returns the alert name, e.g. {@code KillSwitchEngaged}. */
  public String name() {
    return name;
  }

  /** Returns the severity. */
  public Severity severity() {
    return severity;
  }

  /** Returns the category, from the {@code category} label. */
  public AlertCategory category() {
    return AlertCategory.valueOf(labels.get(CATEGORY));
  }

  /** Returns the labels, sorted by key. */
  public Map<String, String> labels() {
    return labels;
  }

  /** Returns a label's value if present. */
  public Optional<String> findLabel(String key) {
    return Optional.ofNullable(labels.get(key));
  }

  /** Returns the annotations, sorted by key. */
  public Map<String, String> annotations() {
    return annotations;
  }

  /** Returns when the condition started. */
  public Instant startsAt() {
    return startsAt;
  }

  /** Returns when the condition ended, if it has. */
  public Optional<Instant> endsAt() {
    return Optional.ofNullable(endsAt);
  }

  /** Returns true once the alert has an end time. */
  public boolean isResolved() {
    return endsAt != null;
  }

  /** Returns the fingerprint of the name and labels. */
  public long fingerprint() {
    return fingerprint;
  }

  /** Returns a copy of this alert resolved at the given time. */
  public Alert resolvedAt(Instant time) {
    return new Alert(name, severity, labels, annotations, startsAt, Checks.notNull(time, "time"));
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Alert)) {
      return false;
    }
    Alert a = (Alert) o;
    return name.equals(a.name) && severity == a.severity && labels.equals(a.labels)
        && annotations.equals(a.annotations) && startsAt.equals(a.startsAt) && Objects.equals(endsAt, a.endsAt);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(fingerprint) * 31 + startsAt.hashCode();
  }

  @Override
  public String toString() {
    return "Alert{" + name + " " + severity + " " + labels + (endsAt == null ? "" : " resolved " + endsAt) + "}";
  }

  /** A mutable builder of {@link Alert}; not thread-safe. */
  public static final class Builder {
    private final String name;
    private final Severity severity;
    private final TreeMap<String, String> labels = new TreeMap<>();
    private final TreeMap<String, String> annotations = new TreeMap<>();
    private Instant startsAt;
    private Instant endsAt;

    private Builder(String name, Severity severity, AlertCategory category) {
      this.name = name;
      this.severity = severity;
      labels.put(CATEGORY, Checks.notNull(category, "category", "alert " + name).name());
    }

    /** Adds a label. */
    public Builder label(String key, String value) {
      labels.put(Checks.notBlank(key, "label name", "alert " + name), value);
      return this;
    }

    /** Adds an annotation. */
    public Builder annotation(String key, String value) {
      annotations.put(Checks.notBlank(key, "annotation name", "alert " + name), value);
      return this;
    }

    /** Sets the {@code summary} annotation. */
    public Builder summary(String summary) {
      return annotation(SUMMARY, summary);
    }

    /** Sets the start time. */
    public Builder startsAt(Instant startsAt) {
      this.startsAt = startsAt;
      return this;
    }

    /** Sets the end time (a resolved alert). */
    public Builder endsAt(Instant endsAt) {
      this.endsAt = endsAt;
      return this;
    }

    /** Builds and validates the alert. */
    public Alert build() {
      return new Alert(name, severity, labels, annotations, startsAt, endsAt);
    }
  }
}
