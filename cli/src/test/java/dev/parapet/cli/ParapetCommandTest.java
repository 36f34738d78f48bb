package dev.parapet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The top command and the promise that every subcommand, present and future, has --help and --version. */
class ParapetCommandTest {

  private static int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cl = CliSupport.commandLine(new ParapetCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void every_subcommand_answers_help_and_version() {
    Map<String, CommandLine> subcommands = CliSupport.commandLine(new ParapetCommand()).getSubcommands();
    assertThat(subcommands).containsKey("calendar");
    for (String name : subcommands.keySet()) {
      if (name.equals("help")) {
        continue;
      }
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      assertThat(run(out, err, name, "--version")).as("%s --version", name).isZero();
      assertThat(out.toString()).as("%s --version", name).startsWith("parapet ");
      out = new StringWriter();
      assertThat(run(out, err, name, "--help")).as("%s --help", name).isZero();
      assertThat(out.toString()).as("%s --help", name).startsWith("Usage: parapet " + name);
      assertThat(err.toString()).as("%s stderr", name).isEmpty();
    }
  }

  @Test
  void top_command_answers_help_and_version() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(run(out, err, "--version")).isZero();
    assertThat(out.toString()).startsWith("parapet ");
    out = new StringWriter();
    assertThat(run(out, err, "--help")).isZero();
    assertThat(out.toString()).startsWith("Usage: parapet").contains("calendar");
  }

  @Test
  void unknown_subcommand_is_a_user_error() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(run(out, err, "no-such-command")).isEqualTo(CliSupport.EXIT_USER_ERROR);
    assertThat(err.toString()).startsWith("error: ");
  }
}
