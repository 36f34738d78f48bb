package dev.parapet.monitoring.alert;

import dev.parapet.api.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A node of the routing tree, as Alertmanager's {@code route}: label matchers (and optionally a context
 * {@link RouteCondition}) choose which alerts it takes, a receiver gets its notifications, and grouping
 * settings say how alerts are batched.
 * <p>
 * <b>Matching.</b> The root takes every alert. An alert descends into the first child that matches; with
 * {@code continueMatching} on that child it also tries the following siblings. A node whose children all
 * fail to match handles the alert itself. One alert can so reach several receivers.
 * <p>
 * <b>Grouping.</b> Alerts of a node with equal values of the {@code groupBy} labels form one group (an empty
 * {@code groupBy} puts all of the node's alerts in one group; {@link Builder#groupByAll()} makes every alert
 * its own group). A new group waits {@code groupWait} before its first notification, so that alerts arriving
 * together go out together; afterwards it is evaluated every {@code groupInterval} and notifies when alerts
 * were added or resolved, and re-sends its firing alerts once {@code repeatInterval} has passed since its last
 * notification. Unset settings inherit from the parent; the root defaults to Alertmanager's: group wait 30 s,
 * group interval 5 min, repeat interval 4 h.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class Route {

  /** Alertmanager's default group wait. */
  public static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);
  /** Alertmanager's default group interval. */
  public static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);
  /** Alertmanager's default repeat interval. */
  public static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);

  private final List<Matcher> matchers;
  private final RouteCondition condition;
  private final String receiver;
  private final List<String> groupBy;
  private final boolean groupByAll;
  private final Duration groupWait;
  private final Duration groupInterval;
  private final Duration repeatInterval;
  private final boolean continueMatching;
  private final List<Route> children;

  private Route(Builder b) {
    this.matchers = List.copyOf(b.matchers);
    this.condition = b.condition;
    this.receiver = b.receiver;
    this.groupBy = b.groupBy == null ? null : List.copyOf(b.groupBy);
    this.groupByAll = b.groupByAll;
    this.groupWait = b.groupWait;
    this.groupInterval = b.groupInterval;
    this.repeatInterval = b.repeatInterval;
    this.continueMatching = b.continueMatching;
    this.children = List.copyOf(b.children);
  }

  /** Returns a builder of a route. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder of a route sending to a receiver. */
  public static Builder to(String receiver) {
    return new Builder().receiver(receiver);
  }

  /** Returns the label matchers, all of which must match. */
  public List<Matcher> matchers() {
    return matchers;
  }

  /** Returns the context condition, if any. */
  public Optional<RouteCondition> findCondition() {
    return Optional.ofNullable(condition);
  }

  /** Returns the receiver, if set here (otherwise inherited). */
  public Optional<String> findReceiver() {
    return Optional.ofNullable(receiver);
  }

  /** Returns the grouping labels, if set here (otherwise inherited). */
  public Optional<List<String>> findGroupBy() {
    return Optional.ofNullable(groupBy);
  }

  /** Returns true if every alert forms its own group. */
  public boolean isGroupByAll() {
    return groupByAll;
  }

  /** Returns the group wait, if set here. */
  public Optional<Duration> findGroupWait() {
    return Optional.ofNullable(groupWait);
  }

  /** Returns the group interval, if set here. */
  public Optional<Duration> findGroupInterval() {
    return Optional.ofNullable(groupInterval);
  }

  /** Returns the repeat interval, if set here. */
  public Optional<Duration> findRepeatInterval() {
    return Optional.ofNullable(repeatInterval);
  }

  /** Returns true if matching continues with the next sibling after this route matched. */
  public boolean continueMatching() {
    return continueMatching;
  }

  /** Returns the child routes, in matching order. */
  public List<Route> children() {
    return children;
  }

  @Override
  public String toString() {
    return "Route{" + (receiver == null ? "" : "receiver=" + receiver + ", ") + "matchers=" + matchers
        + (condition == null ? "" : ", when=" + condition) + (continueMatching ? ", continue" : "")
        + (children.isEmpty() ? "" : ", children=" + children) + "}";
  }

  /** Builds a {@link Route}; not thread-safe. */
  public static final class Builder {
    private final List<Matcher> matchers = new ArrayList<>();
    private RouteCondition condition;
    private String receiver;
    private List<String> groupBy;
    private boolean groupByAll;
    private Duration groupWait;
    private Duration groupInterval;
    private Duration repeatInterval;
    private boolean continueMatching;
    private final List<Route> children = new ArrayList<>();

    private Builder() {
    }

    /** Sets the receiver. */
    public Builder receiver(String receiver) {
      this.receiver = Checks.notBlank(receiver, "receiver");
      return this;
    }

    /** Adds label matchers; all must match. */
    public Builder match(Matcher... matchers) {
      for (Matcher m : matchers) {
        this.matchers.add(Checks.notNull(m, "matcher"));
      }
      return this;
    }

    /** Adds a matcher {@code name=value}. */
    public Builder matchEqual(String name, String value) {
      return match(Matcher.equal(name, value));
    }

    /** Sets a context condition: the route matches only while it holds. */
    public Builder when(RouteCondition condition) {
      this.condition = Checks.notNull(condition, "condition");
      return this;
    }

    /** Sets the grouping labels (pseudo-labels {@code alertname} and {@code severity} allowed). */
    public Builder groupBy(String... labels) {
      List<String> list = new ArrayList<>();
      for (String l : labels) {
        list.add(Checks.notBlank(l, "groupBy label"));
      }
      this.groupBy = list;
      this.groupByAll = false;
      return this;
    }

    /** Makes every alert its own group (Alertmanager's {@code group_by: ['...']}). */
    public Builder groupByAll() {
      this.groupBy = List.of();
      this.groupByAll = true;
      return this;
    }

    /** Sets how long a new group waits before its first notification (zero allowed). */
    public Builder groupWait(Duration groupWait) {
      this.groupWait = nonNegative(groupWait, "groupWait");
      return this;
    }

    /** Sets how often a group is evaluated for changes after its first notification (&gt; 0). */
    public Builder groupInterval(Duration groupInterval) {
      this.groupInterval = positive(groupInterval, "groupInterval");
      return this;
    }

    /** Sets how long after its last notification a group with unchanged firing alerts notifies again (&gt; 0). */
    public Builder repeatInterval(Duration repeatInterval) {
      this.repeatInterval = positive(repeatInterval, "repeatInterval");
      return this;
    }

    /** Sets whether matching continues with the next sibling after this route matched (default false). */
    public Builder continueMatching(boolean continueMatching) {
      this.continueMatching = continueMatching;
      return this;
    }

    /** Adds a child route. */
    public Builder child(Route child) {
      children.add(Checks.notNull(child, "child"));
      return this;
    }

    /** Adds a child route. */
    public Builder child(Builder child) {
      return child(child.build());
    }

    /** Builds the route. */
    public Route build() {
      return new Route(this);
    }

    private static Duration nonNegative(Duration d, String field) {
      Checks.notNull(d, field);
      Checks.check(!d.isNegative(), field, d, "not negative");
      return d;
    }

    private static Duration positive(Duration d, String field) {
      Checks.notNull(d, field);
      Checks.check(!d.isNegative() && !d.isZero(), field, d, "> 0");
      return d;
    }
  }
}
