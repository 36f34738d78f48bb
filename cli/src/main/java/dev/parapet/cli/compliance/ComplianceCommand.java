package dev.parapet.cli.compliance;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code parapet compliance}: compliance tools; see {@code parapet compliance check --help}. */
@Command(
    name = "compliance",
    mixinStandardHelpOptions = true,
    description = "Compliance tools: check an order against a policy and a portfolio.",
    subcommands = {ComplianceCheckCommand.class})
public final class ComplianceCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
