package dev.parapet.cli.compliance;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code parapet audit}: the audit journal; see {@code parapet audit verify --help}. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Audit journal tools: verify a journal's checksums and hash chain, read its records.",
    subcommands = {AuditVerifyCommand.class, AuditReadCommand.class})
public final class AuditCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
