package dev.parapet.cli.data;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code parapet data} command group. */
@Command(name = "data", mixinStandardHelpOptions = true,
    description = "Historical market data: import bars, check their quality, maintain the store.",
    subcommands = {DataImportCommand.class, DataCheckCommand.class, DataMaintainCommand.class})
public final class DataCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
