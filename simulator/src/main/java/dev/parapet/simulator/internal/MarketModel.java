package dev.parapet.simulator.internal;

import dev.parapet.simulator.InstrumentProfile;
import dev.parapet.simulator.IntradayProfile;
import dev.parapet.simulator.Regime;
import dev.parapet.simulator.RegimeModel;
import dev.parapet.api.model.Instrument;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The immutable parameters of a simulated market, shared by the live engine and the history and
 * scenario generators. Thread-safe.
 */
public final class MarketModel {

  /** Minutes of a regular session, the base of the per-minute regime transition probability. */
  static final int REGULAR_SESSION_MINUTES = 390;

  // random stream numbers: each purpose has its own stream so that one never shifts another
  static final long STREAM_PROFILES = 1;
  static final long STREAM_PATH = 2;
  static final long STREAM_VOLUME = 3;
  static final long STREAM_VENUE = 4;
  static final long STREAM_FAULTS = 5;
  static final long STREAM_HISTORY = 6;
  static final long STREAM_SCENARIOS = 7;

  final long seed;
  final List<InstrumentProfile> profiles;
  final List<Instrument> instruments;
  final Map<String, Integer> index;
  final CorrelatedNormals normals;
  final double tailDegreesOfFreedom;
  final RegimeModel regimes;
  final IntradayProfile volumeProfile;
  final double overnightVarianceShare;
  final int n;
  final double[] dailyVol;
  final double[] dailyDrift;
  final double[] adv;

  MarketModel(long seed, List<InstrumentProfile> profiles, CorrelatedNormals normals, double tailDegreesOfFreedom,
      RegimeModel regimes, IntradayProfile volumeProfile, double overnightVarianceShare) {
    this.seed = seed;
    this.profiles = List.copyOf(profiles);
    this.n = profiles.size();
    this.instruments = profiles.stream().map(InstrumentProfile::instrument).toList();
    Map<String, Integer> idx = new HashMap<>();
    this.dailyVol = new double[n];
    this.dailyDrift = new double[n];
    this.adv = new double[n];
    for (int i = 0; i < n; i++) {
      InstrumentProfile p = profiles.get(i);
      idx.put(p.instrument().id(), i);
      dailyVol[i] = p.dailyVolatility();
      dailyDrift[i] = p.annualDrift() / InstrumentProfile.SESSIONS_PER_YEAR;
      adv[i] = p.averageDailyVolume();
    }
    this.index = Map.copyOf(idx);
    this.normals = normals;
    this.tailDegreesOfFreedom = tailDegreesOfFreedom;
    this.regimes = regimes;
    this.volumeProfile = volumeProfile;
    this.overnightVarianceShare = overnightVarianceShare;
  }

  /** Returns the instrument's index, or -1. */
  int indexOf(String instrumentId) {
    Integer i = index.get(instrumentId);
    return i == null ? -1 : i;
  }

  /**
   * Draws the common scale of a normal variance mixture: {@code sqrt((nu - 2) / W)} with
   * {@code W ~ chi^2(nu)}, so that a standard normal times it is a Student t with unit variance (Demarta
   * &amp; McNeil, "The t Copula and Related Copulas", International Statistical Review 73(1), 2005, §2.1).
   * Returns 1 for a normal model ({@code nu} infinite).
   */
  double tailScale(Rng rng) {
    if (Double.isInfinite(tailDegreesOfFreedom)) {
      return 1.0;
    }
    return Math.sqrt((tailDegreesOfFreedom - 2.0) / rng.nextChiSquared(tailDegreesOfFreedom));
  }

  /** Moves a regime one step with transition probabilities {@code pCalmToStressed} and {@code pStressedToCalm}. */
  static Regime transition(Regime regime, double u, double pCalmToStressed, double pStressedToCalm) {
    if (regime == Regime.CALM) {
      return u < pCalmToStressed ? Regime.STRESSED : Regime.CALM;
    }
    return u < pStressedToCalm ? Regime.CALM : Regime.STRESSED;
  }

  /** Converts a per-day transition probability into a per-minute one over a regular session. */
  static double perMinute(double perDay) {
    return perDay >= 1.0 ? 1.0 : 1.0 - StrictMath.pow(1.0 - perDay, 1.0 / REGULAR_SESSION_MINUTES);
  }

  /**
   * Returns the maximum of a Brownian bridge from 0 to {@code b} with total variance {@code v}, given a
   * uniform {@code u} in (0, 1]: {@code (b + sqrt(b^2 - 2 v ln u)) / 2} (Beaglehole, Dybvig &amp; Zhou, "Going
   * to Extremes: Correcting Simulation Bias in Exotic Option Valuation", Financial Analysts Journal 53(1),
   * 1997). The minimum is {@code b} minus the maximum of the reversed bridge: pass {@code -b} and negate.
   */
  static double bridgeMax(double b, double v, double u) {
    return 0.5 * (b + Math.sqrt(b * b - 2.0 * v * StrictMath.log(u)));
  }

  /** Rounds a price to the nearest tick, at least one tick. */
  static double roundTick(double price, double tick) {
    return Math.max(1, Math.round(price / tick)) * tick;
  }

  /** Rounds a price down to the tick grid, at least one tick. */
  static double floorTick(double price, double tick) {
    return Math.max(1, (long) Math.floor(price / tick + 1e-9)) * tick;
  }

  /** Rounds a price up to the tick grid, at least one tick. */
  static double ceilTick(double price, double tick) {
    return Math.max(1, (long) Math.ceil(price / tick - 1e-9)) * tick;
  }
}
