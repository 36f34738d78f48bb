package dev.parapet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that the build's dependency rule (the {@code capability-dependency-rule} enforcer execution in
 * the parent pom, DESIGN.md rules 1 and 8) fails a build that breaks it.
 * <p>
 * It writes a throwaway reactor whose capability-like modules take the real parent pom as their parent
 * (switching the rule on with {@code parapet.capability.rule.skip=false}) and runs
 * {@code mvn -o -B -fae validate} on it: a module depending on a logging backend and one depending on
 * another capability module must fail with the rule's message; a control module depending on slf4j-api
 * must pass. The two forbidden artifacts are stand-in {@code pom} modules in the throwaway reactor
 * (named {@code ch.qos.logback:logback-classic} and {@code dev.parapet:parapet-risk}), so the probe needs
 * nothing beyond what the build itself has already resolved and runs offline. Skipped, with a message,
 * when {@code mvn} is not on the PATH.
 */
class DependencyRuleTest {

  private static final String RULE_MESSAGE =
      "A capability module (*-core) may depend on parapet-api and libraries only";

  @TempDir
  Path dir;

  @Test
  void the_build_fails_when_a_capability_module_depends_on_a_logging_backend_or_another_capability()
      throws Exception {
    String mvn = findOnPath(isWindows() ? "mvn.cmd" : "mvn");
    if (mvn == null) {
      System.out.println("DependencyRuleTest SKIPPED: mvn is not on the PATH, the dependency rule was not exercised");
    }
    assumeTrue(mvn != null, "mvn is not on the PATH");
    Path parentPom = Path.of(System.getProperty("basedir", "")).toAbsolutePath().getParent().resolve("pom.xml");
    assertThat(Files.readString(parentPom)).contains("<artifactId>parapet-parent</artifactId>",
        "<id>capability-dependency-rule</id>");

    write("pom.xml", """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>probe</groupId><artifactId>probe-reactor</artifactId><version>1</version>
          <packaging>pom</packaging>
          <modules>
            <module>fake-logback</module><module>fake-risk</module>
            <module>allowed-core</module><module>backend-core</module><module>capability-core</module>
          </modules>
        </project>
        """);
    write("fake-logback/pom.xml", standIn("ch.qos.logback", "logback-classic", "1.5.0"));
    write("fake-risk/pom.xml", standIn("dev.parapet", "parapet-risk", "0.1.0-SNAPSHOT"));
    write("allowed-core/pom.xml", capability(parentPom, "probe-allowed-core",
        "<dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId></dependency>"));
    write("backend-core/pom.xml", capability(parentPom, "probe-backend-core",
        "<dependency><groupId>ch.qos.logback</groupId><artifactId>logback-classic</artifactId>"
            + "<version>1.5.0</version><type>pom</type></dependency>"));
    write("capability-core/pom.xml", capability(parentPom, "probe-capability-core",
        "<dependency><groupId>dev.parapet</groupId><artifactId>parapet-risk</artifactId>"
            + "<version>0.1.0-SNAPSHOT</version><type>pom</type></dependency>"));

    List<String> command = new ArrayList<>(List.of(mvn, "-o", "-B", "-fae", "validate"));
    String repo = System.getProperty("maven.repo.local");
    if (repo != null && !repo.isBlank()) {
      command.add("-Dmaven.repo.local=" + repo);
    }
    Path log = dir.resolve("mvn.log");
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("mvn validate on the probe did not finish within 5 minutes:\n" + Files.readString(log));
    }
    String out = Files.readString(log);

    assertThat(p.exitValue()).as(out).isNotZero();
    assertThat(out).as(out)
        .contains(RULE_MESSAGE)
        .contains("(capability-dependency-rule) on project probe-backend-core")
        .contains("ch.qos.logback:logback-classic:pom:1.5.0 <--- banned")
        .contains("(capability-dependency-rule) on project probe-capability-core")
        .contains("dev.parapet:parapet-risk:pom:0.1.0-SNAPSHOT <--- banned")
        .containsPattern("probe-allowed-core [^\\n]*SUCCESS")
        .containsPattern("probe-backend-core [^\\n]*FAILURE")
        .containsPattern("probe-capability-core [^\\n]*FAILURE");
  }

  private static String standIn(String groupId, String artifactId, String version) {
    return """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version><packaging>pom</packaging>
        </project>
        """.formatted(groupId, artifactId, version);
  }

  private String capability(Path parentPom, String artifactId, String dependency) {
    Path moduleDir = dir.resolve(artifactId.replace("probe-", ""));
    String relative = moduleDir.relativize(parentPom).toString().replace(File.separatorChar, '/');
    return """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>dev.parapet</groupId><artifactId>parapet-parent</artifactId><version>0.1.0-SNAPSHOT</version>
            <relativePath>%s</relativePath>
          </parent>
          <artifactId>%s</artifactId>
          <packaging>pom</packaging>
          <properties><parapet.capability.rule.skip>false</parapet.capability.rule.skip></properties>
          <dependencies>%s</dependencies>
        </project>
        """.formatted(relative, artifactId, dependency);
  }

  private void write(String file, String content) throws IOException {
    Path path = dir.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, content, StandardCharsets.UTF_8);
  }

  private static String findOnPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String d : path.split(File.pathSeparator)) {
      Path candidate = Path.of(d, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("windows");
  }
}
