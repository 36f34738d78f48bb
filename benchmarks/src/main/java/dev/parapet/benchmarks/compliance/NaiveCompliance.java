package dev.parapet.benchmarks.compliance;

import dev.parapet.api.book.Position;
import dev.parapet.api.book.PositionBook;
import dev.parapet.api.calendar.MarketCalendar;
import dev.parapet.api.model.Instrument;
import dev.parapet.api.model.OrderRequest;
import dev.parapet.api.model.Side;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The baseline: the same seventeen checks with the same limits as {@link BenchmarkBook#ALL_RULES_POLICY},
 * written the obvious way. It snapshots the account's positions ({@code PositionBook.positions}),
 * aggregates issuer and sector exposure with streams and {@code groupingBy}, keeps the order history in
 * lists of records with {@code Instant}s, asks the calendar per order, and returns the breaches as a list
 * of strings.
 */
final class NaiveCompliance {

  private record Recent(OrderRequest order, Instant at) {
  }

  private final BenchmarkBook scene;
  private final InstantSource clock;
  private final MarketCalendar calendar;
  private final List<String> restrictedInstruments = List.of("BAD1", "BAD2");
  private final List<String> restrictedIssuers = List.of("Bad Issuer");
  private final Set<String> halted = new HashSet<>();
  private final Map<String, Double> adv = new HashMap<>();
  private final Map<String, Long> locates = new HashMap<>();
  private final List<Recent> recent = new ArrayList<>();
  private final Map<String, Double> startNav = new HashMap<>();

  NaiveCompliance(BenchmarkBook scene, InstantSource clock, MarketCalendar calendar) {
    this.scene = scene;
    this.clock = clock;
    this.calendar = calendar;
    for (Instrument i : scene.universe) {
      adv.put(i.id(), 1_000_000.0);
      locates.put(BenchmarkBook.ACCOUNT + "/" + i.id(), 10_000L);
    }
    for (OrderRequest r : scene.recent) {
      recent.add(new Recent(r, clock.instant()));
    }
    startNav.put(BenchmarkBook.ACCOUNT, scene.book.nav(BenchmarkBook.ACCOUNT));
  }

  private static double worst(Position p) {
    return Math.max(Math.abs(p.quantity() + p.pendingBuyQuantity()), Math.abs(p.quantity() - p.pendingSellQuantity()))
        * p.markPrice() * p.instrument().multiplier();
  }

  List<String> check(OrderRequest o) {
    PositionBook book = scene.book;
    List<String> breaches = new ArrayList<>();
    String account = o.account();
    Instrument inst = o.instrument();
    List<Position> positions = book.positions(account);
    double nav = book.summary(account).nav();
    Instant now = clock.instant();

    if (restrictedInstruments.contains(inst.id()) || restrictedIssuers.contains(inst.issuer())) {
      breaches.add("restricted " + inst.id());
    }
    if (o.quantity() > 100_000) {
      breaches.add("quantity " + o.quantity());
    }
    double mark = positions.stream().filter(p -> p.instrument().id().equals(inst.id())).mapToDouble(Position::markPrice)
        .findFirst().orElse(book.markPrice(inst.id()));
    double price = o.isLimit() ? o.limitPrice().getAsDouble() : mark;
    if (inst.notional(o.quantity(), price) > 5_000_000) {
      breaches.add("notional");
    }
    if (o.isLimit() && Math.abs(price - mark) / mark * 100 > 5) {
      breaches.add("collar");
    }
    Position current = positions.stream().filter(p -> p.instrument().id().equals(inst.id())).findFirst().orElse(null);
    long q = current == null ? 0 : current.quantity();
    long pb = current == null ? 0 : current.pendingBuyQuantity();
    long ps = current == null ? 0 : current.pendingSellQuantity();
    long before = Math.max(Math.abs(q + pb), Math.abs(q - ps));
    long after = o.side().isBuy() ? Math.max(Math.abs(q + pb + o.quantity()), Math.abs(q - ps))
        : Math.max(Math.abs(q + pb), Math.abs(q - ps - o.quantity()));
    double added = (after - before) * mark * inst.multiplier();
    if (after > 1_000_000 || after * mark > 50_000_000) {
      breaches.add("position");
    }
    Map<String, Double> byIssuer = positions.stream().collect(Collectors.groupingBy(p -> p.instrument().issuer(),
        Collectors.summingDouble(NaiveCompliance::worst)));
    byIssuer.merge(inst.issuer(), added, Double::sum);
    if (byIssuer.get(inst.issuer()) / nav * 100 > 10) {
      breaches.add("issuer");
    }
    double aggregate = byIssuer.values().stream().filter(v -> v / nav * 100 > 5).mapToDouble(Double::doubleValue)
        .sum();
    if (aggregate / nav * 100 > 40) {
      breaches.add("issuer aggregate");
    }
    Map<String, Double> bySector = positions.stream().collect(Collectors.groupingBy(p -> p.instrument().sector(),
        Collectors.summingDouble(NaiveCompliance::worst)));
    bySector.merge(inst.sector(), added, Double::sum);
    if (bySector.get(inst.sector()) / nav * 100 > 40) {
      breaches.add("sector");
    }
    double gross = positions.stream().mapToDouble(NaiveCompliance::worst).sum() + added;
    double netHigh = positions.stream().mapToDouble(p -> (p.quantity() + p.pendingBuyQuantity()) * p.markPrice())
        .sum();
    double netLow = positions.stream().mapToDouble(p -> (p.quantity() - p.pendingSellQuantity()) * p.markPrice())
        .sum();
    double n = inst.notional(o.quantity(), mark);
    double net = o.side().isBuy() ? Math.max(Math.abs(netHigh + n), Math.abs(netLow))
        : Math.max(Math.abs(netHigh), Math.abs(netLow - n));
    if (gross > 500_000_000 || net > 200_000_000) {
      breaches.add("exposure");
    }
    if (gross / nav > 3) {
      breaches.add("leverage");
    }
    if (o.side() == Side.SELL_SHORT && locates.getOrDefault(account + "/" + inst.id(), 0L) < o.quantity()) {
      breaches.add("locate");
    }
    if (o.side() == Side.SELL && q - ps < o.quantity()) {
      breaches.add("oversell");
    }
    boolean wash = recent.stream().map(Recent::order).filter(r -> r.account().equals(account)
        && r.instrument().id().equals(inst.id()) && r.side().isBuy() != o.side().isBuy())
        .anyMatch(r -> !r.isLimit() || !o.isLimit() || (o.side().isBuy()
            ? r.limitPrice().getAsDouble() <= price : r.limitPrice().getAsDouble() >= price));
    if (wash) {
      breaches.add("wash");
    }
    Instant windowStart = now.minus(Duration.ofMillis(1000));
    long accountMessages = recent.stream().filter(r -> r.order().account().equals(account)
        && r.at().isAfter(windowStart)).count();
    long instrumentMessages = recent.stream().filter(r -> r.order().instrument().id().equals(inst.id())
        && r.at().isAfter(windowStart)).count();
    if (accountMessages >= 1000 || instrumentMessages >= 50) {
      breaches.add("throttle");
    }
    if (book.openOrderCount(account) + 1 > 500) {
      breaches.add("open orders");
    }
    Double volume = adv.get(inst.id());
    if (volume == null || o.quantity() / volume * 100 > 10) {
      breaches.add("adv");
    }
    boolean duplicate = recent.stream().anyMatch(r -> r.at().isAfter(windowStart)
        && r.order().account().equals(account) && r.order().instrument().id().equals(inst.id())
        && r.order().side() == o.side() && r.order().quantity() == o.quantity()
        && r.order().limitPrice().equals(o.limitPrice()));
    if (duplicate) {
      breaches.add("duplicate");
    }
    if (!calendar.isOpen(now) || halted.contains(inst.id())) {
      breaches.add("session");
    }
    double loss = startNav.get(account) - nav;
    if (loss > 1_000_000 || loss / startNav.get(account) * 100 > 5) {
      breaches.add("daily loss");
    }
    return breaches;
  }
}
