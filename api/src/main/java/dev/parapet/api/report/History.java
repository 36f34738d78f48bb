package dev.parapet.api.report;

import dev.parapet.api.Checks;
import java.time.Instant;
import java.util.List;

/**
 * The series behind a report's charts, oldest first: NAV (the equity curve), drawdown and expected
 * shortfall. Any series may be empty (nothing recorded yet); the charts then say so.
 * <p>
 * This class is immutable and thread-safe.
 *
 * @param equityCurve NAV in the base currency
 * @param drawdown drawdown from the high-water mark as a positive fraction (0.05 = 5% below the peak);
 *     when empty the report derives it from the equity curve
 * @param expectedShortfall ES@97.5% of the portfolio as a positive loss in the base currency
 */
public record History(List<Point> equityCurve, List<Point> drawdown, List<Point> expectedShortfall) {

  /** Validates and copies the series; times must strictly increase within each. */
  public History {
    equityCurve = Values.list(equityCurve, "equityCurve", null);
    drawdown = Values.list(drawdown, "drawdown", null);
    expectedShortfall = Values.list(expectedShortfall, "expectedShortfall", null);
    Values.increasing(equityCurve, "equityCurve");
    Values.increasing(drawdown, "drawdown");
    Values.increasing(expectedShortfall, "expectedShortfall");
  }

  /** Returns a history with no points. */
  public static History empty() {
    return new History(List.of(), List.of(), List.of());
  }

  /**
   * One observation of a series.
   *
   * @param time when it was observed
   * @param value the value, finite
   */
  public record Point(Instant time, double value) {

    /** Validates the fields. */
    public Point {
      Checks.notNull(time, "time");
      Checks.finite(value, "value", "point at " + time);
    }
  }
}
