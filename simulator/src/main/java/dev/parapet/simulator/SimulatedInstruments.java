package dev.parapet.simulator;

import dev.parapet.api.Checks;
import dev.parapet.api.model.Instrument;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic universe of US-dollar equities spread over the eleven GICS sectors.
 * <p>
 * Instrument {@code i} (from 0) belongs to sector {@code SECTORS[i % 11]} and is named by a three-letter
 * sector code and a number, e.g. {@code TEC001}, {@code FIN001}, ..., {@code COM001}, {@code TEC002}. Each
 * has its own issuer, except that every twentieth instrument ({@code i % 20 == 19}, {@code i >= 19}) is a
 * second share class of the issuer of instrument {@code i - 11} (same sector), so issuer concentration
 * rules have something to find. Lot size 1, tick 0.01, multiplier 1.
 * <p>
 * This class is a stateless utility and thread-safe.
 */
public final class SimulatedInstruments {

  /** The eleven GICS sectors, in the order instruments are assigned to them. */
  public static final List<String> SECTORS = List.of("Information Technology", "Financials", "Health Care",
      "Consumer Discretionary", "Communication Services", "Industrials", "Consumer Staples", "Energy", "Utilities",
      "Real Estate", "Materials");

  private static final String[] CODES = {"TEC", "FIN", "HLT", "DSC", "COM", "IND", "STP", "ENE", "UTL", "REA",
      "MAT"};

  private SimulatedInstruments() {
  }

  /**
   * Creates {@code count} instruments as described in the class documentation; the same count always
   * gives the same instruments.
   *
   * @param count how many, &gt; 0
   * @return the instruments, in order
   */
  public static List<Instrument> create(int count) {
    Checks.positive(count, "count");
    List<Instrument> out = new ArrayList<>(count);
    String[] issuers = new String[count];
    for (int i = 0; i < count; i++) {
      int sector = i % CODES.length;
      String id = CODES[sector] + String.format("%03d", i / CODES.length + 1);
      issuers[i] = (i % 20 == 19) ? issuers[i - CODES.length] : id + " Holdings Inc.";
      out.add(Instrument.usEquity(id, SECTORS.get(sector), issuers[i]));
    }
    return List.copyOf(out);
  }
}
