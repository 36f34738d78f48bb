package dev.parapet.risk.drawdown;

import dev.parapet.api.Checks;
import dev.parapet.api.alert.Alert;
import dev.parapet.api.alert.AlertCategory;
import dev.parapet.api.alert.AlertSink;
import dev.parapet.api.alert.Severity;
import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.Side;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The tiered drawdown budget behind {@link DrawdownController#builder()}. Thread-safe (see the interface). */
final class TieredDrawdownController implements DrawdownController {

  static final double THRESHOLD_TOLERANCE = 1e-12;

  private final String account;
  private final double budget;
  private final double normalMaxGrossLeverage;
  private final List<DrawdownTier> tiers;
  private final double recoveryMargin;
  private final Duration minimumRecoveryTime;
  private final ReductionPolicy policy;
  private final RiskContribution riskContribution;
  private final InstantSource clock;
  private final AlertSink alertSink;

  private final Object lock = new Object();
  private volatile DrawdownState state;
  private double highWaterMark;
  private Alert firing;

  TieredDrawdownController(String account, double budget, double normalMaxGrossLeverage, List<DrawdownTier> tiers,
      double recoveryMargin, Duration minimumRecoveryTime, ReductionPolicy policy, RiskContribution riskContribution,
      InstantSource clock, AlertSink alertSink, double initialHighWaterMark) {
    this.account = account;
    this.budget = budget;
    this.normalMaxGrossLeverage = normalMaxGrossLeverage;
    this.tiers = tiers;
    this.recoveryMargin = recoveryMargin;
    this.minimumRecoveryTime = minimumRecoveryTime;
    this.policy = policy;
    this.riskContribution = riskContribution;
    this.clock = clock;
    this.alertSink = alertSink;
    this.highWaterMark = Double.isNaN(initialHighWaterMark) ? 0 : initialHighWaterMark;
    this.state = new DrawdownState(account, 0, highWaterMark, highWaterMark, 0, 0, normalMaxGrossLeverage,
        clock.instant());
  }

  @Override
  public String account() {
    return account;
  }

  @Override
  public DrawdownState state() {
    return state;
  }

  @Override
  public Optional<DrawdownTransition> update(double nav) {
    return apply(nav, null);
  }

  @Override
  public Optional<DrawdownTransition> update(PortfolioView portfolio) {
    Checks.notNull(portfolio, "portfolio");
    return apply(portfolio.nav(account), portfolio);
  }

  @Override
  public DeleverageInstruction deleverage(PortfolioView portfolio) {
    Checks.notNull(portfolio, "portfolio");
    synchronized (lock) {
      return instruction(portfolio, state, clock.instant());
    }
  }

  private Optional<DrawdownTransition> apply(double nav, PortfolioView portfolio) {
    Checks.finite(nav, "nav", "account " + account);
    synchronized (lock) {
      Instant now = clock.instant();
      if (nav > highWaterMark) {
        highWaterMark = nav;
      }
      double drawdown = highWaterMark > 0 ? Math.max(0, (highWaterMark - nav) / highWaterMark) : 1;
      double used = drawdown / budget;
      DrawdownState old = state;
      int current = old.tier();
      int next = current;
      int target = tierFor(used, 0);
      if (target > current) {
        next = target;
      } else if (target < current) {
        int recovered = tierFor(used, recoveryMargin);
        if (recovered < current && Duration.between(old.since(), now).compareTo(minimumRecoveryTime) >= 0) {
          next = recovered;
        }
      }
      DrawdownState s = new DrawdownState(account, next, nav, highWaterMark, drawdown, used, maxGrossLeverage(next),
          next == current ? old.since() : now);
      state = s;
      if (next == current) {
        return Optional.empty();
      }
      Optional<DeleverageInstruction> instruction = next > current && portfolio != null
          ? Optional.of(instruction(portfolio, s, now))
          : Optional.empty();
      publish(s, now, instruction);
      return Optional.of(new DrawdownTransition(old, s, instruction));
    }
  }

  /**
   * The highest tier whose threshold minus {@code margin} is at most {@code used}; 0 if none. Reaching a
   * threshold within {@value #THRESHOLD_TOLERANCE} counts as reaching it, so that binary rounding (0.075 / 0.1
   * is 0.7499999999999999) cannot keep an account out of a tier it has reached.
   */
  private int tierFor(double used, double margin) {
    int tier = 0;
    for (int i = 0; i < tiers.size(); i++) {
      if (used >= tiers.get(i).budgetUsed() - margin - THRESHOLD_TOLERANCE) {
        tier = i + 1;
      }
    }
    return tier;
  }

  private double maxGrossLeverage(int tier) {
    return tier == 0 ? normalMaxGrossLeverage : normalMaxGrossLeverage * tiers.get(tier - 1).leverageFraction();
  }

  private void publish(DrawdownState s, Instant now, Optional<DeleverageInstruction> instruction) {
    if (firing != null) {
      alertSink.publish(firing.resolvedAt(now));
      firing = null;
    }
    if (s.tier() > 0) {
      String summary = String.format(Locale.ROOT,
          "drawdown %.2f%% used %.0f%% of the %.2f%% budget: tier %d, max gross leverage %.2f", 100 * s.drawdown(),
          100 * s.budgetUsed(), 100 * budget, s.tier(), s.maxGrossLeverage());
      Alert.Builder b = Alert.builder(ALERT_NAME, s.halted() ? Severity.CRITICAL : Severity.HIGH, AlertCategory.RISK)
          .label(Alert.ACCOUNT, account)
          .label("tier", Integer.toString(s.tier()))
          .summary(summary)
          .annotation("drawdown", Double.toString(s.drawdown()))
          .annotation("budgetUsed", Double.toString(s.budgetUsed()))
          .annotation("nav", Double.toString(s.nav()))
          .annotation("highWaterMark", Double.toString(s.highWaterMark()))
          .annotation("maxGrossLeverage", Double.toString(s.maxGrossLeverage()))
          .startsAt(now);
      instruction.ifPresent(i -> b.annotation("targetGrossExposure", Double.toString(i.targetGrossExposure()))
          .annotation("reducingOrders", Integer.toString(i.orders().size())));
      firing = b.build();
      alertSink.publish(firing);
    }
  }

  private DeleverageInstruction instruction(PortfolioView portfolio, DrawdownState s, Instant now) {
    List<Holding> holdings = new ArrayList<>();
    portfolio.forEachPosition(account, (instrument, quantity, pendingBuy, pendingSell, markPrice, averageCost) -> {
      if (quantity != 0) {
        holdings.add(new Holding(instrument, quantity, markPrice));
      }
    });
    double nav = portfolio.nav(account);
    double gross = 0;
    for (Holding h : holdings) {
      gross += h.notional();
    }
    double target = s.maxGrossLeverage() * Math.max(nav, 0);
    List<ReducingOrder> orders = new ArrayList<>();
    if (s.maxGrossLeverage() == 0 && s.tier() > 0) {
      for (Holding h : holdings) {
        orders.add(h.reduce(Math.abs(h.quantity)));
      }
    } else if (gross > target) {
      double reduction = gross - target;
      if (policy == ReductionPolicy.PRO_RATA) {
        double fraction = reduction / gross;
        for (Holding h : holdings) {
          long q = h.lotsAtLeast(Math.abs(h.quantity) * fraction);
          if (q > 0) {
            orders.add(h.reduce(q));
          }
        }
      } else {
        for (Holding h : holdings) {
          h.risk = riskContribution.of(h.instrument.id(), h.signedNotional());
        }
        holdings.sort(Comparator.comparingDouble((Holding h) -> h.risk).reversed().thenComparing(h -> h.instrument.id()));
        double remaining = reduction;
        for (Holding h : holdings) {
          if (remaining <= 0) {
            break;
          }
          long q = h.lotsAtLeast(remaining / h.unitNotional());
          if (q > 0) {
            ReducingOrder o = h.reduce(q);
            orders.add(o);
            remaining -= o.notional();
          }
        }
      }
    }
    return new DeleverageInstruction(account, s.tier(), now, nav, gross, target, policy, orders);
  }

  /** A filled position with a usable mark. */
  private static final class Holding {
    final Instrument instrument;
    final long quantity;
    final double mark;
    double risk;

    Holding(Instrument instrument, long quantity, double mark) {
      this.instrument = instrument;
      this.quantity = quantity;
      this.mark = mark;
    }

    double unitNotional() {
      return Double.isFinite(mark) ? mark * instrument.multiplier() : 0;
    }

    double notional() {
      return Math.abs(quantity) * unitNotional();
    }

    double signedNotional() {
      return quantity * unitNotional();
    }

    /** The whole lots needed to cover {@code units}, at most the position. */
    long lotsAtLeast(double units) {
      if (!(units > 0) || unitNotional() == 0) {
        return 0;
      }
      long lot = instrument.lotSize();
      long lots = (long) Math.ceil(units / lot - 1e-9);
      return Math.min(lots * lot, Math.abs(quantity));
    }

    ReducingOrder reduce(long q) {
      return new ReducingOrder(instrument.id(), quantity > 0 ? Side.SELL : Side.BUY, q, q * unitNotional());
    }
  }
}
