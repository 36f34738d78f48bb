package dev.parapet.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.cli.CliSupport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir
  Path work;

  private int run(String... args) {
    CommandLine cl = CliSupport.commandLine(new DemoCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void help_lists_every_option() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("--days", "--speed", "--seed", "--host", "--port", "--data-dir", "--policy",
        "--instruments", "--start", "--exit-when-done");
  }

  @Test
  void bad_options_are_one_line_user_errors() {
    assertThat(run("--days", "0")).isEqualTo(CliSupport.EXIT_USER_ERROR);
    assertThat(err.toString()).isEqualTo("error: days must be > 0, was 0" + System.lineSeparator());
    err.getBuffer().setLength(0);
    assertThat(run("--speed", "fast")).isEqualTo(CliSupport.EXIT_USER_ERROR);
    assertThat(err.toString()).isEqualTo("error: --speed must be a number or 'max', was 'fast'" + System.lineSeparator());
    err.getBuffer().setLength(0);
    assertThat(run("--days", "many")).isEqualTo(CliSupport.EXIT_USER_ERROR);
    assertThat(err.toString()).startsWith("error: Invalid value for option '--days'");
  }

  @Test
  void a_data_directory_in_use_is_refused() throws Exception {
    Files.writeString(work.resolve("something"), "x");
    assertThat(run("--data-dir", work.toString(), "--port", "0")).isEqualTo(CliSupport.EXIT_USER_ERROR);
    assertThat(err.toString()).contains("--data-dir must be an empty or new directory");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void runs_a_short_demo_and_prints_where_everything_is() {
    Path data = work.resolve("data");
    int code = run("--days", "1", "--speed", "max", "--port", "0", "--instruments", "12", "--data-dir",
        data.toString(), "--exit-when-done");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Parapet demo: 12 simulated instruments, 1 session from 2024-01-02",
        "dashboard    http://127.0.0.1:", "#token=", "status.json  " + data.toAbsolutePath().resolve("status.json"),
        "journal      ", "reports      ", "2024-01-02 closed: NAV ", "Simulation finished: 1 session");
    assertThat(Files.isRegularFile(data.resolve("status.json"))).isTrue();
    assertThat(data.resolve("reports").resolve("2024-01-02").resolve("report.html")).isRegularFile();
  }
}
