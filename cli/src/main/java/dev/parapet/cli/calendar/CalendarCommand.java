package dev.parapet.cli.calendar;

import dev.parapet.api.calendar.MarketCalendar;
import dev.parapet.api.calendar.MarketCalendars;
import dev.parapet.api.calendar.TradingSession;
import dev.parapet.cli.CliSupport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parapet calendar --exchange XNYS --year 2026}: prints one line of JSON,
 * {@code {"exchange":"XNYS","year":2026,"holidays":["2026-01-01",...],"earlyCloses":[{"date":"2026-11-27","close":"13:00"},...]}}.
 * <p>
 * Holidays are the weekday full closures in date order; early closes give the session date and its
 * close in the exchange's local time. An unknown exchange or a year outside the calendar's range is a
 * user mistake: one line on stderr, exit code 2.
 */
@Command(
    name = "calendar",
    mixinStandardHelpOptions = true,
    description = "Print an exchange's full holidays and early closes for a year as JSON.")
public final class CalendarCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--exchange", paramLabel = "MIC", defaultValue = "XNYS",
      description = "ISO 10383 market identifier code (default: ${DEFAULT-VALUE}; known: XNYS).")
  private String exchange;

  @Option(names = "--year", required = true, paramLabel = "YYYY", description = "The calendar year, e.g. 2026.")
  private int year;

  @Override
  public Integer call() {
    MarketCalendar calendar = MarketCalendars.of(exchange);
    List<String> holidays = new ArrayList<>();
    for (LocalDate d : calendar.holidays(year)) {
      holidays.add(d.toString());
    }
    List<Map<String, String>> earlyCloses = new ArrayList<>();
    for (TradingSession s : calendar.earlyCloses(year)) {
      Map<String, String> e = new LinkedHashMap<>();
      e.put("date", s.date().toString());
      e.put("close", s.close().toLocalTime().toString());
      earlyCloses.add(e);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("exchange", calendar.exchange());
    out.put("year", year);
    out.put("holidays", holidays);
    out.put("earlyCloses", earlyCloses);
    CliSupport.printJson(spec.commandLine().getOut(), out);
    return CliSupport.EXIT_OK;
  }
}
