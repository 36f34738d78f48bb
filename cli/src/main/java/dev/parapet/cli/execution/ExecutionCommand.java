package dev.parapet.cli.execution;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code parapet execution} command group. */
@Command(
    name = "execution",
    mixinStandardHelpOptions = true,
    description = "Execution analytics: optimal trade schedules.",
    subcommands = {ScheduleCommand.class, CommandLine.HelpCommand.class})
public final class ExecutionCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
