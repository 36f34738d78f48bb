package dev.parapet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code parapet} command: ad-hoc analytics on files and the example runner. */
@Command(
    name = "parapet",
    mixinStandardHelpOptions = true,
    scope = CommandLine.ScopeType.INHERIT, // --help and --version (this version provider) on every subcommand
    versionProvider = ParapetCommand.Version.class,
    description = "Parapet: institutional trading controls. Ad-hoc analytics on files and the example runner.",
    subcommands = {
        CommandLine.HelpCommand.class,
        dev.parapet.cli.report.ReportCommand.class,
        dev.parapet.cli.calendar.CalendarCommand.class,
        dev.parapet.cli.execution.ExecutionCommand.class,
        dev.parapet.cli.execution.TcaCommand.class,
        dev.parapet.cli.risk.RiskCommand.class,
        dev.parapet.cli.metrics.MetricsCommand.class,
        dev.parapet.cli.compliance.ComplianceCommand.class,
        dev.parapet.cli.compliance.AuditCommand.class,
        dev.parapet.cli.data.DataCommand.class,
        dev.parapet.cli.demo.DemoCommand.class,
    })
public final class ParapetCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads the version from the jar manifest (the Maven project version). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = ParapetCommand.class.getPackage().getImplementationVersion();
      return new String[] {"parapet " + (v == null ? "development build" : v)};
    }
  }
}
