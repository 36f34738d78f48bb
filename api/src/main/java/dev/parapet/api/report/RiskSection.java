package dev.parapet.api.report;

import dev.parapet.api.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The day's risk figures at the close: ES and VaR, component ES, drawdown and its budget, tail-dependence
 * flags, crowding, exposures and the ES backtest. Each part is optional, so that a part the risk engine
 * could not produce (too little history, missing prices) is explicitly absent; say why in a
 * {@link DataGap}.
 * <p>
 * Losses are positive numbers in the base currency. This class is immutable and thread-safe.
 *
 * @param tailRisk ES and VaR of the portfolio
 * @param componentEs Euler component ES per instrument (components sum to the total ES), any order
 * @param drawdown the drawdown budget's state
 * @param tailDependence pairs flagged for tail dependence above the threshold
 * @param crowding crowding figures
 * @param exposures long, short and by sector and issuer
 * @param esBacktest the ES/VaR backtest over the last observations
 */
public record RiskSection(
    Optional<TailRisk> tailRisk,
    List<Contribution> componentEs,
    Optional<Drawdown> drawdown,
    List<TailFlag> tailDependence,
    Optional<Crowding> crowding,
    Optional<Exposures> exposures,
    Optional<Backtest> esBacktest) {

  /** Validates and copies the fields. */
  public RiskSection {
    Values.optional(tailRisk, "tailRisk", "risk");
    componentEs = Values.list(componentEs, "componentEs", "risk");
    Values.optional(drawdown, "drawdown", "risk");
    tailDependence = Values.list(tailDependence, "tailDependence", "risk");
    Values.optional(crowding, "crowding", "risk");
    Values.optional(exposures, "exposures", "risk");
    Values.optional(esBacktest, "esBacktest", "risk");
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Value-at-risk and expected shortfall of the portfolio at one confidence level.
   *
   * @param confidence the confidence level, e.g. 0.975
   * @param method the estimation method, e.g. {@code historical}, {@code filtered-historical}
   * @param scenarios the number of scenarios or observations behind the estimate
   * @param valueAtRisk VaR as a positive loss
   * @param expectedShortfall ES as a positive loss
   * @param esLimit the ES limit in the base currency, if one is set
   */
  public record TailRisk(double confidence, String method, int scenarios, double valueAtRisk,
      double expectedShortfall, OptionalDouble esLimit) {

    /** Validates the fields. */
    public TailRisk {
      Checks.openUnitInterval(confidence, "confidence");
      Checks.notBlank(method, "method", "tail risk");
      Checks.check(scenarios > 0, "scenarios", scenarios, "> 0", "tail risk");
      Checks.finite(valueAtRisk, "valueAtRisk", "tail risk");
      Checks.finite(expectedShortfall, "expectedShortfall", "tail risk");
      Values.positive(esLimit, "esLimit", "tail risk");
    }
  }

  /**
   * One instrument's Euler component of ES (Tasche 1999; Acerbi and Tasche 2002).
   *
   * @param instrumentId the instrument
   * @param sector its sector
   * @param componentEs its component, in the base currency (negative for a hedge)
   */
  public record Contribution(String instrumentId, String sector, double componentEs) {

    /** Validates the fields. */
    public Contribution {
      Checks.notBlank(instrumentId, "instrumentId");
      Checks.notBlank(sector, "sector", "contribution " + instrumentId);
      Checks.finite(componentEs, "componentEs", "contribution " + instrumentId);
    }
  }

  /**
   * The drawdown budget's state. The drawdown itself is derived in the report from the high-water mark
   * and the closing NAV: {@code 1 - nav / highWaterMark}.
   *
   * @param highWaterMark the highest NAV so far
   * @param budget the drawdown budget as a fraction of the high-water mark, e.g. 0.10
   * @param tier the name of the de-leveraging tier in force, e.g. {@code NORMAL}, {@code TIER_1}
   * @param maxGrossLeverage the gross leverage allowed in that tier
   * @param riskIncreasingBlocked whether risk-increasing orders are blocked
   */
  public record Drawdown(double highWaterMark, double budget, String tier, double maxGrossLeverage,
      boolean riskIncreasingBlocked) {

    /** Validates the fields. */
    public Drawdown {
      Checks.positive(highWaterMark, "highWaterMark", "drawdown");
      Checks.check(budget > 0 && budget <= 1, "budget", budget, "in (0, 1]", "drawdown");
      Checks.notBlank(tier, "tier", "drawdown");
      Checks.nonNegative(maxGrossLeverage, "maxGrossLeverage", "drawdown");
    }
  }

  /** Which tail a dependence coefficient measures. */
  public enum Tail {
    /** Joint losses. */
    LOWER,
    /** Joint gains. */
    UPPER
  }

  /**
   * A pair whose empirical tail-dependence coefficient exceeds the threshold.
   *
   * @param first the first series (an instrument, {@code portfolio} or a benchmark)
   * @param second the second series
   * @param tail which tail
   * @param coefficient the empirical coefficient, in [0, 1]
   * @param threshold the flagging threshold, in [0, 1]
   */
  public record TailFlag(String first, String second, Tail tail, double coefficient, double threshold) {

    /** Validates the fields. */
    public TailFlag {
      Checks.notBlank(first, "first");
      Checks.notBlank(second, "second", "tail flag " + first);
      Checks.notNull(tail, "tail", "tail flag " + first + "/" + second);
      Checks.inRange(coefficient, 0, 1, "coefficient", "tail flag " + first + "/" + second);
      Checks.inRange(threshold, 0, 1, "threshold", "tail flag " + first + "/" + second);
    }
  }

  /** The crowding level from the risk engine's thresholds. */
  public enum CrowdingLevel {
    /** Below the medium thresholds. */
    LOW,
    /** Above a medium threshold. */
    MEDIUM,
    /** Above a high threshold. */
    HIGH
  }

  /**
   * Crowding figures of the book. The effective number of positions is derived in the report as
   * {@code 1 / hhi}.
   *
   * @param level the level
   * @param hhi the Herfindahl-Hirschman index of absolute weights, in (0, 1]
   * @param gini the Gini coefficient of absolute weights, in [0, 1]
   * @param averageCorrelation the average pairwise correlation, if computed
   * @param clusters the correlation clusters and the book's gross exposure to each
   */
  public record Crowding(CrowdingLevel level, double hhi, double gini, OptionalDouble averageCorrelation,
      List<Cluster> clusters) {

    /** Validates the fields. */
    public Crowding {
      Checks.notNull(level, "level", "crowding");
      Checks.check(hhi > 0 && hhi <= 1, "hhi", hhi, "in (0, 1]", "crowding");
      Checks.inRange(gini, 0, 1, "gini", "crowding");
      Values.finite(averageCorrelation, "averageCorrelation", "crowding");
      if (averageCorrelation.isPresent()) {
        Checks.inRange(averageCorrelation.getAsDouble(), -1, 1, "averageCorrelation", "crowding");
      }
      clusters = Values.list(clusters, "clusters", "crowding");
    }
  }

  /**
   * A correlation cluster.
   *
   * @param name the cluster's label
   * @param members the instrument ids in it
   * @param grossExposure the book's gross exposure to it, in the base currency
   */
  public record Cluster(String name, List<String> members, double grossExposure) {

    /** Validates the fields. */
    public Cluster {
      Checks.notBlank(name, "name");
      members = Values.list(members, "members", "cluster " + name);
      Checks.nonNegative(grossExposure, "grossExposure", "cluster " + name);
    }
  }

  /**
   * Exposures at the close. Gross ({@code long + short}), net ({@code long - short}) and leverage
   * ({@code gross / nav}) are derived in the report.
   *
   * @param longExposure long notional, &gt;= 0
   * @param shortExposure short notional as a positive number
   * @param bySector per sector
   * @param byIssuer per issuer
   */
  public record Exposures(double longExposure, double shortExposure, List<ExposureLine> bySector,
      List<ExposureLine> byIssuer) {

    /** Validates the fields. */
    public Exposures {
      Checks.nonNegative(longExposure, "longExposure", "exposures");
      Checks.nonNegative(shortExposure, "shortExposure", "exposures");
      bySector = Values.list(bySector, "bySector", "exposures");
      byIssuer = Values.list(byIssuer, "byIssuer", "exposures");
    }
  }

  /**
   * Long and short exposure of one sector or issuer.
   *
   * @param name the sector or issuer
   * @param longExposure long notional, &gt;= 0
   * @param shortExposure short notional as a positive number
   */
  public record ExposureLine(String name, double longExposure, double shortExposure) {

    /** Validates the fields. */
    public ExposureLine {
      Checks.notBlank(name, "name");
      Checks.nonNegative(longExposure, "longExposure", "exposure " + name);
      Checks.nonNegative(shortExposure, "shortExposure", "exposure " + name);
    }
  }

  /** The Basel traffic light of a VaR backtest (BCBS, Supervisory framework for backtesting, 1996, Table 2). */
  public enum TrafficLight {
    /** 0-4 exceptions in 250 days at 99%. */
    GREEN,
    /** 5-9 exceptions. */
    YELLOW,
    /** 10 or more exceptions. */
    RED
  }

  /**
   * The backtest of the risk model.
   *
   * @param light the traffic light
   * @param observations the number of days tested
   * @param exceptions the days whose loss exceeded VaR
   * @param varConfidence the VaR level tested, e.g. 0.99
   * @param z2Statistic the Acerbi-Szekely Z2 statistic of the ES test, if computed
   */
  public record Backtest(TrafficLight light, int observations, int exceptions, double varConfidence,
      OptionalDouble z2Statistic) {

    /** Validates the fields. */
    public Backtest {
      Checks.notNull(light, "light", "backtest");
      Checks.check(observations > 0, "observations", observations, "> 0", "backtest");
      Checks.check(exceptions >= 0 && exceptions <= observations, "exceptions", exceptions,
          "in [0, observations=" + observations + "]", "backtest");
      Checks.openUnitInterval(varConfidence, "varConfidence");
      Values.finite(z2Statistic, "z2Statistic", "backtest");
    }
  }

  /** A mutable builder of {@link RiskSection}; every part starts absent or empty. Not thread-safe. */
  public static final class Builder {
    private Optional<TailRisk> tailRisk = Optional.empty();
    private final List<Contribution> componentEs = new ArrayList<>();
    private Optional<Drawdown> drawdown = Optional.empty();
    private final List<TailFlag> tailDependence = new ArrayList<>();
    private Optional<Crowding> crowding = Optional.empty();
    private Optional<Exposures> exposures = Optional.empty();
    private Optional<Backtest> esBacktest = Optional.empty();

    private Builder() {
    }

    /** Sets ES and VaR. */
    public Builder tailRisk(TailRisk value) {
      this.tailRisk = Optional.of(Checks.notNull(value, "tailRisk"));
      return this;
    }

    /** Adds a component ES. */
    public Builder componentEs(String instrumentId, String sector, double componentEs) {
      this.componentEs.add(new Contribution(instrumentId, sector, componentEs));
      return this;
    }

    /** Sets the drawdown state. */
    public Builder drawdown(Drawdown value) {
      this.drawdown = Optional.of(Checks.notNull(value, "drawdown"));
      return this;
    }

    /** Adds a tail-dependence flag. */
    public Builder tailFlag(TailFlag value) {
      this.tailDependence.add(Checks.notNull(value, "tailFlag"));
      return this;
    }

    /** Sets the crowding figures. */
    public Builder crowding(Crowding value) {
      this.crowding = Optional.of(Checks.notNull(value, "crowding"));
      return this;
    }

    /** Sets the exposures. */
    public Builder exposures(Exposures value) {
      this.exposures = Optional.of(Checks.notNull(value, "exposures"));
      return this;
    }

    /** Sets the backtest. */
    public Builder esBacktest(Backtest value) {
      this.esBacktest = Optional.of(Checks.notNull(value, "esBacktest"));
      return this;
    }

    /** Builds and validates the section. */
    public RiskSection build() {
      return new RiskSection(tailRisk, componentEs, drawdown, tailDependence, crowding, exposures, esBacktest);
    }
  }
}
