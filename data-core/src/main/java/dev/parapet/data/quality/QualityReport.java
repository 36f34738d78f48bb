package dev.parapet.data.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.api.Checks;
import dev.parapet.api.alert.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report of one data-quality run, as kept in the database: the window checked, how much was checked,
 * the number of issues per check, and the worst issues (at most {@link QualityConfig#worstIssuesKept()}).
 * <p>
 * This class is immutable and thread-safe.
 */
public final class QualityReport {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Instant runAt;
  private final LocalDate from;
  private final LocalDate to;
  private final int instrumentsChecked;
  private final long barsChecked;
  private final Map<QualityCheck, Long> counts;
  private final long issueCount;
  private final List<QualityIssue> worstIssues;

  private QualityReport(Instant runAt, LocalDate from, LocalDate to, int instrumentsChecked, long barsChecked,
      Map<QualityCheck, Long> counts, long issueCount, List<QualityIssue> worstIssues) {
    this.runAt = Checks.notNull(runAt, "runAt");
    this.from = Checks.notNull(from, "from");
    this.to = Checks.notNull(to, "to");
    Checks.check(!to.isBefore(from), "to", to, "not before from " + from);
    Checks.nonNegative(instrumentsChecked, "instrumentsChecked");
    this.instrumentsChecked = instrumentsChecked;
    this.barsChecked = Checks.nonNegative(barsChecked, "barsChecked");
    EnumMap<QualityCheck, Long> c = new EnumMap<>(QualityCheck.class);
    long sum = 0;
    for (QualityCheck check : QualityCheck.values()) {
      long n = counts.getOrDefault(check, 0L);
      Checks.nonNegative(n, "count of " + check);
      c.put(check, n);
      sum += n;
    }
    Checks.check(sum == issueCount, "issueCount", issueCount, "the sum of the counts " + sum);
    this.counts = Collections.unmodifiableMap(c);
    this.issueCount = issueCount;
    List<QualityIssue> w = new ArrayList<>(worstIssues);
    w.sort(QualityIssue.WORST_FIRST);
    Checks.check(w.size() <= issueCount, "worstIssues.size", w.size(), "<= issueCount " + issueCount);
    this.worstIssues = List.copyOf(w);
  }

  /**
   * Creates a report.
   *
   * @param runAt when the run happened
   * @param from the first session date checked
   * @param to the last session date checked, not before {@code from}
   * @param instrumentsChecked the instruments with bars in the window
   * @param barsChecked the bar rows checked
   * @param counts issues per check (missing checks count zero)
   * @param issueCount the total, equal to the sum of the counts
   * @param worstIssues the worst issues kept, at most {@code issueCount}
   * @return the report
   */
  public static QualityReport of(Instant runAt, LocalDate from, LocalDate to, int instrumentsChecked,
      long barsChecked, Map<QualityCheck, Long> counts, long issueCount, List<QualityIssue> worstIssues) {
    return new QualityReport(runAt, from, to, instrumentsChecked, barsChecked, counts, issueCount, worstIssues);
  }

  /** Returns when the run happened. */
  public Instant runAt() {
    return runAt;
  }

  /** Returns the first session date checked. */
  public LocalDate from() {
    return from;
  }

  /** Returns the last session date checked. */
  public LocalDate to() {
    return to;
  }

  /** Returns the number of instruments with bars in the window. */
  public int instrumentsChecked() {
    return instrumentsChecked;
  }

  /** Returns the number of bar rows checked. */
  public long barsChecked() {
    return barsChecked;
  }

  /** Returns the number of issues per check, every check present. */
  public Map<QualityCheck, Long> counts() {
    return counts;
  }

  /** Returns the number of issues a check raised. */
  public long count(QualityCheck check) {
    return counts.get(check);
  }

  /** Returns the total number of issues. */
  public long issueCount() {
    return issueCount;
  }

  /** Returns the worst issues kept, worst first. */
  public List<QualityIssue> worstIssues() {
    return worstIssues;
  }

  /** Returns true if no check raised an issue. */
  public boolean isClean() {
    return issueCount == 0;
  }

  /** Returns the severity of the worst issue, empty for a clean report. */
  public Optional<Severity> maxSeverity() {
    return worstIssues.isEmpty() ? Optional.empty() : Optional.of(worstIssues.get(0).severity());
  }

  /**
   * Returns the report as JSON: {@code runAt}, {@code from}, {@code to}, {@code instrumentsChecked},
   * {@code barsChecked}, {@code issueCount}, {@code counts} (check name to count) and {@code worstIssues}
   * (objects with {@code check}, {@code instrument}, {@code date}, {@code severity}, {@code detail}).
   */
  public String toJson() {
    return toJsonNode().toString();
  }

  /** Returns the report as a Jackson tree (see {@link #toJson()}). */
  public ObjectNode toJsonNode() {
    ObjectNode root = JSON.createObjectNode();
    root.put("runAt", runAt.toString());
    root.put("from", from.toString());
    root.put("to", to.toString());
    root.put("instrumentsChecked", instrumentsChecked);
    root.put("barsChecked", barsChecked);
    root.put("issueCount", issueCount);
    ObjectNode c = root.putObject("counts");
    counts.forEach((k, v) -> c.put(k.name(), v));
    ArrayNode worst = root.putArray("worstIssues");
    for (QualityIssue i : worstIssues) {
      ObjectNode o = worst.addObject();
      o.put("check", i.check().name());
      o.put("instrument", i.instrumentId());
      o.put("date", i.date().toString());
      o.put("severity", i.severity().name());
      o.put("detail", i.detail());
    }
    return root;
  }

  /** Parses a report written by {@link #toJson()}. */
  public static QualityReport fromJson(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      Map<QualityCheck, Long> counts = new EnumMap<>(QualityCheck.class);
      JsonNode countsNode = root.get("counts");
      for (QualityCheck check : QualityCheck.values()) {
        JsonNode n = countsNode.get(check.name());
        counts.put(check, n == null ? 0L : n.asLong());
      }
      List<QualityIssue> worst = new ArrayList<>();
      for (JsonNode o : root.get("worstIssues")) {
        worst.add(new QualityIssue(QualityCheck.valueOf(o.get("check").asText()), o.get("instrument").asText(),
            LocalDate.parse(o.get("date").asText()), Severity.valueOf(o.get("severity").asText()),
            o.get("detail").asText()));
      }
      return of(Instant.parse(root.get("runAt").asText()), LocalDate.parse(root.get("from").asText()),
          LocalDate.parse(root.get("to").asText()), root.get("instrumentsChecked").asInt(),
          root.get("barsChecked").asLong(), counts, root.get("issueCount").asLong(), worst);
    } catch (IOException e) {
      throw new UncheckedIOException("not a quality report: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QualityReport r && runAt.equals(r.runAt) && from.equals(r.from) && to.equals(r.to)
        && instrumentsChecked == r.instrumentsChecked && barsChecked == r.barsChecked && counts.equals(r.counts)
        && issueCount == r.issueCount && worstIssues.equals(r.worstIssues);
  }

  @Override
  public int hashCode() {
    return runAt.hashCode() * 31 + Long.hashCode(issueCount);
  }

  @Override
  public String toString() {
    return "QualityReport{" + from + ".." + to + ", " + barsChecked + " bars, " + issueCount + " issues}";
  }
}
