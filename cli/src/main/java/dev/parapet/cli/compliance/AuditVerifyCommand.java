package dev.parapet.cli.compliance;

import dev.parapet.cli.CliSupport;
import dev.parapet.cli.UserException;
import dev.parapet.compliance.journal.AuditJournal;
import dev.parapet.compliance.journal.JournalBreak;
import dev.parapet.compliance.journal.JournalVerification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parapet audit verify DIR}: verifies every segment header, record checksum (CRC32C), sequence
 * number and SHA-256 hash link of the audit journal in DIR, without changing it, and prints one line of
 * JSON:
 * <pre>{@code
 * {"directory":"journal","intact":false,"segments":1,"recordsRead":41,"firstSequence":1,"lastSequence":41,
 *  "lastHash":"9f2c...","firstBroken":{"sequence":42,"segment":"journal-00000000000000000001.log",
 *  "offset":10764,"problem":"CRC_MISMATCH","detail":"record checksum mismatch"}}
 * }</pre>
 * {@code recordsRead} counts the records verified before the first break; {@code firstBroken} is
 * {@code null} when the journal is intact. A torn tail (an incomplete last record left by a crash,
 * which opening the journal truncates) is reported as problem {@code TORN_TAIL}. Exit code 0 only if
 * the journal is intact, 1 otherwise, 2 if DIR is missing or holds no journal.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Verify an audit journal's checksums and hash chain; exit 0 only if intact.")
public final class AuditVerifyCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The journal directory.")
  private Path directory;

  @Override
  public Integer call() {
    requireJournal(directory);
    JournalVerification v = AuditJournal.verify(directory);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("directory", directory.toString());
    out.put("intact", v.intact());
    out.put("segments", v.segments());
    out.put("recordsRead", v.records());
    out.put("firstSequence", v.firstSequence());
    out.put("lastSequence", v.lastSequence());
    out.put("lastHash", v.lastHash());
    Map<String, Object> broken = null;
    if (v.firstBreak().isPresent()) {
      JournalBreak b = v.firstBreak().get();
      broken = new LinkedHashMap<>();
      broken.put("sequence", b.sequence());
      broken.put("segment", b.segment().getFileName().toString());
      broken.put("offset", b.offset());
      broken.put("problem", b.kind().name());
      broken.put("detail", b.detail());
    }
    out.put("firstBroken", broken);
    CliSupport.printJson(spec.commandLine().getOut(), out);
    if (!v.intact()) {
      spec.commandLine().getErr().println("audit journal " + directory + " is not intact: "
          + v.firstBreak().orElseThrow());
      spec.commandLine().getErr().flush();
    }
    return v.intact() ? CliSupport.EXIT_OK : CliSupport.EXIT_CHECK_FAILED;
  }

  /** Checks that a directory exists and holds journal segments. */
  static void requireJournal(Path directory) {
    if (!Files.exists(directory)) {
      throw new UserException("audit journal directory " + directory + " does not exist");
    }
    if (!Files.isDirectory(directory)) {
      throw new UserException(directory + " is not a directory; expected an audit journal directory");
    }
    try (Stream<Path> s = Files.list(directory)) {
      if (s.noneMatch(p -> p.getFileName().toString().matches("journal-\\d{20}\\.log"))) {
        throw new UserException("directory " + directory + " holds no audit journal segments (journal-*.log)");
      }
    } catch (IOException e) {
      throw new UserException("cannot list " + directory + ": " + e.getMessage(), e);
    }
  }
}
