package dev.parapet.compliance.journal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;

/**
 * The child process of {@link JournalCrashTest}: opens the journal (recovering it), prints
 * {@code OPEN <last sequence> <truncated bytes>}, then appends records for ever and prints
 * {@code ACK <sequence> <token>} for each record only after {@link AuditJournal#append} returned, i.e.
 * once it was acknowledged. The test kills it with {@code kill -9} at a random moment.
 * <p>
 * Arguments: {@code <dir> <every|group> <round> <threads>}.
 */
public final class JournalWriterMain {

  private JournalWriterMain() {
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Durability durability = args[1].equals("every") ? Durability.everyRecord()
        : Durability.groupCommit(Duration.ofMillis(2));
    String round = args[2];
    int threads = Integer.parseInt(args[3]);
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    AuditJournal journal = AuditJournal.builder(dir).durability(durability).clock(InstantSource.system())
        .segmentBytes(64 * 1024).open();
    out.println("OPEN " + journal.lastSequence() + " " + journal.truncatedBytes());
    String pad = "x".repeat(150);
    Thread[] writers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      String writer = "r" + round + "t" + t;
      writers[t] = new Thread(() -> {
        for (long n = 0; ; n++) {
          String token = writer + "-" + n;
          long seq = journal.append("crash.test", "{\"token\":\"" + token + "\",\"pad\":\"" + pad + "\"}");
          synchronized (out) {
            out.println("ACK " + seq + " " + token);
          }
        }
      });
      writers[t].start();
    }
    for (Thread w : writers) {
      w.join();
    }
  }
}
