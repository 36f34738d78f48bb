package dev.parapet.cli.compliance;

import dev.parapet.cli.CliSupport;
import dev.parapet.compliance.journal.AuditJournal;
import dev.parapet.compliance.journal.JournalCorruptedException;
import dev.parapet.compliance.journal.JournalRecord;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parapet audit read DIR [--type TYPE] [--from SEQ]}: prints the journal's verified records, one
 * JSON object per line: {@code {"sequence":1,"time":"...","type":"decision","hash":"...","payload":{...}}}.
 * Reading stops quietly at a torn tail; at a break the records before it are printed, the break goes to
 * stderr and the exit code is 1.
 */
@Command(
    name = "read",
    mixinStandardHelpOptions = true,
    description = "Print an audit journal's records as JSON lines.")
public final class AuditReadCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The journal directory.")
  private Path directory;

  @Option(names = "--type", paramLabel = "TYPE", description = "Only records of this type, e.g. decision.")
  private String type;

  @Option(names = "--from", paramLabel = "SEQ", defaultValue = "1", description = "The first sequence to print.")
  private long from;

  @Override
  public Integer call() {
    AuditVerifyCommand.requireJournal(directory);
    PrintWriter out = spec.commandLine().getOut();
    try (Stream<JournalRecord> records = AuditJournal.read(directory)) {
      for (Iterator<JournalRecord> it = records.iterator(); it.hasNext(); ) {
        JournalRecord r = it.next();
        if (r.sequence() >= from && (type == null || type.equals(r.type()))) {
          out.println(r.toJson());
        }
      }
    } catch (JournalCorruptedException e) {
      out.flush();
      spec.commandLine().getErr().println("error: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return CliSupport.EXIT_CHECK_FAILED;
    }
    out.flush();
    return CliSupport.EXIT_OK;
  }
}
