package dev.parapet.cli.risk;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code parapet risk} command group. */
@Command(
    name = "risk",
    mixinStandardHelpOptions = true,
    description = "Risk analytics on files: expected shortfall, tail dependence, backtests, crowding.",
    subcommands = {EsCommand.class, TailDependenceCommand.class, BacktestCommand.class, CrowdingCommand.class})
public final class RiskCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
