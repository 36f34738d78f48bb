package dev.parapet.simulator.venue;

import dev.parapet.api.Checks;
import java.time.Duration;

/**
 * How the {@link SimulatedVenue} behaves: latency, rejects, partial fills, liquidity and its true impact.
 * <p>
 * <b>Latency.</b> A message (order or cancel) reaches the venue {@code minLatency + Exp(meanExtraLatency)}
 * after it was sent, never before the previous message (one ordered session, as over FIX/TCP); acks,
 * rejects and fills of that message carry that arrival time.
 * <p>
 * <b>Aggressive fills.</b> A market order, or a limit order priced through the touch, takes liquidity at
 * the quote plus the {@link TrueImpactModel temporary impact}, up to {@code maxParticipation} times the
 * minute's expected market volume for all of the venue's orders in that instrument together; the rest
 * keeps working and is retried at the start of the next minute. A limit order takes only as much as
 * keeps its average price within the limit. With probability {@code partialFillProbability} a fill is cut
 * to a random 20-80% of what it could have been (the remainder works on), so callers see partial fills.
 * <p>
 * <b>Passive fills.</b> A resting limit order that was not marketable at the start of a minute fills at
 * its limit price if the mid trades through it during the minute (below a buy limit, above a sell limit),
 * for up to {@code passiveParticipation} of the minute's realised market volume, shared first come first
 * served. Passive fills pay no temporary impact but count for the permanent one.
 * <p>
 * <b>Rejects and fees.</b> Each order is rejected at random with probability {@code rejectProbability};
 * fills pay {@code feePerShare} per unit.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param minLatency the minimum one-way latency, &gt;= 0
 * @param meanExtraLatency the mean of the exponential extra latency, &gt;= 0
 * @param rejectProbability probability that an order is rejected at random, in [0, 1]
 * @param partialFillProbability probability that a fill is cut short, in [0, 1]
 * @param maxParticipation the most the venue's aggressive fills may take of a minute's expected volume, &gt; 0
 * @param passiveParticipation the most resting orders may receive of a minute's realised volume, in [0, 1]
 * @param feePerShare the fee per unit filled, in the instrument's currency, &gt;= 0
 * @param impact the true impact model
 */
public record VenueConfig(
    Duration minLatency,
    Duration meanExtraLatency,
    double rejectProbability,
    double partialFillProbability,
    double maxParticipation,
    double passiveParticipation,
    double feePerShare,
    TrueImpactModel impact) {

  /** Validates every field. */
  public VenueConfig {
    Checks.notNull(minLatency, "minLatency");
    Checks.check(!minLatency.isNegative(), "minLatency", minLatency, "not negative");
    Checks.notNull(meanExtraLatency, "meanExtraLatency");
    Checks.check(!meanExtraLatency.isNegative(), "meanExtraLatency", meanExtraLatency, "not negative");
    Checks.inRange(rejectProbability, 0.0, 1.0, "rejectProbability");
    Checks.inRange(partialFillProbability, 0.0, 1.0, "partialFillProbability");
    Checks.positive(maxParticipation, "maxParticipation");
    Checks.inRange(passiveParticipation, 0.0, 1.0, "passiveParticipation");
    Checks.nonNegative(feePerShare, "feePerShare");
    Checks.notNull(impact, "impact");
  }

  /**
   * Returns the defaults: 2 ms + Exp(3 ms) latency, 0.1% random rejects, 10% partial fills, aggressive
   * fills up to 100% of a minute's expected volume, passive fills up to 10% of its realised volume, no
   * fees, {@link TrueImpactModel#defaults()}.
   */
  public static VenueConfig defaults() {
    return builder().build();
  }

  /** Returns a builder holding the {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.minLatency = minLatency;
    b.meanExtraLatency = meanExtraLatency;
    b.rejectProbability = rejectProbability;
    b.partialFillProbability = partialFillProbability;
    b.maxParticipation = maxParticipation;
    b.passiveParticipation = passiveParticipation;
    b.feePerShare = feePerShare;
    b.impact = impact;
    return b;
  }

  /** A mutable builder of {@link VenueConfig}, starting from the defaults; not thread-safe. */
  public static final class Builder {
    private Duration minLatency = Duration.ofMillis(2);
    private Duration meanExtraLatency = Duration.ofMillis(3);
    private double rejectProbability = 0.001;
    private double partialFillProbability = 0.10;
    private double maxParticipation = 1.0;
    private double passiveParticipation = 0.10;
    private double feePerShare = 0.0;
    private TrueImpactModel impact = TrueImpactModel.defaults();

    private Builder() {
    }

    /** Sets the latency: a minimum plus an exponential extra with the given mean. */
    public Builder latency(Duration minLatency, Duration meanExtraLatency) {
      this.minLatency = minLatency;
      this.meanExtraLatency = meanExtraLatency;
      return this;
    }

    /** Sets the probability of a random reject. */
    public Builder rejectProbability(double rejectProbability) {
      this.rejectProbability = rejectProbability;
      return this;
    }

    /** Sets the probability that a fill is cut short. */
    public Builder partialFillProbability(double partialFillProbability) {
      this.partialFillProbability = partialFillProbability;
      return this;
    }

    /** Sets the cap of aggressive fills as a fraction of a minute's expected volume. */
    public Builder maxParticipation(double maxParticipation) {
      this.maxParticipation = maxParticipation;
      return this;
    }

    /** Sets the cap of passive fills as a fraction of a minute's realised volume. */
    public Builder passiveParticipation(double passiveParticipation) {
      this.passiveParticipation = passiveParticipation;
      return this;
    }

    /** Sets the fee per unit filled. */
    public Builder feePerShare(double feePerShare) {
      this.feePerShare = feePerShare;
      return this;
    }

    /** Sets the true impact model. */
    public Builder impact(TrueImpactModel impact) {
      this.impact = impact;
      return this;
    }

    /** Sets the true impact coefficients. */
    public Builder impact(double eta, double gamma) {
      this.impact = new TrueImpactModel(eta, gamma);
      return this;
    }

    /** Builds and validates the configuration. */
    public VenueConfig build() {
      return new VenueConfig(minLatency, meanExtraLatency, rejectProbability, partialFillProbability,
          maxParticipation, passiveParticipation, feePerShare, impact);
    }
  }
}
