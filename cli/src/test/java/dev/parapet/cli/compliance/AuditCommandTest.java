package dev.parapet.cli.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.api.time.SimulatedClock;
import dev.parapet.cli.CliSupport;
import dev.parapet.compliance.journal.AuditJournal;
import dev.parapet.compliance.journal.Durability;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AuditCommandTest {

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path segment;

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cl = CliSupport.commandLine(new AuditCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private static String payload(int i) {
    return "{\"order\":\"O-" + i + "\",\"approved\":true}";
  }

  @BeforeEach
  void journal() throws Exception {
    try (AuditJournal j = AuditJournal.builder(dir).clock(SimulatedClock.at(Instant.parse("2024-03-05T15:00:00Z")))
        .durability(Durability.everyRecord()).open()) {
      for (int i = 1; i <= 10; i++) {
        j.append(i % 2 == 0 ? "decision" : "violation", payload(i));
      }
    }
    segment = dir.resolve("journal-00000000000000000001.log");
  }

  @Test
  void an_intact_journal_verifies_with_exit_0() throws Exception {
    assertThat(run("verify", dir.toString())).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("intact").booleanValue()).isTrue();
    assertThat(json.get("recordsRead").longValue()).isEqualTo(10);
    assertThat(json.get("lastSequence").longValue()).isEqualTo(10);
    assertThat(json.get("firstBroken").isNull()).isTrue();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void flipping_one_byte_fails_verification_and_names_the_record() throws Exception {
    byte[] bytes = Files.readAllBytes(segment);
    // record k starts at 64 + sum of the lengths before it; each is 40 + 18 + type + payload bytes
    long start = 64;
    for (int i = 1; i < 7; i++) {
      start += 58 + (i % 2 == 0 ? 8 : 9) + payload(i).getBytes(StandardCharsets.UTF_8).length;
    }
    int inRecord7 = (int) start + 30; // inside record 7's payload
    bytes[inRecord7] ^= 0x01;
    Files.write(segment, bytes);
    int code = run("verify", dir.toString());
    assertThat(code).isEqualTo(CliSupport.EXIT_CHECK_FAILED);
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("intact").booleanValue()).isFalse();
    assertThat(json.get("recordsRead").longValue()).isEqualTo(6);
    JsonNode broken = json.get("firstBroken");
    assertThat(broken.get("sequence").longValue()).isEqualTo(7);
    assertThat(broken.get("offset").longValue()).isEqualTo(start);
    assertThat(broken.get("problem").textValue()).isEqualTo("CRC_MISMATCH");
    assertThat(broken.get("segment").textValue()).isEqualTo("journal-00000000000000000001.log");
    assertThat(err.toString()).contains("record 7");
  }

  @Test
  void reads_records_as_json_lines_filtered_by_type() throws Exception {
    assertThat(run("read", dir.toString(), "--type", "decision", "--from", "5")).isZero();
    String[] lines = out.toString().split(System.lineSeparator());
    assertThat(lines).hasSize(3);
    JsonNode first = new ObjectMapper().readTree(lines[0]);
    assertThat(first.get("sequence").longValue()).isEqualTo(6);
    assertThat(first.get("type").textValue()).isEqualTo("decision");
    assertThat(first.get("payload").get("order").textValue()).isEqualTo("O-6");
    assertThat(first.get("time").textValue()).isEqualTo("2024-03-05T15:00:00Z");
  }

  @Test
  void a_missing_or_empty_directory_is_a_user_error() throws Exception {
    assertThat(run("verify", dir.resolve("nope").toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("error: audit journal directory " + dir.resolve("nope") + " does not exist"
        + System.lineSeparator());
    Path empty = Files.createDirectory(dir.resolve("empty"));
    assertThat(run("verify", empty.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("holds no audit journal segments");
  }
}
