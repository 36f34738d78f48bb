package dev.parapet.data.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Collects the issues of one quality run: counts every issue per check and keeps only the worst
 * {@code keep} (by {@link QualityIssue#WORST_FIRST}), so that a run over millions of bars stays small.
 * <p>
 * Not thread-safe: confined to the run.
 */
public final class IssueCollector {

  private final int keep;
  private final long[] counts = new long[QualityCheck.values().length];
  private final PriorityQueue<QualityIssue> worst;
  private long total;

  /** Creates a collector keeping the {@code keep} worst issues. */
  public IssueCollector(int keep) {
    this.keep = keep;
    // the head is the least bad kept issue, evicted first
    this.worst = new PriorityQueue<>(keep + 1, QualityIssue.WORST_FIRST.reversed());
  }

  /** Records an issue. */
  public void add(QualityIssue issue) {
    counts[issue.check().ordinal()]++;
    total++;
    worst.add(issue);
    if (worst.size() > keep) {
      worst.poll();
    }
  }

  /** Returns the number of issues recorded. */
  public long total() {
    return total;
  }

  /** Returns the number of issues a check raised. */
  public long count(QualityCheck check) {
    return counts[check.ordinal()];
  }

  /** Returns the kept issues, worst first. */
  public List<QualityIssue> worstFirst() {
    List<QualityIssue> out = new ArrayList<>(worst);
    out.sort(QualityIssue.WORST_FIRST);
    return out;
  }

  /** Builds the report of the run. */
  public QualityReport toReport(Instant runAt, LocalDate from, LocalDate to, int instrumentsChecked,
      long barsChecked) {
    Map<QualityCheck, Long> byCheck = new EnumMap<>(QualityCheck.class);
    for (QualityCheck c : QualityCheck.values()) {
      byCheck.put(c, counts[c.ordinal()]);
    }
    return QualityReport.of(runAt, from, to, instrumentsChecked, barsChecked, byCheck, total, worstFirst());
  }
}
