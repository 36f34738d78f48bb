package dev.parapet.api.gate;

import dev.parapet.api.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The decision of a gate (or of the whole gate chain) on one order: approved or rejected, every
 * reason (blocking breaches and warnings), and the named figures the decision was based on (for
 * example {@code es.proForma}, {@code es.incremental}, {@code nav}).
 * <p>
 * An order is approved exactly when no reason is blocking. Figures are in the unit their name
 * documents; risk figures are losses as positive numbers.
 * <p>
 * This class is immutable and thread-safe. Gates fill a reusable {@link Builder} so that the approved
 * path allocates nothing.
 *
 * @param clientOrderId the order decided on
 * @param approved true when no reason is blocking
 * @param reasons every reason, in the order the gates gave them
 * @param figures named figures, in the order they were recorded
 */
public record GateDecision(String clientOrderId, boolean approved, List<Reason> reasons, Map<String, Double> figures) {

  /** Validates and copies the fields. */
  public GateDecision {
    Checks.notBlank(clientOrderId, "clientOrderId");
    Checks.notNull(reasons, "reasons", "order " + clientOrderId);
    for (int i = 0; i < reasons.size(); i++) {
      Checks.notNull(reasons.get(i), "reasons[" + i + "]", "order " + clientOrderId);
    }
    reasons = List.copyOf(reasons);
    figures = Collections.unmodifiableMap(new LinkedHashMap<>(Checks.notNull(figures, "figures", "order " + clientOrderId)));
    boolean anyBlocking = false;
    for (Reason r : reasons) {
      anyBlocking |= r.blocking();
    }
    Checks.check(approved == !anyBlocking, "approved", approved, "true exactly when no reason is blocking",
        "order " + clientOrderId);
  }

  /** Returns the blocking reasons only. */
  public List<Reason> blockingReasons() {
    List<Reason> out = new ArrayList<>();
    for (Reason r : reasons) {
      if (r.blocking()) {
        out.add(r);
      }
    }
    return out;
  }

  /** Returns a named figure if it was recorded. */
  public OptionalDouble findFigure(String name) {
    Double v = figures.get(name);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** Creates a reusable builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A mutable, reusable collector of one decision, handed to each gate of a chain in turn.
   * <p>
   * Recording figures and reading state allocates nothing (figures live in preallocated primitive
   * arrays); only recording a reason (the rejection or warning path) and {@link #build()} allocate.
   * Not thread-safe: confine one builder to one thread or guard it with the decision lock.
   */
  public static final class Builder {
    private static final int INITIAL_FIGURES = 32;

    private String clientOrderId;
    private String[] figureNames = new String[INITIAL_FIGURES];
    private double[] figureValues = new double[INITIAL_FIGURES];
    private int figureCount;
    private final ArrayList<Reason> reasons = new ArrayList<>();
    private int blockingCount;

    private Builder() {
    }

    /** Clears the builder for a new order. */
    public Builder reset(String clientOrderId) {
      this.clientOrderId = clientOrderId;
      Arrays.fill(figureNames, 0, figureCount, null);
      figureCount = 0;
      reasons.clear();
      blockingCount = 0;
      return this;
    }

    /** Returns the order being decided on. */
    public String clientOrderId() {
      return clientOrderId;
    }

    /**
     * Records a named figure, replacing an earlier one of the same name. Names should be constants so
     * that recording allocates nothing.
     */
    public Builder figure(String name, double value) {
      for (int i = 0; i < figureCount; i++) {
        if (figureNames[i].equals(name)) {
          figureValues[i] = value;
          return this;
        }
      }
      if (figureCount == figureNames.length) {
        figureNames = Arrays.copyOf(figureNames, figureCount * 2);
        figureValues = Arrays.copyOf(figureValues, figureCount * 2);
      }
      figureNames[figureCount] = name;
      figureValues[figureCount] = value;
      figureCount++;
      return this;
    }

    /** Returns a recorded figure, or NaN when none of that name was recorded. */
    public double figure(String name) {
      for (int i = 0; i < figureCount; i++) {
        if (figureNames[i].equals(name)) {
          return figureValues[i];
        }
      }
      return Double.NaN;
    }

    /** Records a reason. */
    public Builder reason(Reason reason) {
      reasons.add(Checks.notNull(reason, "reason"));
      if (reason.blocking()) {
        blockingCount++;
      }
      return this;
    }

    /** Records a blocking breach with the limit and the value the order would reach. */
    public Builder reject(ReasonCode code, String source, String message, double limit, double value) {
      return reason(new Reason(code, source, message, true, limit, value));
    }

    /** Records a blocking breach without figures. */
    public Builder reject(ReasonCode code, String source, String message) {
      return reason(new Reason(code, source, message, true, Double.NaN, Double.NaN));
    }

    /** Records a non-blocking warning. */
    public Builder warn(ReasonCode code, String source, String message, double limit, double value) {
      return reason(new Reason(code, source, message, false, limit, value));
    }

    /** Returns true while no blocking reason has been recorded. */
    public boolean isApproved() {
      return blockingCount == 0;
    }

    /** Returns the number of reasons recorded. */
    public int reasonCount() {
      return reasons.size();
    }

    /** Returns the reasons recorded so far (a read-only view). */
    public List<Reason> reasons() {
      return Collections.unmodifiableList(reasons);
    }

    /** Builds the immutable decision. */
    public GateDecision build() {
      Map<String, Double> figures = new LinkedHashMap<>();
      for (int i = 0; i < figureCount; i++) {
        figures.put(figureNames[i], figureValues[i]);
      }
      return new GateDecision(clientOrderId, blockingCount == 0, reasons, figures);
    }
  }
}
