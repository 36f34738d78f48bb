package dev.parapet.execution.algo;

import dev.parapet.api.Checks;
import dev.parapet.api.execution.ExecutionAlgo;
import java.time.Duration;

/**
 * Factories of the standard execution algorithms. Each call returns a new instance, to work one
 * parent order (see the {@link ExecutionAlgo} contract).
 * <p>
 * This class is stateless and thread-safe.
 */
public final class ExecutionAlgos {

  /** The default interval between decisions of the schedule-following algorithms. */
  public static final Duration DEFAULT_RECHECK = Duration.ofSeconds(30);

  private ExecutionAlgos() {
  }

  /** Returns the baseline that sends the whole order at once, aggressively ({@code IMMEDIATE}). */
  public static ExecutionAlgo immediate() {
    return new ImmediateAlgo();
  }

  /** Returns TWAP: the order released in proportion to elapsed time over the parent's horizon. */
  public static ExecutionAlgo twap() {
    return new TwapAlgo(DEFAULT_RECHECK);
  }

  /** Returns TWAP with another interval between decisions. */
  public static ExecutionAlgo twap(Duration recheck) {
    return new TwapAlgo(recheck);
  }

  /** Returns VWAP following a historical intraday volume profile. */
  public static ExecutionAlgo vwap(VolumeProfile profile) {
    return new VwapAlgo(profile, DEFAULT_RECHECK);
  }

  /**
   * Returns VWAP following a volume profile given as the volume of each equal bucket of the session,
   * e.g. averaged over past sessions.
   */
  public static ExecutionAlgo vwap(double[] bucketVolumes) {
    return new VwapAlgo(VolumeProfile.of(bucketVolumes), DEFAULT_RECHECK);
  }

  /** Returns VWAP with another interval between decisions. */
  public static ExecutionAlgo vwap(VolumeProfile profile, Duration recheck) {
    return new VwapAlgo(profile, recheck);
  }

  /** Returns POV at a participation rate in (0, 1] of the market volume. */
  public static ExecutionAlgo pov(double participationRate) {
    return new PovAlgo(participationRate, DEFAULT_RECHECK);
  }

  /** Returns POV with another interval between decisions. */
  public static ExecutionAlgo pov(double participationRate, Duration recheck) {
    return new PovAlgo(participationRate, recheck);
  }

  /** Returns Implementation Shortfall (the Almgren–Chriss trajectory) with default parameters. */
  public static ExecutionAlgo implementationShortfall() {
    return new ImplementationShortfallAlgo(ImplementationShortfallParameters.defaults());
  }

  /** Returns Implementation Shortfall with the given parameters. */
  public static ExecutionAlgo implementationShortfall(ImplementationShortfallParameters parameters) {
    return new ImplementationShortfallAlgo(parameters);
  }

  /** Returns Adaptive with default parameters. */
  public static ExecutionAlgo adaptive() {
    return new AdaptiveAlgo(AdaptiveParameters.defaults());
  }

  /** Returns Adaptive with the given parameters. */
  public static ExecutionAlgo adaptive(AdaptiveParameters parameters) {
    return new AdaptiveAlgo(Checks.notNull(parameters, "parameters"));
  }
}
