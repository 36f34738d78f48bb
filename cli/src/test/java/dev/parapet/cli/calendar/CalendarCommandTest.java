package dev.parapet.cli.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.cli.CliSupport;
import dev.parapet.cli.ParapetCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CalendarCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Object command, String... args) {
    CommandLine cl = CliSupport.commandLine(command);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void prints_the_2026_xnys_calendar_exactly_as_specified() {
    // NYSE Group holiday and early-closing calendar for 2026 (press releases of 2024-11-08 and 2025-12-23)
    int code = run(new CalendarCommand(), "--exchange", "XNYS", "--year", "2026");
    assertThat(code).isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString()).isEqualTo("{\"exchange\":\"XNYS\",\"year\":2026,"
        + "\"holidays\":[\"2026-01-01\",\"2026-01-19\",\"2026-02-16\",\"2026-04-03\",\"2026-05-25\",\"2026-06-19\","
        + "\"2026-07-03\",\"2026-09-07\",\"2026-11-26\",\"2026-12-25\"],"
        + "\"earlyCloses\":[{\"date\":\"2026-11-27\",\"close\":\"13:00\"},{\"date\":\"2026-12-24\",\"close\":\"13:00\"}]}"
        + System.lineSeparator());
  }

  @Test
  void runs_as_a_subcommand_of_parapet_with_xnys_as_the_default_exchange() {
    // NYSE Group 2024-11-08: 2027 early close only on Fri Nov 26 (Christmas observed Fri Dec 24)
    int code = run(new ParapetCommand(), "calendar", "--year", "2027");
    assertThat(code).isZero();
    assertThat(out.toString()).startsWith("{\"exchange\":\"XNYS\",\"year\":2027,\"holidays\":[\"2027-01-01\",")
        .contains("\"2027-12-24\"]")
        .endsWith("\"earlyCloses\":[{\"date\":\"2027-11-26\",\"close\":\"13:00\"}]}" + System.lineSeparator());
  }

  @Test
  void unknown_exchange_is_a_one_line_user_error() {
    int code = run(new CalendarCommand(), "--exchange", "XLON", "--year", "2026");
    assertThat(code).isEqualTo(CliSupport.EXIT_USER_ERROR);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEqualTo(
        "error: exchange must be a known market identifier code, one of [XNYS], was 'XLON'" + System.lineSeparator());
  }

  @Test
  void year_outside_the_calendar_is_a_one_line_user_error() {
    int code = run(new CalendarCommand(), "--year", "1999");
    assertThat(code).isEqualTo(CliSupport.EXIT_USER_ERROR);
    assertThat(err.toString()).isEqualTo(
        "error: year must be in 2000 to 2099 (the years the XNYS calendar covers), was 1999" + System.lineSeparator());
  }

  @Test
  void missing_or_malformed_year_is_a_user_error_without_stack_trace() {
    assertThat(run(new CalendarCommand())).isEqualTo(CliSupport.EXIT_USER_ERROR);
    assertThat(err.toString()).contains("Missing required option: '--year=YYYY'").doesNotContain("\tat ");
    err.getBuffer().setLength(0);
    assertThat(run(new CalendarCommand(), "--year", "twenty")).isEqualTo(CliSupport.EXIT_USER_ERROR);
    assertThat(err.toString()).contains("'twenty' is not an int").doesNotContain("\tat ");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void help_describes_the_options() {
    assertThat(run(new ParapetCommand(), "calendar", "--help")).isZero();
    assertThat(out.toString()).startsWith("Usage: parapet calendar").contains("--exchange=MIC", "--year=YYYY");
  }
}
